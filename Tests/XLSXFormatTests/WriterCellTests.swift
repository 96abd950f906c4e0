import Diagnostics
import Foundation
import Grid
import Testing
import XLSXFormat

/// Cell values: how each is written, and which are refused (naming the cell).
@Suite struct WriterCellTests {
  /// Writes one sheet with the rows, runs check-xlsx, returns the sheet and
  /// shared-strings XML.
  private func write(
    _ rows: [[CellValue]], sheet: String = "Data", format: ((XLSXWriter) -> FormatID)? = nil
  ) throws -> (sheet: String, strings: String, url: URL) {
    let url = try WriterTestSupport.scratch().appendingPathComponent("cells.xlsx")
    let writer = try XLSXWriter(path: url.path)
    let id = format?(writer) ?? .normal
    try writer.beginSheet(name: sheet)
    for row in rows { try writer.writeRow(row, format: id) }
    try writer.endSheet()
    try writer.finish()
    try WriterTestSupport.expectValid([url])
    let strings = (try? WriterTestSupport.part(url, "xl/sharedStrings.xml")) ?? ""
    return (try WriterTestSupport.part(url, "xl/worksheets/sheet1.xml"), strings, url)
  }

  @Test func valuesGetTheirExcelTypes() throws {
    let (sheet, strings, _) = try write([
      [.text("a"), .number(1.5), .bool(true), .bool(false), .error(CellError(code: "#N/A")), .empty, .text("a")],
      [.error(CellError(code: "#SPILL!")), .text(""), .number(-0.0), .number(12345678901)],
    ])
    #expect(sheet.contains(#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1.5</v></c>"#))
    #expect(sheet.contains(#"<c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c>"#))
    #expect(sheet.contains(#"<c r="E1" t="e"><v>#N/A</v></c><c r="G1" t="s"><v>0</v></c></row>"#))
    // A newer error code goes in as text; an empty string is no cell.
    #expect(sheet.contains(#"<row r="2"><c r="A2" t="s"><v>1</v></c><c r="C2"><v>-0</v></c><c r="D2"><v>12345678901</v></c></row>"#))
    #expect(sheet.contains(#"<dimension ref="A1:G2"/>"#))
    #expect(strings.contains(#"count="3" uniqueCount="2"><si><t>a</t></si><si><t>#SPILL!</t></si></sst>"#))
  }

  @Test func stringsAreSharedByBytesNotByCanonicalEquivalence() throws {
    let composed = "caf\u{E9}"
    let decomposed = "cafe\u{301}"
    #expect(composed == decomposed)  // Swift says equal; the bytes differ
    let (_, strings, _) = try write([[.text(composed), .text(decomposed), .text(composed)]])
    #expect(strings.contains(#"count="3" uniqueCount="2""#))
    #expect(strings.contains("<si><t>\(composed)</t></si><si><t>\(decomposed)</t></si>"))
  }

  @Test func longStringsCanSkipDeduplication() throws {
    let url = try WriterTestSupport.scratch().appendingPathComponent("lean.xlsx")
    let writer = try XLSXWriter(path: url.path, options: XLSXWriteOptions(longestDeduplicatedString: 5))
    try writer.beginSheet(name: "S")
    try writer.writeRow([.text("short"), .text("longer text"), .text("short"), .text("longer text"), .text("x")])
    try writer.endSheet()
    let summary = try writer.finish()
    try WriterTestSupport.expectValid([url])
    #expect(summary.stringCells == 5 && summary.distinctStrings == 4)
    let strings = try WriterTestSupport.part(url, "xl/sharedStrings.xml")
    #expect(strings.contains(#"count="5" uniqueCount="4"><si><t>short</t></si><si><t>longer text</t></si><si><t>longer text</t></si><si><t>x</t></si>"#))
    #expect(try WriterTestSupport.part(url, "xl/worksheets/sheet1.xml").contains(
      #"<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>0</v></c><c r="D1" t="s"><v>2</v></c><c r="E1" t="s"><v>3</v></c>"#))
  }

  @Test func textIsEscapedAndEdgeWhitespacePreserved() throws {
    let (_, strings, _) = try write([[
      .text(" lead"), .text("line\r\nbreak"), .text("ctl\u{01}"), .text("<b>&amp;</b>"), .text("_x0041_"),
    ]])
    #expect(strings.contains(#"<si><t xml:space="preserve"> lead</t></si>"#))
    #expect(strings.contains("<si><t>line_x000D_\nbreak</t></si>"))
    #expect(strings.contains("<si><t>ctl_x0001_</t></si>"))
    #expect(strings.contains("<si><t>&lt;b&gt;&amp;amp;&lt;/b&gt;</t></si>"))
    #expect(strings.contains("<si><t>_x005F_x0041_</t></si>"))
  }

