#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Diagnostics

/// The first pass over a UTF-8 or Windows-1252 file, read in chunks into
/// one reused buffer (so no copy of the whole file is ever held): checks the
/// encoding (UTF-8 unless an ill-formed byte says Windows-1252; NUL bytes
/// are errors), detects the delimiter on the first chunk, and indexes the
/// records by file offset. A record cut by a chunk's end is carried to the
/// front of the buffer and scanned again with the next chunk; the buffer
/// grows when one record is longer than it.
///
/// With a second thread, the file's second half is indexed at the same time
/// (see `ChunkedIndexer+Split.swift`).
struct ChunkedIndexer {
  /// What the pass found.
  struct Result {
    var index: RecordIndex
    var delimiter: Delimiter
    var encoding: TextEncoding
    var diagnostics: [Diagnostic]
    /// The file offset where a second thread's records were joined to the
    /// first's, if they were (see `SecondHalf`).
    var joinedAt: Int?
  }

  /// The first byte that is not UTF-8: file offset, physical line and value.
  struct InvalidByte {
    var offset: Int
    var line: Int
    var byte: UInt8
  }

  let file: InputFile
  let limits: DelimitedLimits
  private var capacity: Int
  private var buffer: UnsafeMutablePointer<UInt8>
  /// File offset of `buffer[0]`, and its physical line.
  private var origin: Int
  private var originLine: Int
  /// Valid bytes in the buffer; whether they reach the end of the file.
  private var filled = 0
  private(set) var atEnd = false
  /// File offset up to which the encoding has been checked.
  private var validated: Int
  /// The first byte that is not UTF-8.
  private(set) var firstInvalid: InvalidByte?
  /// Where the next scan starts in the buffer, and its physical line.
  private var scanStart = 0
  private var scanLine: Int
  /// Checked before each chunk: true stops the scan early (its result is then incomplete).
  var isCancelled: () -> Bool = { false }

  /// Indexes `file`, splitting the work with a second thread when `threads`
  /// allows and the file is at least two chunks long.
  ///
  /// - Parameters:
  ///   - delimiter: the delimiter to use, or nil to detect one (`likely` is the prior).
  ///   - chunkBytes: the initial buffer size.
  /// - Throws: `DelimitedError`.
  static func index(
    _ file: InputFile, delimiter: Delimiter?, likely: [Delimiter], limits: DelimitedLimits,
    chunkBytes: Int = 4 << 20, threads: Int = 1
  ) throws(DelimitedError) -> Result {
    var indexer = ChunkedIndexer(file: file, limits: limits, capacity: max(chunkBytes, 8), at: 0)
    defer { indexer.close() }
    try indexer.fill()
    let hasBOM = indexer.filled >= 3 && indexer.buffer[0] == 0xEF && indexer.buffer[1] == 0xBB
      && indexer.buffer[2] == 0xBF
    let start = hasBOM ? 3 : 0
    indexer.scanStart = start
    indexer.validated = start
    guard indexer.filled > start else { throw .emptyFile(path: file.displayName) }
    let guess =
      delimiter == nil
      ? DelimiterDetector.detect(
        in: indexer.buffer, from: start, to: indexer.filled, isWhole: indexer.atEnd, likely: likely) : nil
    let delimiter = delimiter ?? guess?.delimiter ?? .comma
    var builder = RecordIndexBuilder(delimiter: delimiter, limits: limits, file: file.displayName)
    var firstInvalid: InvalidByte?
    var joinedAt: Int?
    if threads > 1, file.size >= 2 * chunkBytes,
      let split = SplitPoint.find(in: file, delimiter: delimiter.byte, after: file.size / 2)
    {
      let second = SecondHalf(file: file, from: split, delimiter: delimiter, limits: limits, chunkBytes: chunkBytes)
      defer { second.cancel() }
      firstInvalid = try indexer.scan(into: &builder, stoppingAt: split) { exact, line in
        guard exact else {
          second.cancel()  // its records cannot be used: free the core now
          return nil
        }
        guard let part = second.result() else { return nil }
        joinedAt = split
        return (part, line)
      }
    } else {
      firstInvalid = try indexer.scan(into: &builder)
    }
    var diagnostics: [Diagnostic] = []
    var encoding: TextEncoding = hasBOM ? .utf8WithBOM : .utf8
    if let firstInvalid {
      if hasBOM {
        diagnostics.append(
          EncodingDecoder.invalidUTF8(file: file.displayName, line: firstInvalid.line, byte: firstInvalid.byte))
      } else {
        encoding = .windows1252
        diagnostics.append(
          EncodingDecoder.windows1252Fallback(
            file: file.displayName, line: firstInvalid.line, byte: firstInvalid.byte))
      }
    }
    let index = builder.index()
    return Result(
      index: index, delimiter: delimiter, encoding: encoding,
      diagnostics: DelimiterDetector.findings(guess, file: file.displayName) + diagnostics + index.diagnostics,
      joinedAt: joinedAt)
  }

