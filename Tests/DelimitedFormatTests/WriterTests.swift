import AtomicOutput
import DelimitedFormat
import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing

/// The writer's bytes, compared with the expected files in fixtures/csv/expected.
@Suite struct WriterTests {
  /// Reads `input`, writes it with `options` to a scratch file, returns the bytes.
  func rewrite(_ input: String, _ options: DelimitedWriteOptions) throws -> [UInt8] {
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out.csv").path
    try AtomicFile.write(to: out) { sink in
      var writer = DelimitedWriter(sink: sink, options: options)
      try DelimitedReader().read(contentsOf: CSVFixture.path(input), into: &writer)
    }
    return Array(try Data(contentsOf: URL(fileURLWithPath: out)))
  }

  func expected(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: Fixtures.url("csv/expected/" + name)))
  }

  @Test func formulaGuardIsOnByDefault() throws {
    let bytes = try rewrite("formula-injection.csv", DelimitedWriteOptions())
    #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: try expected("formula-injection.guarded.csv"), as: UTF8.self))
  }

  @Test func formulaGuardCanBeTurnedOff() throws {
    let bytes = try rewrite("formula-injection.csv", DelimitedWriteOptions(guardsFormulas: false))
    #expect(bytes == (try expected("formula-injection.unguarded.csv")))
  }

  @Test func byteOrderMarkAndCRLF() throws {
    let options = DelimitedWriteOptions(lineEnding: .crlf, writesByteOrderMark: true)
    #expect(try rewrite("quoted-newlines.csv", options) == (try expected("quoted-newlines.bom-crlf.csv")))
  }

  @Test func tabSeparatedNeedsNoQuotesForCommas() throws {
    #expect(try rewrite("tab.tsv", DelimitedWriteOptions(delimiter: .tab)) == (try expected("tab.tsv")))
  }

  @Test func raggedRowsKeepTheirLength() throws {
    #expect(try rewrite("ragged.csv", DelimitedWriteOptions()) == (try expected("ragged.csv")))
  }

  @Test func nonTextValuesAndMissingRowsAndCells() throws {
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("typed.csv").path
    let sheet = Sheet(
      name: "S",
      rows: [
        Row(number: 1, values: [.number(3), .number(0.25), .bool(true), .error(CellError(code: "#N/A"))]),
        Row(
          number: 3,
          cells: [
            Cell(column: 2, value: .date(DateCell(year: 2021, month: 4, day: 1, serial: 44287))),
            Cell(column: 4, value: .number(-5)),
          ]),
      ])
    try DelimitedWriter.write(sheet, to: out)
    let text = try String(contentsOfFile: out, encoding: .utf8)
    #expect(text == "3,0.25,TRUE,#N/A\n\n,2021-04-01,,-5\n")
  }

  @Test(arguments: [
    ("=1+2", true), ("+1+2", true), ("-2+3", true), ("@SUM(A1)", true), ("\tx", true), ("\rx", true),
    ("-5", false), ("+0.25", false), ("-", true), ("-.", true), ("a=b", false), ("", false), ("'=x", false),
  ])
  func formulaGuardDecision(text: String, guarded: Bool) {
    #expect(FormulaGuard.needsGuard(text) == guarded)
  }

  @Test func failedWriteLeavesTheTargetUntouched() throws {
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("keep.csv")
    try Data("old\n".utf8).write(to: out)
    #expect(throws: DelimitedError.self) {
      try AtomicFile.write(to: out.path) { sink in
        var writer = DelimitedWriter(sink: sink)
        try DelimitedReader().read(contentsOf: CSVFixture.path("unterminated-quote.csv"), into: &writer)
      }
    }
    #expect(try String(contentsOf: out, encoding: .utf8) == "old\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["keep.csv"])
  }
}
