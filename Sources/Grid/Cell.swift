/// One non-empty (or styled) cell in a row.
public struct Cell: Hashable, Sendable {
  /// 1-based column number.
  public var column: Int
  /// The value.
  public var value: CellValue
  /// Index into `Workbook.styles` (0 = the default style).
  public var style: Int

  /// Creates a cell.
  public init(column: Int, value: CellValue, style: Int = 0) {
    self.column = column
    self.value = value
    self.style = style
  }
}