  @Test func datesAreSerialNumbersWithADateFormat() throws {
    let (sheet, _, url) = try write([[
      .date(DateCell(year: 2021, month: 4, day: 1)),
      .date(DateCell(year: 2019, month: 12, day: 1, display: .month)),
      .date(DateCell(year: 1900, month: 1, day: 1)),
      .date(DateCell(year: 1900, month: 3, day: 1)),
      .date(DateCell(year: 2021, month: 4, day: 1, secondsOfDay: 43_200, display: .dateTime)),
      .date(DateCell(year: 1899, month: 12, day: 30, secondsOfDay: 21_600, display: .time)),
      .date(DateCell(year: 1899, month: 12, day: 31, secondsOfDay: 43_200, display: .dateTime)),
    ]])
    #expect(!sheet.contains("t=\"d\""))
    #expect(sheet.contains(#"<c r="A1" s="1"><v>44287</v></c><c r="B1" s="2"><v>43800</v></c>"#))
    #expect(sheet.contains(#"<c r="C1" s="1"><v>1</v></c><c r="D1" s="1"><v>61</v></c>"#))
    #expect(sheet.contains(#"<c r="E1" s="3"><v>44287.5</v></c><c r="F1" s="4"><v>0.25</v></c><c r="G1" s="3"><v>0.5</v></c>"#))
    let styles = try WriterTestSupport.part(url, "xl/styles.xml")
    #expect(styles.contains(#"<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>"#))
    #expect(styles.contains(#"<xf numFmtId="17" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#))
    #expect(styles.contains(#"formatCode="dd/mm/yyyy hh:mm""#) && styles.contains(#"formatCode="hh:mm:ss""#))
  }

  @Test func anExplicitNumberFormatWinsForDates() throws {
    let (sheet, _, url) = try write([[.date(DateCell(year: 2021, month: 4, day: 1))]]) {
      $0.addFormat(CellFormat(numberFormat: "yyyy-mm-dd"))
    }
    #expect(sheet.contains(#"<c r="A1" s="1"><v>44287</v></c>"#))
    #expect(try WriterTestSupport.part(url, "xl/styles.xml").contains(#"formatCode="yyyy-mm-dd""#))
  }

  @Test func theDimensionCoversCellsOnly() throws {
    let url = try WriterTestSupport.scratch().appendingPathComponent("dimension.xlsx")
    let writer = try XLSXWriter(path: url.path)
    try writer.beginSheet(name: "S")
    try writer.writeRow([], options: RowOptions(height: 30))
    try writer.writeRow([.empty, .empty, .number(1)])
    try writer.writeRow([.empty, .text("x")])
    try writer.writeRow([], options: RowOptions(isHidden: true))
    try writer.writeRow([])
    #expect(writer.nextRowNumber == 6)
    try writer.endSheet()
    try writer.finish()
    try WriterTestSupport.expectValid([url])
    let xml = try WriterTestSupport.part(url, "xl/worksheets/sheet1.xml")
    #expect(xml.contains(#"<dimension ref="B2:C3"/>"#))
    #expect(xml.contains(#"<sheetData><row r="1" ht="30" customHeight="1"/><row r="2"><c r="C2"><v>1</v></c></row><row r="3"><c r="B3" t="s"><v>0</v></c></row><row r="4" hidden="1"/></sheetData>"#))
  }

  @Test func styledBlanksAreWrittenPlainBlanksAreNot() throws {
    let (sheet, _, _) = try write([[.empty, .text(""), .number(1)], [.empty]]) {
      $0.addFormat(CellFormat(fillRGB: 0x00B050))
    }
    #expect(sheet.contains(#"<row r="1"><c r="A1" s="1"/><c r="B1" s="1"/><c r="C1" s="1"><v>1</v></c></row>"#))
    #expect(sheet.contains(#"<row r="2"><c r="A2" s="1"/></row>"#))
  }

  // MARK: Refusals

  private func refusal(_ body: (XLSXWriter) throws -> Void) throws -> (error: XLSXWriteError?, url: URL) {
    let url = try WriterTestSupport.scratch().appendingPathComponent("refused.xlsx")
    let writer = try XLSXWriter(path: url.path)
    try writer.beginSheet(name: "Priority 2")
    do {
      try body(writer)
      return (nil, url)
    } catch let error as XLSXWriteError {
      // The writer stays usable: finish and check what was written.
      try writer.writeRow([.text("after")])
      try writer.endSheet()
      try writer.finish()
      try WriterTestSupport.expectValid([url])
      return (error, url)
    }
  }

