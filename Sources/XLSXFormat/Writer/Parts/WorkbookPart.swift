import Diagnostics
import XMLStream

/// `xl/workbook.xml`: the sheet list (sheet `i` is `rId<i>`), the first
/// visible sheet as the active tab, and a hidden `_xlnm._FilterDatabase`
/// name per auto-filter, as Excel writes it.
struct WorkbookPart {
  let sheets: [WorkbookSheetEntry]

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
      let filters = sheets.enumerated().compactMap { i, s in s.autoFilter.map { (i, s.name, $0) } }
      if !filters.isEmpty {
        x.raw("<definedNames>")
        for (index, name, range) in filters {
          x.startElement("definedName")
          x.attribute("name", constant: "_xlnm._FilterDatabase")
          x.attribute("localSheetId", index)
          x.attribute("hidden", constant: "1")
          x.closeStartTag()
          x.text(FormulaText.sheetName(name) + "!" + FormulaText.absolute(range))
          x.endElement("definedName")
        }
        x.raw("</definedNames>")
      }
      x.raw("<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/>")
      x.endElement("workbook")
    }
  }
}
