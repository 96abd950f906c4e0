import AtomicOutput
public import Diagnostics
public import Grid
import ZipArchive

/// Writes an XLSX workbook row by row: valid for Excel, LibreOffice and
/// Numbers, byte-for-byte reproducible, streamed, and atomic.
///
/// ```swift
/// let writer = try XLSXWriter(path: "out/tracker.xlsx")
/// let bold = writer.addFormat(CellFormat(font: FontFormat(isBold: true)))
/// try writer.beginSheet(name: "Priority 2", layout: SheetLayout(frozenRows: 1, autoFilter: .header(row: 1)))
/// try writer.writeRow([.text("Ref"), .text("Status")], format: bold)
/// try writer.writeRow([.text("2.1"), .text("G")])
/// try writer.addDataValidation(DataValidation(ranges: [CellRange(a1: "B2:B100")!], list: ["R", "A", "G"]))
/// try writer.endSheet()
/// try writer.finish()
/// ```
///
/// **Streaming.** Each row's XML is generated as it is written and deflated
/// into an unlinked spool file (on a background thread by default); each new
/// distinct string goes the same way into the shared-strings part. Memory
/// holds only the shared-string index, formats and per-sheet features, so a
/// 1,000,000-row sheet costs no more than a small one.
///
/// **Reproducible.** No clock is read unless `DocumentProperties` asks, parts
/// come in a fixed order, zip entries carry a fixed date, and indices follow
/// first use: the same calls give the same bytes.
///
/// **Atomic.** Nothing appears at `path` until `finish()` succeeds; a failed
/// or abandoned writer leaves the target untouched and no temporary file.
///
/// **Checked.** Invalid requests are refused with an `XLSXWriteError` naming
/// the file, sheet and cell before anything of them is written, so the writer
/// stays usable: text over 32,767 characters, rows out of order, overlapping
/// or single-cell merges, lists over 255 characters, ranges outside the
/// sheet, NaN, dates before 1900. Invalid sheet names are made valid and
/// unique (`renamedSheets` says how).
///
/// Cells written with `.normal` take their row's format (`RowOptions.format`)
/// or else their column's (`ColumnLayout.format`), as Excel does when someone
/// types into a formatted column. Dates without a number format get one
/// from `DateCell.display` (`mmm-yy` for months, `dd/mm/yyyy` for days).
public final class XLSXWriter {
  /// The target file.
  public let path: String
  /// The settings in use.
  public let options: XLSXWriteOptions
  /// Sheets whose names had to change, in order.
  public private(set) var renamedSheets: [SheetRename] = []

  private var styles = FormatRegistry()
  private let strings: SharedStringsPart
  private var namer = SheetNamer()
  private var requestedNames: [String: String] = [:]
  private var current: SheetStream?
  private var finished: [FinishedSheet] = []
  private var isDone = false
  private let spoolDirectory: String

  /// Prepares a workbook at `path`; nothing is written there until `finish()`.
  ///
  /// - Throws: `XLSXWriteError.output` when the target's folder cannot hold
  ///   temporary files; `.invalidState` for a compression level outside 0...9.
  public init(path: String, options: XLSXWriteOptions = XLSXWriteOptions()) throws(XLSXWriteError) {
    self.path = path
    self.options = options
    guard (0...9).contains(options.compressionLevel) else {
      throw .invalidState(file: path, reason: "compression level \(options.compressionLevel) is not in 0...9")
    }
    spoolDirectory = options.spoolDirectory ?? XLSXWriter.folder(of: path)
    strings = SharedStringsPart(
      spool: try XLSXWriter.spool(path, spoolDirectory, options), level: options.compressionLevel,
      longestShared: options.longestDeduplicatedString ?? .max)
  }

  /// Registers a cell format; equal formats get the same id.
  public func addFormat(_ format: CellFormat) -> FormatID { styles.add(format) }

  /// The next row number `writeRow(_:formats:options:)` writes (1 for a new sheet).
  public var nextRowNumber: Int { (current?.lastRow ?? 0) + 1 }

  // MARK: Sheets

