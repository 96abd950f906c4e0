public import Grid

/// Builds grids in tests without a file reader.
public enum GridLiteral {
  /// A one-sheet workbook from tab-separated text split on `\t` and `\n`
  /// only (no quoting): every field becomes a cell (empty ones as `.empty`),
  /// each row remembers its line, as a dense CSV/TSV reader gives them.
  public static func tsv(_ text: String, sheetName: String = "Sheet1") -> Workbook {
    var rows: [Row] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.isEmpty { continue }
      let values: [CellValue] = line.split(separator: "\t", omittingEmptySubsequences: false).map {
        $0.isEmpty ? .empty : .text(String($0))
      }
      rows.append(Row(number: index + 1, line: index + 1, values: values))
    }
    return Workbook(sheets: [Sheet(name: sheetName, rows: rows)])
  }

  /// A one-sheet workbook from rows of values (row 1 first).
  public static func sheet(_ name: String, _ rows: [[CellValue]], styles: [CellStyle] = [CellStyle()]) -> Workbook {
    Workbook(
      sheets: [Sheet(name: name, rows: rows.enumerated().map { Row(number: $0.offset + 1, values: $0.element) })],
      styles: styles)
  }
}
