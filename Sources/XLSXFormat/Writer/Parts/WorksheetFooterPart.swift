import Diagnostics
import XMLStream

/// The end of a worksheet part, from `</sheetData>`: auto-filter, merged
/// cells, conditional formatting, drop-down lists, hyperlinks, page
/// margins, page setup and header/footer, in the order the schema requires.
struct WorksheetFooterPart {
  let sheet: FinishedSheet
  /// Final name of a sheet a link names (following renames), or `nil` when
  /// the workbook has no such sheet.
  let resolveSheet: (String) -> String?

  /// The footer, and the URLs of external links in `rId` order (for the
  /// sheet's `.rels`).
  func render() throws(XLSXWriteError) -> (bytes: [UInt8], urls: [String]) {
    let links = try resolvedLinks()
    let urls = links.compactMap(\.url)
    let bytes = XMLWriter.document { x in
      x.raw("</sheetData>")
      if let filter = sheet.autoFilterRange {
        x.startElement("autoFilter")
        x.attribute("ref", filter.a1)
        x.closeEmptyElement()
      }
      writeMerges(to: x)
      writeConditionalFormats(to: x)
      writeValidations(to: x)
      writeHyperlinks(links, to: x)
      x.raw("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
      if let print = sheet.layout.printSetup { writePrintSetup(print, to: x) }
      x.endElement("worksheet")
    }
    return (bytes, urls)
  }

  /// `<pageSetup>` and `<headerFooter>` (their defined names go in the workbook).
  private func writePrintSetup(_ print: PrintSetup, to x: XMLWriter) {
    x.startElement("pageSetup")
    x.attribute("paperSize", print.paper.rawValue)
    if let wide = print.fitToPagesWide {
      x.attribute("fitToWidth", wide)
      x.attribute("fitToHeight", print.fitToPagesTall)
    }
    x.attribute("orientation", print.orientation.rawValue)
    x.closeEmptyElement()
    guard print.header != nil || print.footer != nil else { return }
    x.raw("<headerFooter>")
    let sections: [(StaticString, HeaderFooterText?)] = [("oddHeader", print.header), ("oddFooter", print.footer)]
    for (element, text) in sections {
      guard let codes = text?.codes, !codes.isEmpty else { continue }
      x.startElement(element)
      x.closeStartTag()
      x.text(codes)
      x.endElement(element)
    }
    x.raw("</headerFooter>")
  }

  private func writeMerges(to x: XMLWriter) {
    let merges = sheet.features.merges
    guard !merges.isEmpty else { return }
    x.startElement("mergeCells")
    x.attribute("count", merges.count)
    x.closeStartTag()
    for range in merges {
      x.startElement("mergeCell")
      x.attribute("ref", range.a1)
      x.closeEmptyElement()
    }
    x.endElement("mergeCells")
  }

  private func writeConditionalFormats(to x: XMLWriter) {
    var priority = 1
    for (format, dxfIds) in sheet.features.conditionalFormats {
      let anchor = format.ranges[0].start.a1
      x.startElement("conditionalFormatting")
      x.attribute("sqref", SheetFeatures.sqref(format.ranges))
      x.closeStartTag()
      for (rule, dxfId) in zip(format.rules, dxfIds) {
        x.startElement("cfRule")
        let formula: String
        switch rule.condition {
        case .cellEquals(let operand):
          x.attribute("type", constant: "cellIs")
          formula = WorksheetFooterPart.formula(operand)
          writeRuleCommon(rule, dxfId: dxfId, priority: priority, operator: "equal", to: x)
        case .cellIs(let comparison, let operand):
          x.attribute("type", constant: "cellIs")
          formula = WorksheetFooterPart.formula(operand)
          writeRuleCommon(rule, dxfId: dxfId, priority: priority, operator: comparison.rawValue, to: x)
        case .containsText(let text):
          x.attribute("type", constant: "containsText")
          writeRuleCommon(rule, dxfId: dxfId, priority: priority, operator: "containsText", to: x)
          x.attribute("text", text)
          formula = "NOT(ISERROR(SEARCH(\(FormulaText.stringLiteral(text)),\(anchor))))"
        case .beginsWith(let text):
          x.attribute("type", constant: "beginsWith")
          writeRuleCommon(rule, dxfId: dxfId, priority: priority, operator: "beginsWith", to: x)
          x.attribute("text", text)
          formula = "LEFT(\(anchor),\(text.utf16.count))=\(FormulaText.stringLiteral(text))"
        case .endsWith(let text):
          x.attribute("type", constant: "endsWith")
          writeRuleCommon(rule, dxfId: dxfId, priority: priority, operator: "endsWith", to: x)
          x.attribute("text", text)
          formula = "RIGHT(\(anchor),\(text.utf16.count))=\(FormulaText.stringLiteral(text))"
        }
        x.closeStartTag()
        x.startElement("formula")
        x.closeStartTag()
        x.text(formula)
        x.endElement("formula")
        x.endElement("cfRule")
        priority += 1
      }
      x.endElement("conditionalFormatting")
    }
  }

  private func writeRuleCommon(
    _ rule: ConditionalRule, dxfId: Int, priority: Int, operator name: String, to x: XMLWriter
  ) {
    x.attribute("dxfId", dxfId)
    x.attribute("priority", priority)
    if rule.stopsIfTrue { x.attribute("stopIfTrue", constant: "1") }
    x.attribute("operator", name)
  }

  private static func formula(_ operand: ConditionalRule.Operand) -> String {
    switch operand {
    case .text(let text): FormulaText.stringLiteral(text)
    case .number(let number): FormulaText.number(number)
    }
  }

  private func writeValidations(to x: XMLWriter) {
    let validations = sheet.features.validations
    guard !validations.isEmpty else { return }
    x.startElement("dataValidations")
    x.attribute("count", validations.count)
    x.closeStartTag()
    for validation in validations {
      x.startElement("dataValidation")
      x.attribute("type", constant: "list")
      if validation.errorStyle != .stop { x.attribute("errorStyle", validation.errorStyle.rawValue) }
      if validation.allowsBlank { x.attribute("allowBlank", constant: "1") }
      // Excel's showDropDown means the opposite: "1" hides the arrow.
      if !validation.showsDropDown { x.attribute("showDropDown", constant: "1") }
      x.attribute("showInputMessage", constant: "1")
      x.attribute("showErrorMessage", constant: "1")
      if let title = validation.errorTitle { x.attribute("errorTitle", title) }
      if let message = validation.errorMessage { x.attribute("error", message) }
      if let title = validation.promptTitle { x.attribute("promptTitle", title) }
      if let prompt = validation.prompt { x.attribute("prompt", prompt) }
      x.attribute("sqref", SheetFeatures.sqref(validation.ranges))
      x.closeStartTag()
      x.startElement("formula1")
      x.closeStartTag()
      switch validation.source {
      case .list(let items):
        x.text(FormulaText.stringLiteral(items.joined(separator: ",")))
      case .range(let sheetName, let range):
        let prefix = sheetName.map { FormulaText.sheetName(resolveSheet($0) ?? $0) + "!" } ?? ""
        x.text(prefix + FormulaText.absolute(range))
      }
      x.endElement("formula1")
      x.endElement("dataValidation")
    }
    x.endElement("dataValidations")
  }

  private struct ResolvedLink {
    var link: Hyperlink
    var location: String?
    var url: String?
  }

  private func resolvedLinks() throws(XLSXWriteError) -> [ResolvedLink] {
    var result: [ResolvedLink] = []
    for link in sheet.features.hyperlinks {
      switch link.target {
      case .url(let url):
        result.append(ResolvedLink(link: link, location: nil, url: url))
      case .cell(let target, let cell):
        guard let name = resolveSheet(target) else {
          throw .hyperlinkTargetMissing(file: sheet.features.file, sheet: sheet.name, cell: link.cell, target: target)
        }
        result.append(ResolvedLink(link: link, location: FormulaText.sheetName(name) + "!" + cell.a1, url: nil))
      }
    }
    return result
  }

  private func writeHyperlinks(_ links: [ResolvedLink], to x: XMLWriter) {
    guard !links.isEmpty else { return }
    x.raw("<hyperlinks>")
    var relationship = 0
    for resolved in links {
      x.startElement("hyperlink")
      x.attribute("ref", resolved.link.cell.a1)
      if resolved.url != nil {
        relationship += 1
        x.attribute("r:id", "rId\(relationship)")
      }
      if let location = resolved.location { x.attribute("location", location) }
      if let tooltip = resolved.link.tooltip { x.attribute("tooltip", tooltip) }
      x.closeEmptyElement()
    }
    x.raw("</hyperlinks>")
  }
}
