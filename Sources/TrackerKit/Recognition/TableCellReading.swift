import Diagnostics
import Grid

/// Reads a data row's cells by what their column means: shared by the
/// table walk (`TableReader`) and the per-row `ActionBuilder`.
protocol TableCellReading {
  var context: SheetContext { get }
  var layout: TableLayout { get }
}

extension TableCellReading {
  /// The text of the row's cell for `field`; nil when the table has no
  /// such column or the cell is blank.
  func text(_ row: Row, _ field: HeaderField) -> String? {
    guard let c = layout.column(field) else { return nil }
    let value = row.value(at: c)
    return CellText.isBlank(value) ? nil : CellText.of(value)
  }

  /// Where the row's value for `field` is: its cell, or the top-left cell
  /// of a range merged down over it (column 1 when the table has no such column).
  func at(_ row: Row, _ field: HeaderField) -> SourceLocation {
    context.valueLocation(row, column: layout.column(field) ?? 1)
  }
}
