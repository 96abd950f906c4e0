import Diagnostics
import Foundation
import Grid
import Testing
import XLSXFormat

/// Grids (`Workbook`) written whole or streamed through `XLSXGridWriter`.
@Suite struct WriterGridTests {
  private func styledWorkbook() -> Workbook {
    var sheet = Sheet(name: "Q3/Q4 returns")
    sheet.rows = [
      Row(number: 1, cells: [Cell(column: 1, value: .text("Ref"), style: 1), Cell(column: 2, value: .text("Status"), style: 1)]),
      Row(number: 2, cells: [Cell(column: 1, value: .text("2.1")), Cell(column: 2, value: .empty, style: 2)]),
      Row(number: 4, isHidden: true, cells: [Cell(column: 1, value: .number(0.25), style: 3), Cell(column: 3, value: .date(DateCell(year: 2021, month: 4, day: 1)))]),
    ]
    sheet.mergedRanges = [CellRange(a1: "A1:A2")!, CellRange(a1: "C1")!]
    sheet.columnWidths = [1: 9.140625, 2: 30.7109375]
    sheet.hiddenColumns = [4]
    let lists = Sheet(name: "Lists", visibility: .hidden, rows: [Row(number: 1, values: [.text("R")])])
    return Workbook(
      sheets: [sheet, lists],
      styles: [CellStyle(), CellStyle(isBold: true), CellStyle(fillRGB: 0x00B050), CellStyle(numberFormat: "0%")])
  }

  @Test func preserveKeepsStylesMergesWidthsAndHiding() throws {
    let url = try WriterTestSupport.scratch().appendingPathComponent("preserve.xlsx")
    let summary = try XLSXWriter.write(workbook: styledWorkbook(), to: url.path)
    try WriterTestSupport.expectValid([url])
    #expect(summary.sheetNames == ["Q3_Q4 returns", "Lists"])
    #expect(summary.renamedSheets.count == 1)
    let xml = try WriterTestSupport.part(url, "xl/worksheets/sheet1.xml")
    #expect(xml.contains(#"<cols><col min="1" max="1" width="9.140625" customWidth="1"/><col min="2" max="2" width="30.7109375" customWidth="1"/><col min="4" max="4" width="9.140625" hidden="1"/></cols>"#))
    #expect(xml.contains(#"<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1" t="s"><v>1</v></c></row>"#))
    #expect(xml.contains(#"<c r="B2" s="2"/>"#))  // the filled blank survives
    #expect(xml.contains(#"<row r="4" hidden="1"><c r="A4" s="3"><v>0.25</v></c><c r="C4" s="4"><v>44287</v></c></row>"#))
    #expect(xml.contains(#"<mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells>"#))  // single-cell merge dropped
    let styles = try WriterTestSupport.part(url, "xl/styles.xml")
    #expect(styles.contains(#"<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#))
    #expect(styles.contains(#"<fgColor rgb="FF00B050"/>"#))
    #expect(try WriterTestSupport.part(url, "xl/workbook.xml").contains(#"<sheet name="Lists" sheetId="2" state="hidden" r:id="rId2"/>"#))
  }

  @Test func tableLooksLikeADumpAndStreamsThroughTheConsumer() throws {
    let dir = try WriterTestSupport.scratch()
    let whole = dir.appendingPathComponent("whole.xlsx")
    let streamed = dir.appendingPathComponent("streamed.xlsx")
    let workbook = styledWorkbook()
    try XLSXWriter.write(workbook: workbook, to: whole.path, presentation: .table)
    let sink = try XLSXGridWriter(path: streamed.path, presentation: .table, styles: workbook.styles)
    for sheet in workbook.sheets {
      try sink.beginSheet(Sheet(name: sheet.name, visibility: .visible))
      for row in sheet.rows { try sink.consume(row) }
      try sink.endSheet(sheet)
    }
    try sink.finish()
    try WriterTestSupport.expectValid([whole, streamed])
    #expect(try Data(contentsOf: whole) == Data(contentsOf: streamed))
    let xml = try WriterTestSupport.part(whole, "xl/worksheets/sheet1.xml")
    #expect(xml.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
    #expect(xml.contains(#"<autoFilter ref="A1:C4"/>"#))
    #expect(!xml.contains("<mergeCells"))
    #expect(!xml.contains("hidden="))
    #expect(xml.contains(#"<cols><col min="1" max="1" width="6.7109375" customWidth="1"/><col min="2" max="2" width="8.7109375" customWidth="1"/><col min="3" max="3" width="12.7109375" customWidth="1"/></cols>"#))
  }

