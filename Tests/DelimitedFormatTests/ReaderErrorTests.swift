import DelimitedFormat
import Diagnostics
import Foundation
import TestSupport
import Testing

/// Bad input fails with a typed error naming the file and line; never a crash or a hang.
@Suite struct ReaderErrorTests {
  @Test func unterminatedQuoteNamesTheLineAndCellWhereItOpened() {
    let path = CSVFixture.path("unterminated-quote.csv")
    let error = CSVFixture.error(reading: path)
    #expect(error == .unterminatedQuote(path: path, line: 3, cell: CellAddress(row: 3, column: 2)))
    #expect(error?.description.hasPrefix("\(path):3 (B3): unterminated quoted field") == true)
  }

  @Test func nulByteIsABinaryFile() {
    let path = CSVFixture.path("nul-byte.csv")
    #expect(CSVFixture.error(reading: path) == .nulByte(path: path, line: 2))
  }

  @Test(arguments: ["empty.csv", "bom-only.csv"])
  func emptyFileIsAnError(file: String) {
    let path = CSVFixture.path(file)
    #expect(CSVFixture.error(reading: path) == .emptyFile(path: path))
  }

  @Test func moreColumnsThanExcelHoldsIsAnError() {
    let path = CSVFixture.path("too-many-columns.csv")
    #expect(
      CSVFixture.error(reading: path)
        == .tooManyColumns(path: path, line: 2, row: 2, count: 16_385, limit: ExcelLimits.maxColumns))
  }

  @Test func moreRowsThanExcelHoldsIsAnError() {
    let path = CSVFixture.path("too-many-rows.csv")
    #expect(
      CSVFixture.error(reading: path)
        == .tooManyRows(path: path, line: 1_048_577, limit: ExcelLimits.maxRows))
  }

  @Test func aFieldLongerThanExcelsCellIsAnError() {
    let path = CSVFixture.path("field-too-long.csv")
    #expect(
      CSVFixture.error(reading: path)
        == .fieldTooLong(
          path: path, line: 3, cell: CellAddress(row: 3, column: 2), characters: 32_768,
          limit: ExcelLimits.maxCellCharacters))
  }

  @Test func limitsAreConfigurable() {
    let path = CSVFixture.path("basic.csv")
    #expect(
      CSVFixture.error(reading: path, options: DelimitedReadOptions(limits: DelimitedLimits(maxRows: 2)))
        == .tooManyRows(path: path, line: 3, limit: 2))
    #expect(
      CSVFixture.error(reading: path, options: DelimitedReadOptions(limits: DelimitedLimits(maxColumns: 3)))
        == .tooManyColumns(path: path, line: 1, row: 1, count: 4, limit: 3))
    #expect(
      CSVFixture.error(reading: path, options: DelimitedReadOptions(limits: DelimitedLimits(maxFileBytes: 10)))
        == .fileTooLarge(path: path, bytes: 105, limit: 10))
  }

  @Test func fieldLengthCountsUTF16UnitsAsExcelDoes() throws {
    // "Done 😀" is 9 UTF-8 bytes but 7 UTF-16 units, as Excel counts.
    let bytes = Array("1.3,Done 😀\n".utf8)
    func read(limit: Int) throws(DelimitedError) {
      _ = try DelimitedReader(options: DelimitedReadOptions(limits: DelimitedLimits(maxFieldCharacters: limit)))
        .readWorkbook(bytes: bytes, name: "emoji.csv")
    }
    try read(limit: 7)
    #expect(throws: DelimitedError.fieldTooLong(
      path: "emoji.csv", line: 1, cell: CellAddress(row: 1, column: 2), characters: 7, limit: 6)) {
      try read(limit: 6)
    }
  }

  @Test func missingFileIsMissing() {
    let path = CSVFixture.path("does-not-exist.csv")
    let error = CSVFixture.error(reading: path)
    #expect(error == .fileNotFound(path: path))
    #expect(error?.isMissingInput == true)
  }

  @Test func aFolderIsNotAFile() {
    let path = Fixtures.url("csv").path
    #expect(CSVFixture.error(reading: path) == .isDirectory(path: path))
  }

  @Test func aFIFOIsRefusedWithoutBlocking() throws {
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("pipe.csv").path
    #expect(mkfifo(path, 0o600) == 0)
    #expect(CSVFixture.error(reading: path) == .notRegularFile(path: path))
  }

  @Test func anUnopenablePathIsUnreadable() throws {
    // A symbolic-link loop cannot be opened whoever runs the test (root ignores permissions).
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let a = folder.appendingPathComponent("a.csv").path
    let b = folder.appendingPathComponent("b.csv").path
    #expect(symlink(b, a) == 0 && symlink(a, b) == 0)
    guard case .unreadable(let errorPath, let reason) = CSVFixture.error(reading: a) else {
      Issue.record("expected .unreadable")
      return
    }
    #expect(errorPath == a)
    #expect(reason.lowercased().contains("symbolic links"))
  }
}
