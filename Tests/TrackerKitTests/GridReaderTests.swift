import DelimitedFormat
import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing
import TrackerKit

/// The façade: one error type with an exit class, sheet selection, formats it cannot read.
@Suite struct GridReaderTests {
  @Test func readsTheSeedAsOneSheet() throws {
    let path = Fixtures.sample("staffordshire-priority-2.tsv").path
    let outcome = try GridReader().readWorkbook(path: path)
    #expect(outcome.value.sheets.map(\.name) == ["staffordshire-priority-2"])
    #expect(outcome.value.sheets[0].rows.count == 16)
    #expect(outcome.diagnostics.isEmpty)
  }

  @Test func everyDelimitedErrorBecomesAnInputErrorWithItsLocation() {
    let path = Fixtures.url("csv/unterminated-quote.csv").path
    #expect(throws: InputError.malformed(
      location: SourceLocation(file: path, cell: CellAddress(a1: "B3"), line: 3),
      reason: "unterminated quoted field: the quote opening cell B3 is never closed before the end of the file")) {
      try GridReader().readWorkbook(path: path)
    }
    let mapped: [(DelimitedError, InputError.Category)] = [
      (.fileNotFound(path: "a"), .missing), (.isDirectory(path: "a"), .malformed),
      (.notRegularFile(path: "a"), .malformed), (.unreadable(path: "a", reason: "x"), .malformed),
      (.emptyFile(path: "a"), .malformed), (.nulByte(path: "a", line: 2), .malformed),
      (.tooManyRows(path: "a", line: 9, limit: 8), .malformed),
    ]
    for (error, category) in mapped {
      let input = InputError(error)
      #expect(input.category == category, "\(error)")
      #expect(input.location == error.location)
    }
  }

  @Test func sheetSelectionByNameOrNumber() throws {
    let path = Fixtures.url("csv/basic.csv").path
    for selector in ["1", "basic", "BASIC"] {
      let reader = GridReader(options: GridReadOptions(sheet: SheetSelector(selector)))
      #expect(try reader.readWorkbook(path: path).value.sheets.count == 1, "\(selector)")
    }
    let wrong = GridReader(options: GridReadOptions(sheet: SheetSelector("2")))
    #expect(throws: InputError.sheetNotFound(location: SourceLocation(file: path), requested: "2", available: ["basic"])) {
      try wrong.readWorkbook(path: path)
    }
    #expect(SheetSelector("2021").index(in: ["Summary", "2021"]) == 1)
    #expect(SheetSelector("2").index(in: ["Summary", "2021"]) == 1)
    #expect(SheetSelector("3").index(in: ["Summary", "2021"]) == nil)
  }

  @Test func delimiterOverridePassesThrough() throws {
    let path = Fixtures.url("csv/semicolon.csv").path
    let reader = GridReader(options: GridReadOptions(delimiter: .comma))
    let rows = try reader.readWorkbook(path: path).value.sheets[0].rows
    #expect(rows[1].cells.map(\.value) == [.text("1.1;1"), .text("5;G")])
  }

  @Test func formatsThatHaveNoGridHereAreUnsupported() throws {
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cases: [(String, [UInt8], String)] = [
      ("old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
       "this workbook is password-protected or in the legacy .xls format; save it as .xlsx without a password"),
      ("plan.json", Array("{\"schema\": \"wsoa/1\"}".utf8), "tracker JSON"),
      ("book.xlsx", [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0], "no zip central directory"),
    ]
    for (name, bytes, words) in cases {
      let path = folder.appendingPathComponent(name).path
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      do {
        _ = try GridReader().readWorkbook(path: path)
        Issue.record("\(name) should fail")
      } catch {
        #expect(error.category == .malformed, "\(name)")
        #expect(error.reason.contains(words), "\(name): \(error.reason)")
      }
    }
  }
}