  @Test func aHeaderBelowRowOneIsFrozenAndFiltered() throws {
    let url = try WriterTestSupport.scratch().appendingPathComponent("late-header.xlsx")
    let sheet = Sheet(name: "S", rows: [
      Row(number: 3, values: [.text("Ref"), .text("Status")]), Row(number: 4, values: [.text("1"), .text("G")]),
    ])
    try XLSXWriter.write(workbook: Workbook(sheets: [sheet]), to: url.path, presentation: .table)
    try WriterTestSupport.expectValid([url])
    let xml = try WriterTestSupport.part(url, "xl/worksheets/sheet1.xml")
    #expect(xml.contains(#"<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>"#))
    #expect(xml.contains(#"<autoFilter ref="A3:B4"/>"#))
  }

  @Test func anEmptyWorkbookGetsOneEmptySheet() throws {
    let url = try WriterTestSupport.scratch().appendingPathComponent("empty.xlsx")
    let summary = try XLSXWriter.write(workbook: Workbook(), to: url.path, presentation: .table)
    try WriterTestSupport.expectValid([url])
    #expect(summary.sheetNames == ["Sheet1"])
    #expect(try WriterTestSupport.part(url, "xl/worksheets/sheet1.xml").contains(#"<dimension ref="A1"/>"#))
  }

  @Test func aLargeSheetStreamsThroughSeveralSpoolChunks() throws {
    // 30,000 rows x 6 cells: several MiB of sheet XML and shared strings go
    // through the background compressors; every cell reads back in place.
    let url = try WriterTestSupport.scratch().appendingPathComponent("large.xlsx")
    let writer = try XLSXWriter(path: url.path)
    try writer.beginSheet(name: "Numbers", layout: SheetLayout(frozenRows: 1, autoFilter: .header(row: 1), autoFit: AutoFit()))
    try writer.writeRow((1...6).map { .text("Column \($0)") })
    for i in 1...30_000 {
      try writer.writeRow([
        .number(Double(i)), .text("item \(i)"), .text("group \(i % 50)"), .number(Double(i) / 7), .bool(i % 2 == 0),
        .date(DateCell(year: 2000 + i % 25, month: 1 + i % 12, day: 1 + i % 28)),
      ])
    }
    try writer.endSheet()
    let summary = try writer.finish()
    try WriterTestSupport.expectValid([url])
    #expect(summary.distinctStrings == 6 + 30_000 + 50)
    let xml = try WriterTestSupport.part(url, "xl/worksheets/sheet1.xml")
    #expect(xml.contains(#"<dimension ref="A1:F30001"/>"#))
    #expect(xml.contains(#"<row r="30001"><c r="A30001"><v>30000</v></c><c r="B30001" t="s"><v>30055</v></c><c r="C30001" t="s"><v>105</v></c>"#))
    #expect(xml.contains(#"<c r="D30001"><v>4285.714285714285</v></c><c r="E30001" t="b"><v>1</v></c><c r="F30001" s="1"><v>36538</v></c></row></sheetData>"#))
    let strings = try WriterTestSupport.part(url, "xl/sharedStrings.xml")
    #expect(strings.contains(#"count="60006" uniqueCount="30056""#))
    #expect(strings.hasSuffix("<si><t>item 30000</t></si></sst>"))
  }
}
