import Foundation
import TestSupport
import Testing
import XLSXFormat

/// The stored packages the fuzz target and the hostile tests build read as
/// they should.
@Suite struct StoredZipTests {
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
