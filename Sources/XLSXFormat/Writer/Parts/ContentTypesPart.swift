import XMLStream

/// `[Content_Types].xml`: `rels` and `xml` defaults plus one override per
/// part, as Excel writes them.
struct ContentTypesPart {
  let sheetCount: Int
  let hasSharedStrings: Bool

  func render() -> [UInt8] {
    XMLWriter.document { x in
      x.declaration()
      x.startElement("Types")
      x.attribute("xmlns", constant: Namespace.contentTypes)
      x.closeStartTag()
      x.raw(
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
      override(x, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
      for index in 1...max(sheetCount, 1) where index <= sheetCount {
        override(
          x, "/xl/worksheets/sheet\(index).xml",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")
      }
      override(x, "/xl/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml")
      override(x, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")
      if hasSharedStrings {
        override(
          x, "/xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml")
      }
      override(x, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
      override(x, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
      x.endElement("Types")
    }
  }

  private func override(_ x: XMLWriter, _ part: String, _ type: String) {
    x.startElement("Override")
    x.attribute("PartName", part)
    x.attribute("ContentType", type)
    x.closeEmptyElement()
  }
}
