import Diagnostics
import Grid

/// Every record of a file, found by one sequential quote-aware pass before
/// any row is handed out, so structural errors (an unterminated quote, too
/// many rows or columns, an over-long field) fail the read before a single
/// row is written, and rows can be padded to the widest record.
struct RecordIndex: Sendable {
  /// The records in file order.
  var records: [RecordSpan]
  /// The largest field count of any record.
  var width: Int
  /// Warnings found while scanning (text after a closing quote).
  var diagnostics: [Diagnostic]
  /// Each record's own field count, before padding (for ragged-row reports).
  var fieldCounts: [Int32] = []

  /// Scans `text`.
  ///
  /// - Throws: `DelimitedError` `.unterminatedQuote`, `.tooManyRows`,
  ///   `.tooManyColumns`, `.fieldTooLong`.
  static func build(
    _ text: DecodedText, delimiter: Delimiter, limits: DelimitedLimits, file: String
  ) throws(DelimitedError) -> RecordIndex {
    let buffer = text.buffer
    var scanner = RecordScanner(
      bytes: buffer.base, start: text.start, end: buffer.count, delimiter: delimiter.byte,
      longFieldBytes: limits.maxFieldCharacters)
    var records: [RecordSpan] = []
    var fieldCounts: [Int32] = []
    var width = 0
    var strayCount = 0
    var firstStray: SourceLocation?
    while true {
      let next: RecordScanner.Record?
      do {
        next = try scanner.next()
      } catch {
        throw .unterminatedQuote(
          path: file, line: error.line, cell: CellAddress(row: records.count + 1, column: error.field))
      }
      guard let record = next else { break }
      let row = records.count + 1
      guard row <= limits.maxRows else {
        throw .tooManyRows(path: file, line: record.span.line, limit: limits.maxRows)
      }
      guard record.fieldCount <= limits.maxColumns else {
        throw .tooManyColumns(
          path: file, line: record.span.line, row: row, count: record.fieldCount, limit: limits.maxColumns)
      }
      if record.longField != nil {
        try checkFieldLengths(record.span, row: row, text: text, delimiter: delimiter, limits: limits, file: file)
      }
      if let field = record.strayQuoteField {
        strayCount += 1
        if firstStray == nil {
          firstStray = SourceLocation(file: file, cell: CellAddress(row: row, column: field), line: record.span.line)
        }
      }
      records.append(record.span)
      fieldCounts.append(Int32(record.fieldCount))
      width = max(width, record.fieldCount)
    }
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
  private static func checkFieldLengths(
    _ span: RecordSpan, row: Int, text: DecodedText, delimiter: Delimiter, limits: DelimitedLimits,
    file: String
  ) throws(DelimitedError) {
    var decoder = RecordDecoder(bytes: text.buffer.base, delimiter: delimiter.byte, width: 0)
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
