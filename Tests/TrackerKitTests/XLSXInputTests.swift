import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing
import TrackerKit
import XLSXFormat

/// XLSX through the TrackerKit façade: the same grid as XLSXReader, sheet
/// selection as for CSV, errors as `InputError` with file, part and cell.
@Suite struct XLSXInputTests {
  let tracker = Fixtures.url("xlsx/xlsxwriter-tracker.xlsx").path

  @Test func facadeGridEqualsTheReadersGrid() throws {
    let outcome = try GridReader().readWorkbook(path: tracker)
    let direct = try XLSXReader(path: tracker).readWorkbook()
    #expect(outcome.value.sheets == direct.sheets)
    #expect(outcome.diagnostics.isEmpty)
  }

  @Test func sheetSelectionAndSkippedSheetNotes() throws {
    let path = Fixtures.url("xlsx/hand-sheet-kinds.xlsx").path
    let outcome = try GridReader(options: GridReadOptions(sheet: SheetSelector("very"))).readWorkbook(path: path)
    #expect(outcome.value.sheets.map(\.name) == ["Very"])
    #expect(outcome.diagnostics.map(\.code) == ["xlsx.sheet_skipped", "xlsx.sheet_skipped", "xlsx.sheet_skipped"])
    #expect(outcome.diagnostics.first?.location == SourceLocation(file: path, sheet: "Chart"))
  }

  @Test func readerErrorsBecomeInputErrors() throws {
    let path = Fixtures.url("xlsx/hostile-long-cell.xlsx").path
    #expect(
      throws: InputError.malformed(
        location: SourceLocation(
          file: path, sheet: "Sheet1", cell: CellAddress(row: 1, column: 1), part: "xl/worksheets/sheet1.xml"),
        reason: "the cell holds 40000 characters, more than the limit of 32767")
    ) { try GridReader().readWorkbook(path: path) }
    let sheet = Fixtures.url("xlsx/hand-minimal.xlsx").path
    #expect(
      throws: InputError.sheetNotFound(location: SourceLocation(file: sheet), requested: "Q3", available: ["Sheet1"])
    ) { try GridReader(options: GridReadOptions(sheet: SheetSelector("Q3"))).readWorkbook(path: sheet) }
  }

  @Test func fileNamesForSheets() throws {
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let written = try GridDump.writeEachSheet(
      path: Fixtures.url("xlsx/hand-custom-layout.xlsx").path, folder: folder.path + "/out",
      reading: GridReadOptions(), writing: GridWriteOptions(format: .tsv))
    #expect(written.files.map { $0.split(separator: "/").last.map(String.init) } == ["First.tsv", "Second sheet.tsv"])
    #expect(try String(contentsOfFile: written.files[1], encoding: .utf8) == "\n\t22\n")
  }
}
