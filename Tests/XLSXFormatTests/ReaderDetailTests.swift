import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing
import XLSXFormat
import ZipArchive

/// Reader details that change what a value means: references in attribute
/// values, which `numFmt` a cell uses, fractions of a second, and a damaged
/// entry reported as damage.
@Suite struct ReaderDetailTests {
  private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  private static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  private static let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"

  /// A package with one worksheet per (name as escaped in workbook.xml,
  /// relationship target as escaped in the .rels, zip entry name, sheet XML).
  private static func package(
    sheets: [(escapedName: String, escapedTarget: String, entry: String, xml: String)], styles: String? = nil
  ) -> [UInt8] {
    var workbook = "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets>"
    var rels = "<Relationships xmlns=\"\(pkg)\">"
    for (i, sheet) in sheets.enumerated() {
      workbook += "<sheet name=\"\(sheet.escapedName)\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
      rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(rel)/worksheet\" Target=\"\(sheet.escapedTarget)\"/>"
    }
    workbook += "</sheets></workbook>"
    if styles != nil { rels += "<Relationship Id=\"rS\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>" }
    rels += "</Relationships>"
    var parts: [(String, String)] = [
      ("_rels/.rels", "<Relationships xmlns=\"\(pkg)\"><Relationship Id=\"r1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
      ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels),
    ]
    if let styles { parts.append(("xl/styles.xml", styles)) }
    parts += sheets.map { ($0.entry, $0.xml) }
    return StoredZip.archive(parts.map { ($0.0, Array($0.1.utf8)) })
  }

  private static func sheetXML(_ cells: String) -> String {
    "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\">\(cells)</row></sheetData></worksheet>"
  }

  /// Every way XML can write the characters a name may hold, and names
  /// that look like references but are literal text.
  private static let names: [(escaped: String, name: String)] = [
    ("P&amp;L", "P&L"), ("R&amp;D &lt;2024&gt;", "R&D <2024>"), ("&quot;Quotes&quot;", "\"Quotes\""),
    ("Tom&apos;s", "Tom's"), ("A&#38;B&#x26;C", "A&B&C"), ("&#60;&#x3C;&#62;&#34;&#39;", "<<>\"'"),
    ("Lit &amp;#38; ref", "Lit &#38; ref"), ("&amp;amp;&amp;", "&amp;&"), ("&amp;", "&"), ("Plain", "Plain"),
  ]

  @Test func referencesInSheetNamesAndTargetsAreDecodedExactly() throws {
    let sheets = Self.names.enumerated().map { i, n in
      (
        escapedName: n.escaped, escapedTarget: "worksheets/s\(i)&amp;x&#38;.xml", entry: "xl/worksheets/s\(i)&x&.xml",
        xml: Self.sheetXML("<c r=\"A1\"><v>\(i)</v></c>")
      )
    }
    let reader = try XLSXReader(bytes: Self.package(sheets: sheets), name: "names.xlsx")
    #expect(reader.sheets.map(\.name) == Self.names.map(\.name))
    #expect(reader.sheets.map(\.part) == (0..<Self.names.count).map { "xl/worksheets/s\($0)&x&.xml" })
    for (i, n) in Self.names.enumerated() {
      let book = try reader.readWorkbook(.name(n.name))
      #expect(book.sheets.map(\.name) == [n.name])
      #expect(book.sheets.first?.value(at: CellAddress(row: 1, column: 1)) == .number(Double(i)))
    }
  }

  @Test func namesWrittenByOurWriterReadBackTheSame() throws {
    let wanted = ["P&L", "R&D <2024>", "\"Quotes\"", "Tom's", "a&amp;b", "x &#38; y", "<&>"]
    let sheets = wanted.map { name in
      var sheet = Sheet(name: name)
      sheet.rows = [Row(number: 1, cells: [Cell(column: 1, value: .text(name))])]
      return sheet
    }
    let url = try Fixtures.scratchDirectory("wsoa-reader-detail").appendingPathComponent("names.xlsx")
    let summary = try XLSXWriter.write(workbook: Workbook(sheets: sheets), to: url.path)
    #expect(summary.sheetNames == wanted)
    let book = try XLSXReader(path: url.path, name: "names.xlsx").readWorkbook()
    #expect(book.sheets.map(\.name) == wanted)
  }

  /// `dxfs` (conditional formats) come after `numFmts` and may reuse ids.
  private static func styles(numFmts: [(Int, String)], dxfFormats: [(Int, String)], cellFormats: [Int]) -> String {
    var xml = "<styleSheet xmlns=\"\(main)\"><numFmts count=\"\(numFmts.count)\">"
    for (id, code) in numFmts { xml += "<numFmt numFmtId=\"\(id)\" formatCode=\"\(code)\"/>" }
    xml += "</numFmts><cellXfs><xf numFmtId=\"0\"/>"
    for id in cellFormats { xml += "<xf numFmtId=\"\(id)\" applyNumberFormat=\"1\"/>" }
    xml += "</cellXfs><dxfs>"
    for (id, code) in dxfFormats {
      xml += "<dxf><font><b/></font><numFmt numFmtId=\"\(id)\" formatCode=\"\(code)\"/></dxf>"
    }
    return xml + "</dxfs></styleSheet>"
  }

