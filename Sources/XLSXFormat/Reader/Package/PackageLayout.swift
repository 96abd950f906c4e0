import Grid

/// Where a workbook's parts are, found by following relationships from
/// `_rels/.rels` (never by hard-coded paths): the workbook part, its sheets
/// in order, shared strings, styles and theme.
struct PackageLayout {
  var workbookPart: String
  var sheets: [XLSXSheet]
  var usesDate1904: Bool
  var sharedStringsPart: String?
  var stylesPart: String?
  var themePart: String?

  /// Reads `_rels/.rels`, the workbook part and its relationships.
  ///
  /// - Throws: `XLSXError.noWorkbook`, `.missingPart`, or a zip/XML error.
  static func read(_ parts: PackageParts) throws -> PackageLayout {
    let root = RelationshipsHandler(source: "")
    root.budget = (parts.budget, "_rels/.rels")
    if let entry = parts.entry("_rels/.rels") {
      try parts.parse("_rels/.rels", entry: entry, handler: root)
    }
    guard let office = root.first(ofType: "officeDocument") else {
      throw XLSXError.noWorkbook(file: parts.file)
    }
    let workbookPart = office.target
    let workbook = WorkbookPartHandler()
    workbook.budget = (parts.budget, workbookPart)
    try parts.parseRequired(workbookPart, referencedBy: "_rels/.rels", handler: workbook)

    let relsPart = PartName.relationshipsPart(of: workbookPart)
    let rels = RelationshipsHandler(source: workbookPart)
    rels.budget = (parts.budget, relsPart)
    if let entry = parts.entry(relsPart) {
      try parts.parse(relsPart, entry: entry, handler: rels)
    } else if !workbook.sheets.isEmpty {
      throw XLSXError.missingPart(file: parts.file, part: relsPart, referencedBy: workbookPart)
    }
    let byID = Dictionary(rels.relationships.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let sheets = workbook.sheets.map { entry -> XLSXSheet in
      let relationship = entry.relationshipID.flatMap { byID[$0] }
      return XLSXSheet(
        name: entry.name, visibility: visibility(entry.state), kind: kind(relationship),
        part: relationship.flatMap { $0.isExternal ? nil : $0.target })
    }
    return PackageLayout(
      workbookPart: workbookPart, sheets: sheets, usesDate1904: workbook.usesDate1904,
      sharedStringsPart: rels.first(ofType: "sharedStrings")?.target,
      stylesPart: rels.first(ofType: "styles")?.target,
      themePart: rels.first(ofType: "theme")?.target)
  }

  private static func visibility(_ state: String?) -> SheetVisibility {
    switch state {
    case "hidden": .hidden
    case "veryHidden": .veryHidden
    default: .visible
    }
  }

  private static func kind(_ relationship: Relationship?) -> XLSXSheet.Kind {
    guard let relationship else { return .worksheet }
    if relationship.hasType("worksheet") { return .worksheet }
    if relationship.hasType("chartsheet") { return .chartsheet }
    if relationship.hasType("dialogsheet") { return .dialogsheet }
    if relationship.hasType("xlMacrosheet") || relationship.hasType("xlIntlMacrosheet") { return .macrosheet }
    return .unknown
  }
}
