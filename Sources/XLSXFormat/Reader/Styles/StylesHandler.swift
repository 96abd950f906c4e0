import Grid
import XMLStream

/// Reads `styles.xml`: custom number formats, which fonts are bold, solid
/// fill colours, the custom indexed palette, and the cell formats (`cellXfs`)
/// that cells point to with `s`. Differential formats (`dxfs`) and cell style
/// formats are skipped: only a `numFmt` inside `numFmts` defines a format a
/// cell can use (a `dxf` carries its own `numFmt` with an id that may clash
/// with a real one, for conditional formatting only).
final class StylesHandler: XMLEventHandler {
  private enum Section { case other, numFmts, fonts, fills, cellXfs, indexedColors }
  private struct CellFormat {
    var numberFormatID = 0
    var fontID = 0
    var fillID = 0
  }

  private var section = Section.other
  private var customFormats: [Int: String] = [:]
  private var boldFonts: [Bool] = []
  private var fills: [ColorSpec?] = []
  private var isSolidFill = false
  private var formats: [CellFormat] = []
  private var customPalette: [UInt32] = []
  /// The read's work budget and the styles part, when charged: every
  /// `<numFmt>`, `<font>`, `<fill>`, `<xf>` and `<rgbColor>` is a record.
  var budget: (ReadBudget, part: String)?

  func startElement(_ name: XMLBytes, namespace: Int, attributes: XMLAttributes) throws {
    guard Namespaces.isMain(namespace) else { return }
    if let (budget, part) = budget,
      name.equals("xf") || name.equals("font") || name.equals("fill") || name.equals("numFmt")
        || name.equals("rgbColor")
    {
      try budget.charge(part: part, what: "style records")
    }
    switch section {
    case .other: startOutside(name, attributes)
    case .numFmts:
      if name.equals("numFmt"), let id = attributes.value(named: "numFmtId").flatMap(XMLValue.integer),
        let code = attributes.value(named: "formatCode")
      {
        customFormats[id] = code.string
      }
    case .fonts:
      if name.equals("font") {
        boldFonts.append(false)
      } else if name.equals("b"), !boldFonts.isEmpty {
        boldFonts[boldFonts.count - 1] = attributes.value(named: "val").map(XMLValue.isTrue) ?? true
      }
    case .fills:
      if name.equals("fill") {
        fills.append(nil)
        isSolidFill = false
      } else if name.equals("patternFill") {
        isSolidFill = attributes.value(named: "patternType")?.equals("solid") ?? false
      } else if name.equals("fgColor"), isSolidFill, !fills.isEmpty {
        fills[fills.count - 1] = ColorSpec(attributes: attributes)
      }
    case .cellXfs:
      if name.equals("xf") {
        func number(_ key: StaticString) -> Int { attributes.value(named: key).flatMap(XMLValue.integer) ?? 0 }
        formats.append(CellFormat(numberFormatID: number("numFmtId"), fontID: number("fontId"), fillID: number("fillId")))
      }
    case .indexedColors:
      if name.equals("rgbColor"), let rgb = attributes.value(named: "rgb").flatMap(ColorSpec.hexRGB) {
        customPalette.append(rgb)
      }
    }
  }

  private func startOutside(_ name: XMLBytes, _ attributes: XMLAttributes) {
    if name.equals("numFmts") {
      section = .numFmts
    } else if name.equals("fonts") {
      section = .fonts
    } else if name.equals("fills") {
      section = .fills
    } else if name.equals("cellXfs") {
      section = .cellXfs
    } else if name.equals("indexedColors") {
      section = .indexedColors
    }
  }

  func endElement(_ name: XMLBytes, namespace: Int) {
    guard Namespaces.isMain(namespace) else { return }
    if name.equals("numFmts") || name.equals("fonts") || name.equals("fills") || name.equals("cellXfs") || name.equals("indexedColors") {
      section = .other
    }
  }

  func characters(_ text: XMLBytes) {}

  /// The style table, with colours resolved against the palette and theme.
  func table(theme: [UInt32]) -> StyleTable {
    let palette = customPalette.isEmpty ? ColorSpec.defaultPalette : customPalette
    var styles: [CellStyle] = []
    var dates: [DateCell.Display?] = []
    // Each custom format is classified once, however many `<xf>` use it.
    var classified: [Int: DateCell.Display?] = [:]
    for format in formats {
      let id = format.numberFormatID
      let code = customFormats[id] ?? BuiltInNumberFormats.code(id)
      let fill = format.fillID < fills.count ? fills[format.fillID] : nil
      styles.append(
        CellStyle(
          fillRGB: fill?.resolve(palette: palette, theme: theme),
          isBold: format.fontID < boldFonts.count && boldFonts[format.fontID],
          numberFormat: id == 0 || code == "General" ? nil : code))
      if let custom = customFormats[id] {
        if let known = classified[id] {
          dates.append(known)
        } else {
          let display = NumberFormatClassifier.dateDisplay(custom)
          classified[id] = display
          dates.append(display)
        }
      } else {
        dates.append(BuiltInNumberFormats.dateDisplay(id))
      }
    }
    return StyleTable(styles: styles, dateDisplays: dates)
  }
}

/// The cell formats of a workbook: what each `s` index means.
struct StyleTable: Sendable {
  /// One style per `cellXfs` entry (at least one, the default).
  let styles: [CellStyle]
  /// Per style: how a number in it is shown when its format is a date.
  let dateDisplays: [DateCell.Display?]
  /// Per style: whether an empty cell in it still says something and is
  /// kept in the grid. Only a fill colour does (a RAG status cell coloured
  /// but not filled in); fonts, borders and number formats on an empty cell
  /// vary by writer (XlsxWriter formats merged areas, LibreOffice styles
  /// whole rows) and are dropped, so the grid does not depend on the writer.
  let keepsEmptyCells: [Bool]

  init(styles: [CellStyle], dateDisplays: [DateCell.Display?]) {
    if styles.isEmpty {
      self.styles = [CellStyle()]
      self.dateDisplays = [nil]
    } else {
      self.styles = styles
      self.dateDisplays = dateDisplays
    }
    keepsEmptyCells = self.styles.map { $0.fillRGB != nil }
  }

  /// A workbook without `styles.xml`.
  static let plain = StyleTable(styles: [], dateDisplays: [])
}
