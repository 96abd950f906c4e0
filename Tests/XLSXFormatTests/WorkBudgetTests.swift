import Diagnostics
import Grid
import TestSupport
import Testing
import XLSXFormat

/// One work budget per read: records the cell count used to miss (re-reads
/// of a part, hidden rows, `<col>` ranges, empty shared strings, style
/// records) are charged, and libxml2 never sees an element with more
/// attributes, or a part with more namespace declarations, than
/// `XMLLimits` allows.
@Suite struct WorkBudgetTests {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"

  /// A workbook whose `<sheet>` entries all name one worksheet part.
  func workbook(sheet: String, entries: Int, sharedStrings: String? = nil) -> [UInt8] {
    let sheets = (1...entries).map { "<sheet name=\"S\($0)\" sheetId=\"\($0)\" r:id=\"r1\"/>" }.joined()
    var rels = "<Relationship Id=\"r1\" Type=\"\(Self.rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    if sharedStrings != nil {
      rels += "<Relationship Id=\"r2\" Type=\"\(Self.rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    }
    var parts: [(String, String)] = [
      ("_rels/.rels", "<Relationships xmlns=\"\(Self.pkg)\"><Relationship Id=\"r1\" Type=\"\(Self.rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
      ("xl/workbook.xml", "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.rel)\"><sheets>\(sheets)</sheets></workbook>"),
      ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"\(Self.pkg)\">\(rels)</Relationships>"),
      ("xl/worksheets/sheet1.xml", sheet),
    ]
    if let sharedStrings { parts.append(("xl/sharedStrings.xml", sharedStrings)) }
    return StoredZip.archive(parts.map { ($0.0, Array($0.1.utf8)) })
  }

  func sheet(_ body: String, rootAttributes: String = "") -> String {
    "<worksheet xmlns=\"\(Self.main)\"\(rootAttributes)>\(body)</worksheet>"
  }

  func read(_ bytes: [UInt8], maxCells: Int = XLSXLimits.default.maxCells, _ selection: SheetSelection = .all)
    -> Result<Workbook, XLSXError>
  {
    var limits = XLSXLimits()
    limits.maxCells = maxCells
    return Result { () throws(XLSXError) in
      try XLSXReader(bytes: bytes, name: "b.xlsx", limits: limits).readWorkbook(selection)
    }
  }

  func failure(_ result: Result<Workbook, XLSXError>) -> XLSXError? {
    if case .failure(let error) = result { return error }
    return nil
  }

  @Test func eachReadOfAPartListedByManySheetsIsCharged() throws {
    let row = "<row r=\"1\">" + (1...10).map { "<c r=\"\(CellAddress(row: 1, column: $0).a1)\"><v>1</v></c>" }.joined()
      + "</row>"
    let book = workbook(sheet: sheet("<sheetData>\(row)</sheetData>"), entries: 50)
    // One read of the part fits in 300 records; fifty do not (12 each).
    let one = try read(book, maxCells: 300, .index(1)).get()
    #expect(one.sheets.count == 1)
    let error = try #require(failure(read(book, maxCells: 300)))
    #expect(error.description.contains("limit of one read's work budget"), "\(error)")
    #expect(error.location.origin.part == "xl/worksheets/sheet1.xml")
  }

  @Test func hiddenEmptyRowsAreCharged() throws {
    let rows = (1...1000).map { "<row r=\"\($0)\" hidden=\"1\"/>" }.joined()
    let error = try #require(failure(read(workbook(sheet: sheet("<sheetData>\(rows)</sheetData>"), entries: 1), maxCells: 500)))
    #expect(
      error == .tooManyRecords(file: "b.xlsx", part: "xl/worksheets/sheet1.xml", sheet: "S1", what: "rows", limit: 500))
  }

  @Test func columnsOfColRangesAreCharged() throws {
    let cols = "<cols><col min=\"1\" max=\"16384\" width=\"9\" customWidth=\"1\" hidden=\"1\"/></cols>"
    let book = workbook(sheet: sheet("\(cols)<sheetData/>"), entries: 1)
    #expect(
      failure(read(book, maxCells: 10_000))
        == .tooManyRecords(
          file: "b.xlsx", part: "xl/worksheets/sheet1.xml", sheet: "S1", what: "columns of <col> ranges", limit: 10_000))
    #expect(try read(book, maxCells: 20_000).get().sheets[0].hiddenColumns.count == 16_384)
  }

  @Test func emptySharedStringItemsAreCharged() throws {
    let strings = "<sst xmlns=\"\(Self.main)\">" + String(repeating: "<si/>", count: 1000) + "</sst>"
    let book = workbook(sheet: sheet("<sheetData/>"), entries: 1, sharedStrings: strings)
    #expect(
      failure(read(book, maxCells: 500))
        == .tooManyRecords(file: "b.xlsx", part: "xl/sharedStrings.xml", sheet: nil, what: "shared-string items", limit: 500))
  }

  @Test func attributesPerElementAreBoundedBeforeLibxml2() throws {
    func cell(extra: Int) -> [UInt8] {
      let attributes = (0..<extra).map { " a\($0)=\"1\"" }.joined()
      return workbook(
        sheet: sheet("<sheetData><row r=\"1\"><c r=\"A1\"\(attributes)><v>7</v></c></row></sheetData>"), entries: 1)
    }
    // 64 attributes (r and 63 more) are read; 65 are refused, naming the part and the limit.
    #expect(try read(cell(extra: 63)).get().sheets[0].rows[0].value(at: 1) == .number(7))
    guard case .malformedXML(let file, let part, _, _, let reason) = failure(read(cell(extra: 64))) else {
      Issue.record("expected malformedXML")
      return
    }
    #expect(file == "b.xlsx" && part == "xl/worksheets/sheet1.xml")
    #expect(reason.contains("more than 64 attributes"), "\(reason)")
  }

  @Test func namespaceDeclarationsPerPartAreBoundedBeforeLibxml2() throws {
    func book(_ count: Int) -> [UInt8] {
      let declarations = (0..<count).map { " xmlns:p\($0)=\"urn:x\($0)\"" }.joined()
      return workbook(sheet: sheet("<sheetData/>", rootAttributes: declarations), entries: 1)
    }
    #expect(try read(book(40)).get().sheets.count == 1)
    guard case .malformedXML(_, _, _, _, let reason) = failure(read(book(70))) else {
      Issue.record("expected malformedXML")
      return
    }
    #expect(reason.contains("more than 64 namespaces"), "\(reason)")
  }

  @Test func quotedValuesAndCommentsDoNotCountAsAttributes() throws {
    // 200 `=` inside a quoted value and a comment: still one attribute each.
    let equals = String(repeating: "=", count: 200)
    let body = "<!-- \(equals) '\" --><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>\(equals)</t></is></c></row></sheetData>"
    let book = workbook(sheet: sheet(body, rootAttributes: " xmlns:x=\"urn:\(equals)\""), entries: 1)
    #expect(try read(book).get().sheets[0].rows[0].value(at: 1) == .text(equals))
  }
}
