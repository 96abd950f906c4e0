/// Where one record lies in the UTF-8 text.
struct RecordSpan: Sendable {
  /// Offset of the record's first byte.
  var start: Int
  /// Offset just past its last field (before the line break, if any).
  var end: Int
  /// The 1-based physical line the record starts on.
  var line: Int
}

/// The quote-aware first pass: splits text into records (RFC 4180: quoted
/// fields may hold delimiters, doubled quotes and line breaks; LF, CRLF and
/// a lone CR all end a line), counting fields and physical lines.
///
/// Leniency, matching Excel and Python's `csv`: a quote inside an unquoted
/// field is an ordinary character; text after a closing quote (`"ab"c`) is
/// kept and the scanner notes it, so the reader can warn.
struct RecordScanner {
  /// How a record ended, besides its span.
  struct Record {
    /// Where it is.
    var span: RecordSpan
    /// How many fields it has.
    var fieldCount: Int
    /// The 1-based field holding raw bytes longer than the threshold, if any.
    var longField: Int?
    /// The 1-based field that had text after its closing quote, if any.
    var strayQuoteField: Int?
  }

  private let bytes: UnsafePointer<UInt8>
  private let end: Int
  private let delimiter: UInt8
  private let delimiterMask: UInt64
  private let longFieldBytes: Int
  private let stopsAtUnterminatedQuote: Bool
  /// Offset of the next record.
  private(set) var position: Int
  /// The physical line `position` is on.
  private(set) var line = 1

  private static let quote = UInt8(ascii: "\"")
  private static let quoteMask = SWAR.broadcast(quote)
  private static let lfMask = SWAR.broadcast(0x0A)
  private static let crMask = SWAR.broadcast(0x0D)

  /// Creates a scanner over `bytes[start..<end]`.
  ///
  /// - Parameters:
  ///   - longFieldBytes: fields with more raw bytes than this are flagged in `Record.longField`.
  ///   - sampling: when true, a quote still open at `end` ends the record
  ///     instead of being an error (for scanning a prefix of the file).
  init(
    bytes: UnsafePointer<UInt8>, start: Int, end: Int, delimiter: UInt8, longFieldBytes: Int = .max,
    sampling: Bool = false
  ) {
    self.bytes = bytes
    self.end = end
    self.delimiter = delimiter
    self.delimiterMask = SWAR.broadcast(delimiter)
    self.longFieldBytes = longFieldBytes
    self.stopsAtUnterminatedQuote = sampling
    self.position = start
  }

  /// A quoted field that never closes: its 1-based field number and the line it opened on.
  struct UnterminatedQuote: Error {
    /// The 1-based field within the record.
    var field: Int
    /// The physical line of the opening quote.
    var line: Int
  }

  /// Scans the next record, or returns `nil` at the end of the text.
  ///
  /// - Throws: `UnterminatedQuote` when a quoted field runs to the end of the text.
  mutating func next() throws(UnterminatedQuote) -> Record? {
    guard position < end else { return nil }
    let start = position
    let startLine = line
    var record = Record(span: RecordSpan(start: start, end: end, line: startLine), fieldCount: 0)
    var pos = position
    while true {
      record.fieldCount += 1
      let fieldStart = pos
      if pos < end, bytes[pos] == RecordScanner.quote {
        pos = try skipQuoted(from: pos + 1, field: record.fieldCount)
        if pos < end {
          let c = bytes[pos]
          if c != delimiter, c != 0x0A, c != 0x0D {
            if record.strayQuoteField == nil { record.strayQuoteField = record.fieldCount }
            pos = SWAR.firstIndex(
              of: delimiterMask, RecordScanner.lfMask, RecordScanner.crMask, in: bytes, from: pos, to: end)
          }
        }
      } else {
        pos = SWAR.firstIndex(
          of: delimiterMask, RecordScanner.lfMask, RecordScanner.crMask, in: bytes, from: pos, to: end)
      }
      if pos - fieldStart > longFieldBytes, record.longField == nil { record.longField = record.fieldCount }
      if pos >= end {
        position = end
        record.span.end = end
        return record
      }
      let c = bytes[pos]
      if c == delimiter {
        pos += 1
        continue
      }
      record.span.end = pos
      pos += c == 0x0D && pos + 1 < end && bytes[pos + 1] == 0x0A ? 2 : 1
      line += 1
      position = pos
      return record
    }
  }

  /// Skips a quoted field's content from just after its opening quote,
  /// counting the line breaks inside; returns the offset after the closing quote.
  private mutating func skipQuoted(from start: Int, field: Int) throws(UnterminatedQuote) -> Int {
    let openLine = line
    var pos = start
    while true {
      let j = SWAR.firstIndex(
        of: RecordScanner.quoteMask, RecordScanner.lfMask, RecordScanner.crMask, in: bytes, from: pos, to: end)
      if j >= end {
        if stopsAtUnterminatedQuote { return end }
        throw UnterminatedQuote(field: field, line: openLine)
      }
      let c = bytes[j]
      if c == RecordScanner.quote {
        if j + 1 < end, bytes[j + 1] == RecordScanner.quote {
          pos = j + 2
          continue
        }
        return j + 1
      }
      line += 1
      pos = c == 0x0D && j + 1 < end && bytes[j + 1] == 0x0A ? j + 2 : j + 1
    }
  }
}
