import Foundation
import TestSupport
import Testing
import XLSXFormat

/// Replays fixtures/xlsx/fuzz/: each input reads, or fails with an
/// `XLSXError`; none traps.
@Suite struct FuzzReplayTests {
  static let inputs: [String] = {
    let folder = Fixtures.url("xlsx/fuzz")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0 != "README.md" }.sorted()
  }()

  @Test func thereAreInputs() {
    #expect(Self.inputs.count >= 10)
  }

  @Test(arguments: inputs) func readsOrFailsCleanly(_ name: String) throws {
    let bytes = try [UInt8](Data(contentsOf: Fixtures.url("xlsx/fuzz/\(name)")))
    let error = FuzzInput.read(bytes) { package in
      _ = try XLSXReader(bytes: package, name: name).readWorkbook()
    }
    if let error { #expect(error is XLSXError, "\(name): \(error)") }
  }

  @Test func storedZipPackagesAreReadable() throws {
    let sheet = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="B2" t="s"><v>1</v></c><c s="1"><v>43800</v></c><c s="2"/></row></sheetData></worksheet>"#
    let book = try XLSXReader(bytes: StoredZip.workbook(sheet: Array(sheet.utf8)), name: "s.xlsx").readWorkbook()
    let row = try #require(book.sheets.first?.row(2))
    #expect(row.cells.map(\.column) == [2, 3, 4])
    #expect(row.cells[0].value == .text("b"))
    guard case .date(let date) = row.cells[1].value else {
      Issue.record("expected a date")
      return
    }
    #expect(date.isoText == "2019-12-01" && date.display == .month)
    #expect(book.style(of: row.cells[2]).fillRGB == 0xFF0000)
  }
}
