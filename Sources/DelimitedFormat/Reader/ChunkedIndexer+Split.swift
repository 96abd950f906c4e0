import Dispatch

/// The file's second half, indexed on a helper thread from a guessed record
/// boundary (`SplitPoint`) while the calling thread indexes the first half.
///
/// The guess is checked, not trusted: the first half's scan must end a
/// record exactly at the split for the second half's records to be used
/// (a record boundary reached by a sequential scan fixes all the state that
/// follows). When it does not, or the second half hit any error, the first
/// scan simply goes on to the end of the file, so errors and their line
/// numbers are always those of one sequential pass.
final class SecondHalf: @unchecked Sendable {
  /// What the helper found from the split to the end of the file: records
  /// with file offsets, lines and rows numbered from 1 at the split.
  struct Part {
    var builder: RecordIndexBuilder
    var firstInvalid: ChunkedIndexer.InvalidByte?
  }

  private let group = DispatchGroup()
  /// Guards `cancelled` and `part` (starts at 0, signalled once in `init`).
  private let lock = DispatchSemaphore(value: 0)
  private var cancelled = false
  private var part: Part?

  /// Starts indexing `file` from offset `split` on a helper thread.
  init(file: InputFile, from split: Int, delimiter: Delimiter, limits: DelimitedLimits, chunkBytes: Int) {
    lock.signal()
    group.enter()
    DispatchQueue.global().async {
      defer { self.group.leave() }
      var indexer = ChunkedIndexer(file: file, limits: limits, capacity: chunkBytes, at: split)
      defer { indexer.close() }
      indexer.isCancelled = { [unowned self] in self.isCancelled }
      var builder = RecordIndexBuilder(delimiter: delimiter, limits: limits, file: file.displayName)
      do {
        try indexer.fill()
        let firstInvalid = try indexer.scan(into: &builder)
        guard indexer.atEnd else { return }  // cancelled
        self.lock.wait()
        self.part = Part(builder: builder, firstInvalid: firstInvalid)
        self.lock.signal()
      } catch {
        return  // the first half's scan will meet this error itself, in order
      }
    }
  }

  deinit { cancel() }

  /// Waits for the helper; its records, or nil when it failed or was cancelled.
  func result() -> Part? {
    group.wait()
    lock.wait()
    defer { lock.signal() }
    return part
  }

  /// Asks the helper to stop after its current chunk, and waits for it.
  func cancel() {
    lock.wait()
    cancelled = true
    lock.signal()
    group.wait()
  }

  private var isCancelled: Bool {
    lock.wait()
    defer { lock.signal() }
    return cancelled
  }
}

/// Guesses where a record starts near the middle of a file without reading
/// what comes before: whether a byte is inside a quoted field depends on
/// everything before it, so both answers are tried on a window of text and
/// the one under which the quotes read as well-formed CSV wins.
///
/// Under the wrong answer, opening and closing quotes swap roles, so a
/// "closing" quote is soon followed by text instead of a delimiter or line
/// break, or an "opening" quote turns up in the middle of a field: the
/// reading with fewer such quotes wins. The guess may still be wrong on unusual text; `SecondHalf`
/// checks it.
enum SplitPoint {
  /// Bytes examined after the midpoint.
  static let windowBytes = 64 << 10

  /// The file offset just after the first line break at or after `mid`
  /// that ends a record under the likelier reading, or nil when the window
  /// does not tell (or the file ends first).
  static func find(in file: InputFile, delimiter: UInt8, after mid: Int) -> Int? {
    guard mid > 0, mid < file.size else { return nil }
    let count = min(windowBytes + 1, file.size - (mid - 1))
    let window = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
    defer { window.deallocate() }
    guard (try? file.read(into: window, count: count, at: mid - 1)) == count else { return nil }
    guard let boundary = boundary(in: UnsafeBufferPointer(start: window, count: count), delimiter: delimiter),
      mid - 1 + boundary < file.size
    else { return nil }
    return mid - 1 + boundary
  }

  /// The offset in `bytes` just after the first line break that ends a
  /// record under the likelier reading of `bytes[1...]` (`bytes[0]` is the
  /// byte before), or nil when neither reading is clearly better.
  static func boundary(in bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Int? {
    // Start after any quotes at the front: the window may cut a doubled quote in two.
    var start = 1
    while start < bytes.count, bytes[start - 1] == UInt8(ascii: "\"") { start += 1 }
    let outside = read(bytes, from: start, delimiter: delimiter, startingInQuotes: false)
    let inside = read(bytes, from: start, delimiter: delimiter, startingInQuotes: true)
    // Once the two readings agree on a quote they agree on everything after
    // it, so any difference in odd quotes comes from where they disagreed.
    if outside.oddQuotes < inside.oddQuotes { return outside.boundary }
    if inside.oddQuotes < outside.oddQuotes { return inside.boundary }
    // A window without a closing quote tells nothing for the inside reading.
    if outside.oddQuotes == 0, inside.boundary == nil { return outside.boundary }
    return nil
  }

  /// Reads `bytes[start...]` as CSV, starting inside or outside a quoted
  /// field (`bytes[start - 1]` is not a quote): how many quotes were out of
  /// place, and the offset after the first line break outside quotes.
  static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8, startingInQuotes: Bool
  ) -> (oddQuotes: Int, boundary: Int?) {
    let quote = UInt8(ascii: "\"")
    var inQuotes = startingInQuotes
    var odd = 0
    var boundary: Int?
    var i = start
    while i < bytes.count {
      let c = bytes[i]
      if inQuotes {
        if c == quote {
          if i + 1 < bytes.count, bytes[i + 1] == quote {
            i += 2
            continue
          }
          if i + 1 < bytes.count, !isFieldEnd(bytes[i + 1], delimiter) { odd += 1 }
          inQuotes = false
        }
      } else if c == quote {
        if isFieldEnd(bytes[i - 1], delimiter) { inQuotes = true } else { odd += 1 }
      } else if c == 0x0A, boundary == nil {
        boundary = i + 1
      }
      i += 1
    }
    return (odd, boundary)
  }

  private static func isFieldEnd(_ byte: UInt8, _ delimiter: UInt8) -> Bool {
    byte == delimiter || byte == 0x0A || byte == 0x0D
  }
}