  @Test(arguments: [
    // (cell format, conditional format with the same id, whether the cell is a date)
    ("0.0", "dd/mm/yyyy", false), ("0%", "mmm-yy", false), ("#,##0", "yyyy-mm-dd hh:mm", false),
    ("dd/mm/yyyy", "0.0", true), ("mmm-yy", "0%", true), ("d mmmm yyyy", "General", true),
  ])
  func onlyNumFmtsGiveCellsTheirFormat(cellCode: String, dxfCode: String, isDate: Bool) throws {
    for id in [164, 165, 200] {
      let styles = Self.styles(numFmts: [(id, cellCode)], dxfFormats: [(id, dxfCode)], cellFormats: [id])
      let sheet = Self.sheetXML("<c r=\"A1\" s=\"1\"><v>44287</v></c>")
      let bytes = Self.package(
        sheets: [("S", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml", sheet)], styles: styles)
      let book = try XLSXReader(bytes: bytes, name: "fmt.xlsx").readWorkbook()
      let value = book.sheets[0].value(at: CellAddress(row: 1, column: 1))
      if isDate {
        guard case .date(let date) = value else {
          Issue.record("\(cellCode) read as \(String(describing: value))")
          continue
        }
        #expect(date.serial == 44287)
      } else {
        #expect(value == .number(44287))
      }
      #expect(book.styles[1].numberFormat == cellCode)
    }
  }

  @Test(arguments: [
    ("2021-04-01T09:30:00.250", "2021-04-01T09:30:00.250"), ("2021-04-01T09:30:00.5Z", "2021-04-01T09:30:00.500"),
    ("2021-04-01T23:59:59.999+01:00", "2021-04-01T23:59:59.999"), ("2021-04-01T09:30:00.000", "2021-04-01T09:30:00"),
    ("2021-04-01T09:30:07", "2021-04-01T09:30:07"), ("09:30:00.125", "1899-12-31T09:30:00.125"),
    ("2021-04-01", "2021-04-01"),
  ])
  func isoDateCellsKeepFractionsOfASecond(text: String, iso: String) throws {
    let sheet = Self.sheetXML("<c r=\"A1\" t=\"d\"><v>\(text)</v></c>")
    let bytes = Self.package(sheets: [("S", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml", sheet)])
    let book = try XLSXReader(bytes: bytes, name: "d.xlsx").readWorkbook()
    guard case .date(let date) = book.sheets[0].value(at: CellAddress(row: 1, column: 1)) else {
      Issue.record("not a date")
      return
    }
    #expect(date.isoText == iso)
    #expect(CellValue.date(date).displayText == iso)
  }

  @Test func serialDatesKeepTheirSerialAndMilliseconds() throws {
    let seconds: Double = 9 * 3600 + 30 * 60 + 0.25
    let serial: Double = 44287 + seconds / 86_400
    let date = try #require(SerialDate.date(serial: serial, uses1904: false, display: .dateTime))
    #expect(date.serial == serial)
    #expect(date.isoText == "2021-04-01T09:30:00.250")
  }

  @Test func aDamagedEntryIsReportedAsACRCFailureNamingThePart() throws {
    let rows = (1...50).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
    let xml = "<worksheet xmlns=\"\(Self.main)\"><sheetData>\(rows)</sheetData></worksheet>"
    var bytes = Self.package(sheets: [("S", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml", xml)])
    // Damage the stored sheet in a way that breaks the XML: `<c r=` → `<c\u{0}r=`.
    let marker = Array("<c r=\"A7\"".utf8)
    let at = try #require((0...(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker })
    bytes[at + 2] = 0
    do {
      _ = try XLSXReader(bytes: bytes, name: "crc.xlsx").readWorkbook()
      Issue.record("a damaged entry was read")
    } catch {
      let text = "\(error)"
      #expect(text.contains("CRC"), "\(text)")
      #expect(text.contains("xl/worksheets/sheet1.xml"), "\(text)")
      #expect(!text.contains("well-formed"), "\(text)")
    }
  }

  @Test func malformedXMLWithAGoodCRCIsStillMalformedXML() throws {
    let xml = Self.sheetXML("<c r=\"A1\"><v>1</v></c>").replacingOccurrences(of: "</row>", with: "</rowx>")
    let bytes = Self.package(sheets: [("S", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml", xml)])
    #expect {
      _ = try XLSXReader(bytes: bytes, name: "bad.xlsx").readWorkbook()
    } throws: { error in
      guard case .malformedXML(_, let part, _, _, _) = error as? XLSXError else { return false }
      return part == "xl/worksheets/sheet1.xml"
    }
  }
}
