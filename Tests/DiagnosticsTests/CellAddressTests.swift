import Diagnostics
import Testing

@Suite struct CellAddressTests {
  @Test(arguments: [
    ("A1", 1, 1), ("B7", 7, 2), ("Z9", 9, 26), ("AA10", 10, 27), ("AZ1", 1, 52), ("BA1", 1, 53),
    ("XFD1048576", 1_048_576, 16_384), ("$C$3", 3, 3), ("h9", 9, 8),
  ])
  func parsesA1(text: String, row: Int, column: Int) {
    let address = CellAddress(a1: text)
    #expect(address == CellAddress(row: row, column: column))
  }

  @Test(arguments: ["A0", "XFE1", "A1048577", "", "1A", "A", "12", "ABCD1", "B-3", "B 3"])
  func rejectsOutOfBoundsOrMalformed(text: String) {
    #expect(CellAddress(a1: text) == nil)
  }

  @Test func roundTripsEveryColumnName() {
    for column in 1...ExcelLimits.maxColumns {
      let name = CellAddress.columnName(column)
      #expect(CellAddress.columnNumber(name) == column, "column \(column) -> \(name)")
    }
    #expect(CellAddress(row: 9, column: 8).a1 == "H9")
  }

  /// `a1` is written byte by byte; it spells the same as the column's name
  /// then the row's digits, at every column width and row length (and for
  /// out-of-range numbers, which take the plain way).
  @Test func a1IsTheColumnNameThenTheRow() {
    let columns = Array(1...800) + [701, 702, 703, 704, 18_278, 18_279, 16_383, 16_384, 475_254, 475_255, Int.max, 0, -3]
    let rows = [0, 1, 9, 10, 99, 100, 12_345, 1_048_576, 999_999_999, Int.max, -1, Int.min]
    for column in columns {
      for row in rows {
        let address = CellAddress(row: row, column: column)
        #expect(address.a1 == CellAddress.columnName(column) + String(row), "row \(row), column \(column)")
      }
    }
  }

  @Test func locationsRenderLikeACompiler() {
    let xlsx = SourceLocation(file: "returns.xlsx", sheet: "Priority 2", cell: CellAddress(row: 9, column: 8))
    #expect(xlsx.description == "returns.xlsx:'Priority 2'!H9")
    let plain = SourceLocation(file: "q3.xlsx", sheet: "Actions", cell: CellAddress(row: 7, column: 2))
    #expect(plain.description == "q3.xlsx:Actions!B7")
    let csv = SourceLocation(file: "returns.csv", cell: CellAddress(row: 7, column: 2), line: 12)
    #expect(csv.description == "returns.csv:12 (B7)")
    #expect(SourceLocation.quotedSheetName("it's") == "'it''s'")
  }

  @Test(arguments: [
    ("Actions", "Actions"), ("P2_2021.v3", "P2_2021.v3"), ("2021", "'2021'"), ("9a", "'9a'"), ("Q3 Actions", "'Q3 Actions'"),
    ("a-b", "'a-b'"), ("", "''"), ("Évaluation", "Évaluation"), ("Été 2021", "'Été 2021'"), ("٣abc", "'٣abc'"),
  ])
  func sheetNamesAreQuotedAsExcelQuotesThem(name: String, quoted: String) {
    #expect(SourceLocation.quotedSheetName(name) == quoted)
  }

  @Test func rangesParseAndOverlap() throws {
    let a = try #require(CellRange(a1: "E5:H5"))
    #expect(a.columnCount == 4 && a.rowCount == 1)
    #expect(a.overlaps(try #require(CellRange(a1: "H5:H9"))))
    #expect(!a.overlaps(try #require(CellRange(a1: "I5"))))
    #expect(CellRange(a1: "H5:E5")?.a1 == "E5:H5")
  }
}
