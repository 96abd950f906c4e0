public import Grid
import ZipArchive

/// Reads XLSX workbooks (Excel, LibreOffice, Google Sheets, openpyxl,
/// XlsxWriter, Power BI exports, Transitional or Strict) into the
/// format-neutral grid, streaming.
///
/// Opening finds the parts by following relationships and reads the
/// workbook part and styles; the shared-strings table is read once, before
/// the first sheet. `read(_:into:)` then streams each selected worksheet's
/// rows into a `RowConsumer` as they are parsed (libzip inflating on a second
/// thread while libxml2's SAX2 push parser runs on this one), so a sheet is
/// never held whole unless the consumer keeps it. `readWorkbook(_:)` is the
/// convenience that collects everything; as it keeps every row anyway, it
/// reads the shared strings on a second thread beside the first large sheet
/// (see `readBesideSharedStrings`).
///
/// ```swift
/// let reader = try XLSXReader(path: "q3.xlsx")
/// print(reader.sheets.map(\.name))
/// let book = try reader.readWorkbook(.name("Actions"))
/// ```
///
/// Every limit in `XLSXLimits` is enforced while reading; every failure is an
/// `XLSXError` naming the file, part, sheet and cell. Not `Sendable`: use a
/// reader from one thread at a time.
public final class XLSXReader {
  /// The file as errors name it.
  public let file: String
  /// Every sheet the workbook lists, in workbook order (chart sheets included).
  public let sheets: [XLSXSheet]
  /// Whether the workbook uses the 1904 date system (`workbookPr date1904`).
  public let usesDate1904: Bool
  /// The limits in force.
  public let limits: XLSXLimits
  let parts: PackageParts
  let layout: PackageLayout
  let styleTable: StyleTable
  /// The one work budget of everything read from this file.
  let budget: ReadBudget
  /// Whether large parts are inflated on a second thread (reads from a file).
  let prefetch: Bool
  var sharedStrings: SharedStringTable?
  var sharedStringsRead = false
  /// What became of reading a sheet beside the shared strings (for tests).
  var besideSharedStrings: BesideOutcome?

  /// Opens a workbook file.
  ///
  /// - Parameters:
  ///   - path: The file to read (never modified).
  ///   - name: How errors name the file (defaults to `path`).
  ///   - limits: Caps on sizes and counts.
  ///   - prefetch: Whether large parts are inflated on a second thread.
  /// - Throws: `XLSXError` (`.archive` for a missing, non-zip, encrypted or
  ///   legacy `.xls` file; `.noWorkbook`; `.missingPart`; XML errors).
  public convenience init(
    path: String, name: String? = nil, limits: XLSXLimits = .default, prefetch: Bool = true
  ) throws(XLSXError) {
    let zip: ZipReader
    do {
      zip = try ZipReader(path: path, name: name ?? path, limits: limits.zip)
    } catch {
      throw .archive(error)
    }
    try self.init(zip: zip, limits: limits, prefetch: prefetch)
  }

  /// Opens a workbook held in memory (tests and fuzzing).
  ///
  /// - Throws: as `init(path:name:limits:prefetch:)`.
  public convenience init(bytes: [UInt8], name: String, limits: XLSXLimits = .default) throws(XLSXError) {
    let zip: ZipReader
    do {
      zip = try ZipReader(bytes: bytes, name: name, limits: limits.zip)
    } catch {
      throw .archive(error)
    }
    try self.init(zip: zip, limits: limits, prefetch: false)
  }

  private init(zip: ZipReader, limits: XLSXLimits, prefetch: Bool) throws(XLSXError) {
    let budget = ReadBudget(limits: limits, file: zip.archiveName)
    self.budget = budget
    let parts = PackageParts(zip: zip, file: zip.archiveName, prefetch: prefetch, budget: budget)
    self.parts = parts
    self.file = zip.archiveName
    self.limits = limits
    self.prefetch = prefetch
    do {
      layout = try PackageLayout.read(parts)
      styleTable = try Self.readStyles(parts, layout: layout)
    } catch {
      throw Self.typed(error, file: zip.archiveName)
    }
    sheets = layout.sheets
    usesDate1904 = layout.usesDate1904
  }

  /// The cell styles; `Cell.style` indexes this array (index 0 is the default).
  public var styles: [CellStyle] { styleTable.styles }

  /// The sheets that hold cells, in workbook order.
  public var worksheets: [XLSXSheet] { sheets.filter { $0.kind == .worksheet } }

  /// The worksheets a selection names.
  ///
  /// - Throws: `XLSXError.sheetNotFound`, `.sheetIndexOutOfRange`, `.notAWorksheet`.
  public func select(_ selection: SheetSelection) throws(XLSXError) -> [XLSXSheet] {
    let worksheets = self.worksheets
    switch selection {
    case .all:
      return worksheets
    case .index(let number):
      guard number >= 1, number <= worksheets.count else {
        throw .sheetIndexOutOfRange(file: file, index: number, count: worksheets.count)
      }
      return [worksheets[number - 1]]
    case .name(let name):
      let match = sheets.first { $0.name == name } ?? sheets.first { $0.name.lowercased() == name.lowercased() }
      if let match {
        guard match.kind == .worksheet else { throw .notAWorksheet(file: file, sheet: match.name) }
        return [match]
      }
      if let number = Int(name), !name.hasPrefix("+"), !name.hasPrefix("-") {
        return try select(.index(number))
      }
      throw .sheetNotFound(file: file, name: name, available: sheets.map(\.name))
    }
  }

