import Foundation
import TestSupport
import Testing

/// A sheet whose name holds `&`, `<`, `"` or `'` is found by that name and
/// written under it, through the built binary.
@Suite struct SheetNameReferenceTests {
  static let names = [("P&amp;L", "P&L"), ("R&amp;D &lt;2024&gt;", "R&D <2024>"), ("&quot;Quotes&quot;", "\"Quotes\""), ("Tom&apos;s", "Tom's")]

  static func workbook() -> [UInt8] {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    var sheets = ""
    var rels = ""
    var parts: [(String, [UInt8])] = []
    for (i, name) in names.enumerated() {
      sheets += "<sheet name=\"\(name.0)\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
      rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
      let xml = "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\"><c r=\"A1\"><v>\(i + 1)</v></c></row></sheetData></worksheet>"
      parts.append(("xl/worksheets/sheet\(i + 1).xml", Array(xml.utf8)))
    }
    let head: [(String, String)] = [
      ("_rels/.rels", "<Relationships xmlns=\"\(pkg)\"><Relationship Id=\"r1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
      ("xl/workbook.xml", "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets>\(sheets)</sheets></workbook>"),
      ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"\(pkg)\">\(rels)</Relationships>"),
    ]
    return StoredZip.archive(head.map { ($0.0, Array($0.1.utf8)) } + parts)
  }

  @Test func sheetsAreSelectedAndWrittenByTheirNames() throws {
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let book = folder.appendingPathComponent("names.xlsx").path
    try Data(Self.workbook()).write(to: URL(fileURLWithPath: book))
    for (i, name) in Self.names.map(\.1).enumerated() {
      let result = try ProcessRunner.wsoa(["dump", book, "--sheet", name])
      #expect(result.status == 0, "\(name): \(result.stderr)")
      #expect(result.stdout == "\(i + 1)\n")
    }
    let out = folder.appendingPathComponent("sheets").path
    let all = try ProcessRunner.wsoa(["dump", book, "--all-sheets", "--to", "csv", "-o", out])
    #expect(all.status == 0, "\(all.stderr)")
    // Characters Windows forbids in file names (`<`, `>`, `"`) become `_`; `&` and `'` stay.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        == ["P&L.csv", "R&D _2024_.csv", "Tom's.csv", "_Quotes_.csv"])
    let json = try ProcessRunner.wsoa(["dump", book, "--to", "json"])
    #expect(json.stdout.contains("\"name\": \"P&L\""))
    #expect(!json.stdout.contains("&#38;"))
  }
}
