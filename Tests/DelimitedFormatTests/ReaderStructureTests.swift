import DelimitedFormat
import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing

/// One fixture per structural case of the reader, with its expected grid.
@Suite struct ReaderStructureTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var file: String
    var delimiter: Delimiter
    var rows: [[String]]
    var lines: [Int]?
    var testDescription: String { file }
  }

  static let cases: [Case] = [
    Case(
      file: "basic.csv", delimiter: .comma,
      rows: [
        ["Ref", "Action", "Lead", "Status"], ["1.1", "Co-produce the SEND strategy", "Tim Moss", "G"],
        ["1.2", "Review EHCP quality", "Lynn Tolley", "A"],
      ]),
    Case(
      file: "quoted-newlines.csv", delimiter: .comma,
      rows: [
        ["Ref", "Notes", "Status"], ["1.1", "<p>Oct 2019: started</p>\n<p>Dec 2019: on track</p>", "G"],
        ["1.2", "one, two\r\nthree", "A"], ["1.3", "plain", "R"],
      ], lines: [1, 2, 4, 6]),
    Case(
      file: "doubled-quotes.csv", delimiter: .comma,
      rows: [["Ref", "Quote"], ["1", "She said \"hi\""], ["2", ""], ["3", "\"quoted\" start"], ["4", "a \" b"]]),
    Case(file: "crlf.csv", delimiter: .comma, rows: [["Ref", "Status"], ["1.1", "G"], ["1.2", "A\r\nthen G"]]),
    Case(file: "lone-cr.csv", delimiter: .comma, rows: [["Ref", "Status"], ["1.1", "G"], ["1.2", "A\rthen G"]]),
    Case(file: "mixed-line-endings.csv", delimiter: .comma, rows: [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]]),
    Case(
      file: "semicolon.csv", delimiter: .semicolon,
      rows: [["Ref", "Budget", "Status"], ["1.1", "1,5", "G"], ["1.2", "2,25", "A"]]),
    Case(
      file: "pipe.txt", delimiter: .pipe,
      rows: [["Ref", "Lead", "Status"], ["1.1", "Tim Moss, Lynn Tolley", "G"], ["1.2", "SCM SEND", "A"]]),
    Case(
      file: "tab.tsv", delimiter: .tab,
      rows: [["Ref", "Notes", "Status"], ["1.1", "one, two; three", "G"], ["1.2", "four, five", "A"]]),
    Case(file: "single-column.csv", delimiter: .comma, rows: [["Status"], ["G"], ["A"]]),
    Case(
      file: "ragged.csv", delimiter: .comma,
      rows: [["a", "b", "c"], ["d"], ["e", "f", "g", "h"], ["i", "j"]]),
    Case(
      file: "blank-lines.csv", delimiter: .comma,
      rows: [[""], [""], ["a", "b"], [""], ["c", "d"], [""]]),
    Case(file: "no-final-newline.csv", delimiter: .comma, rows: [["a", "b"], ["c", "d"]]),
    Case(file: "quote-in-unquoted.csv", delimiter: .comma, rows: [["Item", "Size"], ["screen", "27\" wide"]]),
  ]

  @Test(arguments: cases)
  func readsExpectedGrid(_ expected: Case) throws {
    let (grid, sheet, report) = try CSVFixture.read(expected.file)
    #expect(grid == GridText(rows: expected.rows, lines: expected.lines), "\(expected.file):\n\(grid)")
    #expect(report.delimiter == expected.delimiter)
    #expect(report.delimiterWasDetected)
    #expect(report.diagnostics.isEmpty)
    #expect(report.rowCount == expected.rows.count)
    #expect(report.columnCount == expected.rows.map(\.count).max())
    #expect(sheet.rows.map(\.number) == Array(1...expected.rows.count))
    // Empty fields are empty cells, never empty text.
    #expect(sheet.rows.allSatisfy { $0.cells.allSatisfy { $0.value != .text("") } })
  }

  @Test func sheetIsNamedAfterTheFile() throws {
    let (_, sheet, _) = try CSVFixture.read("quoted-newlines.csv")
    #expect(sheet.name == "quoted-newlines")
  }

  @Test func delimiterOverrideWinsOverDetection() throws {
    let options = DelimitedReadOptions(delimiter: .comma)
    let (grid, _, report) = try CSVFixture.read("semicolon.csv", options: options)
    #expect(report.delimiter == .comma)
    #expect(!report.delimiterWasDetected)
    #expect(grid.rows == [["Ref;Budget;Status"], ["1.1;1", "5;G"], ["1.2;2", "25;A"]])
  }

  @Test func textAfterAClosingQuoteIsKeptAndWarned() throws {
    let (grid, _, report) = try CSVFixture.read("stray-quote.csv")
    #expect(grid.rows == [["a", "b"], ["abc", "d"], ["xy", "z"]])
    let diagnostic = try #require(report.diagnostics.first)
    #expect(report.diagnostics.count == 1)
    #expect(diagnostic.code == "csv.stray_quote")
    #expect(diagnostic.severity == .warning)
    #expect(
      diagnostic.location
        == SourceLocation(file: CSVFixture.path("stray-quote.csv"), cell: CellAddress(a1: "A2"), line: 2))
    #expect(diagnostic.message.contains("and 1 more field"))
  }

  @Test func theSeedTrackerHasSixteenRowsOfElevenCells() throws {
    var builder = WorkbookBuilder()
    let report = try DelimitedReader().read(
      contentsOf: Fixtures.sample("staffordshire-priority-2.tsv").path, into: &builder)
    let sheet = builder.workbook.sheets[0]
    #expect(report.delimiter == .tab && report.encoding == .utf8)
    #expect(sheet.rows.count == 16)
    // Each row holds its own record's fields; short rows are not padded.
    #expect(sheet.rows.map(\.cells.count) == [1, 1] + Array(repeating: 11, count: 8) + [1] + Array(repeating: 10, count: 5))
    #expect(sheet.rows.map(\.line) == Array(1...16))
    for empty in [1, 2, 11] { #expect(sheet.rows[empty - 1].lastNonEmptyColumn == 0, "row \(empty)") }
    #expect(sheet.value(at: CellAddress(row: 4, column: 9)) == .text("G/A"))
    #expect(sheet.value(at: CellAddress(row: 5, column: 1)) == .text("Focus Area (Intent)"))
    // Rows 12–16 have 10 fields: column K reads as empty.
    #expect((12...16).allSatisfy { sheet.value(at: CellAddress(row: $0, column: 11)) == .empty })
    #expect((3...10).allSatisfy { sheet.rows[$0 - 1].lastNonEmptyColumn <= 11 })
    // Short rows: blank lines hold one field, rows 12–16 ten.
    #expect(report.shortRows == [1: 1, 2: 1, 11: 1, 12: 10, 13: 10, 14: 10, 15: 10, 16: 10])
    let inMemory = try DelimitedReader().read(
      bytes: Array(try Data(contentsOf: Fixtures.sample("staffordshire-priority-2.tsv"))), name: "seed.tsv",
      into: &builder)
    #expect(inMemory.shortRows == report.shortRows)
  }

  @Test func bytesInMemoryReadLikeAFile() throws {
    let bytes = Array("x;y\n1;2\n".utf8)
    let outcome = try DelimitedReader().readWorkbook(bytes: bytes, name: "memory.csv")
    #expect(GridText(outcome.value.sheets[0]).rows == [["x", "y"], ["1", "2"]])
    #expect(outcome.value.sheets[0].name == "memory")
  }
}
