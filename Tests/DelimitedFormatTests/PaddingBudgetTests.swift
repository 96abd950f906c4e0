import DelimitedFormat
import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing

/// Rows are padded to the widest record, and every padding cell is charged
/// to the read's work budget (`DelimitedLimits.maxCells`): one wide row
/// among many short ones is refused before any row is made, whether the
/// wide row comes first or last, from a file or from memory.
@Suite struct PaddingBudgetTests {
  let limits = DelimitedLimits(maxCells: 100)

  func text(wideFirst: Bool) -> String {
    let wide = (1...20).map { "w\($0)" }.joined(separator: ",") + "\n"
    let short = String(repeating: "x\n", count: 10)
    return wideFirst ? wide + short : short + wide
  }

  @Test(arguments: [true, false]) func paddingPastTheBudgetIsRefused(wideFirst: Bool) throws {
    let bytes = Array(text(wideFirst: wideFirst).utf8)
    #expect(throws: DelimitedError.self) {
      _ = try DelimitedReader(options: DelimitedReadOptions(limits: limits)).readWorkbook(bytes: bytes, name: "p.csv")
    }
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("p.csv").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let error = CSVFixture.error(reading: path, options: DelimitedReadOptions(limits: limits))
    // 11 rows of 20 cells: refused at the sixth row (6 x 20 > 100) or, wide
    // last, at the eleventh.
    #expect(
      error
        == .tooManyCells(
          path: path, line: wideFirst ? 6 : 11, rows: wideFirst ? 6 : 11, columns: 20, limit: 100))
    #expect(error?.reason.contains("limit of one read's work budget") == true)
  }

  @Test func paddingWithinTheBudgetIsRead() throws {
    let workbook = try DelimitedReader(options: DelimitedReadOptions(limits: DelimitedLimits(maxCells: 220)))
      .readWorkbook(bytes: Array(text(wideFirst: true).utf8), name: "p.csv").value
    #expect(workbook.sheets[0].rows.count == 11)
    #expect(workbook.sheets[0].rows[10].cells.count == 20)
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
