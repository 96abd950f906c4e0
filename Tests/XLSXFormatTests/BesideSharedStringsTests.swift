import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing
import ZipArchive

@testable import XLSXFormat

/// A large sheet is read while a second thread reads the shared strings
/// (`XLSXReader.readBesideSharedStrings`). Whatever the file holds, the
/// result must be what reading them one after the other gives: the same
/// workbook, or the same error naming the same part and cell. Each generated
/// workbook is read from a file (side by side) and from memory (in order).
@Suite struct BesideSharedStringsTests {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"

  /// A generated workbook: its shared-strings part, its sheets, and counts
  /// for choosing limits.
  struct Generated {
    var sharedStrings: String
    var sheets: [String]
    var items: Int
    var rows: Int
    var cells: Int

    func package() -> [UInt8] {
      let sheetList = sheets.indices.map { "<sheet name=\"Sheet \($0 + 1)\" sheetId=\"\($0 + 1)\" r:id=\"s\($0 + 1)\"/>" }
      var rels = sheets.indices.map {
        "<Relationship Id=\"s\($0 + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
      }
      rels.append("<Relationship Id=\"t\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>")
      rels.append("<Relationship Id=\"u\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>")
      var parts: [(String, String)] = [
        ("_rels/.rels", "<Relationships xmlns=\"\(pkg)\"><Relationship Id=\"r1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
        ("xl/workbook.xml", "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets>\(sheetList.joined())</sheets></workbook>"),
        ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"\(pkg)\">\(rels.joined())</Relationships>"),
        ("xl/styles.xml", "<styleSheet xmlns=\"\(main)\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"mmm-yy\"/></numFmts><fills><fill/><fill/><fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFF0000\"/></patternFill></fill></fills><cellXfs><xf/><xf numFmtId=\"164\"/><xf fillId=\"2\"/></cellXfs></styleSheet>"),
        ("xl/sharedStrings.xml", sharedStrings),
      ]
      for (k, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(k + 1).xml", sheet)) }
      return StoredZip.archive(parts.map { ($0.0, Array($0.1.utf8)) })
    }
  }

  /// Shared strings of every form (plain, rich runs, phonetic runs, `_xHHHH_`
  /// escapes, entities, empty, non-ASCII, kept spaces) and sheets of every
  /// cell type, with rows and cells with and without `r`, gaps, hidden rows
  /// and cells out of column order; each part over a mebibyte.
  static func generate(seed: UInt64, sheetCount: Int = 1) -> Generated {
    var random = SeededRandom(seed: seed)
    let words = ["focus", "área", "lead", "SENCo", "EHCP", "review", "R&D", "<draft>", "naïve", "📎", "Feb 2021:"]
    func phrase(_ random: inout SeededRandom) -> String {
      (0..<(1 + random.below(8))).map { _ in words[random.below(words.count)] }.joined(separator: " ")
        .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;")
    }
    let items = 24_000 + random.below(4_000)
    var sst = "<sst xmlns=\"\(main)\" count=\"\(items)\" uniqueCount=\"\(items)\">"
    for _ in 0..<items {
      switch random.below(9) {
      case 0: sst += "<si><r><t>\(phrase(&random))</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> \(phrase(&random)) </t></r></si>"
      case 1: sst += "<si><t>\(phrase(&random))</t><rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh></si>"
      case 2: sst += "<si><t>line_x000D_\(phrase(&random))</t></si>"
      case 3: sst += random.below(2) == 0 ? "<si/>" : "<si><t></t></si>"
      default: sst += "<si><t>\(phrase(&random))</t></si>"
      }
    }
    sst += "</sst>"

    var rows = 0
    var cells = 0
    var sheets: [String] = []
    for _ in 0..<sheetCount {
      var xml = "<worksheet xmlns=\"\(main)\"><cols><col min=\"2\" max=\"3\" width=\"30\" customWidth=\"1\"/></cols><sheetData>"
      var row = 0
      for _ in 0..<(14_000 + random.below(2_000)) {
        row += 1 + (random.below(20) == 0 ? random.below(5) : 0)
        rows += 1
        let hidden = random.below(30) == 0 ? " hidden=\"1\"" : ""
        xml += random.below(10) == 0 && row > 1 && hidden.isEmpty ? "<row>" : "<row r=\"\(row)\"\(hidden)>"
        var columns = Array(Set((0..<(1 + random.below(9))).map { _ in 1 + random.below(14) })).sorted()
        if random.below(8) == 0 { columns.shuffle(using: &random) }
        let omitsReferences = random.below(15) == 0 && columns == columns.sorted() && columns.first == 1
          && columns == Array(1...columns.count)
        for column in columns {
          cells += 1
          let reference = omitsReferences ? "" : " r=\"\(CellAddress(row: row, column: column).a1)\""
          switch random.below(12) {
          case 0...4: xml += "<c\(reference) t=\"s\"><v>\(random.below(items))</v></c>"
          case 5: xml += "<c\(reference) t=\"inlineStr\"><is><t>\(phrase(&random))</t></is></c>"
          case 6: xml += "<c\(reference)><v>\(Double(random.below(1_000_000)) / 8)</v></c>"
          case 7: xml += "<c\(reference) s=\"1\"><v>\(40_000 + random.below(9_000))</v></c>"
          case 8: xml += "<c\(reference) t=\"b\"><v>\(random.below(2))</v></c>"
          case 9: xml += "<c\(reference) t=\"str\"><f>A1&amp;B1</f><v>\(phrase(&random))</v></c>"
          case 10: xml += random.below(2) == 0 ? "<c\(reference) s=\"2\"/>" : "<c\(reference) t=\"e\"><v>#N/A</v></c>"
          default: xml += "<c\(reference) t=\"s\"><v></v></c>"
          }
        }
        xml += "</row>"
      }
      xml += "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"B2:C3\"/></mergeCells></worksheet>"
      sheets.append(xml)
    }
    return Generated(sharedStrings: sst, sheets: sheets, items: items, rows: rows, cells: cells)
  }

