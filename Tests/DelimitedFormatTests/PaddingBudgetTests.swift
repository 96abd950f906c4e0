import DelimitedFormat
import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing

/// Short rows are not padded to the widest record: a row holds the fields
/// its record has, and only those are charged to the read's work budget
/// (`DelimitedLimits.maxCells`), so one wide row among many short ones costs
/// its own fields; more fields than the budget are refused before any row
/// is made, whether the wide rows come first or last, from a file or from
/// memory.
@Suite struct PaddingBudgetTests {
  let limits = DelimitedLimits(maxCells: 100)

  func text(wideFirst: Bool, wideRows: Int = 1) -> String {
    let wide = String(repeating: (1...20).map { "w\($0)" }.joined(separator: ",") + "\n", count: wideRows)
    let short = String(repeating: "x\n", count: 10)
    return wideFirst ? wide + short : short + wide
  }

  @Test(arguments: [true, false]) func oneWideRowIsReadWithoutPadding(wideFirst: Bool) throws {
    // 11 rows, one of 20 fields: 30 cells, where padding would make 220.
    let workbook = try DelimitedReader(options: DelimitedReadOptions(limits: DelimitedLimits(maxCells: 30)))
      .readWorkbook(bytes: Array(text(wideFirst: wideFirst).utf8), name: "p.csv").value
    let rows = workbook.sheets[0].rows
    #expect(rows.count == 11)
    #expect(rows.map(\.cells.count).reduce(0, +) == 30)
    let short = try #require(rows.first { $0.cells.count == 1 })
    #expect(short.value(at: 20) == .empty)
  }

  @Test(arguments: [true, false]) func fieldsPastTheBudgetAreRefused(wideFirst: Bool) throws {
    let bytes = Array(text(wideFirst: wideFirst, wideRows: 5).utf8)
    #expect(throws: DelimitedError.self) {
      _ = try DelimitedReader(options: DelimitedReadOptions(limits: limits)).readWorkbook(bytes: bytes, name: "p.csv")
    }
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("p.csv").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let error = CSVFixture.error(reading: path, options: DelimitedReadOptions(limits: limits))
    // Five rows of 20 fields and ten of one: refused at the sixth row wide
    // first (100 + 1 > 100) or, wide last, at the fifteenth (10 + 100).
    #expect(error == .tooManyCells(path: path, line: wideFirst ? 6 : 15, rows: wideFirst ? 6 : 15, limit: 100))
    #expect(error?.reason.contains("limit of one read's work budget") == true)
  }

  @Test func utf16IsCappedBeforeItIsReadWhole() throws {
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("u.csv").path
    let bytes: [UInt8] = [0xFF, 0xFE] + Array("a,b\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(
      CSVFixture.error(reading: path, options: DelimitedReadOptions(limits: DelimitedLimits(maxWholeTextBytes: 8)))
        == .fileTooLarge(path: path, bytes: 10, limit: 8))
    #expect(CSVFixture.error(reading: path) == nil)
  }
}
