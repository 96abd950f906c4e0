import DelimitedFormat
import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing

/// The built `wsoa` binary: exit statuses, the stdout/stderr split and atomic output.
@Suite struct DumpProcessTests {
  let seed = Fixtures.sample("staffordshire-priority-2.tsv").path
  func fixture(_ name: String) -> String { Fixtures.url("csv/" + name).path }

  func entries(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  /// The seed's records' field counts, row by row.
  let seedFieldCounts = [1, 1] + Array(repeating: 11, count: 8) + [1] + Array(repeating: 10, count: 5)

  @Test func dumpsTheSeedAsCSV() throws {
    let result = try ProcessRunner.wsoa(["dump", seed])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let sheet = try DelimitedReader().readWorkbook(bytes: Array(result.stdoutData), name: "seed.csv").value.sheets[0]
    #expect(sheet.rows.count == 16)
    #expect(result.stdout.split(separator: "\n", omittingEmptySubsequences: false).count == 17)  // 16 lines + final LF
    // Each row keeps its own record's fields: blank lines one, the table
    // eleven, the footer rows ten (short rows are not padded).
    #expect(sheet.rows.map(\.cells.count) == seedFieldCounts)
    for empty in [1, 2, 11] { #expect(sheet.rows[empty - 1].lastNonEmptyColumn == 0, "row \(empty)") }
    for row in 12...16 { #expect(sheet.rows[row - 1].value(at: 11) == .empty, "row \(row)") }
    #expect(sheet.value(at: CellAddress(row: 4, column: 9)) == .text("G/A"))
    // Same grid as reading the TSV directly.
    let direct = try DelimitedReader().readWorkbook(contentsOf: seed).value.sheets[0]
    #expect(sheet.rows.map(\.cells) == direct.rows.map(\.cells))
  }

  @Test func dumpsTheSeedAsJSONWithLines() throws {
    let result = try ProcessRunner.wsoa(["dump", seed, "--to", "json"])
    #expect(result.status == 0 && result.stderr.isEmpty)
    let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    let rows = try #require((json["sheets"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]])
    #expect(rows.count == 16)
    #expect(rows.map { $0["line"] as? Int } == Array(1...16))
    #expect(rows.map { ($0["cells"] as? [Any])?.count ?? -1 } == seedFieldCounts)
    #expect((rows[0]["cells"] as? [Any])?.allSatisfy { $0 is NSNull } == true)
  }

  @Test func writesAtomicallyToAFileWithCSVOptions() throws {
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out.csv").path
    let result = try ProcessRunner.wsoa(["dump", fixture("quoted-newlines.csv"), "-o", out, "--bom", "--crlf"])
    #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty)
    let expected = try Data(contentsOf: Fixtures.url("csv/expected/quoted-newlines.bom-crlf.csv"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == expected)
    #expect(try entries(folder) == ["out.csv"])
  }

  @Test func formulaGuardFlag() throws {
    let guarded = try ProcessRunner.wsoa(["dump", fixture("formula-injection.csv")])
    #expect(guarded.stdoutData == (try Data(contentsOf: Fixtures.url("csv/expected/formula-injection.guarded.csv"))))
    let raw = try ProcessRunner.wsoa(["dump", fixture("formula-injection.csv"), "--no-formula-guard"])
    #expect(raw.stdoutData == (try Data(contentsOf: Fixtures.url("csv/expected/formula-injection.unguarded.csv"))))
  }

  @Test func warningsGoToStandardErrorAndDataToStandardOutput() throws {
    let result = try ProcessRunner.wsoa(["dump", fixture("windows-1252.csv"), "--to", "tsv"])
    #expect(result.status == 0)
    #expect(result.stdout == "Ref\tNotes\n1.1\tPlan – café £45\n1.2\tSmart ‘quotes’ €5\n")
    #expect(result.stderr.hasPrefix("\(fixture("windows-1252.csv")):2: warning[csv.encoding_fallback]: "))
    #expect(!result.stderr.contains("\u{1B}["))  // no colour when not a terminal
  }

  @Test func malformedInputExits65WithFileLineAndCell() throws {
    let path = fixture("unterminated-quote.csv")
    let result = try ProcessRunner.wsoa(["dump", path])
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "wsoa: \(path):3 (B3): error: unterminated quoted field: the quote opening cell B3 is never closed before the end of the file\n")
  }

  @Test(arguments: ["nul-byte.csv", "empty.csv", "too-many-columns.csv", "field-too-long.csv"])
  func otherBadInputsExit65(file: String) throws {
    let result = try ProcessRunner.wsoa(["dump", fixture(file)])
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("wsoa: \(fixture(file))"))
    #expect(!result.stderr.contains("Usage:"))  // no usage dump for data errors
  }

  @Test func missingInputExits66() throws {
    let result = try ProcessRunner.wsoa(["dump", fixture("nope.csv")])
    #expect(result.status == 66)
    #expect(result.stderr == "wsoa: \(fixture("nope.csv")): error: no such file\n")
    let sheet = try ProcessRunner.wsoa(["dump", fixture("basic.csv"), "--sheet", "Q3"])
    #expect(sheet.status == 66)
    #expect(sheet.stderr.contains("no sheet \"Q3\"; the file has 1 \"basic\""))
  }

  @Test func usageErrorsExit64() throws {
    let result = try ProcessRunner.wsoa(["dump", fixture("basic.csv"), "--to", "xml"])
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("Usage: wsoa dump"))
    let sameFile = try ProcessRunner.wsoa(["dump", fixture("basic.csv"), "-o", fixture("basic.csv")])
    #expect(sameFile.status == 64)
    #expect(sameFile.stderr.contains("never overwrites its input"))
  }

  @Test func unwritableOutputExits73AndLeavesNothingBehind() throws {
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let intoMissing = folder.appendingPathComponent("missing/out.csv").path
    let result = try ProcessRunner.wsoa(["dump", fixture("basic.csv"), "-o", intoMissing])
    #expect(result.status == 73)
    #expect(result.stderr.hasPrefix("wsoa: error: cannot create output \(intoMissing)"))
    #expect(try entries(folder).isEmpty)
    // An existing folder takes the output, named after the input (as convert).
    let ontoFolder = try ProcessRunner.wsoa(["dump", fixture("basic.csv"), "-o", folder.path])
    #expect(ontoFolder.status == 0, "\(ontoFolder.stderr)")
    #expect(try entries(folder) == ["basic.csv"])
  }

  @Test func aFailedDumpLeavesTheTargetUntouched() throws {
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("keep.csv")
    try Data("previous run\n".utf8).write(to: out)
    let result = try ProcessRunner.wsoa(["dump", fixture("unterminated-quote.csv"), "-o", out.path])
    #expect(result.status == 65)
    #expect(try String(contentsOf: out, encoding: .utf8) == "previous run\n")
    #expect(try entries(folder) == ["keep.csv"])
  }

  @Test func helpAndVersionGoToStandardOutput() throws {
    let help = try ProcessRunner.wsoa(["--help"])
    #expect(help.status == 0 && help.stderr.isEmpty)
    #expect(help.stdout.contains("Exit codes:") && help.stdout.contains("dump"))
    let dumpHelp = try ProcessRunner.wsoa(["dump", "--help"])
    #expect(dumpHelp.status == 0 && dumpHelp.stdout.contains("--no-formula-guard"))
    let version = try ProcessRunner.wsoa(["--version"])
    #expect(version.status == 0 && version.stdout == "0.1.0\n")
  }
}
