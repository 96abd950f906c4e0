import DelimitedFormat
import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing
import XLSXFormat
import AtomicOutput
@testable import TrackerKit

@testable import TrackerCLI

/// `wsoa dump IN --to xlsx`: a clean, valid workbook with the input's values,
/// written atomically; errors map to the usual exit statuses.
@Suite struct DumpToXLSXTests {
  let seed = Fixtures.sample("staffordshire-priority-2.tsv").path

  private func checkXLSX(_ files: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let result = try SchemaCheck.run(files)
    #expect(result.isAcceptable, "\(result.message)", sourceLocation: sourceLocation)
  }

  /// The grid's non-empty values by address, for comparison.
  private func values(_ sheet: Sheet) -> [CellAddress: CellValue] {
    var result: [CellAddress: CellValue] = [:]
    for row in sheet.rows {
      for cell in row.cells where !cell.value.isEmpty { result[CellAddress(row: row.number, column: cell.column)] = cell.value }
    }
    return result
  }

  @Test func theSeedBecomesACleanWorkbookWithTheSameValues() throws {
    let folder = try Fixtures.scratchDirectory()
    let out = folder.appendingPathComponent("seed.xlsx").path
    let result = try ProcessRunner.wsoa(["dump", seed, "-o", out])
    #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(result.stderr)")
    try checkXLSX([out])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["seed.xlsx"])
    let written = try XLSXReader(path: out).readWorkbook()
    let source = try DelimitedReader().readWorkbook(contentsOf: seed).value
    #expect(written.sheets.map(\.name) == ["staffordshire-priority-2"])
    let got = values(written.sheets[0])
    let want = values(source.sheets[0])
    #expect(got.count == want.count)
    for (address, value) in want where got[address] != value {
      Issue.record("mismatch at \(address.a1): expected \(value), got \(String(describing: got[address]))")
    }
    // The first row with a value (row 3 of the seed) is the header: frozen, filtered, bold.
    let sheetXML = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/unzip"), ["-p", out, "xl/worksheets/sheet1.xml"]).stdout
    #expect(sheetXML.contains(#"<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>"#))
    #expect(sheetXML.contains(#"<autoFilter ref="A3:J16"/>"#))
    #expect(written.style(of: written.sheets[0].row(3)!.cells[0]).isBold)
  }

  @Test func anXLSXInputKeepsEverySheetAndValue() throws {
    let source = Fixtures.url("xlsx/openpyxl-structure.xlsx").path
    let folder = try Fixtures.scratchDirectory()
    let out = folder.appendingPathComponent("copy.xlsx").path
    let result = try ProcessRunner.wsoa(["dump", source, "-o", out])
    #expect(result.status == 0, "\(result.stderr)")
    try checkXLSX([out])
    let original = try XLSXReader(path: source).readWorkbook()
    let copy = try XLSXReader(path: out).readWorkbook()
    #expect(copy.sheets.map(\.name) == original.sheets.map(\.name))
    #expect(copy.sheets.map(\.visibility) == original.sheets.map(\.visibility))
    for (got, want) in zip(copy.sheets, original.sheets) {
      #expect(values(got) == values(want), "sheet \(want.name)")
    }
    let one = try ProcessRunner.wsoa(["dump", source, "--sheet", "Main", "-o", out])
    #expect(one.status == 0)
    #expect(try XLSXReader(path: out).sheets.map(\.name) == ["Main"])
  }

  @Test func standardOutputGetsTheSameBytes() throws {
    let folder = try Fixtures.scratchDirectory()
    let out = folder.appendingPathComponent("file.xlsx").path
    #expect(try ProcessRunner.wsoa(["dump", seed, "-o", out]).status == 0)
    let piped = try ProcessRunner.wsoa(["dump", seed, "--to", "xlsx"])
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(piped.stdoutData == (try Data(contentsOf: URL(fileURLWithPath: out))))
  }

  @Test func theSameInputGivesTheSameBytesInAnyTimeZone() throws {
    let folder = try Fixtures.scratchDirectory()
    var outputs: [Data] = []
    for zone in ["UTC", "Pacific/Auckland", "America/New_York"] {
      let out = folder.appendingPathComponent("\(outputs.count).xlsx").path
      var environment = ProcessInfo.processInfo.environment
      environment["TZ"] = zone
      let result = try ProcessRunner.run(ProcessRunner.wsoaURL, ["dump", seed, "-o", out], environment: environment)
      #expect(result.status == 0, "\(result.stderr)")
      outputs.append(try Data(contentsOf: URL(fileURLWithPath: out)))
    }
    #expect(outputs[0].count > 1000)
    #expect(outputs.allSatisfy { $0 == outputs[0] })
  }

  @Test func csvOnlyOptionsAreRefused() throws {
    let result = try ProcessRunner.wsoa(["dump", seed, "-o", "x.xlsx", "--crlf"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--crlf applies to CSV/TSV output only, not XLSX."))
  }

  @Test func anUnwritableOutputExits73AndLeavesNothing() throws {
    let result = try ProcessRunner.wsoa(["dump", seed, "-o", "/nonexistent-wsoa/out.xlsx"])
    #expect(result.status == 73)
    #expect(result.stderr.hasPrefix("wsoa: error: cannot create output /nonexistent-wsoa/out.xlsx"), "\(result.stderr)")
  }

  /// (The CSV reader already refuses such a field; the XLSX writer would too,
  /// see `GridXLSXDump.translate` and WriterCellTests.)
  @Test func textTooLongForACellIsAnInputErrorNamingTheCell() throws {
    let folder = try Fixtures.scratchDirectory()
    let input = folder.appendingPathComponent("long.csv")
    try Data(("ref,notes\n1,short\n2," + String(repeating: "x", count: 40_000) + "\n").utf8).write(to: input)
    let out = folder.appendingPathComponent("long.xlsx")
    try Data("previous".utf8).write(to: out)
    let result = try ProcessRunner.wsoa(["dump", input.path, "-o", out.path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("long.csv:3 (B3): error:") && result.stderr.contains("32767"), "\(result.stderr)")
    #expect(try String(contentsOf: out, encoding: .utf8) == "previous")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["long.csv", "long.xlsx"])
  }

  @Test func theFormatFollowsTheExtensionAndTheFlag() throws {
    let byExtension = try #require(try WSOACommand.parseAsRoot(["dump", "in.csv", "-o", "Out.XLSX"]) as? DumpCommand)
    #expect(byExtension.format == .xlsx)
    let byFlag = try #require(try WSOACommand.parseAsRoot(["dump", "in.csv", "--to", "xlsx", "-o", "out.bin"]) as? DumpCommand)
    #expect(byFlag.format == .xlsx)
  }
}

/// The writer's errors as `dump` reports them.
@Suite struct DumpToXLSXErrorTests {
  @Test func aValueXLSXCannotHoldIsNamedAtTheInputCell() {
    let error = GridXLSXDump.translate(
      .textTooLong(file: "out.xlsx", sheet: "Q3", cell: CellAddress(a1: "B7")!, length: 40_000), input: "in.xlsx", output: "out.xlsx")
    #expect("\(error)" == "in.xlsx:Q3!B7: text is 40000 characters long; an XLSX cell holds at most 32767, so it cannot be written to out.xlsx (the text is never cut)")
    let zip = GridXLSXDump.translate(.zip(file: "out.xlsx", .cannotClose(path: "t", reason: "No space left on device")), input: "in.csv", output: "out.xlsx")
    #expect(zip as? OutputError == .writeFailed(path: "out.xlsx", reason: "out.xlsx: cannot write zip archive t: No space left on device"))
  }
}