  /// Starts a sheet. Its name is made valid and unique if needed.
  ///
  /// - Returns: the name written (see `renamedSheets`).
  /// - Throws: `.invalidState` if a sheet is open or the workbook finished;
  ///   `.invalidLayout` / `.rangeOutsideSheet` for a bad layout.
  @discardableResult
  public func beginSheet(name: String, layout: SheetLayout = SheetLayout()) throws(XLSXWriteError) -> String {
    try checkOpen()
    if let open = current { throw .invalidState(file: path, reason: "sheet \"\(open.name)\" is still open") }
    try LayoutCheck(file: path, sheet: name, styles: styles).check(layout)
    let (written, reason) = namer.assign(name)
    if let reason { renamedSheets.append(SheetRename(requested: name, written: written, reason: reason)) }
    if requestedNames[name] == nil { requestedNames[name] = written }
    let spool = try XLSXWriter.spool(path, spoolDirectory, options)
    current = SheetStream(name: written, layout: layout, file: path, spool: spool)
    return written
  }

  /// Changes the open sheet's layout before it ends: for what is only known
  /// after the rows (column widths and hiding a reader reports at the end,
  /// visibility). Column formats apply to rows written afterwards; fitted
  /// widths need `autoFit` from `beginSheet` (widths are measured as rows
  /// are written).
  ///
  /// - Throws: as `beginSheet` for a bad layout; `.invalidState` with no sheet open.
  public func updateLayout(_ change: (inout SheetLayout) -> Void) throws(XLSXWriteError) {
    let sheet = try openSheet()
    var layout = sheet.layout
    change(&layout)
    try LayoutCheck(file: path, sheet: sheet.name, styles: styles).check(layout)
    sheet.layout = layout
  }

  /// Ends the open sheet.
  public func endSheet() throws(XLSXWriteError) {
    let sheet = try openSheet()
    let body: DeflateSegment
    do { body = try sheet.finishBody() } catch { throw .zip(file: path, error) }
    var extent: CellRange?
    if sheet.maxColumn > 0 {
      extent = CellRange(
        start: CellAddress(row: sheet.firstRow, column: sheet.minColumn),
        end: CellAddress(row: sheet.lastCellRow, column: sheet.maxColumn))
    }
    finished.append(
      FinishedSheet(
        name: sheet.name, layout: sheet.layout, features: sheet.features, body: body, extent: extent,
        fittedCharacters: sheet.fittedCharacters))
    current = nil
  }

  // MARK: Rows

  /// Writes the next row: `values[i]` in column `i + 1`, with `formats[i]`
  /// (missing formats are `.normal`).
  ///
  /// - Throws: `.textTooLong`, `.invalidNumber`, `.dateOutOfRange`,
  ///   `.cellOutsideSheet`, `.unknownFormat`; the row is then not written.
  public func writeRow(_ values: [CellValue], formats: [FormatID] = [], options: RowOptions = RowOptions())
    throws(XLSXWriteError)
  {
    let sheet = try openSheet()
    let row = sheet.lastRow + 1
    try sheet.checkRow(row)
    try checkRowFormat(options, sheet: sheet)
    for (i, value) in values.enumerated() {
      try sheet.check(value, row: row, column: i + 1)
      if i < formats.count, !styles.contains(formats[i]) {
        throw .unknownFormat(file: path, sheet: sheet.name, format: formats[i].index)
      }
    }
    sheet.beginRow(row)
    for (i, value) in values.enumerated() {
      let style = sheet.effectiveFormat(i < formats.count ? formats[i] : .normal, value: value, column: i + 1, row: options)
      sheet.write(value, column: i + 1, style: style, options: options, styles: &styles, strings: strings)
    }
    sheet.endRow(options)
  }

  /// Writes the next row with one format for every cell.
  public func writeRow(_ values: [CellValue], format: FormatID, options: RowOptions = RowOptions())
    throws(XLSXWriteError)
  {
    try writeRow(values, formats: [FormatID](repeating: format, count: values.count), options: options)
  }

