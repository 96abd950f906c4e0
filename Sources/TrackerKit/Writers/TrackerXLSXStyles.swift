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
  /// A priority's heading row over its actions.
  let groupHeading: FormatID
  /// The overall status: bold, shown after an `Overall status:` label (a
  /// number format, so the cell's value stays the status alone).
  let overallStatus: FormatID

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
    title = add(CellFormat(font: FontFormat(isBold: true, size: 14), alignment: top))
    preamble = add(CellFormat(alignment: top))
    header = add(CellFormat(font: FontFormat(isBold: true), fillRGB: 0xD9E1F2, border: border, alignment: top))
    periodHeader = add(CellFormat(
      font: FontFormat(isBold: true), fillRGB: 0xD9E1F2, border: border,
      alignment: AlignmentFormat(horizontal: .center, vertical: .top, wrapsText: true), numberFormat: .monthYear))
    text = add(CellFormat(border: border, alignment: top))
    status = add(CellFormat(
      font: FontFormat(isBold: true), border: border, alignment: AlignmentFormat(horizontal: .center, vertical: .top)))
    ref = add(CellFormat(font: FontFormat(isBold: true), border: border, alignment: top))
    groupHeading = add(CellFormat(font: FontFormat(isBold: true), fillRGB: 0xEDEDED, border: border, alignment: top))
    overallStatus = add(CellFormat(
      font: FontFormat(isBold: true), border: border, alignment: AlignmentFormat(horizontal: .left, vertical: .top),
      numberFormat: NumberFormat(code: "\"Overall status: \"@")))
    self.definitions = definitions
  }
}
