import ByteScan

/// Where one record lies in the text.
struct RecordSpan: Equatable, Sendable {
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
///
/// The bytes may be one chunk of a longer text (`isFinal` false): a record
/// that runs into the end of the chunk is then `.incomplete`, and the caller
/// carries it over to the next chunk.
struct RecordScanner {
  /// One record and what the scanner noticed in it.
  struct Record {
    /// Where it is (offsets into the scanned bytes).
    var span: RecordSpan
    /// How many fields it has.
    var fieldCount: Int
    /// The 1-based field holding raw bytes longer than the threshold, if any.
    var longField: Int?
    /// The 1-based field that had text after its closing quote, if any.
    var strayQuoteField: Int?
  }

  /// What `next()` found.
  enum Step {
    /// A whole record.
    case record(Record)
    /// The rest of the bytes start a record that the next chunk completes.
    case incomplete
    /// No bytes left.
    case end
  }

  /// A quoted field that never closes: its 1-based field number and the line it opened on.
  struct UnterminatedQuote: Error {
    /// The 1-based field within the record.
    var field: Int
    /// The physical line of the opening quote.
    var line: Int
  }

  private let bytes: UnsafePointer<UInt8>
  private let end: Int
  private let isFinal: Bool
  private let delimiter: UInt8
  private let delimiterMask: UInt64
  private let longFieldBytes: Int
  /// Offset of the next record.
  private(set) var position: Int
  /// The physical line `position` is on.
  private(set) var line: Int

  private static let quote = UInt8(ascii: "\"")
  private static let quoteMask = ByteWord.broadcast(quote)
  private static let lfMask = ByteWord.broadcast(0x0A)
  private static let crMask = ByteWord.broadcast(0x0D)

  /// Creates a scanner over `bytes[start..<end]`.
  ///
  /// - Parameters:
  ///   - isFinal: whether `end` is the end of the text (else more follows).
  ///   - line: the physical line `start` is on.
  ///   - longFieldBytes: fields with more raw bytes than this are flagged in `Record.longField`.
  init(
    bytes: UnsafePointer<UInt8>, start: Int, end: Int, isFinal: Bool, delimiter: UInt8, line: Int = 1,
    longFieldBytes: Int = .max
  ) {
    self.bytes = bytes
    self.end = end
    self.isFinal = isFinal
    self.delimiter = delimiter
    self.delimiterMask = ByteWord.broadcast(delimiter)
    self.longFieldBytes = longFieldBytes
    self.position = start
    self.line = line
  }

  /// Scans the next record.
  ///
  /// - Throws: `UnterminatedQuote` when a quoted field runs to the end of the final text.
  mutating func next() throws(UnterminatedQuote) -> Step {
    guard position < end else { return .end }
    let startLine = line
    var record = Record(span: RecordSpan(start: position, end: end, line: startLine), fieldCount: 0)
    var pos = position
    while true {
      record.fieldCount += 1
      let fieldStart = pos
      if pos < end, bytes[pos] == RecordScanner.quote {
        guard let closed = try skipQuoted(from: pos + 1, field: record.fieldCount) else {
          line = startLine
          return .incomplete
        }
        pos = closed
        if pos < end {
          let c = bytes[pos]
          if c != delimiter, c != 0x0A, c != 0x0D {
            if record.strayQuoteField == nil { record.strayQuoteField = record.fieldCount }
            pos = ByteSearch.firstIndex(
              of: delimiterMask, RecordScanner.lfMask, RecordScanner.crMask, in: bytes, from: pos, to: end)
          }
        }
      } else {
        pos = ByteSearch.firstIndex(
          of: delimiterMask, RecordScanner.lfMask, RecordScanner.crMask, in: bytes, from: pos, to: end)
      }
      if pos - fieldStart > longFieldBytes, record.longField == nil { record.longField = record.fieldCount }
      if pos >= end {
        guard isFinal else {
          line = startLine
          return .incomplete
        }
        position = end
        record.span.end = end
        return .record(record)
      }
      let c = bytes[pos]
      if c == delimiter {
        pos += 1
        continue
      }
      // A line break. A CR as the chunk's last byte may be the first half of a CRLF.
      if c == 0x0D, pos + 1 == end, !isFinal {
        line = startLine
        return .incomplete
      }
      record.span.end = pos
      pos += c == 0x0D && pos + 1 < end && bytes[pos + 1] == 0x0A ? 2 : 1
      line += 1
      position = pos
      return .record(record)
    }
  }

  /// Skips a quoted field's content from just after its opening quote,
  /// counting the line breaks inside; returns the offset after the closing
  /// quote, or nil when the chunk ends first (more text follows).
  private mutating func skipQuoted(from start: Int, field: Int) throws(UnterminatedQuote) -> Int? {
    let openLine = line
    var pos = start
    while true {
      let j = ByteSearch.firstIndex(
        of: RecordScanner.quoteMask, RecordScanner.lfMask, RecordScanner.crMask, in: bytes, from: pos, to: end)
      // A quote or CR as the chunk's last byte needs the next byte to be understood.
      if j >= end || (j + 1 == end && !isFinal) {
        if !isFinal { return nil }
        if j >= end { throw UnterminatedQuote(field: field, line: openLine) }
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
