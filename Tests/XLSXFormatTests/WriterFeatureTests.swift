import Diagnostics
import Foundation
import Grid
import Testing
import XLSXFormat

/// Tracker presentation: panes, filters, widths, merges, drop-down lists,
/// conditional formats, links, and the refusals that keep Excel from repairing.
@Suite struct WriterFeatureTests {
  private func range(_ a1: String) -> CellRange { CellRange(a1: a1)! }

  /// Writes a 10 x 4 sheet, lets `body` add features, finishes and checks.
  private func sheetXML(
    layout: SheetLayout = SheetLayout(), file: String = "features.xlsx", _ body: (XLSXWriter) throws -> Void = { _ in }
  ) throws -> (xml: String, url: URL) {
    let url = try WriterTestSupport.scratch().appendingPathComponent(file)
    let writer = try XLSXWriter(path: url.path)
    try writer.beginSheet(name: "Priority 2", layout: layout)
    for r in 1...10 { try writer.writeRow((1...4).map { .text("r\(r)c\($0)") }) }
    try body(writer)
    try writer.endSheet()
    try writer.finish()
    try WriterTestSupport.expectValid([url])
    return (try WriterTestSupport.part(url, "xl/worksheets/sheet1.xml"), url)
  }

  @Test(arguments: [
    (1, 0, #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>"#),
    (0, 2, #"<pane xSplit="2" topLeftCell="C1" activePane="topRight" state="frozen"/><selection pane="topRight"/>"#),
    (3, 1, #"<pane xSplit="1" ySplit="3" topLeftCell="B4" activePane="bottomRight" state="frozen"/><selection pane="topRight" activeCell="B1" sqref="B1"/><selection pane="bottomLeft" activeCell="A4" sqref="A4"/><selection pane="bottomRight"/>"#),
  ])
  func frozenPanes(rows: Int, columns: Int, expected: String) throws {
    let (xml, _) = try sheetXML(layout: SheetLayout(frozenRows: rows, frozenColumns: columns))
    #expect(xml.contains(#"<sheetView tabSelected="1" workbookViewId="0">"# + expected + "</sheetView>"))
  }

  @Test func printSetupWritesPageSetupHeaderFooterAndNames() throws {
    var layout = SheetLayout(autoFilter: .header(row: 1), tabColorRGB: 0x00B050)
    layout.printSetup = PrintSetup(
      orientation: .landscape, paper: .a4, fitToPagesWide: 1, repeatedRows: 1...2, area: .used,
      header: HeaderFooterText(left: [.text("Plan & review")], right: [.text("As at Dec-21")]),
      footer: HeaderFooterText(left: [.sheetName], right: [.text("Page "), .pageNumber, .text(" of "), .pageCount]))
    let (xml, url) = try sheetXML(layout: layout)
    #expect(xml.contains(#"<sheetPr><tabColor rgb="FF00B050"/><pageSetUpPr fitToPage="1"/></sheetPr>"#))
    #expect(xml.contains(
      #"<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"/>"#
        + "<headerFooter><oddHeader>&amp;LPlan &amp;&amp; review&amp;RAs at Dec-21</oddHeader>"
        + "<oddFooter>&amp;L&amp;A&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter></worksheet>"))
    let workbook = try WriterTestSupport.part(url, "xl/workbook.xml")
    #expect(workbook.contains(
      #"<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Priority 2'!$A$1:$D$10</definedName>"#
        + #"<definedName name="_xlnm.Print_Area" localSheetId="0">'Priority 2'!$A$1:$D$10</definedName>"#
        + #"<definedName name="_xlnm.Print_Titles" localSheetId="0">'Priority 2'!$1:$2</definedName>"#))
  }

  @Test func aSheetWithoutPrintSetupKeepsExcelsDefaults() throws {
    let (xml, url) = try sheetXML()
    #expect(!xml.contains("<pageSetup") && !xml.contains("<headerFooter") && !xml.contains("<sheetPr"))
    #expect(!(try WriterTestSupport.part(url, "xl/workbook.xml")).contains("Print_"))
  }

  @Test func aHeaderOverExcelsLimitIsRefused() throws {
    let url = try WriterTestSupport.scratch().appendingPathComponent("long-header.xlsx")
    let writer = try XLSXWriter(path: url.path)
    let layout = SheetLayout(printSetup: PrintSetup(header: HeaderFooterText(center: [.text(String(repeating: "&", count: 130))])))
    #expect(throws: XLSXWriteError.self) { try writer.beginSheet(name: "Sheet1", layout: layout) }
  }

  @Test func autoFilterFollowsTheRowsWritten() throws {
    let (xml, url) = try sheetXML(layout: SheetLayout(autoFilter: .header(row: 1)))
    #expect(xml.contains(#"</sheetData><autoFilter ref="A1:D10"/>"#))
    #expect(try WriterTestSupport.part(url, "xl/workbook.xml").contains(#"localSheetId="0" hidden="1">'Priority 2'!$A$1:$D$10</definedName>"#))
    let (fixed, _) = try sheetXML(layout: SheetLayout(autoFilter: .range(range("B2:C5"))))
    #expect(fixed.contains(#"<autoFilter ref="B2:C5"/>"#))
  }

  @Test func columnWidthsFormatsAndFittedWidths() throws {
    let url = try WriterTestSupport.scratch().appendingPathComponent("cols.xlsx")
    let writer = try XLSXWriter(path: url.path)
    let wrap = writer.addFormat(CellFormat(alignment: AlignmentFormat(vertical: .top, wrapsText: true)))
    var layout = SheetLayout(autoFit: AutoFit(minWidth: 6, maxWidth: 30))
    layout.columns = [ColumnLayout(2...2, width: 50, format: wrap), ColumnLayout(5...7, isHidden: true)]
    try writer.beginSheet(name: "S", layout: layout)
    try writer.writeRow([.text("ab"), .text("wrapped note"), .text("a much longer heading text than thirty characters")])
    try writer.writeRow([.number(1234.5), .empty, .text("x\nline two is longer")])
    try writer.endSheet()
    try writer.finish()
    try WriterTestSupport.expectValid([url])
    let xml = try WriterTestSupport.part(url, "xl/worksheets/sheet1.xml")
    // A: "1234.5" (6) + 2 = 8; B: set 50 with its format; C: capped at 30;
    // D: unused; E:G hidden, default width, not fitted (beyond the data).
    #expect(xml.contains(
      #"<cols><col min="1" max="1" width="8.7109375" customWidth="1"/><col min="2" max="2" width="50.7109375" style="1" customWidth="1"/>"#
        + #"<col min="3" max="3" width="30.7109375" customWidth="1"/><col min="5" max="7" width="9.140625" hidden="1"/></cols>"#))
    // Values written plainly in column B take the column's format; an empty
    // cell needs no <c> (the column's style covers it).
    #expect(xml.contains(#"<c r="B1" s="1" t="s">"#))
    #expect(xml.contains(#"<row r="2"><c r="A2"><v>1234.5</v></c><c r="C2" t="s">"#))
  }

  @Test func storedWidthsMatchExcel() throws {
    // Excel's dialog width -> the width attribute it stores (Calibri 11),
    // as XlsxWriter's Excel-made set_column goldens have them.
    let cases: [(Double, String)] = [
      (8.43, "9.140625"), (1, "1.7109375"), (50, "50.7109375"), (0.5, "0.85546875"), (255, "255.7109375"), (0, "0"),
    ]
    let layout = SheetLayout(columns: cases.enumerated().map { ColumnLayout(($0.offset + 1)...($0.offset + 1), width: $0.element.0) })
    let (xml, _) = try sheetXML(layout: layout)
    for (i, (_, stored)) in cases.enumerated() {
      #expect(xml.contains(#"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(stored)" customWidth="1"/>"#))
    }
  }

  @Test func mergesAreWrittenAndConflictsRefused() throws {
    let file = "merges.xlsx"
    var refusals: [XLSXWriteError] = []
    let (xml, url) = try sheetXML(file: file) { w in
      try w.mergeCells(self.range("A1:D1"))
      try w.mergeCells(self.range("A3:A5"))
      for bad in ["B1:B2", "A4:C6", "C3", "A1:XFE1"] {
        let parsed = CellRange(a1: bad) ?? CellRange(start: CellAddress(row: 1, column: 1), end: CellAddress(row: 1, column: 16_385))
        do throws(XLSXWriteError) { try w.mergeCells(parsed) } catch { refusals.append(error) }
      }
    }
    let path = url.path
    #expect(xml.contains(#"<mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="A3:A5"/></mergeCells>"#))
    #expect(refusals == [
      .overlappingMerge(file: path, sheet: "Priority 2", range: range("B1:B2"), existing: range("A1:D1")),
      .overlappingMerge(file: path, sheet: "Priority 2", range: range("A4:C6"), existing: range("A3:A5")),
      .singleCellMerge(file: path, sheet: "Priority 2", range: range("C3")),
      .rangeOutsideSheet(file: path, sheet: "Priority 2", feature: "merged", range: "R1C1:R1C16385"),
    ])
    #expect(refusals[0].description == "\(path):'Priority 2': merged range B1:B2 overlaps merged range A1:D1")
  }

  @Test func statusDropDownList() throws {
    var refusals: [XLSXWriteError] = []
    let (xml, url) = try sheetXML { w in
      try w.addDataValidation(DataValidation(
        ranges: [self.range("B2:B10"), self.range("D2:D10")], list: ["R", "A", "G", "B", "Grey", "N/A"],
        errorMessage: "Use R, A, G, B, Grey or N/A."))
      try w.addDataValidation(DataValidation(
        ranges: [self.range("C2:C10")], source: .range(sheet: "Priority 2", self.range("A1:A6")), allowsBlank: false,
        showsDropDown: false, errorStyle: .warning, promptTitle: "Lead", prompt: "Pick a lead"))
      let long = (1...60).map { "Item\($0)" }
      for bad in [
        DataValidation(ranges: [self.range("A1")], list: long),
        DataValidation(ranges: [self.range("A1")], list: ["a,b"]),
        DataValidation(ranges: [self.range("A1")], list: []),
        DataValidation(ranges: [], list: ["x"]),
        DataValidation(ranges: [self.range("A1")], source: .list(["x"]), errorTitle: String(repeating: "t", count: 33)),
      ] {
        do throws(XLSXWriteError) { try w.addDataValidation(bad) } catch { refusals.append(error) }
      }
    }
    #expect(xml.contains(
      #"<dataValidations count="2"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" error="Use R, A, G, B, Grey or N/A." sqref="B2:B10 D2:D10"><formula1>"R,A,G,B,Grey,N/A"</formula1></dataValidation>"#
        + #"<dataValidation type="list" errorStyle="warning" showDropDown="1" showInputMessage="1" showErrorMessage="1" promptTitle="Lead" prompt="Pick a lead" sqref="C2:C10"><formula1>'Priority 2'!$A$1:$A$6</formula1></dataValidation></dataValidations>"#))
    let path = url.path
    #expect(refusals.count == 5)
    #expect(refusals.first == .validationListTooLong(file: path, sheet: "Priority 2", ranges: "A1", length: 410))
    #expect(refusals.first?.description.contains("drop-down list for A1 is 410 characters long; Excel allows 255") == true)
    #expect(refusals[1] == .invalidFeature(file: path, sheet: "Priority 2", feature: "data validation on A1", reason: "list item \"a,b\" is empty or contains a comma or a double quote"))
  }

  @Test func theLongestAcceptedListIs255Characters() throws {
    let exact = ["abcde"] + [String](repeating: "abcd", count: 50)
    #expect(exact.joined(separator: ",").count == 255)
    let (xml, _) = try sheetXML { w in try w.addDataValidation(DataValidation(ranges: [self.range("A1")], list: exact)) }
    #expect(xml.contains("<formula1>\"" + exact.joined(separator: ",") + "\"</formula1>"))
    #expect(throws: XLSXWriteError.self) {
      _ = try self.sheetXML { w in try w.addDataValidation(DataValidation(ranges: [self.range("A1")], list: exact + ["x"])) }
    }
  }

  @Test func statusColourFollowsTheValue() throws {
    let green = DifferentialFormat(fillRGB: 0xC6EFCE, fontColorRGB: 0x006100)
    let amber = DifferentialFormat(fillRGB: 0xFFEB9C)
    var refusals: [XLSXWriteError] = []
    let (xml, url) = try sheetXML { w in
      try w.addConditionalFormat(ConditionalFormat(ranges: [self.range("B2:D10")], rules: [
        ConditionalRule(.cellEquals(.text("G")), format: green, stopsIfTrue: true),
        ConditionalRule(.cellEquals(.text("A")), format: amber),
        ConditionalRule(.beginsWith("Gr"), format: DifferentialFormat(fillRGB: 0xBFBFBF)),
      ]))
      try w.addConditionalFormat(ConditionalFormat(ranges: [self.range("A2:A10")], rules: [
        ConditionalRule(.containsText("say \"overdue\""), format: DifferentialFormat(fontColorRGB: 0x9C0006, isBold: true)),
        ConditionalRule(.endsWith("done"), format: green),
        ConditionalRule(.cellIs(.greaterThan, .number(5)), format: amber),
      ]))
      for bad in [
        ConditionalFormat(ranges: [self.range("A1")], rules: []),
        ConditionalFormat(ranges: [self.range("A1")], rules: [ConditionalRule(.containsText(""), format: green)]),
        ConditionalFormat(ranges: [self.range("A1")], rules: [ConditionalRule(.cellIs(.lessThan, .number(.nan)), format: green)]),
      ] {
        do throws(XLSXWriteError) { try w.addConditionalFormat(bad) } catch { refusals.append(error) }
      }
    }
    #expect(xml.contains(
      #"<conditionalFormatting sqref="B2:D10"><cfRule type="cellIs" dxfId="0" priority="1" stopIfTrue="1" operator="equal"><formula>"G"</formula></cfRule>"#
        + #"<cfRule type="cellIs" dxfId="1" priority="2" operator="equal"><formula>"A"</formula></cfRule>"#
        + #"<cfRule type="beginsWith" dxfId="2" priority="3" operator="beginsWith" text="Gr"><formula>LEFT(B2,2)="Gr"</formula></cfRule></conditionalFormatting>"#))
    #expect(xml.contains(
      #"<conditionalFormatting sqref="A2:A10"><cfRule type="containsText" dxfId="3" priority="4" operator="containsText" text="say &quot;overdue&quot;"><formula>NOT(ISERROR(SEARCH("say ""overdue""",A2)))</formula></cfRule>"#
        + #"<cfRule type="endsWith" dxfId="0" priority="5" operator="endsWith" text="done"><formula>RIGHT(A2,4)="done"</formula></cfRule>"#
        + #"<cfRule type="cellIs" dxfId="1" priority="6" operator="greaterThan"><formula>5</formula></cfRule></conditionalFormatting>"#))
    let styles = try WriterTestSupport.part(url, "xl/styles.xml")
    #expect(styles.contains(
      #"<dxfs count="4"><dxf><font><color rgb="FF006100"/></font><fill><patternFill><bgColor rgb="FFC6EFCE"/></patternFill></fill></dxf>"#
        + #"<dxf><fill><patternFill><bgColor rgb="FFFFEB9C"/></patternFill></fill></dxf>"#))
    #expect(styles.contains(#"<dxf><font><b/><color rgb="FF9C0006"/></font></dxf></dxfs>"#))
    #expect(refusals.count == 3)
  }

  @Test func linksToCellsOfOtherSheetsFollowRenames() throws {
    let url = try WriterTestSupport.scratch().appendingPathComponent("links.xlsx")
    let writer = try XLSXWriter(path: url.path)
    let link = writer.addFormat(.hyperlink)
    try writer.beginSheet(name: "Findings")
    try writer.writeRow([.text("status.unknown at 'Priority 2'!H9"), .text("help")], format: link)
    try writer.addHyperlink(Hyperlink(at: CellAddress(a1: "A1")!, to: .cell(sheet: "Priority 2", CellAddress(a1: "H9")!)))
    try writer.addHyperlink(Hyperlink(at: CellAddress(a1: "B1")!, to: .url("https://example.org/help?a=1&b=2"), tooltip: "Open the guide"))
    try writer.addHyperlink(Hyperlink(at: CellAddress(a1: "C1")!, to: .cell(sheet: "Q3: draft", CellAddress(a1: "A1")!)))
    try writer.endSheet()
    try writer.beginSheet(name: "Priority 2")
    try writer.endSheet()
    try writer.beginSheet(name: "Q3: draft")  // written as "Q3_ draft"
    try writer.endSheet()
    try writer.finish()
    try WriterTestSupport.expectValid([url])
    let xml = try WriterTestSupport.part(url, "xl/worksheets/sheet1.xml")
    #expect(xml.contains(
      #"<hyperlinks><hyperlink ref="A1" location="'Priority 2'!H9"/><hyperlink ref="B1" r:id="rId1" tooltip="Open the guide"/>"#
        + #"<hyperlink ref="C1" location="'Q3_ draft'!A1"/></hyperlinks>"#))
    #expect(try WriterTestSupport.entryNames(url).contains("xl/worksheets/_rels/sheet1.xml.rels"))
    let rels = try WriterTestSupport.part(url, "xl/worksheets/_rels/sheet1.xml.rels")
    #expect(rels.contains(#"Target="https://example.org/help?a=1&amp;b=2" TargetMode="External"/>"#))
    #expect(try WriterTestSupport.part(url, "xl/styles.xml").contains(#"<font><u/><sz val="11"/><color rgb="FF0563C1"/>"#))
  }

  @Test func badLayoutsAreRefusedBeforeTheSheetStarts() throws {
    let url = try WriterTestSupport.scratch().appendingPathComponent("layout.xlsx")
    let path = url.path
    let writer = try XLSXWriter(path: path)
    let cases: [(SheetLayout, XLSXWriteError)] = [
      (SheetLayout(frozenRows: -1), .invalidLayout(file: path, sheet: "S", reason: "frozen rows -1 is outside 0...1048575")),
      (SheetLayout(columns: [ColumnLayout(1...3), ColumnLayout(3...4)]),
       .invalidLayout(file: path, sheet: "S", reason: "column ranges 1...3 and 3...4 overlap")),
      (SheetLayout(columns: [ColumnLayout(1...1, width: 300)]),
       .invalidLayout(file: path, sheet: "S", reason: "column width 300.0 is outside 0...255")),
      (SheetLayout(columns: [ColumnLayout(0...1)]),
       .invalidLayout(file: path, sheet: "S", reason: "column range 0...1 is outside 1...16384")),
      (SheetLayout(autoFit: AutoFit(minWidth: 10, maxWidth: 5)),
       .invalidLayout(file: path, sheet: "S", reason: "fitted widths 10.0...5.0 are not within 0...255")),
      (SheetLayout(autoFilter: .header(row: 0)), .invalidLayout(file: path, sheet: "S", reason: "auto-filter header row 0 is outside the sheet")),
    ]
    for (layout, expected) in cases {
      #expect(throws: expected) { try writer.beginSheet(name: "S", layout: layout) }
    }
    // The name was not used up by the refusals.
    #expect(try writer.beginSheet(name: "S") == "S")
    try writer.endSheet()
    try writer.finish()
    try WriterTestSupport.expectValid([url])
  }
}