  /// Writes `bytes` to a scratch file and reads it from there (side by side)
  /// and from memory (in order).
  func readBothWays(
    _ bytes: [UInt8], limits: XLSXLimits = .default, _ selection: SheetSelection = .all
  ) throws -> (beside: Result<Workbook, XLSXError>, inOrder: Result<Workbook, XLSXError>, outcome: BesideOutcome?) {
    let folder = try Fixtures.scratchDirectory("wsoa-beside")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("book.xlsx").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    var outcome: BesideOutcome?
    let beside = Result { () throws(XLSXError) in
      let reader = try XLSXReader(path: path, name: "book.xlsx", limits: limits)
      defer { outcome = reader.besideSharedStrings }
      return try reader.readWorkbook(selection)
    }
    let inOrder = Result { () throws(XLSXError) in
      try XLSXReader(bytes: bytes, name: "book.xlsx", limits: limits).readWorkbook(selection)
    }
    return (beside, inOrder, outcome)
  }

  func error(_ result: Result<Workbook, XLSXError>) -> XLSXError? {
    if case .failure(let error) = result { return error }
    return nil
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func aSheetReadBesideItsSharedStringsIsTheSheetReadAfterThem(seed: UInt64) throws {
    let generated = Self.generate(seed: seed, sheetCount: seed == 3 ? 2 : 1)
    #expect(generated.sharedStrings.utf8.count > XLSXReader.besidePartSize)
    #expect(generated.sheets.allSatisfy { $0.utf8.count > XLSXReader.besidePartSize })
    let read = try readBothWays(generated.package())
    #expect(read.outcome == .read)
    let beside = try read.beside.get()
    let inOrder = try read.inOrder.get()
    #expect(beside.sheets.count == generated.sheets.count)
    #expect(beside.sheets.map(\.rows.count) == inOrder.sheets.map(\.rows.count))
    let same = beside == inOrder
    #expect(same)
    // The cells were filled in: shared-string cells hold their text.
    let texts = beside.sheets[0].rows.flatMap(\.cells).filter { if case .text(let t) = $0.value { !t.isEmpty } else { false } }
    #expect(texts.count > generated.cells / 4)
  }

  @Test func smallSheetsBeforeTheFirstLargeOneAreReadBesideTheSharedStringsToo() throws {
    var generated = Self.generate(seed: 6, sheetCount: 2)
    generated.sheets.insert(
      "<worksheet xmlns=\"\(Self.main)\"><sheetData><row r=\"2\"><c r=\"B2\" t=\"s\"><v>7</v></c>"
        + "<c r=\"C2\"><v>1</v></c></row></sheetData></worksheet>", at: 0)
    let read = try readBothWays(generated.package())
    #expect(read.outcome == .read)
    let beside = try read.beside.get()
    #expect(beside.sheets.count == 3)
    #expect(beside.sheets[0].rows.first?.cells.first?.value != .text(""))
    let same = try beside == read.inOrder.get()
    #expect(same)
  }

  @Test func aSheetChosenByNameIsReadBesideTheSharedStrings() throws {
    let generated = Self.generate(seed: 4, sheetCount: 2)
    let read = try readBothWays(generated.package(), .name("Sheet 2"))
    #expect(read.outcome == .read)
    let same = try read.beside.get() == read.inOrder.get()
    #expect(same)
  }

  /// Every failure found side by side is reported as in order: the same case,
  /// part and cell, whichever part fails and whatever limit is passed.
  @Test func everyFailureIsTheOneReadingInOrderReports() throws {
    let generated = Self.generate(seed: 5)
    var cases: [(String, [UInt8], XLSXLimits)] = []

    var broken = generated
    broken.sharedStrings = String(broken.sharedStrings.dropLast("</sst>".count)) + "<si><t>unclosed</sst>"
    cases.append(("shared strings malformed at their end", broken.package(), .default))

    var outOfRange = generated
    let middle = outOfRange.sheets[0].index(outOfRange.sheets[0].startIndex, offsetBy: outOfRange.sheets[0].count / 2)
    let cellStart = try #require(outOfRange.sheets[0][middle...].range(of: "<c r=\"")).lowerBound
    let cellEnd = try #require(outOfRange.sheets[0][cellStart...].range(of: "</c>")).upperBound
    let reference = outOfRange.sheets[0][cellStart...].dropFirst(6).prefix { $0 != "\"" }
    outOfRange.sheets[0].replaceSubrange(cellStart..<cellEnd, with: "<c r=\"\(reference)\" t=\"s\"><v>99999999</v></c>")
    cases.append(("a shared-string index out of range mid-sheet", outOfRange.package(), .default))

    var both = outOfRange
    both.sharedStrings = broken.sharedStrings
    cases.append(("both parts broken: the shared strings' error comes first", both.package(), .default))

    var cells = XLSXLimits.default
    // Each part fits alone; together they do not.
    cells.maxCells = generated.cells + generated.rows + generated.items / 2
    cases.append(("cells and shared-string items over the budget together", generated.package(), cells))

    // Under the text the cells deliver (each use of a shared string counts),
    // over what the table itself holds.
    let delivered = try readBothWays(generated.package()).inOrder.get().sheets[0].rows.flatMap(\.cells)
      .reduce(0) { sum, cell in if case .text(let text) = cell.value { sum + text.utf8.count } else { sum } }
    var text = XLSXLimits.default
    text.maxTotalTextBytes = delivered * 9 / 10
    cases.append(("the cells' text over the budget", generated.package(), text))

    var zip = XLSXLimits.default
    zip.zip.maxTotalSize = generated.sheets[0].utf8.count + generated.sharedStrings.utf8.count - 1_000
    cases.append(("the two parts over the inflated total together", generated.package(), zip))

    for (name, bytes, limits) in cases {
      let read = try readBothWays(bytes, limits: limits)
      guard let expected = error(read.inOrder) else {
        Issue.record("\(name): reading in order should fail")
        continue
      }
      #expect(error(read.beside) == expected, "\(name)")
      #expect(read.outcome == .readAgainInOrder, "\(name)")
    }
  }

  /// A consumer streamed rows as they are parsed keeps its low memory: only
  /// `readWorkbook`, which keeps every row anyway, reads beside the strings.
  @Test func streamingRowsReadsTheSharedStringsFirst() throws {
    let generated = Self.generate(seed: 7)
    let folder = try Fixtures.scratchDirectory("wsoa-beside")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("book.xlsx").path
    try Data(generated.package()).write(to: URL(fileURLWithPath: path))
    let reader = try XLSXReader(path: path)
    var builder = WorkbookBuilder(styles: reader.styles)
    try reader.read(into: &builder)
    #expect(reader.besideSharedStrings == nil)
    let same = builder.workbook == (try readBothWays(generated.package()).beside.get())
    #expect(same)
  }

  @Test func smallPartsAndBytesInMemoryAreReadInOrder() throws {
    let small = StoredZip.workbook(sheet: Array("<worksheet xmlns=\"\(Self.main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row></sheetData></worksheet>".utf8))
    let read = try readBothWays(small)
    #expect(read.outcome == nil)
    let same = try read.beside.get() == read.inOrder.get()
    #expect(same)
  }
}