  /// An indexer whose first chunk starts at file offset `start` (a record's
  /// first byte), on physical line `line`.
  init(file: InputFile, limits: DelimitedLimits, capacity: Int, at start: Int, line: Int = 1) {
    self.file = file
    self.limits = limits
    self.capacity = capacity
    self.buffer = .allocate(capacity: capacity)
    self.origin = start
    self.originLine = line
    self.validated = start
    self.scanLine = line
  }

  /// Frees the buffer (the indexer is not used again).
  func close() { buffer.deallocate() }

  /// Scans records to the end of the file into `builder`; returns the first
  /// byte that is not UTF-8.
  ///
  /// With `stop`, nothing past that file offset is read until a record
  /// ends at or past it; then `join` is called with whether it ends exactly
  /// there and the physical line after it: when `join` returns the rest of
  /// the file's records (indexed by another thread, numbered from line 1 at
  /// `stop`), they are appended and the scan ends; otherwise it goes on alone.
  ///
  /// - Throws: `DelimitedError`.
  mutating func scan(
    into builder: inout RecordIndexBuilder, stoppingAt stop: Int? = nil,
    join: (Bool, Int) -> (part: SecondHalf.Part, line: Int)? = { _, _ in nil }
  ) throws(DelimitedError) -> InvalidByte? {
    var stop = stop
    let delimiter = builder.delimiter.byte
    while true {
      try validate()
      var scanner = RecordScanner(
        bytes: buffer, start: scanStart, end: filled, isFinal: atEnd, delimiter: delimiter, line: scanLine,
        longFieldBytes: limits.maxFieldCharacters)
      scanning: while true {
        let step: RecordScanner.Step
        do {
          step = try scanner.next()
        } catch {
          throw builder.unterminated(error)
        }
        switch step {
        case .record(let record):
          try builder.add(record, bytes: buffer, origin: origin)
          if let at = stop, origin + scanner.position >= at {
            stop = nil
            if let (part, line) = join(origin + scanner.position == at, scanner.line) {
              try builder.append(part.builder, lineOffset: line - 1)
              // Nothing past `at` was read here, so a byte found here comes first.
              guard firstInvalid == nil, var theirs = part.firstInvalid else { return firstInvalid }
              theirs.line += line - 1
              return theirs
            }
          }
        case .incomplete, .end: break scanning
        }
      }
      if atEnd || isCancelled() { return firstInvalid }
      if let at = stop, origin + filled >= at {
        // Read up to the split and no record ended there: the guess was wrong.
        stop = nil
        _ = join(false, scanner.line)
      }
      carry(from: scanner.position, line: scanner.line)
      try fill(upTo: stop)
    }
  }

  /// Reads until the buffer is full, the file ends, or (given `limit`) the
  /// buffer reaches that file offset.
  mutating func fill(upTo limit: Int? = nil) throws(DelimitedError) {
    let wanted = min(capacity - filled, (limit ?? .max) - (origin + filled))
    let n = try file.read(into: buffer + filled, count: wanted, at: origin + filled)
    filled += n
    if n < wanted { atEnd = true }
  }

  /// Moves the bytes from `start` (a record's first byte) to the front,
  /// doubling the buffer when that record fills all of it.
  private mutating func carry(from start: Int, line: Int) {
    let kept = filled - start
    if kept == capacity {
      let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
      bigger.update(from: buffer, count: kept)
      buffer.deallocate()
      buffer = bigger
      capacity *= 2
    } else if start > 0 {
      (buffer).update(from: buffer + start, count: kept)
    }
    origin += start
    originLine = line
    filled = kept
    scanStart = 0
    scanLine = line
  }

  /// Checks the bytes not yet checked: NUL bytes are errors; the first byte
  /// that is not UTF-8 is remembered (after it, only NUL bytes are looked for).
  private mutating func validate() throws(DelimitedError) {
    var i = max(validated - origin, 0)
    while i < filled {
      if firstInvalid != nil {
        if let nul = memchr(buffer + i, 0, filled - i) {
          throw .nulByte(path: file.displayName, line: line(at: buffer.distance(to: nul.assumingMemoryBound(to: UInt8.self))))
        }
        i = filled
        break
      }
      switch UTF8Validator.validate(buffer, from: i, to: filled) {
      case .valid:
        i = filled
      case .nul(let at):
        throw .nulByte(path: file.displayName, line: line(at: at))
      case .invalid(let at):
        if !atEnd, UTF8Validator.isCutShort(buffer, at: at, end: filled) {
          validated = origin + at  // the rest of the sequence is in the next chunk
          return
        }
        firstInvalid = InvalidByte(offset: origin + at, line: line(at: at), byte: buffer[at])
        i = at + 1
      }
    }
    validated = origin + i
  }

  /// The physical line of `buffer[offset]`.
  private func line(at offset: Int) -> Int {
    originLine - 1 + LineCounter.line(at: offset, in: buffer, from: 0, end: filled)
  }
}