  @Test func textOverTheCellLimitIsRefusedNamingTheCell() throws {
    let long = String(repeating: "é", count: ExcelLimits.maxCellCharacters + 1)
    let (error, url) = try refusal { w in
      try w.writeRow([.text("ok")])
      try w.writeRow([.text("fine"), .text(long)])
    }
    #expect(error == .textTooLong(file: url.path, sheet: "Priority 2", cell: CellAddress(a1: "B2")!, length: 32_768))
    #expect(error?.description == "\(url.path):'Priority 2'!B2: text is 32768 characters long; an Excel cell holds at most 32767 (the text was not written)")
    // The refused row was not written at all; the next row took its place.
    let sheet = try WriterTestSupport.part(url, "xl/worksheets/sheet1.xml")
    #expect(!sheet.contains("r=\"B2\""))
    #expect(sheet.contains(#"<row r="2"><c r="A2" t="s"><v>1</v></c></row>"#))
  }

  @Test func exactlyTheLimitIsAccepted() throws {
    let text = String(repeating: "x", count: ExcelLimits.maxCellCharacters)
    let (_, strings, _) = try write([[.text(text)]])
    #expect(strings.contains(text))
  }

  @Test func otherBadValuesAreRefused() throws {
    let file = { (url: URL) in url.path }
    var (error, url) = try refusal { try $0.writeRow([.number(.nan)]) }
    #expect(error == .invalidNumber(file: file(url), sheet: "Priority 2", cell: CellAddress(a1: "A1")!, value: "nan"))
    (error, url) = try refusal { try $0.writeRow([.empty, .number(.infinity)]) }
    #expect(error == .invalidNumber(file: file(url), sheet: "Priority 2", cell: CellAddress(a1: "B1")!, value: "inf"))
    (error, url) = try refusal { try $0.writeRow([.date(DateCell(year: 1899, month: 12, day: 30))]) }
    #expect(error == .dateOutOfRange(file: file(url), sheet: "Priority 2", cell: CellAddress(a1: "A1")!, date: "1899-12-30"))
    (error, url) = try refusal { try $0.writeRow([.date(DateCell(year: 2021, month: 2, day: 30))]) }
    #expect(error == .dateOutOfRange(file: file(url), sheet: "Priority 2", cell: CellAddress(a1: "A1")!, date: "2021-02-30"))
    (error, url) = try refusal { w in
      try w.writeRow(number: 5, cells: [FormattedCell(column: 1, value: .number(1))])
      try w.writeRow(number: 5, cells: [])
    }
    #expect(error == .rowOutOfOrder(file: file(url), sheet: "Priority 2", row: 5, previousRow: 5))
    (error, url) = try refusal { w in
      try w.writeRow(number: 2, cells: [FormattedCell(column: 3, value: .number(1)), FormattedCell(column: 2, value: .number(2))])
    }
    #expect(error == .columnOutOfOrder(file: file(url), sheet: "Priority 2", cell: CellAddress(a1: "B2")!))
    (error, url) = try refusal { try $0.writeRow(number: 1, cells: [FormattedCell(column: 16_385, value: .number(1))]) }
    #expect(error == .cellOutsideSheet(file: file(url), sheet: "Priority 2", row: 1, column: 16_385))
    (error, url) = try refusal { try $0.writeRow(number: 1_048_577, cells: []) }
    #expect(error == .cellOutsideSheet(file: file(url), sheet: "Priority 2", row: 1_048_577, column: 1))
    (error, url) = try refusal { try $0.writeRow([.number(1)], format: FormatID.normal, options: RowOptions(height: 500)) }
    #expect(error == .invalidLayout(file: file(url), sheet: "Priority 2", reason: "row height 500.0 is outside 0...409 points"))
  }

  @Test func aFormatFromAnotherWriterIsRefused() throws {
    let other = try XLSXWriter(path: try WriterTestSupport.scratch().appendingPathComponent("o.xlsx").path)
    for i in 0..<5 { _ = other.addFormat(CellFormat(fillRGB: UInt32(i))) }
    let foreign = other.addFormat(CellFormat(fillRGB: 0xFF0000))
    let (error, url) = try refusal { try $0.writeRow([.number(1)], format: foreign) }
    #expect(error == .unknownFormat(file: url.path, sheet: "Priority 2", format: 6))
  }
}
