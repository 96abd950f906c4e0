import Diagnostics
import Foundation
import Grid
import Testing
import XLSXFormat

/// Representative workbooks, compared part by part with the goldens in
/// fixtures/xlsx-writer/golden/ (re-record with RECORD_GOLDEN=1, which fails
/// the run). Every file is also checked with check-xlsx.
@Suite struct WriterGoldenTests {
  /// A plain grid: the value types, escaping, two sheets.
  static func basic(_ path: String) throws {
    let writer = try XLSXWriter(path: path)
    try writer.beginSheet(name: "Values")
    try writer.writeRow([.text("text"), .text("number"), .text("bool"), .text("date"), .text("error")])
    try writer.writeRow([.text("plain"), .number(42), .bool(true), .date(DateCell(year: 2021, month: 4, day: 1)), .error(CellError(code: "#N/A"))])
    try writer.writeRow([.text(" padded "), .number(-0.125), .bool(false), .date(DateCell(year: 2019, month: 12, day: 1, display: .month)), .error(CellError(code: "#DIV/0!"))])
    try writer.writeRow([.text("a < b & c > \"d\""), .number(1e-7), .empty, .date(DateCell(year: 2024, month: 2, day: 29, secondsOfDay: 34_200, display: .dateTime))])
    try writer.writeRow([.text("line one\nline two\r\nthree"), .number(123_456_789.5), .text(""), .text("bell\u{07} _x0041_ ünï 🙂")])
    try writer.endSheet()
    try writer.beginSheet(name: "Second sheet")
    try writer.writeRow(number: 3, cells: [FormattedCell(column: 2, value: .text("plain")), FormattedCell(column: 5, value: .number(5))])
    try writer.endSheet()
    try writer.finish()
  }

