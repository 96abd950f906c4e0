import Diagnostics
public import Grid

/// How a format-neutral grid is laid out in XLSX.
public enum GridPresentation: String, Hashable, Sendable, CaseIterable {
  /// Keep what the grid carries: cell styles (bold, fill, number format),
  /// merged ranges, column widths, hidden rows and columns, sheet visibility.
  case preserve
  /// A clean table for reading and filtering: the first row of each sheet
  /// bold with a rule under it and frozen, an auto-filter over the data,
  /// column widths fitted to content (6 to 60 characters), body cells
  /// top-aligned with long or multi-line text wrapped. Number formats are
  /// kept; fills, merges and hiding are dropped.
  case table
}

/// A `RowConsumer` that writes the rows it receives straight into an XLSX
/// file, so a reader can stream a CSV or XLSX grid into a new workbook
/// without holding it in memory. Call `finish()` after the last sheet.
///
/// ```swift
/// let sink = try XLSXGridWriter(path: "out.xlsx", presentation: .table)
/// try reader.read(into: sink)      // beginSheet / consume / endSheet
/// try sink.finish()
/// ```
public final class XLSXGridWriter: RowConsumer {
  /// The underlying writer (for its summary and renames).
  public let writer: XLSXWriter
  /// The presentation applied.
  public let presentation: GridPresentation
  private var styles: [CellStyle]
  private var styleFormats: [FormatID?] = []
  private var tableFormats: [TableFormatKey: FormatID] = [:]
  private var isFirstRow = true
  private static let autoFit = AutoFit(minWidth: 6, maxWidth: 60)

  private enum TableRole: Hashable { case header, body, wrapped }
  private struct TableFormatKey: Hashable {
    var role: TableRole
    var numberFormat: String?
  }

  /// Prepares the output file.
  ///
  /// - Parameters:
  ///   - styles: the grid's styles (`Workbook.styles`), which `Cell.style` indexes.
  /// - Throws: `XLSXWriteError` as `XLSXWriter.init`.
  public init(
    path: String, presentation: GridPresentation = .preserve, styles: [CellStyle] = [CellStyle()],
    options: XLSXWriteOptions = XLSXWriteOptions()
  ) throws(XLSXWriteError) {
    writer = try XLSXWriter(path: path, options: options)
    self.presentation = presentation
    self.styles = styles
    styleFormats = [FormatID?](repeating: nil, count: styles.count)
  }

  /// Replaces the grid's styles (readers learn them before the first sheet).
  public func setStyles(_ styles: [CellStyle]) {
    self.styles = styles
    styleFormats = [FormatID?](repeating: nil, count: styles.count)
  }

  /// Starts a sheet; the name is made valid if needed.
  public func beginSheet(_ sheet: Sheet) throws {
    var layout = SheetLayout(visibility: sheet.visibility)
    if presentation == .table {
      layout.frozenRows = 1
      layout.autoFilter = .header(row: 1)
      layout.autoFit = XLSXGridWriter.autoFit
    }
    try writer.beginSheet(name: sheet.name, layout: layout)
    isFirstRow = true
  }

  /// Writes one row. In `table`, the first row holding a value is the header
  /// (blank rows above it, as CSV readers report them, are not).
  public func consume(_ row: Row) throws {
    if presentation == .table && isFirstRow && row.lastNonEmptyColumn == 0 { return }
    var cells: [FormattedCell] = []
    cells.reserveCapacity(row.cells.count)
    for cell in row.cells {
      // A clean table needs no styled blanks; a preserved grid keeps them (a
      // filled cell without text still says something).
      if presentation == .table && cell.value.isEmpty { continue }
      cells.append(FormattedCell(column: cell.column, value: cell.value, format: format(for: cell, isHeader: isFirstRow)))
    }
    var options = RowOptions()
    if presentation == .preserve && row.isHidden { options.isHidden = true }
    if presentation == .table && isFirstRow && row.number != 1 {
      try writer.updateLayout { $0.frozenRows = row.number; $0.autoFilter = .header(row: row.number) }
    }
    try writer.writeRow(number: row.number, cells: cells, options: options)
    isFirstRow = false
  }

