import XMLStream

/// `docProps/core.xml`: title, creator and dates, each only when given
/// (no clock is read here).
struct CorePropertiesPart {
  let properties: DocumentProperties

  func render() -> [UInt8] {
    XMLWriter.document { x in
      x.declaration()
      x.raw(
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
          + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
          + " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
      if let title = properties.title { x.textElement("dc:title", title) }
      if let creator = properties.creator {
        x.textElement("dc:creator", creator)
        x.textElement("cp:lastModifiedBy", creator)
      }
      if let created = properties.created {
        x.raw("<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(created.w3cdtf)</dcterms:created>")
      }
      if let modified = properties.modified ?? properties.created {
        x.raw("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(modified.w3cdtf)</dcterms:modified>")
      }
      x.raw("</cp:coreProperties>")
    }
  }
}

/// `docProps/app.xml`: the application name and the sheet titles (the
/// `HeadingPairs`/`TitlesOfParts` vectors Excel writes; never empty).
struct AppPropertiesPart {
  let application: String
  let sheetNames: [String]

  func render() -> [UInt8] {
    XMLWriter.document { x in
      x.declaration()
      x.raw(
        "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
          + " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">")
      x.textElement("Application", application)
      x.raw("<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>")
      x.raw("<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr>")
      x.raw("</vt:variant><vt:variant><vt:i4>\(sheetNames.count)</vt:i4></vt:variant></vt:vector></HeadingPairs>")
      x.raw("<TitlesOfParts><vt:vector size=\"\(sheetNames.count)\" baseType=\"lpstr\">")
      for name in sheetNames { x.textElement("vt:lpstr", name) }
      x.raw("</vt:vector></TitlesOfParts>")
      x.raw("<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>")
      x.raw("<HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>")
    }
  }
}
