import Foundation
import TestSupport
import Testing

/// `wsoa dump` on XLSX workbooks, through the built binary.
@Suite struct DumpXLSXTests {
  func fixture(_ name: String) -> String { Fixtures.url("xlsx/" + name).path }

  @Test func dumpsASheetAsCSV() throws {
    let result = try ProcessRunner.wsoa(["dump", fixture("openpyxl-structure.xlsx"), "--sheet", "Main"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(
      result.stdout == """
        r1c1,,r1c3,r1c4
        ,,r2c3,r2c4
        r3c1,r3c2,r3c3,r3c4
        r4c1,r4c2,r4c3,r4c4
        r5c1,r5c2,r5c3
        r6c1,r6c2
        r7c1,r7c2
        
        
        
        """)
  }

  @Test func selectsSheetsByNumberAndTheFirstByDefault() throws {
    let byNumber = try ProcessRunner.wsoa(["dump", fixture("openpyxl-structure.xlsx"), "--sheet", "3", "--to", "tsv"])
    #expect(byNumber.status == 0)
    #expect(byNumber.stdout == "\n\t7\n")
    let first = try ProcessRunner.wsoa(["dump", fixture("openpyxl-structure.xlsx")])
    #expect(first.stdout == "in a hidden sheet\n")
  }

  @Test func dumpsEverySheetAsJSONWithDatesAndMerges() throws {
    let result = try ProcessRunner.wsoa(["dump", fixture("openpyxl-tracker.xlsx"), "--to", "json"])
    #expect(result.status == 0 && result.stderr.isEmpty)
    let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    let sheet = try #require((json["sheets"] as? [[String: Any]])?.first)
    #expect(sheet["name"] as? String == "Priority 2")
    #expect((sheet["merged"] as? [String])?.sorted() == ["A13:A14", "A15:A16", "E5:H5"])
    let rows = try #require(sheet["rows"] as? [[String: Any]])
    #expect(rows.map { $0["row"] as? Int } == [3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16])
    let dec19 = try #require((rows[3]["cells"] as? [Any])?[4] as? [String: Any])
    #expect(dec19["date"] as? String == "2019-12-01")
    #expect((dec19["serial"] as? NSNumber)?.intValue == 43800)
    #expect((json["input"] as? [String: Any])?["format"] as? String == "xlsx")
  }

  @Test func allSheetsIntoAFolderOneFilePerSheet() throws {
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("sheets").path
    let result = try ProcessRunner.wsoa(["dump", fixture("hand-sheet-kinds.xlsx"), "--all-sheets", "--to", "csv", "-o", out])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("info[xlsx.sheet_skipped]: sheet \"Chart\" is a chart sheet"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["Data.csv", "Hidden.csv", "Very.csv"])
    #expect(try String(contentsOfFile: out + "/Very.csv", encoding: .utf8) == "3\n")
  }

  @Test func allSheetsJSONIsOneDocument() throws {
    let result = try ProcessRunner.wsoa(["dump", fixture("openpyxl-structure.xlsx"), "--all-sheets", "--to", "json"])
    #expect(result.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    let sheets = try #require(json["sheets"] as? [[String: Any]])
    #expect(sheets.map { $0["name"] as? String } == ["Hidden first", "Main", "Very hidden"])
    #expect(sheets.map { $0["visibility"] as? String } == ["hidden", nil, "veryHidden"])
  }

  @Test func allSheetsUsageErrors() throws {
    let noFolder = try ProcessRunner.wsoa(["dump", fixture("hand-sheet-kinds.xlsx"), "--all-sheets"])
    #expect(noFolder.status == 64)
    #expect(noFolder.stderr.contains("--all-sheets with CSV or TSV output needs -o FOLDER"))
    let withSheet = try ProcessRunner.wsoa(["dump", fixture("hand-sheet-kinds.xlsx"), "--all-sheets", "--sheet", "1", "--to", "json"])
    #expect(withSheet.status == 64)
  }

  @Test func missingAndChartSheets() throws {
    let missing = try ProcessRunner.wsoa(["dump", fixture("hand-sheet-kinds.xlsx"), "--sheet", "Nope"])
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("no sheet \"Nope\"; the file has 1 \"Data\", 2 \"Hidden\", 3 \"Very\""))
    let chart = try ProcessRunner.wsoa(["dump", fixture("hand-sheet-kinds.xlsx"), "--sheet", "Chart"])
    #expect(chart.status == 65)
    #expect(chart.stderr.contains("sheet \"Chart\" is a chart sheet and holds no cells"))
  }

  @Test func passwordProtectedWorkbookExits65WithTheAdvice() throws {
    let path = fixture("hostile-password-protected.xlsx")
    let result = try ProcessRunner.wsoa(["dump", path])
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr == "wsoa: \(path): error: this workbook is password-protected or in the legacy .xls format; "
        + "save it as .xlsx without a password\n")
  }

  @Test func brokenCellsNameFilePartSheetAndCell() throws {
    let path = fixture("hostile-sst-index.xlsx")
    let result = try ProcessRunner.wsoa(["dump", path, "--to", "json"])
    #expect(result.status == 65)
    #expect(
      result.stderr
        == "wsoa: \(path):xl/worksheets/sheet1.xml:Sheet1!B1: error: shared string 5 does not exist (the table has 2)\n")
  }

  @Test func libxml2PrintsNothingOfItsOwn() throws {
    let path = fixture("hostile-bad-encoding.xlsx")
    let result = try ProcessRunner.wsoa(["dump", path])
    #expect(result.status == 65)
    #expect(
      result.stderr
        == "wsoa: \(path):xl/worksheets/sheet1.xml: error: line 1, column 89: not well-formed XML: "
        + "the bytes are not valid text in the part's encoding\n")
  }

  @Test(arguments: [
    "hostile-zip-bomb.xlsx", "hostile-billion-laughs.xlsx", "hostile-xxe.xlsx", "hostile-truncated.xlsx",
    "hostile-bad-crc.xlsx", "hostile-malformed-xml.xlsx", "hostile-not-a-zip.xlsx",
  ])
  func hostileWorkbooksExit65(name: String) throws {
    let result = try ProcessRunner.wsoa(["dump", fixture(name)])
    #expect(result.status == 65, "\(name): \(result.stderr)")
    #expect(result.stderr.hasPrefix("wsoa: \(fixture(name))"))
  }
}
