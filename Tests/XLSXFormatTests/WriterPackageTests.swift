import Diagnostics
import Foundation
import Grid
import Testing
import XLSXFormat

/// The package: parts and their order, reproducibility, atomic replacement,
/// sheet names, call order.
@Suite struct WriterPackageTests {
  @discardableResult
  private func sample(_ url: URL, options: XLSXWriteOptions = XLSXWriteOptions()) throws -> XLSXWriteSummary {
    let writer = try XLSXWriter(path: url.path, options: options)
    let bold = writer.addFormat(CellFormat(font: FontFormat(isBold: true)))
    try writer.beginSheet(name: "Actions", layout: SheetLayout(frozenRows: 1, autoFilter: .header(row: 1), autoFit: AutoFit()))
    try writer.writeRow([.text("Ref"), .text("Action"), .text("Dec-19")], format: bold)
    for i in 1...2_000 {
      try writer.writeRow([.text("2.\(i)"), .text("Action number \(i % 300) with some words"), .number(Double(i) / 8)])
    }
    try writer.endSheet()
    try writer.beginSheet(name: "Notes")
    try writer.writeRow([.text("Action number 7 with some words")])
    try writer.endSheet()
    return try writer.finish()
  }

  @Test func partsComeInAFixedOrder() throws {
    let url = try WriterTestSupport.scratch().appendingPathComponent("order.xlsx")
    let summary = try sample(url)
    try WriterTestSupport.expectValid([url])
    #expect(
      try WriterTestSupport.entryNames(url) == [
        "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels", "xl/theme/theme1.xml", "xl/styles.xml", "xl/sharedStrings.xml",
        "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
      ])
    #expect(summary.sheetNames == ["Actions", "Notes"])
    #expect(summary.stringCells == 3 + 4_000 + 1)
    #expect(summary.distinctStrings == 3 + 2_000 + 300)
    let workbook = try WriterTestSupport.part(url, "xl/workbook.xml")
    #expect(workbook.contains(#"<sheet name="Actions" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" r:id="rId2"/>"#))
    #expect(workbook.contains(#"<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Actions!$A$1:$C$2001</definedName>"#))
    let app = try WriterTestSupport.part(url, "docProps/app.xml")
    #expect(app.contains("<vt:lpstr>Actions</vt:lpstr><vt:lpstr>Notes</vt:lpstr>"))
    #expect(try WriterTestSupport.part(url, "docProps/core.xml").hasSuffix("core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"></cp:coreProperties>"))
  }

  @Test func theSameCallsGiveTheSameBytes() throws {
    let dir = try WriterTestSupport.scratch()
    let a = dir.appendingPathComponent("a.xlsx")
    let b = dir.appendingPathComponent("b.xlsx")
    let c = dir.appendingPathComponent("c.xlsx")
    try sample(a)
    try sample(b)
    try sample(c, options: XLSXWriteOptions(compressesInBackground: false))
    try WriterTestSupport.expectValid([a])
    #expect(try Data(contentsOf: a) == Data(contentsOf: b))
    #expect(try Data(contentsOf: a) == Data(contentsOf: c))
  }

  @Test func theCompressionLevelIsAnOption() throws {
    let dir = try WriterTestSupport.scratch()
    let fast = dir.appendingPathComponent("fast.xlsx")
    let small = dir.appendingPathComponent("small.xlsx")
    let stored = dir.appendingPathComponent("stored.xlsx")
    try sample(fast)
    try sample(small, options: XLSXWriteOptions(compressionLevel: 9))
    try sample(stored, options: XLSXWriteOptions(compressionLevel: 0))
    try WriterTestSupport.expectValid([small, stored])
    let sizes = try [fast, small, stored].map { try FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int ?? 0 }
    #expect(sizes[1] < sizes[0] && sizes[0] < sizes[2])
    #expect(try WriterTestSupport.part(fast, "xl/worksheets/sheet1.xml") == WriterTestSupport.part(stored, "xl/worksheets/sheet1.xml"))
    #expect(throws: XLSXWriteError.self) { try XLSXWriter(path: fast.path, options: XLSXWriteOptions(compressionLevel: 10)) }
  }

  @Test func documentDatesOnlyWhenAsked() throws {
    let url = try WriterTestSupport.scratch().appendingPathComponent("props.xlsx")
    let properties = DocumentProperties(
      title: "Q3 & Q4", creator: "Partnership Officer", created: DocumentTimestamp(year: 2021, month: 4, day: 1, hour: 9, minute: 30))
    let writer = try XLSXWriter(path: url.path, options: XLSXWriteOptions(properties: properties))
    try writer.beginSheet(name: "S")
    try writer.endSheet()
    try writer.finish()
    try WriterTestSupport.expectValid([url])
    let core = try WriterTestSupport.part(url, "docProps/core.xml")
    #expect(core.contains("<dc:title>Q3 &amp; Q4</dc:title><dc:creator>Partnership Officer</dc:creator>"))
    #expect(core.contains(#"<dcterms:created xsi:type="dcterms:W3CDTF">2021-04-01T09:30:00Z</dcterms:created>"#))
    #expect(core.contains(#"<dcterms:modified xsi:type="dcterms:W3CDTF">2021-04-01T09:30:00Z</dcterms:modified>"#))
    // An empty sheet has no shared strings part.
    #expect(!(try WriterTestSupport.entryNames(url)).contains("xl/sharedStrings.xml"))
  }

  @Test func aFailureLeavesTheTargetUntouchedAndNoTemporaryFiles() throws {
    let dir = try WriterTestSupport.scratch()
    let url = dir.appendingPathComponent("keep.xlsx")
    try Data("previous content".utf8).write(to: url)
    let writer = try XLSXWriter(path: url.path)
    try writer.beginSheet(name: "Findings")
    try writer.writeRow([.text("see")])
    try writer.addHyperlink(Hyperlink(at: CellAddress(row: 1, column: 1), to: .cell(sheet: "Nowhere", CellAddress(row: 1, column: 1))))
    try writer.endSheet()
    #expect(throws: XLSXWriteError.hyperlinkTargetMissing(file: url.path, sheet: "Findings", cell: CellAddress(a1: "A1")!, target: "Nowhere")) {
      try writer.finish()
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == "previous content")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["keep.xlsx"])
    #expect(throws: XLSXWriteError.invalidState(file: url.path, reason: "the workbook is already finished")) { try writer.finish() }
  }

  @Test func anAbandonedWriterLeavesNothing() throws {
    let dir = try WriterTestSupport.scratch()
    do {
      let writer = try XLSXWriter(path: dir.appendingPathComponent("never.xlsx").path)
      try writer.beginSheet(name: "S")
      for i in 0..<10_000 { try writer.writeRow([.text("row \(i)"), .number(Double(i))]) }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  @Test func successReplacesAnExistingFile() throws {
    let url = try WriterTestSupport.scratch().appendingPathComponent("replace.xlsx")
    try Data("old".utf8).write(to: url)
    try sample(url)
    try WriterTestSupport.expectValid([url])
  }

  @Test func aMissingFolderFailsAtOnce() {
    #expect(throws: XLSXWriteError.self) { try XLSXWriter(path: "/nonexistent-wsoa/out.xlsx") }
  }

  @Test func callsOutOfOrderAreRefused() throws {
    let url = try WriterTestSupport.scratch().appendingPathComponent("order.xlsx")
    let path = url.path
    let writer = try XLSXWriter(path: path)
    #expect(throws: XLSXWriteError.invalidState(file: path, reason: "no sheet is open (call beginSheet first)")) {
      try writer.writeRow([.number(1)])
    }
    #expect(throws: XLSXWriteError.noSheets(file: path)) { try writer.finish() }
    try writer.beginSheet(name: "A")
    #expect(throws: XLSXWriteError.invalidState(file: path, reason: "sheet \"A\" is still open")) { try writer.beginSheet(name: "B") }
    #expect(throws: XLSXWriteError.invalidState(file: path, reason: "sheet \"A\" is still open (call endSheet)")) { try writer.finish() }
    try writer.endSheet()
    #expect(throws: XLSXWriteError.invalidState(file: path, reason: "no sheet is open (call beginSheet first)")) { try writer.endSheet() }
    try writer.finish()
    try WriterTestSupport.expectValid([url])
  }

  @Test func sheetNamesAreMadeValidAndUniqueAndReported() throws {
    let url = try WriterTestSupport.scratch().appendingPathComponent("names.xlsx")
    let writer = try XLSXWriter(path: url.path)
    let requested = [
      "Q3 [draft]: a/b?", "Actions", "ACTIONS", "'quoted'", "", "History",
      "A very long sheet name that Excel will not accept", "A very long sheet name that Excel will not accept",
      "Tab\tname", "Priority 2",
    ]
    var written: [String] = []
    for name in requested {
      written.append(try writer.beginSheet(name: name))
      try writer.writeRow([.text(name)])
      try writer.endSheet()
    }
    let summary = try writer.finish()
    try WriterTestSupport.expectValid([url])
    #expect(written == [
      "Q3 _draft__ a_b_", "Actions", "ACTIONS (2)", "quoted", "Sheet", "History_",
      "A very long sheet name that Exc", "A very long sheet name that (2)", "Tab_name", "Priority 2",
    ])
    #expect(summary.renamedSheets.map(\.requested) == requested.filter { $0 != "Actions" && $0 != "Priority 2" })
    #expect(summary.renamedSheets.map(\.written) == written.filter { $0 != "Actions" && $0 != "Priority 2" })
    #expect(summary.renamedSheets[0].description == #"sheet "Q3 [draft]: a/b?" written as "Q3 _draft__ a_b_": contains a character Excel forbids ([ ] : * ? / \ or a control character)"#)
    #expect(written.allSatisfy { $0.utf16.count <= 31 })
  }

  @Test func hiddenSheetsAndTheActiveTab() throws {
    let url = try WriterTestSupport.scratch().appendingPathComponent("hidden.xlsx")
    let writer = try XLSXWriter(path: url.path)
    try writer.beginSheet(name: "Lists", layout: SheetLayout(visibility: .hidden))
    try writer.writeRow([.text("R"), .text("A"), .text("G")])
    try writer.endSheet()
    try writer.beginSheet(name: "Actions")
    try writer.endSheet()
    try writer.beginSheet(name: "Secret", layout: SheetLayout(visibility: .veryHidden))
    try writer.endSheet()
    try writer.finish()
    try WriterTestSupport.expectValid([url])
    let workbook = try WriterTestSupport.part(url, "xl/workbook.xml")
    #expect(workbook.contains(#"<workbookView firstSheet="1" activeTab="1"/>"#))
    #expect(workbook.contains(#"<sheet name="Lists" sheetId="1" state="hidden" r:id="rId1"/>"#))
    #expect(workbook.contains(#"<sheet name="Secret" sheetId="3" state="veryHidden" r:id="rId3"/>"#))
    #expect(try WriterTestSupport.part(url, "xl/worksheets/sheet2.xml").contains(#"<sheetView tabSelected="1" workbookViewId="0"/>"#))
    #expect(!(try WriterTestSupport.part(url, "xl/worksheets/sheet1.xml")).contains("tabSelected"))

    let none = try XLSXWriter(path: url.path)
    try none.beginSheet(name: "Only", layout: SheetLayout(visibility: .hidden))
    try none.endSheet()
    #expect(throws: XLSXWriteError.invalidLayout(file: url.path, sheet: "Only", reason: "at least one sheet must be visible")) {
      try none.finish()
    }
  }
}
