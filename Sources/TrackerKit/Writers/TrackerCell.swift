import Diagnostics
import XLSXFormat

/// A cell of the cleaned XLSX tracker, named by what it holds rather than
/// where it lands (the layout decides that while writing).
enum TrackerCell: Hashable, Sendable {
  /// An action's cell in one column; `index` is the action's position in `plan.actions`.
  case action(index: Int, column: ActionTable.Column)
  /// A column's heading in the header's first row (not the period columns); on every tracker sheet.
  case heading(ActionTable.Column)
  /// A period's heading in the header's second row (`plan.periods` index); on every tracker sheet.
  case periodHeading(Int)
  /// The period key, in the header cell over the period columns; on every tracker sheet.
  case periodKey
  /// The overall status key beside the priority's title; on every priority sheet.
  case overallKey
  /// A priority's overall status (by priority id).
  case overallStatus(priorityId: String)
}

/// Told where each tracker cell is written, as it is written, and may give
/// it another format (the annotated workbook highlights cells with findings).
/// Used by one writer on one thread.
protocol TrackerCellObserver: AnyObject {
  /// The workbook is started and the tracker's formats registered.
  func begin(_ writer: XLSXWriter, styles: TrackerXLSXStyles)

  /// A cell is about to be written at `address` of `sheet` (the name as
  /// written) with `format`; returns the format to write it with.
  func place(_ cell: TrackerCell, sheet: String, at address: CellAddress, format: FormatID) -> FormatID
}