  /// Ends the sheet, adding merges, widths and hidden columns (`preserve`).
  public func endSheet(_ sheet: Sheet) throws {
    if presentation == .preserve {
      try writer.updateLayout { layout in
        layout.visibility = sheet.visibility
        layout.columns = XLSXGridWriter.columns(widths: sheet.columnWidths, hidden: sheet.hiddenColumns)
      }
      for range in sheet.mergedRanges where range.start != range.end { try writer.mergeCells(range) }
    } else if sheet.visibility != .visible {
      try writer.updateLayout { $0.visibility = sheet.visibility }
    }
    try writer.endSheet()
  }

  /// Writes the file.
  @discardableResult
  public func finish() throws(XLSXWriteError) -> XLSXWriteSummary { try writer.finish() }

  // MARK: Formats

  private func format(for cell: Cell, isHeader: Bool) -> FormatID {
    let style = styles.indices.contains(cell.style) ? styles[cell.style] : CellStyle()
    switch presentation {
    case .preserve:
      guard styles.indices.contains(cell.style) else { return .normal }
      if let known = styleFormats[cell.style] { return known }
      var format = CellFormat(font: FontFormat(isBold: style.isBold), fillRGB: style.fillRGB)
      if let code = style.numberFormat { format.numberFormat = NumberFormat(code: code) }
      let id = writer.addFormat(format)
      styleFormats[cell.style] = id
      return id
    case .table:
      let role: TableRole = isHeader ? .header : (XLSXGridWriter.needsWrap(cell.value) ? .wrapped : .body)
      let key = TableFormatKey(role: role, numberFormat: isHeader ? nil : style.numberFormat)
      if let known = tableFormats[key] { return known }
      var format = CellFormat()
      switch role {
      case .header:
        format.font.isBold = true
        format.border.bottom = BorderLine(style: .thin)
        format.alignment.vertical = .top
      case .body:
        format.alignment.vertical = .top
      case .wrapped:
        format.alignment.vertical = .top
        format.alignment.wrapsText = true
      }
      if let code = key.numberFormat { format.numberFormat = NumberFormat(code: code) }
      let id = writer.addFormat(format)
      tableFormats[key] = id
      return id
    }
  }

  /// Whether text is wider than a fitted column or spans lines.
  private static func needsWrap(_ value: CellValue) -> Bool {
    guard case .text(let text) = value else { return false }
    let limit = Int(autoFit.maxWidth)
    if text.utf8.count > limit && text.unicodeScalars.count > limit { return true }
    return text.utf8.contains(0x0A)
  }

  /// Column layouts from a grid's widths (as stored in the file) and hidden columns.
  static func columns(widths: [Int: Double], hidden: Set<Int>) -> [ColumnLayout] {
    let numbers = Set(widths.keys).union(hidden).filter { (1...16_384).contains($0) }.sorted()
    return numbers.map { column in
      ColumnLayout(
        column...column,
        width: widths[column].map { min(max(WorksheetHeaderPart.shownWidth($0), 0), 255) },
        isHidden: hidden.contains(column))
    }
  }
}

extension XLSXWriter {
  /// Writes a whole grid workbook to `path` (a workbook with no sheets gets
  /// one empty `Sheet1`).
  ///
  /// - Returns: what was written, including sheet renames.
  /// - Throws: `XLSXWriteError`; the target is untouched on error.
  @discardableResult
  public static func write(
    workbook: Workbook, to path: String, presentation: GridPresentation = .preserve,
    options: XLSXWriteOptions = XLSXWriteOptions()
  ) throws(XLSXWriteError) -> XLSXWriteSummary {
    let sink = try XLSXGridWriter(path: path, presentation: presentation, styles: workbook.styles, options: options)
    var sheets = workbook.sheets.isEmpty ? [Sheet(name: "Sheet1")] : workbook.sheets
    if !sheets.contains(where: { $0.visibility == .visible }) { sheets[0].visibility = .visible }
    do {
      for sheet in sheets {
        try sink.beginSheet(sheet)
        for row in sheet.rows { try sink.consume(row) }
        try sink.endSheet(sheet)
      }
    } catch let error as XLSXWriteError {
      throw error
    } catch {
      throw .invalidState(file: path, reason: String(describing: error))
    }
    return try sink.finish()
  }
}
