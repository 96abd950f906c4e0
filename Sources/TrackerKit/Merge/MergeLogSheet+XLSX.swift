import Grid
import TrackerModel
import XLSXFormat

extension MergeLogSheet {
  /// How a conflicting status cell is highlighted in the merged tracker: a
  /// thick dark-red border and dark-red bold text, which the status colours
  /// (conditional formats) leave alone. Never a fill: reading the workbook
  /// back, an empty filled status cell would count as a status by its colour.
  static let conflictCellFormat = CellFormat(
    font: FontFormat(isBold: true, colorRGB: 0xC00000), border: .all(.thick, colorRGB: 0xC00000),
    alignment: AlignmentFormat(horizontal: .center, vertical: .top))

  /// Writes the "Merge log" sheet through the streaming XLSX writer: a bold
  /// header, conflict rows tinted, text cells only, frozen header and a filter.
  static func write(_ log: [MergeLogEntry], named sheetName: String, to writer: XLSXWriter) throws(XLSXWriteError) {
    let border = BorderFormat.all(.thin, colorRGB: 0xBFBFBF)
    let top = AlignmentFormat(vertical: .top, wrapsText: true)
    let formats = [
      writer.addFormat(CellFormat(border: border, alignment: top)),
      writer.addFormat(CellFormat(font: FontFormat(isBold: true), fillRGB: 0xD9E1F2, border: border, alignment: top)),
      writer.addFormat(CellFormat(fillRGB: 0xFFF2CC, border: border, alignment: top)),
    ]
    let grid = sheet(log, named: sheetName, headerStyle: 1, conflictStyle: 2)
    let columns = grid.columnWidths.keys.sorted().map { ColumnLayout($0...$0, width: grid.columnWidths[$0] ?? 12) }
    _ = try writer.beginSheet(
      name: sheetName,
      layout: SheetLayout(columns: columns, frozenRows: 1, autoFilter: .header(row: 1)))
    for row in grid.rows {
      try writer.writeRow(
        number: row.number,
        cells: row.cells.map { FormattedCell(column: $0.column, value: $0.value, format: formats[$0.style]) })
    }
    try writer.endSheet()
  }
}
