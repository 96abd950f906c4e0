import Diagnostics
import XMLStream

/// `xl/workbook.xml`: the sheet list (sheet `i` is `rId<i>`), the first
/// visible sheet as the active tab, and the built-in names Excel writes: a
/// hidden `_xlnm._FilterDatabase` per auto-filter, `_xlnm.Print_Area` and
/// `_xlnm.Print_Titles` per sheet that sets them.
struct WorkbookPart {
  let sheets: [WorkbookSheetEntry]

  private struct DefinedName {
    var name: StaticString
    var sheet: Int
    var isHidden: Bool
    var formula: String
  }

  /// The built-in names, grouped by name as Excel orders them.
  private func definedNames() -> [DefinedName] {
    var filters: [DefinedName] = []
    var areas: [DefinedName] = []
    var titles: [DefinedName] = []
    for (i, sheet) in sheets.enumerated() {
      let prefix = FormulaText.sheetName(sheet.name) + "!"
      if let range = sheet.autoFilter {
        filters.append(DefinedName(name: "_xlnm._FilterDatabase", sheet: i, isHidden: true, formula: prefix + FormulaText.absolute(range)))
      }
      if let range = sheet.printArea {
        areas.append(DefinedName(name: "_xlnm.Print_Area", sheet: i, isHidden: false, formula: prefix + FormulaText.absolute(range)))
      }
      if let rows = sheet.printTitleRows {
        titles.append(DefinedName(
          name: "_xlnm.Print_Titles", sheet: i, isHidden: false, formula: prefix + "$\(rows.lowerBound):$\(rows.upperBound)"))
      }
    }
    return filters + areas + titles
  }

  func render() -> [UInt8] {
    let activeTab = sheets.firstIndex { $0.visibility == "visible" } ?? 0
    return XMLWriter.document { x in
      x.declaration()
      x.startElement("workbook")
      x.attribute("xmlns", constant: Namespace.spreadsheetML)
      x.attribute("xmlns:r", constant: Namespace.relationships)
      x.closeStartTag()
      x.raw("<workbookPr/><bookViews><workbookView")
      if activeTab > 0 {
        x.attribute("firstSheet", activeTab)
        x.attribute("activeTab", activeTab)
      }
      x.raw("/></bookViews><sheets>")
      for (i, sheet) in sheets.enumerated() {
        x.startElement("sheet")
        x.attribute("name", sheet.name)
        x.attribute("sheetId", i + 1)
        if sheet.visibility != "visible" { x.attribute("state", sheet.visibility) }
        x.attribute("r:id", "rId\(i + 1)")
        x.closeEmptyElement()
      }
      x.raw("</sheets>")
      let names = definedNames()
      if !names.isEmpty {
        x.raw("<definedNames>")
        for name in names {
          x.startElement("definedName")
          x.attribute("name", constant: name.name)
          x.attribute("localSheetId", name.sheet)
          if name.isHidden { x.attribute("hidden", constant: "1") }
          x.closeStartTag()
          x.text(name.formula)
          x.endElement("definedName")
        }
        x.raw("</definedNames>")
      }
      x.raw("<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/>")
      x.endElement("workbook")
    }
  }
}
