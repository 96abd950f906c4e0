import ByteScan
import Grid

/// The second pass: turns one record found by `RecordScanner` into a `Row`
/// of text cells, one per field it holds (a short row is not padded: a
/// reader asks `Row.value(at:)`, which is empty past the row's end).
///
/// Fields are copied straight from the bytes into `String`s (UTF-8, with any
/// ill-formed sequence replaced by U+FFFD; or Windows-1252, converted field
/// by field); only a field with doubled quotes (or text after its closing
/// quote) goes through a reused scratch buffer. Empty fields become `.empty`.
struct RecordDecoder {
  private let bytes: UnsafePointer<UInt8>
  private let origin: Int
  private let delimiter: UInt8
  private let delimiterMask: UInt64
  private let isWindows1252: Bool
  private var scratch: [UInt8] = []

  private static let quote = UInt8(ascii: "\"")
  private static let quoteMask = ByteWord.broadcast(quote)

  /// Creates a decoder for text in `bytes`.
  ///
  /// - Parameters:
  ///   - origin: the offset in the whole text of `bytes[0]` (spans given to
  ///     `row(_:number:)` are offsets into the whole text).
  ///   - isWindows1252: whether the bytes are Windows-1252 rather than UTF-8.
  init(bytes: UnsafePointer<UInt8>, origin: Int = 0, delimiter: UInt8, isWindows1252: Bool = false) {
    self.bytes = bytes
    self.origin = origin
    self.delimiter = delimiter
    self.delimiterMask = ByteWord.broadcast(delimiter)
    self.isWindows1252 = isWindows1252
  }

  /// The row for the record at `span` (offsets into the whole text), numbered `number`.
  mutating func row(_ span: RecordSpan, number: Int) -> Row {
    var cells: [Cell] = []
    let local = RecordSpan(start: span.start - origin, end: span.end - origin, line: span.line)
    forEachField(local) { column, value in cells.append(Cell(column: column, value: value)) }
    return Row(number: number, line: span.line, cells: cells)
  }

  /// Calls `body` with each field's 1-based column and value, in order
  /// (`span` is relative to `bytes`). Inlined so that each value moves
  /// into the caller's cell without a retain/release pair.
  @inline(__always)
  mutating func forEachField(_ span: RecordSpan, _ body: (Int, consuming CellValue) -> Void) {
    let end = span.end
    var pos = span.start
    var column = 0
    while true {
      column += 1
      if pos < end, bytes[pos] == RecordDecoder.quote {
        let (value, next) = quotedField(from: pos + 1, end: end)
        body(column, value)
        pos = next
      } else {
        let j = ByteSearch.firstIndex(of: delimiterMask, in: bytes, from: pos, to: end)
        body(column, value(pos..<j))
        pos = j
      }
      if pos >= end { return }
      pos += 1  // the delimiter
    }
  }

  /// A quoted field whose content starts at `start`; returns the value and
  /// the offset of the delimiter (or `end`) that follows it.
  private mutating func quotedField(from start: Int, end: Int) -> (CellValue, Int) {
    var j = ByteSearch.firstIndex(of: RecordDecoder.quoteMask, in: bytes, from: start, to: end)
    if j >= end {  // still open at the end: only when scanning a sample
      return (value(start..<end), end)
    }
    if j + 1 >= end || bytes[j + 1] == delimiter {
      // The common case: no doubled quote and nothing after the closing quote.
      return (value(start..<j), j + 1)
    }
    // Slow path: undouble quotes, keep text after the closing quote.
    scratch.removeAll(keepingCapacity: true)
    var segment = start
    while true {
      append(segment..<j)
      if j + 1 < end, bytes[j + 1] == RecordDecoder.quote {
        scratch.append(RecordDecoder.quote)
        segment = j + 2
        j = ByteSearch.firstIndex(of: RecordDecoder.quoteMask, in: bytes, from: segment, to: end)
        if j >= end {
          append(segment..<end)
          return (scratchValue(), end)
        }
        continue
      }
      let next = ByteSearch.firstIndex(of: delimiterMask, in: bytes, from: j + 1, to: end)
      append(j + 1..<next)
      return (scratchValue(), next)
    }
  }

  @inline(__always)
  private func value(_ range: Range<Int>) -> CellValue {
    range.isEmpty ? .empty : .text(text(range))
  }

  private func scratchValue() -> CellValue {
    scratch.isEmpty ? .empty : .text(scratch.withUnsafeBufferPointer { string($0) })
  }

  @inline(__always)
  private func text(_ range: Range<Int>) -> String {
    string(UnsafeBufferPointer(start: bytes + range.lowerBound, count: range.count))
  }

  @inline(__always)
  private func string(_ raw: UnsafeBufferPointer<UInt8>) -> String {
    isWindows1252 ? Transcoder.windows1252String(raw) : String(decoding: raw, as: UTF8.self)
  }

  private mutating func append(_ range: Range<Int>) {
    guard !range.isEmpty else { return }
    scratch.append(contentsOf: UnsafeBufferPointer(start: bytes + range.lowerBound, count: range.count))
  }
}
