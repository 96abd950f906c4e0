public import Diagnostics

/// A clickable link on a cell: to a cell of a sheet in the same workbook, or
/// to a web address. The cell's value is what Excel shows; give the cell
/// `CellFormat.hyperlink` to make it look like a link.
///
/// ```swift
/// try writer.addHyperlink(Hyperlink(at: CellAddress(row: 2, column: 1),
///                                   to: .cell(sheet: "Priority 2", CellAddress(a1: "H9")!)))
/// // <hyperlink ref="A2" location="'Priority 2'!H9" display="..."/>
/// ```
public struct Hyperlink: Hashable, Sendable {
  /// Where a link goes.
  public enum Target: Hashable, Sendable {
    /// A cell of a sheet in this workbook (the sheet must exist when the
    /// workbook is finished; a renamed sheet is followed).
    case cell(sheet: String, CellAddress)
    /// A web or mail address (an external relationship).
    case url(String)
  }

  /// The linked cell.
  public var cell: CellAddress
  /// The destination.
  public var target: Target
  /// The tooltip shown on hover.
  public var tooltip: String?

  /// Creates a hyperlink.
  public init(at cell: CellAddress, to target: Target, tooltip: String? = nil) {
    self.cell = cell
    self.target = target
    self.tooltip = tooltip
  }
}
