import Diagnostics
import Grid
import Testing

@Suite struct RowTests {
  @Test func denseAndSparseLookups() {
    let dense = Row(number: 3, values: [.text("a"), .empty, .number(2)])
    #expect(dense.value(at: 1) == .text("a"))
    #expect(dense.value(at: 3) == .number(2))
    #expect(dense.value(at: 4) == .empty)
    let sparse = Row(number: 1, cells: [Cell(column: 2, value: .bool(true)), Cell(column: 40, value: .text("x"))])
    #expect(sparse.value(at: 40) == .text("x"))
    #expect(sparse.value(at: 1) == .empty)
    #expect(sparse.denseValues(width: 3) == [.empty, .bool(true), .empty])
  }

  @Test func displayTextIsShortest() {
    #expect(CellValue.number(3).displayText == "3")
    #expect(CellValue.number(0.25).displayText == "0.25")
    #expect(CellValue.bool(false).displayText == "FALSE")
    #expect(CellValue.date(DateCell(year: 2019, month: 12, day: 1, serial: 43800, display: .month)).displayText == "2019-12-01")
    #expect(CellValue.error(CellError(code: "#N/A")).displayText == "#N/A")
  }

  @Test func sheetFindsRowsAndMerges() throws {
    var sheet = Sheet(name: "S", rows: [Row(number: 2, values: [.text("x")]), Row(number: 5, values: [.text("y")])])
    sheet.mergedRanges = [try #require(CellRange(a1: "A5:A6"))]
    #expect(sheet.value(at: CellAddress(row: 5, column: 1)) == .text("y"))
    #expect(sheet.row(3) == nil)
    #expect(sheet.mergedRange(containing: CellAddress(row: 6, column: 1))?.a1 == "A5:A6")
  }
}
