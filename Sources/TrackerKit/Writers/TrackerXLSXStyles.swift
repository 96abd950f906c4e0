import XLSXFormat

/// The formats of the cleaned tracker, registered once per workbook.
struct TrackerXLSXStyles {
  let title: FormatID
  let preamble: FormatID
  let header: FormatID
  let periodHeader: FormatID
  let text: FormatID
  let status: FormatID
  let ref: FormatID

  /// Each registered format's definition, so a highlight can be derived from it.
  let definitions: [FormatID: CellFormat]

  init(_ writer: XLSXWriter) {
    let top = AlignmentFormat(vertical: .top, wrapsText: true)
    let border = BorderFormat.all(.thin, colorRGB: 0xBFBFBF)
    var definitions: [FormatID: CellFormat] = [:]
    func add(_ format: CellFormat) -> FormatID {
      let id = writer.addFormat(format)
      definitions[id] = format
      return id
    }
    title = add(CellFormat(font: FontFormat(isBold: true, size: 14)))
    preamble = add(CellFormat(alignment: top))
    header = add(CellFormat(font: FontFormat(isBold: true), fillRGB: 0xD9E1F2, border: border, alignment: top))
    periodHeader = add(CellFormat(
      font: FontFormat(isBold: true), fillRGB: 0xD9E1F2, border: border,
      alignment: AlignmentFormat(horizontal: .center, vertical: .top, wrapsText: true), numberFormat: .monthYear))
    text = add(CellFormat(border: border, alignment: top))
    status = add(CellFormat(
      font: FontFormat(isBold: true), border: border, alignment: AlignmentFormat(horizontal: .center, vertical: .top)))
    ref = add(CellFormat(font: FontFormat(isBold: true), border: border, alignment: top))
    self.definitions = definitions
  }

  /// Fill colours of the status codes (Excel's "Good / Neutral / Bad" tints, blue, grey).
  static let statusFills: [(code: String, fill: UInt32, font: UInt32)] = [
    ("R", 0xFFC7CE, 0x9C0006), ("A", 0xFFEB9C, 0x9C5700), ("G", 0xC6EFCE, 0x006100), ("Complete", 0xC6EFCE, 0x006100),
    ("B", 0x9BC2E6, 0x1F3864), ("Grey", 0xD9D9D9, 0x404040), ("N/A", 0xF2F2F2, 0x7F7F7F),
  ]

  /// The codes offered in the status drop-down.
  static let allowedCodes = ["R", "A", "G", "B", "Grey", "N/A", "Complete"]
}
