import Diagnostics
import Grid
import Testing
import TrackerKit

/// `dump`'s dense formats write every row from column A to its last cell;
/// `DenseOutputLimit` counts those fields and stops a sparse sheet before
/// it becomes gigabytes of empty fields.
@Suite struct DenseOutputLimitTests {
  @Test func sparseRowsAreCountedAsWrittenAndStoppedAtTheLimit() throws {
    var limited = DenseOutputLimit(WorkbookBuilder(), file: "s.xlsx", maxCells: 100)
    try limited.beginSheet(Sheet(name: "S"))
    // Row 1, one cell in column 90: 90 fields and the row.
    try limited.consume(Row(number: 1, cells: [Cell(column: 90, value: .number(1))]))
    #expect(throws: InputError.self) {
      // Row 3 (row 2 skipped) with a cell in column 20: 91 + 1 + 21 > 100.
      try limited.consume(Row(number: 3, cells: [Cell(column: 20, value: .number(1))]))
    }
    #expect(limited.inner.workbook.sheets.isEmpty)
    do {
      try limited.consume(Row(number: 4, cells: [Cell(column: 1, value: .number(1))]))
    } catch let error as InputError {
      #expect(error.location.origin.sheet == "S")
      #expect("\(error)".contains("more than 100 fields"))
    }
  }

  @Test func denseRowsWithinTheLimitPassThrough() throws {
    var limited = DenseOutputLimit(WorkbookBuilder(), file: "d.csv", maxCells: 100)
    try limited.beginSheet(Sheet(name: "D"))
    for number in 1...9 {
      try limited.consume(Row(number: number, values: (1...10).map { .number(Double($0)) }))
    }
    try limited.endSheet(Sheet(name: "D"))
    #expect(limited.inner.workbook.sheets[0].rows.count == 9)
  }
}