  /// A tracker as the tracker layer will write it: a title merged across,
  /// a two-row header with month headings, wrapped top-aligned notes,
  /// status cells with a drop-down list and colours that follow the value,
  /// frozen header and reference column, a filter, fixed widths, and a
  /// Findings sheet whose links jump to the cells concerned.
  static func tracker(_ path: String) throws {
    let properties = DocumentProperties(
      title: "Priority 2 tracker", creator: "wsoa", created: DocumentTimestamp(year: 2021, month: 4, day: 1, hour: 9))
    let writer = try XLSXWriter(path: path, options: XLSXWriteOptions(properties: properties))
    let title = writer.addFormat(CellFormat(font: FontFormat(isBold: true, size: 14), alignment: AlignmentFormat(vertical: .top, wrapsText: true)))
    let header = writer.addFormat(CellFormat(
      font: FontFormat(isBold: true), fillRGB: 0xD9E1F2, border: .all(.thin),
      alignment: AlignmentFormat(horizontal: .center, vertical: .top, wrapsText: true)))
    let month = writer.addFormat(CellFormat(
      font: FontFormat(isBold: true), fillRGB: 0xD9E1F2, border: .all(.thin), alignment: AlignmentFormat(horizontal: .center),
      numberFormat: .monthYear))
    let note = writer.addFormat(CellFormat(border: .all(.thin), alignment: AlignmentFormat(vertical: .top, wrapsText: true)))
    let status = writer.addFormat(CellFormat(border: .all(.thin), alignment: AlignmentFormat(horizontal: .center, vertical: .top)))
    let date = writer.addFormat(CellFormat(border: .all(.thin), alignment: AlignmentFormat(vertical: .top), numberFormat: .date))
    var layout = SheetLayout(frozenRows: 3, frozenColumns: 1, autoFilter: .header(row: 3), tabColorRGB: 0x4472C4)
    layout.columns = [
      ColumnLayout(1...1, width: 14, format: note), ColumnLayout(2...2, width: 48, format: note),
      ColumnLayout(3...3, width: 18, format: note), ColumnLayout(4...7, width: 9, format: status),
      ColumnLayout(8...8, width: 60, format: note), ColumnLayout(9...9, width: 12, format: date),
    ]
    try writer.beginSheet(name: "Priority 2", layout: layout)
    try writer.writeRow(
      [.text("Priority 2: Aspirations and expectations for children and young people are not routinely high enough.")],
      format: title, options: RowOptions(height: 36))
    try writer.mergeCells(CellRange(a1: "A1:I1")!)
    try writer.writeRow([.text("Focus Area (Intent)"), .text("Actions (Implementation)"), .text("Lead"), .text("Progress")]
      + [CellValue](repeating: .empty, count: 3) + [.text("Sub Group Action to date"), .text("Updated")], format: header)
    try writer.mergeCells(CellRange(a1: "D2:G2")!)
    try writer.writeRow(
      [.empty, .empty, .empty] + [(2019, 12), (2020, 1), (2021, 4), (2021, 12)].map { .date(DateCell(year: $0.0, month: $0.1, day: 1, display: .month)) }
        + [.empty, .empty],
      formats: [header, header, header, month, month, month, month, header, header])
    let rows: [[CellValue]] = [
      [.text("Ref - 1.1 Roles and responsibilities"), .text("A. Co-produce and clearly define accountability."), .text("Tim Moss/ Lynn Tolley"),
       .text("G"), .text("G"), .text("A"), .text("G/A"), .text("<p>Dec 2021: Terms of reference agreed.</p>\n<p>Jan 2022: Reviewed.</p>"),
       .date(DateCell(year: 2022, month: 1, day: 17))],
      [.empty, .text("B. Publish the governance structure."), .text("SCM SEND"), .text("R"), .text("A"), .text("Grey"), .text("N/A"),
       .text("Awaiting sign-off; overdue since March."), .date(DateCell(year: 2021, month: 11, day: 30))],
      [.text("Ref - 1.2 Co-production"), .text("C. Parent carer forum at every board."), .text("Head of SEND"), .text("B"), .text("B"), .text("B"), .text("B"),
       .text("Embedded and being delivered."), .empty],
    ]
    for row in rows { try writer.writeRow(row) }
    try writer.mergeCells(CellRange(a1: "A4:A5")!)
    let statusCells = CellRange(a1: "D4:G200")!
    try writer.addDataValidation(DataValidation(
      ranges: [statusCells], source: .list(["R", "A", "G", "B", "Grey", "N/A"]), errorTitle: "Status",
      errorMessage: "Use R, A, G, B, Grey or N/A.", promptTitle: "Status", prompt: "R, A, G, B, Grey or N/A"))
    try writer.addConditionalFormat(ConditionalFormat(ranges: [statusCells], rules: [
      ConditionalRule(.cellEquals(.text("R")), format: DifferentialFormat(fillRGB: 0xFFC7CE, fontColorRGB: 0x9C0006)),
      ConditionalRule(.cellEquals(.text("A")), format: DifferentialFormat(fillRGB: 0xFFEB9C, fontColorRGB: 0x9C5700)),
      ConditionalRule(.cellEquals(.text("G")), format: DifferentialFormat(fillRGB: 0xC6EFCE, fontColorRGB: 0x006100)),
      ConditionalRule(.cellEquals(.text("B")), format: DifferentialFormat(fillRGB: 0xBDD7EE, fontColorRGB: 0x1F4E78)),
      ConditionalRule(.cellEquals(.text("Grey")), format: DifferentialFormat(fillRGB: 0xD9D9D9)),
      ConditionalRule(.beginsWith("G/"), format: DifferentialFormat(fillRGB: 0xE2EFDA)),
    ]))
    try writer.addConditionalFormat(ConditionalFormat(
      ranges: [CellRange(a1: "H4:H200")!], rules: [ConditionalRule(.containsText("overdue"), format: DifferentialFormat(fontColorRGB: 0x9C0006, isBold: true))]))
    try writer.endSheet()

    let link = writer.addFormat(.hyperlink)
    let bold = writer.addFormat(CellFormat(font: FontFormat(isBold: true)))
    try writer.beginSheet(name: "Findings", layout: SheetLayout(frozenRows: 1, autoFilter: .header(row: 1), autoFit: AutoFit()))
    try writer.writeRow([.text("Severity"), .text("Code"), .text("Where"), .text("Message")], format: bold)
    let findings: [(String, String, String, String)] = [
      ("warning", "status.mixed", "G7", "status \"G/A\" mixes two ratings"),
      ("error", "status.unknown", "H9", "status \"Ongoing-ish\" is not one of: R, A, G, B, Grey, N/A"),
    ]
    for (i, finding) in findings.enumerated() {
      try writer.writeRow(
        [.text(finding.0), .text(finding.1), .text("'Priority 2'!\(finding.2)"), .text(finding.3)],
        formats: [.normal, .normal, link, .normal])
      try writer.addHyperlink(Hyperlink(
        at: CellAddress(row: i + 2, column: 3), to: .cell(sheet: "Priority 2", CellAddress(a1: finding.2)!), tooltip: "Go to the cell"))
    }
    try writer.endSheet()
    try writer.finish()
  }

  /// A grid written for reading: the dump command's `--to xlsx` look.
  static func table(_ path: String) throws {
    var sheet = Sheet(name: "staffordshire-priority-2")
    sheet.rows = [
      Row(number: 1, values: [.text("Focus Area (Intent)"), .text("Actions (Implementation)"), .text("Lead"), .date(DateCell(year: 2019, month: 12, day: 1, display: .month)), .text("Notes")]),
      Row(number: 2, values: [.text("Ref - 1.1"), .text("A. Co-produce and clearly define accountability and responsibility descriptors for all partners."), .text("Tim Moss"), .text("G"), .text("<p>Dec 2021: agreed.</p>\n<p>Jan 2022: reviewed.</p>")]),
      Row(number: 3, values: [.empty, .text("B. Short."), .text("SCM SEND"), .text("A"), .number(0.75)]),
      Row(number: 4, values: [.text("Ref - 1.2"), .text("C."), .bool(true), .date(DateCell(year: 2022, month: 1, day: 17)), .empty]),
    ]
    sheet.mergedRanges = [CellRange(a1: "A2:A3")!]
    try XLSXWriter.write(workbook: Workbook(sheets: [sheet]), to: path, presentation: .table)
  }

  @Test(arguments: ["basic", "tracker", "table"])
  func matchesGolden(name: String) throws {
    let url = try WriterTestSupport.scratch().appendingPathComponent("\(name).xlsx")
    switch name {
    case "basic": try Self.basic(url.path)
    case "tracker": try Self.tracker(url.path)
    default: try Self.table(url.path)
    }
    try WriterTestSupport.expectValid([url])
    try WriterTestSupport.expectGolden(url, name)
  }
}
