import XMLStream

/// `xl/styles.xml`: fonts, fills, borders and number formats (each stored
/// once), the `cellXfs` that cells refer to, and the `dxfs` of conditional
/// formatting. Shaped like Excel's own output (two mandatory fills, one
/// Normal cell style).
struct StylesPart {
  let table: FormatRegistry

  /// Excel's built-in number formats that are the same in every locale
  /// (ECMA-376 Part 1, 18.8.30). Id 14 (short date) is left out on purpose:
  /// Excel shows it in the reader's locale.
  static let builtInNumberFormats: [String: Int] = [
    "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11,
    "# ?/?": 12, "# ??/??": 13, "d-mmm-yy": 15, "d-mmm": 16, "mmm-yy": 17, "h:mm AM/PM": 18,
    "h:mm:ss AM/PM": 19, "h:mm": 20, "h:mm:ss": 21, "mm:ss": 45, "[h]:mm:ss": 46, "mmss.0": 47,
    "##0.0E+0": 48, "@": 49,
  ]

  private struct Fill: Hashable { var rgb: UInt32? }

  func render() -> [UInt8] {
    var fonts: [FontFormat] = []
    var fontIndex: [FontFormat: Int] = [:]
    var fills: [Fill] = [Fill(rgb: nil), Fill(rgb: nil)]  // none, gray125
    var fillIndex: [Fill: Int] = [:]
    var borders: [BorderFormat] = [BorderFormat()]
    var borderIndex: [BorderFormat: Int] = [BorderFormat(): 0]
    var customFormats: [String] = []
    var numberFormatIndex: [String: Int] = StylesPart.builtInNumberFormats
    var xfs: [(numFmt: Int, font: Int, fill: Int, border: Int, format: CellFormat)] = []

    for format in table.formats {
      let font = fontIndex[format.font] ?? {
        fonts.append(format.font)
        fontIndex[format.font] = fonts.count - 1
        return fonts.count - 1
      }()
      var fill = 0
      if let rgb = format.fillRGB {
        fill = fillIndex[Fill(rgb: rgb)] ?? {
          fills.append(Fill(rgb: rgb))
          fillIndex[Fill(rgb: rgb)] = fills.count - 1
          return fills.count - 1
        }()
      }
      let border = borderIndex[format.border] ?? {
        borders.append(format.border)
        borderIndex[format.border] = borders.count - 1
        return borders.count - 1
      }()
      let code = format.numberFormat.isGeneral ? "General" : format.numberFormat.code
      let numFmt = numberFormatIndex[code] ?? {
        customFormats.append(code)
        numberFormatIndex[code] = 163 + customFormats.count
        return 163 + customFormats.count
      }()
      xfs.append((numFmt, font, fill, border, format))
    }

    return XMLWriter.document { x in
      x.declaration()
      x.startElement("styleSheet")
      x.attribute("xmlns", constant: Namespace.spreadsheetML)
      x.closeStartTag()
      writeNumberFormats(customFormats, to: x)
      writeFonts(fonts, to: x)
      writeFills(fills, to: x)
      writeBorders(borders, to: x)
      x.raw("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
      x.startElement("cellXfs")
      x.attribute("count", xfs.count)
      x.closeStartTag()
      for xf in xfs { writeXF(xf, to: x) }
      x.endElement("cellXfs")
      x.raw("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>")
      writeDifferentialFormats(to: x)
      x.raw(
        "<tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\" defaultPivotStyle=\"PivotStyleLight16\"/>")
      x.endElement("styleSheet")
    }
  }

  private func writeNumberFormats(_ codes: [String], to x: XMLWriter) {
    guard !codes.isEmpty else { return }
    x.startElement("numFmts")
    x.attribute("count", codes.count)
    x.closeStartTag()
    for (i, code) in codes.enumerated() {
      x.startElement("numFmt")
      x.attribute("numFmtId", 164 + i)
      x.attribute("formatCode", code)
      x.closeEmptyElement()
    }
    x.endElement("numFmts")
  }

  private func writeFonts(_ fonts: [FontFormat], to x: XMLWriter) {
    x.startElement("fonts")
    x.attribute("count", fonts.count)
    x.closeStartTag()
    for font in fonts {
      x.raw("<font>")
      if font.isBold { x.raw("<b/>") }
      if font.isItalic { x.raw("<i/>") }
      if font.isUnderlined { x.raw("<u/>") }
      x.startElement("sz")
      x.attribute("val", font.size)
      x.closeEmptyElement()
      if let rgb = font.colorRGB {
        StylesPart.writeColor(rgb, to: x)
      } else {
        x.raw("<color theme=\"1\"/>")
      }
      x.startElement("name")
      x.attribute("val", font.name)
      x.closeEmptyElement()
      x.raw("<family val=\"2\"/>")
      if font.name == "Calibri" { x.raw("<scheme val=\"minor\"/>") }
      x.raw("</font>")
    }
    x.endElement("fonts")
  }

  private func writeFills(_ fills: [Fill], to x: XMLWriter) {
    x.startElement("fills")
    x.attribute("count", fills.count)
    x.closeStartTag()
    x.raw("<fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>")
    for fill in fills.dropFirst(2) {
      x.raw("<fill><patternFill patternType=\"solid\">")
      StylesPart.writeColor(fill.rgb ?? 0, element: "fgColor", to: x)
      x.raw("<bgColor indexed=\"64\"/></patternFill></fill>")
    }
    x.endElement("fills")
  }

  private func writeBorders(_ borders: [BorderFormat], to x: XMLWriter) {
    x.startElement("borders")
    x.attribute("count", borders.count)
    x.closeStartTag()
    for border in borders {
      x.raw("<border>")
      writeEdge("left", border.left, to: x)
      writeEdge("right", border.right, to: x)
      writeEdge("top", border.top, to: x)
      writeEdge("bottom", border.bottom, to: x)
      x.raw("<diagonal/></border>")
    }
    x.endElement("borders")
  }

  private func writeEdge(_ name: StaticString, _ line: BorderLine?, to x: XMLWriter) {
    x.startElement(name)
    guard let line else {
      x.closeEmptyElement()
      return
    }
    x.attribute("style", line.style.rawValue)
    x.closeStartTag()
    if let rgb = line.colorRGB { StylesPart.writeColor(rgb, to: x) } else { x.raw("<color auto=\"1\"/>") }
    x.endElement(name)
  }

  private func writeXF(_ xf: (numFmt: Int, font: Int, fill: Int, border: Int, format: CellFormat), to x: XMLWriter) {
    x.startElement("xf")
    x.attribute("numFmtId", xf.numFmt)
    x.attribute("fontId", xf.font)
    x.attribute("fillId", xf.fill)
    x.attribute("borderId", xf.border)
    x.attribute("xfId", 0)
    if xf.numFmt != 0 { x.attribute("applyNumberFormat", constant: "1") }
    if xf.font != 0 { x.attribute("applyFont", constant: "1") }
    if xf.fill != 0 { x.attribute("applyFill", constant: "1") }
    if xf.border != 0 { x.attribute("applyBorder", constant: "1") }
    let alignment = xf.format.alignment
    guard !alignment.isDefault else {
      x.closeEmptyElement()
      return
    }
    x.attribute("applyAlignment", constant: "1")
    x.closeStartTag()
    x.startElement("alignment")
    if alignment.horizontal != .general { x.attribute("horizontal", alignment.horizontal.rawValue) }
    if alignment.vertical != .bottom { x.attribute("vertical", alignment.vertical.rawValue) }
    if alignment.wrapsText { x.attribute("wrapText", constant: "1") }
    if alignment.indent > 0 { x.attribute("indent", alignment.indent) }
    x.closeEmptyElement()
    x.endElement("xf")
  }

  private func writeDifferentialFormats(to x: XMLWriter) {
    x.startElement("dxfs")
    x.attribute("count", table.differentialFormats.count)
    guard !table.differentialFormats.isEmpty else {
      x.closeEmptyElement()
      return
    }
    x.closeStartTag()
    for dxf in table.differentialFormats {
      x.raw("<dxf>")
      if dxf.isBold != nil || dxf.fontColorRGB != nil {
        x.raw("<font>")
        if let bold = dxf.isBold { x.raw(bold ? "<b/>" : "<b val=\"0\"/>") }
        if let rgb = dxf.fontColorRGB { StylesPart.writeColor(rgb, to: x) }
        x.raw("</font>")
      }
      if let rgb = dxf.fillRGB {
        // In a dxf, Excel takes a solid fill's colour from bgColor.
        x.raw("<fill><patternFill>")
        StylesPart.writeColor(rgb, element: "bgColor", to: x)
        x.raw("</patternFill></fill>")
      }
      x.raw("</dxf>")
    }
    x.endElement("dxfs")
  }

  /// `<color rgb="FFRRGGBB"/>` (opaque ARGB).
  static func writeColor(_ rgb: UInt32, element: StaticString = "color", to x: XMLWriter) {
    x.startElement(element)
    x.attribute("rgb", argb(rgb))
    x.closeEmptyElement()
  }

  /// `FFRRGGBB` for 0xRRGGBB.
  static func argb(_ rgb: UInt32) -> String {
    let hex = String(rgb & 0xFF_FFFF, radix: 16, uppercase: true)
    return "FF" + String(repeating: "0", count: 6 - hex.count) + hex
  }
}