  /// Writes a sparse row at a given number (after the last one written),
  /// cells in ascending column order.
  public func writeRow(number: Int, cells: [FormattedCell], options: RowOptions = RowOptions()) throws(XLSXWriteError) {
    let sheet = try openSheet()
    try sheet.checkRow(number)
    try checkRowFormat(options, sheet: sheet)
    var previous = 0
    for cell in cells {
      try sheet.check(cell.value, row: number, column: cell.column)
      guard cell.column > previous else {
        throw .columnOutOfOrder(file: path, sheet: sheet.name, cell: CellAddress(row: number, column: cell.column))
      }
      guard styles.contains(cell.format) else {
        throw .unknownFormat(file: path, sheet: sheet.name, format: cell.format.index)
      }
      previous = cell.column
    }
    sheet.beginRow(number)
    for cell in cells {
      let style = sheet.effectiveFormat(cell.format, value: cell.value, column: cell.column, row: options)
      sheet.write(cell.value, column: cell.column, style: style, options: options, styles: &styles, strings: strings)
    }
    sheet.endRow(options)
  }

  // MARK: Sheet features

  /// Merges a range of the open sheet (its value is the top-left cell's).
  ///
  /// - Throws: `.overlappingMerge`, `.singleCellMerge`, `.rangeOutsideSheet`.
  public func mergeCells(_ range: CellRange) throws(XLSXWriteError) {
    try openSheet().features.addMerge(range)
  }

  /// Adds a drop-down list to the open sheet.
  ///
  /// - Throws: `.validationListTooLong`, `.invalidFeature`, `.rangeOutsideSheet`.
  public func addDataValidation(_ validation: DataValidation) throws(XLSXWriteError) {
    try openSheet().features.addValidation(validation)
  }

  /// Adds conditional formatting to the open sheet.
  ///
  /// - Throws: `.invalidFeature`, `.rangeOutsideSheet`.
  public func addConditionalFormat(_ format: ConditionalFormat) throws(XLSXWriteError) {
    try openSheet().features.addConditionalFormat(format, styles: &styles)
  }

  /// Adds a hyperlink to the open sheet. A link to another sheet is checked
  /// when the workbook is finished.
  ///
  /// - Throws: `.invalidFeature`, `.rangeOutsideSheet`.
  public func addHyperlink(_ link: Hyperlink) throws(XLSXWriteError) {
    try openSheet().features.addHyperlink(link)
  }

  // MARK: Helpers

  private func checkOpen() throws(XLSXWriteError) {
    if isDone { throw .invalidState(file: path, reason: "the workbook is already finished") }
  }

  private func openSheet() throws(XLSXWriteError) -> SheetStream {
    try checkOpen()
    guard let current else { throw .invalidState(file: path, reason: "no sheet is open (call beginSheet first)") }
    return current
  }

  private func checkRowFormat(_ options: RowOptions, sheet: SheetStream) throws(XLSXWriteError) {
    if let format = options.format, !styles.contains(format) {
      throw .unknownFormat(file: path, sheet: sheet.name, format: format.index)
    }
    if let height = options.height, !(0...409).contains(height) {
      throw .invalidLayout(file: path, sheet: sheet.name, reason: "row height \(height) is outside 0...409 points")
    }
  }

  private static func spool(_ path: String, _ directory: String, _ options: XLSXWriteOptions) throws(XLSXWriteError)
    -> DeflateSpool
  {
    do {
      return try DeflateSpool(
        directory: directory, level: options.compressionLevel,
        compressesInBackground: options.compressesInBackground)
    } catch {
      if case .spoolFailed(_, let reason) = error { throw .output(.cannotCreate(path: path, reason: reason)) }
      throw .zip(file: path, error)
    }
  }

  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let folder = String(path[..<slash])
    return folder.isEmpty ? "/" : folder
  }

  // Internal access for XLSXWriter+Finish.
  var finishedSheets: [FinishedSheet] { finished }
  var styleTable: FormatRegistry { styles }
  var sharedStrings: SharedStringsPart { strings }
  var openSheetName: String? { current?.name }
  var sheetNameMap: [String: String] { requestedNames }
  func markDone() { isDone = true }
  var isFinished: Bool { isDone }
}
