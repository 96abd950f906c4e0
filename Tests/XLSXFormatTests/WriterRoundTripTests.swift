import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing
import XLSXFormat

/// What we write, our reader reads back to the same grid.
@Suite struct WriterRoundTripTests {
  /// Awkward text: XML specials, controls, CR/LF, edge whitespace, `_xHHHH_`
  /// look-alikes, non-characters, combining marks, astral characters.
  private static let pieces = [
    "a", "Status", " ", "  ", "\t", "\n", "\r\n", "\r", "&", "<", ">", "\"", "'", "&amp;", "]]>", "_x0041_", "_x005F_",
    "_xD83D_", "\u{01}", "\u{1F}", "\u{0B}", "\u{7F}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "é", "e\u{301}", "🙂", "𝄞",
    "日本", "=SUM(A1)", "+1", "-", "@", "0", "007", "1e5", "TRUE", "#N/A",
  ]

  private static func randomText(_ rng: inout SeededRandom) -> String {
    (0..<(1 + rng.below(6))).map { _ in pieces[rng.below(pieces.count)] }.joined()
  }

  private static func randomValue(_ rng: inout SeededRandom) -> CellValue {
    switch rng.below(9) {
    case 0: .empty
    case 1, 2, 3: .text(randomText(&rng))
    case 4: .number([0, -0.5, 1e-300, 1.7976931348623157e308, 123_456_789_012_345_680, 0.1 + 0.2, -42, 3.14159][rng.below(8)])
    case 5: .number(Double(Int64(bitPattern: rng.next() >> 11)) / Double(1 << rng.below(40)))
    case 6: .bool(rng.below(2) == 0)
    case 7:
      .date(DateCell(
        year: 1900 + rng.below(8100), month: 1 + rng.below(12), day: 1 + rng.below(28),
        secondsOfDay: Double(rng.below(86_400)), display: [.date, .dateTime, .month][rng.below(3)]))
    default: .error(CellError(code: ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"][rng.below(7)]))
    }
  }

  @Test(arguments: 1...6)
  func randomGridsRoundTrip(seed: UInt64) throws {
    var rng = SeededRandom(seed: seed)
    var sheets: [Sheet] = []
    for s in 0..<(1 + rng.below(3)) {
      var sheet = Sheet(name: "S\(s) " + Self.randomText(&rng).filter { !"[]:*?/\\'".contains($0) && !$0.isNewline })
      var number = 0
      for _ in 0..<(5 + rng.below(40)) {
        number += 1 + rng.below(3)
        let cells = (1...(1 + rng.below(12))).map { Cell(column: $0, value: Self.randomValue(&rng)) }
        sheet.rows.append(Row(number: number, isHidden: rng.below(10) == 0, cells: cells))
      }
      sheets.append(sheet)
    }
    let url = try WriterTestSupport.scratch().appendingPathComponent("random-\(seed).xlsx")
    let summary = try XLSXWriter.write(workbook: Workbook(sheets: sheets), to: url.path)
    try WriterTestSupport.expectValid([url])
    var expected = Workbook(sheets: sheets)
    for (i, name) in summary.sheetNames.enumerated() { expected.sheets[i].name = name }
    WriterTestSupport.expectSameGrid(try WriterTestSupport.readBack(url), expected)
  }

  @Test func preservedStylesMergesAndWidthsRoundTrip() throws {
    var sheet = Sheet(name: "Actions")
    sheet.rows = [
      Row(number: 1, cells: [Cell(column: 1, value: .text("Ref"), style: 1), Cell(column: 2, value: .text("Dec-19"), style: 1)]),
      Row(number: 2, cells: [Cell(column: 1, value: .text("2.1")), Cell(column: 2, value: .empty, style: 2)]),
      Row(number: 3, cells: [Cell(column: 1, value: .number(0.25), style: 3), Cell(column: 2, value: .date(DateCell(year: 2019, month: 12, day: 1, display: .month)), style: 4)]),
    ]
    sheet.mergedRanges = [CellRange(a1: "A1:A2")!]
    sheet.columnWidths = [1: 12.7109375, 2: 30.7109375]
    sheet.hiddenColumns = [3]
    let book = Workbook(
      sheets: [sheet, Sheet(name: "Hidden", visibility: .hidden)],
      styles: [CellStyle(), CellStyle(isBold: true), CellStyle(fillRGB: 0x00B050), CellStyle(numberFormat: "0%"), CellStyle(numberFormat: "mmm-yy")])
    let url = try WriterTestSupport.scratch().appendingPathComponent("preserve.xlsx")
    try XLSXWriter.write(workbook: book, to: url.path)
    try WriterTestSupport.expectValid([url])
    let back = try WriterTestSupport.readBack(url)
    WriterTestSupport.expectSameGrid(back, book, comparesStyles: true)
    #expect(back.sheets[0].mergedRanges == sheet.mergedRanges)
    #expect(back.sheets[0].columnWidths[1] == 12.7109375 && back.sheets[0].columnWidths[2] == 30.7109375)
    #expect(back.sheets[0].hiddenColumns == [3])
  }

  @Test func streamedWorkbooksReadBackAsWritten() throws {
    let url = try WriterTestSupport.scratch().appendingPathComponent("basic.xlsx")
    try WriterGoldenTests.basic(url.path)
    try WriterTestSupport.expectValid([url])
    let values = Sheet(name: "Values", rows: [
      Row(number: 1, values: ["text", "number", "bool", "date", "error"].map { .text($0) }),
      Row(number: 2, values: [.text("plain"), .number(42), .bool(true), .date(DateCell(year: 2021, month: 4, day: 1)), .error(CellError(code: "#N/A"))]),
      Row(number: 3, values: [.text(" padded "), .number(-0.125), .bool(false), .date(DateCell(year: 2019, month: 12, day: 1, display: .month)), .error(CellError(code: "#DIV/0!"))]),
      Row(number: 4, values: [.text("a < b & c > \"d\""), .number(1e-7), .empty, .date(DateCell(year: 2024, month: 2, day: 29, secondsOfDay: 34_200, display: .dateTime))]),
      Row(number: 5, values: [.text("line one\nline two\r\nthree"), .number(123_456_789.5), .text(""), .text("bell\u{07} _x0041_ ünï 🙂")]),
    ])
    let second = Sheet(name: "Second sheet", rows: [
      Row(number: 3, cells: [Cell(column: 2, value: .text("plain")), Cell(column: 5, value: .number(5))]),
    ])
    WriterTestSupport.expectSameGrid(try WriterTestSupport.readBack(url), Workbook(sheets: [values, second]))
  }

  @Test func tablePresentationKeepsEveryValue() throws {
    let url = try WriterTestSupport.scratch().appendingPathComponent("table.xlsx")
    try WriterGoldenTests.table(url.path)
    try WriterTestSupport.expectValid([url])
    var source = Sheet(name: "staffordshire-priority-2")
    source.rows = [
      Row(number: 1, values: [.text("Focus Area (Intent)"), .text("Actions (Implementation)"), .text("Lead"), .date(DateCell(year: 2019, month: 12, day: 1, display: .month)), .text("Notes")]),
      Row(number: 2, values: [.text("Ref - 1.1"), .text("A. Co-produce and clearly define accountability and responsibility descriptors for all partners."), .text("Tim Moss"), .text("G"), .text("<p>Dec 2021: agreed.</p>\n<p>Jan 2022: reviewed.</p>")]),
      Row(number: 3, values: [.empty, .text("B. Short."), .text("SCM SEND"), .text("A"), .number(0.75)]),
      Row(number: 4, values: [.text("Ref - 1.2"), .text("C."), .bool(true), .date(DateCell(year: 2022, month: 1, day: 17)), .empty]),
    ]
    WriterTestSupport.expectSameGrid(try WriterTestSupport.readBack(url), Workbook(sheets: [source]))
  }

  @Test func anXLSXStreamsThroughTheReaderIntoTheWriter() throws {
    let dir = try WriterTestSupport.scratch()
    let source = dir.appendingPathComponent("tracker.xlsx")
    let copy = dir.appendingPathComponent("copy.xlsx")
    try WriterGoldenTests.tracker(source.path)
    let reader = try XLSXReader(path: source.path)
    var sink = try XLSXGridWriter(path: copy.path, presentation: .preserve, styles: reader.styles)
    try reader.read(into: &sink)
    try sink.finish()
    try WriterTestSupport.expectValid([source, copy])
    let original = try WriterTestSupport.readBack(source)
    let copied = try WriterTestSupport.readBack(copy)
    WriterTestSupport.expectSameGrid(copied, original, comparesStyles: true)
    #expect(copied.sheets.map(\.mergedRanges) == original.sheets.map(\.mergedRanges))
    #expect(copied.sheets.map(\.columnWidths) == original.sheets.map(\.columnWidths))
  }
}
