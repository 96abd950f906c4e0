import ArgumentParser
import AtomicOutput
import Diagnostics
import Testing
import TrackerKit

@testable import TrackerCLI

/// In-process: flags parse into the right options; errors map to exit statuses in one place.
@Suite struct DumpParsingTests {
  func dump(_ arguments: [String]) throws -> DumpCommand {
    let command = try WSOACommand.parseAsRoot(["dump"] + arguments)
    return try #require(command as? DumpCommand)
  }

  @Test func defaultsAreCSVToStandardOutputWithTheGuardOn() throws {
    let command = try dump(["in.csv"])
    #expect(command.file == "in.csv")
    #expect(command.format == .csv)
    #expect(command.output == nil && command.sheet == nil)
    #expect(!command.noFormulaGuard && !command.bom && !command.crlf)
    #expect(command.delimiter == .auto && command.delimiter.delimiter == nil)
  }

  @Test func everyFlag() throws {
    let command = try dump([
      "in.tsv", "--sheet", "Q3", "--to", "tsv", "-o", "out.txt", "--no-formula-guard", "--bom", "--crlf",
      "--delimiter", "semicolon",
    ])
    #expect(command.sheet == "Q3")
    #expect(command.format == .tsv)
    #expect(command.output == "out.txt")
    #expect(command.noFormulaGuard && command.bom && command.crlf)
    #expect(command.delimiter.delimiter == .semicolon)
  }

  @Test(arguments: [("out.json", GridOutputFormat.json), ("out.tsv", .tsv), ("out.CSV", .csv), ("out.txt", .csv), ("-", .csv)])
  func formatFollowsTheOutputExtension(output: String, format: GridOutputFormat) throws {
    #expect(try dump(["in.csv", "-o", output]).format == format)
  }

  @Test(arguments: [(",", "comma"), (";", "semicolon"), ("|", "pipe"), ("\\t", "tab"), ("TAB", "tab")])
  func delimiterAcceptsTheCharacterItself(argument: String, name: String) throws {
    #expect(try dump(["in.csv", "--delimiter", argument]).delimiter.rawValue == name)
  }

  @Test(arguments: [
    ["in.csv", "--to", "xml"], ["in.csv", "--to", "json", "--bom"], ["in.csv", "--to", "json", "--crlf"],
    ["in.csv", "-o", "x.json", "--no-formula-guard"], ["in.csv", "--delimiter", "colon"], [], ["in.csv", "--bogus"],
  ])
  func usageErrorsExit64(arguments: [String]) {
    do {
      _ = try dump(arguments)
      Issue.record("\(arguments) should not parse")
    } catch {
      #expect(WSOACommand.exitStatus(for: error) == 64, "\(arguments)")
    }
  }

  @Test func errorsMapToTheirExitStatus() {
    let here = SourceLocation(file: "x.csv", line: 3)
    #expect(WSOACommand.exitStatus(for: InputError.missing(location: here, reason: "no such file")) == 66)
    #expect(WSOACommand.exitStatus(for: InputError.sheetNotFound(location: here, requested: "2", available: ["x"])) == 66)
    #expect(WSOACommand.exitStatus(for: InputError.malformed(location: here, reason: "bad")) == 65)
    #expect(WSOACommand.exitStatus(for: InputError.unreadable(location: here, reason: "dir")) == 65)
    #expect(WSOACommand.exitStatus(for: InputError.unsupported(location: here, reason: "xls")) == 65)
    #expect(WSOACommand.exitStatus(for: OutputError.cannotCreate(path: "o", reason: "r")) == 73)
    #expect(WSOACommand.exitStatus(for: ExitCode(1)) == 1)
    #expect(WSOACommand.exitStatus(for: CleanExit.helpRequest()) == 0)
    struct Unexpected: Error {}
    #expect(WSOACommand.exitStatus(for: Unexpected()) == 70)
  }

  @Test func inputErrorsPrintFileLineAndCell() {
    let error = InputError.malformed(
      location: SourceLocation(file: "r.csv", cell: CellAddress(a1: "B3"), line: 3), reason: "unterminated quoted field")
    #expect(Failure(error).message == "wsoa: r.csv:3 (B3): error: unterminated quoted field\n")
  }

  @Test func diagnosticsPrintCompilerStyle() {
    let diagnostic = Diagnostic(
      code: "csv.encoding_fallback", severity: .warning, message: "read as Windows-1252", fix: "Save as CSV UTF-8.",
      location: SourceLocation(file: "r.csv", line: 2))
    #expect(
      FindingLines.render([diagnostic])
        == "r.csv:2: warning[csv.encoding_fallback]: read as Windows-1252\n    fix: Save as CSV UTF-8.\n")
  }

  @Test func helpListsEveryOptionAndExitCode() {
    let help = WSOACommand.helpMessage(for: DumpCommand.self, columns: 120)
    for option in ["--sheet", "--to", "-o, --output", "--no-formula-guard", "--bom", "--crlf", "--delimiter"] {
      #expect(help.contains(option), "\(option)")
    }
    for status in ExitStatus.allCases {
      #expect(help.contains("\n  \(status.rawValue) "), "exit \(status.rawValue)")
    }
    let root = WSOACommand.helpMessage(columns: 120)
    #expect(root.contains("dump") && root.contains("Exit codes:") && root.contains("73  an output cannot be written"))
  }
}
