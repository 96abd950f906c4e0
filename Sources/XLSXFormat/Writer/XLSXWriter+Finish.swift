import Grid
import ZipArchive

/// What `finish()` wrote.
public struct XLSXWriteSummary: Hashable, Sendable {
  /// The sheet names written, in order.
  public var sheetNames: [String]
  /// Sheets whose names had to change.
  public var renamedSheets: [SheetRename]
  /// String cells written (`count` of the shared-string table).
  public var stringCells: Int
  /// Distinct strings (`uniqueCount`).
  public var distinctStrings: Int
}

extension XLSXWriter {
  /// Assembles the package and writes it to `path` atomically.
  ///
  /// - Returns: what was written, including sheet renames.
  /// - Throws: `.invalidState` if a sheet is still open or the workbook is
  ///   already finished, `.noSheets`, `.hyperlinkTargetMissing`, `.zip`,
  ///   `.output`. The target is untouched on any error.
  @discardableResult
  public func finish() throws(XLSXWriteError) -> XLSXWriteSummary {
    if isFinished { throw .invalidState(file: path, reason: "the workbook is already finished") }
    if let open = openSheetName { throw .invalidState(file: path, reason: "sheet \"\(open)\" is still open (call endSheet)") }
    let sheets = finishedSheets
    guard !sheets.isEmpty else { throw .noSheets(file: path) }
    guard sheets.contains(where: { $0.layout.visibility == .visible }) else {
      throw .invalidLayout(file: path, sheet: sheets[0].name, reason: "at least one sheet must be visible")
    }
    markDone()
    let level = options.compressionLevel
    func compress(_ bytes: [UInt8]) throws(XLSXWriteError) -> [DeflateSegment] {
      do { return [try DeflateSegment.compress(bytes, level: level)] } catch { throw .zip(file: path, error) }
    }
    let hasStrings = !sharedStrings.isEmpty
    var sheetParts: [Packager.Part] = []
    var entries: [WorkbookSheetEntry] = []
    let selected = sheets.firstIndex { $0.layout.visibility == .visible } ?? 0
    let resolve = sheetResolver()
    for (i, sheet) in sheets.enumerated() {
      let header = WorksheetHeaderPart(sheet: sheet, isSelected: i == selected).render()
      let footer = try WorksheetFooterPart(sheet: sheet, resolveSheet: resolve).render()
      let segments = try compress(header) + [sheet.body] + compress(footer.bytes)
      sheetParts.append(Packager.Part(name: "xl/worksheets/sheet\(i + 1).xml", segments: segments))
      if !footer.urls.isEmpty {
        sheetParts.append(
          Packager.Part(
            name: "xl/worksheets/_rels/sheet\(i + 1).xml.rels",
            segments: try compress(RelationshipsPart.hyperlinks(footer.urls).render())))
      }
      entries.append(
        WorkbookSheetEntry(
          name: sheet.name, visibility: sheet.layout.visibility.rawValue, hasRelationships: !footer.urls.isEmpty,
          autoFilter: sheet.autoFilterRange, printArea: sheet.printAreaRange,
          printTitleRows: sheet.layout.printSetup?.repeatedRows))
    }
    var parts: [Packager.Part] = [
      Packager.Part(
        name: "[Content_Types].xml",
        segments: try compress(ContentTypesPart(sheetCount: sheets.count, hasSharedStrings: hasStrings).render())),
      Packager.Part(name: "_rels/.rels", segments: try compress(RelationshipsPart.package().render())),
      Packager.Part(
        name: "docProps/app.xml",
        segments: try compress(
          AppPropertiesPart(application: options.properties.application, sheetNames: sheets.map(\.name)).render())),
      Packager.Part(name: "docProps/core.xml", segments: try compress(CorePropertiesPart(properties: options.properties).render())),
      Packager.Part(name: "xl/workbook.xml", segments: try compress(WorkbookPart(sheets: entries).render())),
      Packager.Part(
        name: "xl/_rels/workbook.xml.rels",
        segments: try compress(RelationshipsPart.workbook(sheetCount: sheets.count, hasSharedStrings: hasStrings).render())),
      Packager.Part(name: "xl/theme/theme1.xml", segments: try compress(ThemePart.render())),
      Packager.Part(name: "xl/styles.xml", segments: try compress(StylesPart(table: styleTable).render())),
    ]
    if hasStrings {
      do {
        parts.append(Packager.Part(name: "xl/sharedStrings.xml", segments: try sharedStrings.finish()))
      } catch { throw .zip(file: path, error) }
    }
    try Packager(path: path).write(parts + sheetParts)
    return XLSXWriteSummary(
      sheetNames: sheets.map(\.name), renamedSheets: renamedSheets, stringCells: sharedStrings.table.references,
      distinctStrings: sharedStrings.table.uniqueCount)
  }

  /// Maps a sheet name a link or list names to the name written: an exact
  /// written name, then a requested (renamed) one, then a case-insensitive match.
  private func sheetResolver() -> (String) -> String? {
    let written = finishedSheets.map(\.name)
    let requested = sheetNameMap
    return { name in
      if written.contains(name) { return name }
      if let renamed = requested[name] { return renamed }
      return written.first { $0.lowercased() == name.lowercased() }
    }
  }
}
