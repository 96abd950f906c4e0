/// Receives a workbook as it streams out of a reader, one row at a time, so
/// that a converter can write rows as they come without holding the sheet.
///
/// Readers call `beginSheet`, then `consume` for each row in ascending row
/// order, then `endSheet` with what is only known at the end (merged ranges
/// and hidden columns follow the cell data in XLSX).
public protocol RowConsumer {
  /// A sheet starts. Its `rows` are empty.
  mutating func beginSheet(_ sheet: Sheet) throws
  /// One row of the current sheet.
  mutating func consume(_ row: Row) throws
  /// The current sheet ends; `sheet` carries merged ranges, hidden columns
  /// and widths, with `rows` empty.
  mutating func endSheet(_ sheet: Sheet) throws
}

/// A `RowConsumer` that collects everything into a `Workbook`.
public struct WorkbookBuilder: RowConsumer {
  /// The workbook built so far.
  public private(set) var workbook: Workbook
  private var current: Sheet?

  /// Creates an empty builder; styles can be set on `workbook` afterwards.
  public init(styles: [CellStyle] = [CellStyle()]) {
    workbook = Workbook(styles: styles)
  }

  /// Starts collecting a sheet.
  public mutating func beginSheet(_ sheet: Sheet) {
    current = sheet
  }

  /// Appends a row to the current sheet.
  public mutating func consume(_ row: Row) {
    current?.rows.append(row)
  }

  /// Finishes the current sheet, taking its merges, hidden columns and widths.
  public mutating func endSheet(_ sheet: Sheet) {
    guard var done = current else { return }
    done.mergedRanges = sheet.mergedRanges
    done.hiddenColumns = sheet.hiddenColumns
    done.columnWidths = sheet.columnWidths
    done.visibility = sheet.visibility
    workbook.sheets.append(done)
    current = nil
  }

  /// Sets the workbook's styles (readers learn them before the first sheet).
  public mutating func setStyles(_ styles: [CellStyle]) {
    workbook.styles = styles.isEmpty ? [CellStyle()] : styles
  }

  /// Records sheets that were listed but skipped (chart sheets).
  public mutating func setSkippedSheets(_ names: [String]) {
    workbook.skippedSheets = names
  }
}
