import XMLStream

/// A `.rels` part: the package's (`_rels/.rels`), the workbook's
/// (`xl/_rels/workbook.xml.rels`) or a sheet's (external hyperlinks).
struct RelationshipsPart {
  /// One relationship; ids are `rId1`, `rId2`, ... in order.
  struct Relationship {
    var type: String
    var target: String
    var isExternal = false
  }

  let relationships: [Relationship]

  private static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

  /// `_rels/.rels`: workbook, core and app properties.
  static func package() -> RelationshipsPart {
    RelationshipsPart(relationships: [
      Relationship(type: officeDocument + "officeDocument", target: "xl/workbook.xml"),
      Relationship(
        type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        target: "docProps/core.xml"),
      Relationship(type: officeDocument + "extended-properties", target: "docProps/app.xml"),
    ])
  }

  /// `xl/_rels/workbook.xml.rels`: sheets first (`rId1` ... `rIdN`, which
  /// `workbook.xml` relies on), then theme, styles and shared strings.
  static func workbook(sheetCount: Int, hasSharedStrings: Bool) -> RelationshipsPart {
    var list = (0..<sheetCount).map {
      Relationship(type: officeDocument + "worksheet", target: "worksheets/sheet\($0 + 1).xml")
    }
    list.append(Relationship(type: officeDocument + "theme", target: "theme/theme1.xml"))
    list.append(Relationship(type: officeDocument + "styles", target: "styles.xml"))
    if hasSharedStrings {
      list.append(Relationship(type: officeDocument + "sharedStrings", target: "sharedStrings.xml"))
    }
    return RelationshipsPart(relationships: list)
  }

  /// A sheet's `.rels`: one external hyperlink per URL, in order.
  static func hyperlinks(_ urls: [String]) -> RelationshipsPart {
    RelationshipsPart(
      relationships: urls.map { Relationship(type: officeDocument + "hyperlink", target: $0, isExternal: true) })
  }

  func render() -> [UInt8] {
    XMLWriter.document { x in
      x.declaration()
      x.startElement("Relationships")
      x.attribute("xmlns", constant: Namespace.packageRelationships)
      x.closeStartTag()
      for (i, relationship) in relationships.enumerated() {
        x.startElement("Relationship")
        x.attribute("Id", "rId\(i + 1)")
        x.attribute("Type", relationship.type)
        x.attribute("Target", relationship.target)
        if relationship.isExternal { x.attribute("TargetMode", constant: "External") }
        x.closeEmptyElement()
      }
      x.endElement("Relationships")
    }
  }
}
