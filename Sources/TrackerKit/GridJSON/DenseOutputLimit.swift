public import Grid
import Diagnostics

/// Bounds what `wsoa dump` writes in a dense format. CSV, TSV and grid
/// JSON write every row from column A to its last cell (and CSV a blank
/// line for each row number skipped), so a sparse sheet becomes big: one
/// cell in column XFD on each of 1,048,576 rows is 17 billion empty fields.
/// This consumer counts those fields (each row's last column, plus one per
/// row written or skipped) before handing the row on, and stops the dump at
/// `maxCells` with an error naming the file, sheet and row.
public struct DenseOutputLimit<Inner: RowConsumer>: RowConsumer {
  /// The default bound, 50,000,000 written fields (empty ones included):
  /// at least 50 MB of CSV or 300 MB of JSON. A real tracker writes well
  /// under a tenth of it; the readers' work budget (16,000,000 cells) keeps
  /// anything dense below it.
  public static var defaultMaxCells: Int { 50_000_000 }

  /// The consumer that writes.
  public private(set) var inner: Inner
  private let file: String
  private let maxCells: Int
  private var written = 0
  private var sheetName: String?
  private var nextRow = 1

  /// Wraps `inner` for the input `file`.
  public init(_ inner: Inner, file: String, maxCells: Int = Self.defaultMaxCells) {
    self.inner = inner
    self.file = file
    self.maxCells = maxCells
  }

  public mutating func beginSheet(_ sheet: Sheet) throws {
    sheetName = sheet.name
    nextRow = 1
    try inner.beginSheet(sheet)
  }

  public mutating func consume(_ row: Row) throws {
    written += max(row.number - nextRow, 0) + 1 + (row.cells.last?.column ?? 0)
    nextRow = row.number + 1
    if written > maxCells {
      throw InputError.unsupported(
        location: SourceLocation(file: file, sheet: sheetName, cell: CellAddress(row: row.number, column: 1)),
        reason: "written densely (every row from column A to its last cell) the output would hold more than "
          + "\(maxCells) fields, most of them empty, the limit for dump output; dump to XLSX (--to xlsx), "
          + "which keeps only the cells present")
    }
    try inner.consume(row)
  }

  public mutating func endSheet(_ sheet: Sheet) throws {
    try inner.endSheet(sheet)
  }
}
