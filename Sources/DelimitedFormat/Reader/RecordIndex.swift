import Diagnostics
import Grid

/// Every record of a file, found by one sequential quote-aware pass before
/// any row is handed out, so structural errors (an unterminated quote, too
/// many rows, columns or cells, an over-long field) fail the read before a
/// single row is written.
struct RecordIndex: Sendable {
  /// The records in file order; offsets are into the whole text.
  var records: [RecordSpan]
  /// The largest field count of any record.
  var width: Int
  /// Warnings found while scanning (text after a closing quote).
  var diagnostics: [Diagnostic]
  /// Each record's own field count (for ragged-row reports).
  var fieldCounts: [Int32] = []

  /// Rows with fewer fields than the widest record:
  /// 1-based row number → the row's own field count.
  var shortRows: [Int: Int] {
    var out: [Int: Int] = [:]
    for (i, count) in fieldCounts.enumerated() where Int(count) < width { out[i + 1] = Int(count) }
    return out
  }

  /// Scans text held in memory.
  ///
  /// - Throws: `DelimitedError` `.unterminatedQuote`, `.tooManyRows`,
  ///   `.tooManyColumns`, `.fieldTooLong`.
  static func build(
    _ text: DecodedText, delimiter: Delimiter, limits: DelimitedLimits, file: String
  ) throws(DelimitedError) -> RecordIndex {
    var builder = RecordIndexBuilder(delimiter: delimiter, limits: limits, file: file)
    var scanner = RecordScanner(
      bytes: text.buffer.base, start: text.start, end: text.buffer.count, isFinal: true,
      delimiter: delimiter.byte, longFieldBytes: limits.maxFieldCharacters)
    while true {
      let step: RecordScanner.Step
      do {
        step = try scanner.next()
      } catch {
        throw builder.unterminated(error)
      }
      guard case .record(let record) = step else { break }
      try builder.add(record, bytes: text.buffer.base, origin: 0)
    }
    return builder.index()
  }
}

/// Collects records as a scanner finds them, enforcing the limits.
struct RecordIndexBuilder {
  let delimiter: Delimiter
  let limits: DelimitedLimits
  let file: String
  private(set) var records: [RecordSpan] = []
  private var fieldCounts: [Int32] = []
  private var width = 0
  /// The fields of every record so far: the cells the read will make.
  private var cells = 0
  private var strayCount = 0
  private var firstStray: SourceLocation?

  init(delimiter: Delimiter, limits: DelimitedLimits, file: String) {
    self.delimiter = delimiter
    self.limits = limits
    self.file = file
  }

  /// Adds a record found in `bytes`, whose first byte is at offset `origin`
  /// of the whole text (the record's span is relative to `bytes`).
  mutating func add(_ found: RecordScanner.Record, bytes: UnsafePointer<UInt8>, origin: Int) throws(DelimitedError) {
    let row = records.count + 1
    let line = found.span.line
    guard row <= limits.maxRows else { throw .tooManyRows(path: file, line: line, limit: limits.maxRows) }
    guard found.fieldCount <= limits.maxColumns else {
      throw .tooManyColumns(path: file, line: line, row: row, count: found.fieldCount, limit: limits.maxColumns)
    }
    if found.longField != nil { try checkFieldLengths(found.span, row: row, bytes: bytes) }
    if let field = found.strayQuoteField {
      strayCount += 1
      if firstStray == nil {
        firstStray = SourceLocation(file: file, cell: CellAddress(row: row, column: field), line: line)
      }
    }
    records.append(RecordSpan(start: found.span.start + origin, end: found.span.end + origin, line: line))
    fieldCounts.append(Int32(found.fieldCount))
    width = max(width, found.fieldCount)
    cells += found.fieldCount
    guard cells <= limits.maxCells else { throw .tooManyCells(path: file, line: line, rows: row, limit: limits.maxCells) }
  }

  /// Appends the records another builder found in the rest of the same
  /// text, whose rows and lines it numbered from 1 (`lineOffset` is the
  /// physical line before its first record).
  ///
  /// - Throws: `.tooManyRows` when the two together pass the limit.
  mutating func append(_ other: RecordIndexBuilder, lineOffset: Int) throws(DelimitedError) {
    let rowOffset = records.count
    if rowOffset + other.records.count > limits.maxRows {
      let over = other.records[limits.maxRows - rowOffset]
      throw .tooManyRows(path: file, line: over.line + lineOffset, limit: limits.maxRows)
    }
    records.reserveCapacity(rowOffset + other.records.count)
    for record in other.records {
      records.append(RecordSpan(start: record.start, end: record.end, line: record.line + lineOffset))
    }
    fieldCounts.append(contentsOf: other.fieldCounts)
    width = max(width, other.width)
    cells += other.cells
    guard cells <= limits.maxCells else {
      throw .tooManyCells(path: file, line: (records.last?.line ?? 0), rows: records.count, limit: limits.maxCells)
    }
    if firstStray == nil, let stray = other.firstStray, let cell = stray.cell, let line = stray.line {
      firstStray = SourceLocation(
        file: file, cell: CellAddress(row: cell.row + rowOffset, column: cell.column), line: line + lineOffset)
    }
    strayCount += other.strayCount
  }

  /// The error for a quote left open, in the record being added.
  func unterminated(_ error: RecordScanner.UnterminatedQuote) -> DelimitedError {
    .unterminatedQuote(path: file, line: error.line, cell: CellAddress(row: records.count + 1, column: error.field))
  }

  /// The finished index, with a warning if any field had text after its closing quote.
  func index() -> RecordIndex {
    var diagnostics: [Diagnostic] = []
    if let firstStray, let cell = firstStray.cell {
      let others = strayCount > 1 ? " (and \(strayCount - 1) more field\(strayCount > 2 ? "s" : ""))" : ""
      diagnostics.append(
        Diagnostic(
          code: "csv.stray_quote", severity: .warning,
          message: "text follows the closing quote of cell \(cell.a1)\(others); it was kept as part of the cell",
          fix: "Quote the whole field and double any quote inside it: \"say \"\"hi\"\"\".",
          location: firstStray))
    }
    return RecordIndex(records: records, width: width, diagnostics: diagnostics, fieldCounts: fieldCounts)
  }

  /// Checks, exactly in UTF-16 code units as Excel counts, the fields of a
  /// record that has a field with more raw bytes than the limit.
  private func checkFieldLengths(_ span: RecordSpan, row: Int, bytes: UnsafePointer<UInt8>) throws(DelimitedError) {
    var decoder = RecordDecoder(bytes: bytes, delimiter: delimiter.byte)
    var tooLong: (column: Int, characters: Int)?
    decoder.forEachField(span) { column, value in
      if tooLong != nil { return }
      guard case .text(let string) = value, string.utf8.count > limits.maxFieldCharacters else { return }
      let characters = string.utf16.count
      if characters > limits.maxFieldCharacters { tooLong = (column, characters) }
    }
    if let tooLong {
      throw .fieldTooLong(
        path: file, line: span.line, cell: CellAddress(row: row, column: tooLong.column),
        characters: tooLong.characters, limit: limits.maxFieldCharacters)
    }
  }
}
