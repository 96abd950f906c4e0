public import Diagnostics

/// One sheet of a workbook (a CSV/TSV file is a workbook with one sheet).
public struct Sheet: Hashable, Sendable {
  /// The sheet's name (the file's base name for CSV/TSV).
  public var name: String
  /// Whether a person sees the sheet.
  public var visibility: SheetVisibility
  /// Rows in ascending row order (sparse: empty rows may be absent).
  public var rows: [Row]
  /// Merged ranges; the value sits in the top-left cell.
  public var mergedRanges: [CellRange]
  /// 1-based numbers of hidden columns.
  public var hiddenColumns: Set<Int>
  /// Column widths in characters, by 1-based column, where the source set one.
  public var columnWidths: [Int: Double]

  /// Creates a sheet.
  public init(
    name: String, visibility: SheetVisibility = .visible, rows: [Row] = [],
    mergedRanges: [CellRange] = [], hiddenColumns: Set<Int> = [], columnWidths: [Int: Double] = [:]
  ) {
    self.name = name
    self.visibility = visibility
    self.rows = rows
    self.mergedRanges = mergedRanges
    self.hiddenColumns = hiddenColumns
    self.columnWidths = columnWidths
  }

  /// The last row number that holds a row, or 0.
  public var lastRowNumber: Int { rows.last?.number ?? 0 }

  /// The widest column number used by any cell, or 0.
  public var lastColumnNumber: Int { rows.reduce(0) { max($0, $1.cells.last?.column ?? 0) } }

  /// The row with a 1-based number, if present.
  public func row(_ number: Int) -> Row? {
    if number - 1 < rows.count, number >= 1, rows[number - 1].number == number {
      return rows[number - 1]
    }
    var low = 0
    var high = rows.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let n = rows[mid].number
      if n == number { return rows[mid] }
      if n < number { low = mid + 1 } else { high = mid - 1 }
    }
    return nil
  }

  /// The value at a cell (`.empty` when absent).
  public func value(at address: CellAddress) -> CellValue {
    row(address.row)?.value(at: address.column) ?? .empty
  }

  /// The merged range that covers a cell, if any.
  public func mergedRange(containing address: CellAddress) -> CellRange? {
    mergedRanges.first { $0.contains(address) }
  }
}

/// Whether a sheet is shown.
public enum SheetVisibility: String, Hashable, Sendable, Codable {
  /// Shown.
  case visible
  /// Hidden, can be unhidden from Excel's menu.
  case hidden
  /// Hidden, can be unhidden only by code.
  case veryHidden
}