  /// Streams the selected worksheets into `consumer`, row by row, as they are parsed.
  ///
  /// For each sheet: `beginSheet` (once its column widths are known), `consume`
  /// for each row holding a cell (or hidden), then `endSheet` with merged
  /// ranges, hidden columns and widths.
  ///
  /// Rows reach the consumer as they are parsed, so a consumer that keeps
  /// none holds little memory; `readWorkbook(_:)`, which keeps every row
  /// anyway, also reads the shared strings beside the first large sheet.
  ///
  /// - Throws: `XLSXError`, or whatever the consumer throws (unchanged).
  public func read<Consumer: RowConsumer>(_ selection: SheetSelection = .all, into consumer: inout Consumer) throws {
    try read(selection, into: &consumer, besideSharedStrings: false)
  }

  /// `read(_:into:)`, with the shared strings read beside the first large
  /// sheet when `besideSharedStrings` (see `readBesideSharedStrings`), which
  /// holds that sheet's rows until the strings are read.
  func read<Consumer: RowConsumer>(
    _ selection: SheetSelection, into consumer: inout Consumer, besideSharedStrings: Bool
  ) throws {
    var selected = try select(selection)[...]
    if besideSharedStrings {
      selected = selected.dropFirst(try readBesideSharedStrings(selected, into: &consumer))
    }
    let strings = try loadSharedStrings()
    for sheet in selected {
      try readSheet(sheet, strings: strings, budget: budget, into: &consumer)
    }
  }

  /// Reads the selected worksheets into a `Workbook`, with the styles and the
  /// names of skipped (chart) sheets.
  ///
  /// - Throws: `XLSXError`.
  public func readWorkbook(_ selection: SheetSelection = .all) throws(XLSXError) -> Workbook {
    var builder = WorkbookBuilder(styles: styles)
    do {
      try read(selection, into: &builder, besideSharedStrings: true)
    } catch {
      throw Self.typed(error, file: file)
    }
    builder.setSkippedSheets(sheets.filter { $0.kind != .worksheet }.map(\.name))
    return builder.workbook
  }

  private func readSheet<Consumer: RowConsumer>(
    _ info: XLSXSheet, strings: SharedStringTable?, budget: ReadBudget, into consumer: inout Consumer
  ) throws {
    guard let part = info.part, let entry = parts.entry(part) else {
      throw XLSXError.missingPart(
        file: file, part: info.part ?? "(no relationship for sheet \"\(info.name)\")",
        referencedBy: layout.workbookPart)
    }
    try budget.charge(part: part, sheet: info.name, what: "worksheet reads")
    let start = Sheet(name: info.name, visibility: info.visibility)
    try withoutActuallyEscaping({ (event: SheetEvent) throws in
      switch event {
      case .begin(let sheet): try consumer.beginSheet(sheet)
      case .row(let row): try consumer.consume(row)
      }
    }) { sink in
      let handler = WorksheetHandler(
        file: file, part: part, sheet: start, strings: strings, styles: styleTable, uses1904: usesDate1904,
        budget: budget, sink: sink)
      defer { handler.sink = nil }
      try parts.parse(part, entry: entry, handler: handler)
      let finished = try handler.finish()
      try consumer.endSheet(finished)
    }
  }

  func loadSharedStrings() throws -> SharedStringTable? {
    if sharedStringsRead { return sharedStrings }
    sharedStringsRead = true
    guard let part = layout.sharedStringsPart, let entry = parts.entry(part) else { return nil }
    let handler = SharedStringsHandler(file: file, part: part, maxTotalTextBytes: limits.maxTotalTextBytes)
    handler.budget = budget
    try parts.parse(part, entry: entry, handler: handler)
    sharedStrings = handler.finish()
    return sharedStrings
  }

  private static func readStyles(_ parts: PackageParts, layout: PackageLayout) throws -> StyleTable {
    guard let part = layout.stylesPart, let entry = parts.entry(part) else { return .plain }
    let styles = StylesHandler()
    styles.budget = (parts.budget, part)
    try parts.parse(part, entry: entry, handler: styles)
    var theme: [UInt32] = []
    if let themePart = layout.themePart, let themeEntry = parts.entry(themePart) {
      let handler = ThemeHandler()
      try parts.parse(themePart, entry: themeEntry, handler: handler)
      theme = handler.colors
    }
    return styles.table(theme: theme)
  }

  private static func typed(_ error: any Error, file: String) -> XLSXError {
    if let error = error as? XLSXError { return error }
    if let error = error as? ZipError { return .archive(error) }
    return .archive(.corrupt(archive: file, reason: "\(error)"))
  }
}
