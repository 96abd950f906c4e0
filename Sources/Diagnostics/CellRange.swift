/// A rectangular block of cells such as `E5:H5`, inclusive at both ends.
public struct CellRange: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Top-left cell.
  public var start: CellAddress
  /// Bottom-right cell.
  public var end: CellAddress

  /// Creates a range, normalising the corners so `start` is top-left.
  public init(start: CellAddress, end: CellAddress) {
    self.start = CellAddress(row: min(start.row, end.row), column: min(start.column, end.column))
    self.end = CellAddress(row: max(start.row, end.row), column: max(start.column, end.column))
  }

  /// Parses `A1:B2` (or a single `A1`).
  public init?(a1 text: some StringProtocol) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2,
      let first = CellAddress(a1: parts[0]),
      let last = CellAddress(a1: parts[parts.count - 1])
    else { return nil }
    self.init(start: first, end: last)
  }

  /// `A1:B2`, or `A1` for a single cell.
  public var a1: String { start == end ? start.a1 : "\(start.a1):\(end.a1)" }

  /// `A1:B2`, or `A1` for a single cell.
  public var description: String { a1 }

  /// Whether the range holds the cell.
  public func contains(_ cell: CellAddress) -> Bool {
    (start.row...end.row).contains(cell.row) && (start.column...end.column).contains(cell.column)
  }

  /// Whether the two ranges share at least one cell.
  public func overlaps(_ other: CellRange) -> Bool {
    start.row <= other.end.row && other.start.row <= end.row
      && start.column <= other.end.column && other.start.column <= end.column
  }

  /// Number of rows spanned.
  public var rowCount: Int { end.row - start.row + 1 }
  /// Number of columns spanned.
  public var columnCount: Int { end.column - start.column + 1 }
}
