import Foundation
import TestSupport
import Testing

/// One command as the convention tests run it: the built binary on files in
/// the repository, writing any output into a scratch folder.
struct ConventionCase: CustomTestStringConvertible, Sendable {
  /// The subcommand.
  let name: String
  /// A tracker that gives warnings with a fix (and info) on this command.
  let input: String
  /// The arguments that run the command on `input` (a path, or `-`), its output in `dir`.
  let arguments: @Sendable (_ input: String, _ dir: String) -> [String]
  /// Whether the findings go to standard output (validate's report) rather than standard error.
  let findingsOnStandardOutput: Bool

  var testDescription: String { name }

  /// Runs the command on `input` with `extra` flags.
  func run(_ extra: [String] = [], input: String? = nil, stdin: Data? = nil) throws -> ProcessRunner.Result {
    let dir = try Fixtures.scratchDirectory("conventions-\(name)")
    return try ProcessRunner.wsoa(arguments(input ?? self.input, dir.path) + extra, stdin: stdin)
  }

  /// The findings text of a run.
  func findings(_ result: ProcessRunner.Result) -> String {
    findingsOnStandardOutput ? result.stdout : result.stderr
  }

  static let cp1252 = Fixtures.url("trackers/excel-export-cp1252.csv").path
  static let master = Fixtures.url("merge/master.tsv").path
  static let ehcp = Fixtures.url("merge/returns/ehcp-return.tsv").path

  /// Every command that reads trackers.
  static let all: [ConventionCase] = [
    ConventionCase(
      name: "diff", input: cp1252, arguments: { ["diff", $0, ConventionCase.cp1252, "-o", $1 + "/changes.txt"] },
      findingsOnStandardOutput: false),
    ConventionCase(
      name: "report", input: cp1252, arguments: { ["report", $0, "--as-of", "2022-01-31", "-o", $1 + "/board.html"] },
      findingsOnStandardOutput: false),
    ConventionCase(name: "convert", input: cp1252, arguments: { ["convert", $0, "-o", $1 + "/out.json"] }, findingsOnStandardOutput: false),
    ConventionCase(
      name: "validate", input: cp1252, arguments: { input, _ in ["validate", input, "--as-of", "2022-01-31"] },
      findingsOnStandardOutput: true),
    ConventionCase(
      name: "merge", input: master, arguments: { ["merge", $0, ConventionCase.ehcp, "-o", $1 + "/merged.json", "--prefer", "return"] },
      findingsOnStandardOutput: false),
    ConventionCase(name: "dump", input: cp1252, arguments: { ["dump", $0, "-o", $1 + "/grid.csv"] }, findingsOnStandardOutput: false),
  ]
}

@Suite("CLI conventions: the same flags, output and exit codes on every command")
struct CLIConventionsTests {
  @Test(arguments: ConventionCase.all)
  func quietAndVerboseAreAcceptedInBothSpellings(_ command: ConventionCase) throws {
    let plain = try command.run()
    #expect(plain.status == 0, "\(plain.stderr)")
    for flag in ["-q", "--quiet"] {
      let quiet = try command.run([flag])
      #expect(quiet.status == plain.status, "\(flag): \(quiet.stderr)")
      #expect(!command.findings(quiet).contains("info["), "\(flag) still prints info findings")
      #expect(quiet.stderr.firstMatch(of: #/wsoa: \d+ files?, /#) == nil, "\(flag) still prints the tally")
    }
    for flag in ["-v", "--verbose"] {
      let verbose = try command.run([flag])
      #expect(verbose.status == plain.status, "\(flag): \(verbose.stderr)")
      #expect(verbose.stderr.firstMatch(of: #/wsoa: \d+ files?, \d+ errors?, \d+ warnings?, /#) != nil, "\(flag) prints no tally: \(verbose.stderr)")
    }
    #expect(try command.run(["-q", "-v"]).status == 64)
  }

  @Test(arguments: ConventionCase.all)
  func findingsAsJSONFollowTheOneSchema(_ command: ConventionCase) throws {
    // -v adds nothing to the document: its lines are text-only.
    let result = try command.run(["--format", "json", "-v"])
    #expect(result.status == 0, "\(result.stderr)")
    let text = command.findings(result)
    let data = Data(text.utf8)
    let schema = try JSONSchemaSubset(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("schemas/validate-report.schema.json"))
    #expect(try schema.problems(data) == [], "\(text)")
    let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(document["schema"] as? String == "wsoa-validate/1")
    let files = try #require(document["files"] as? [[String: Any]])
    #expect(files.contains { $0["file"] as? String == command.input })
    let findings = files.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
    #expect(!findings.isEmpty, "no findings in \(text)")
    #expect(try command.run(["--format", "xml"]).status == 64)
  }

  @Test(arguments: ConventionCase.all)
  func colourFollowsTheOneColorFlag(_ command: ConventionCase) throws {
    let always = try command.run(["--color", "always"])
    #expect(command.findings(always).contains("\u{1B}["), "--color always does not colour")
    // Standard error is a pipe here: auto and never print no escapes.
    for extra in [[], ["--color", "never"], ["--color", "auto"]] {
      let result = try command.run(extra)
      #expect(!result.stdout.contains("\u{1B}[") && !result.stderr.contains("\u{1B}["), "\(extra)")
    }
    #expect(try command.run(["--color", "sometimes"]).status == 64)
  }

  @Test(arguments: ConventionCase.all)
  func standardInputFromAndDelimiterWherever(_ command: ConventionCase) throws {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: command.input))
    let fromFile = try command.run()
    let fromStdin = try command.run(input: "-", stdin: bytes)
    #expect(fromStdin.status == fromFile.status, "\(fromStdin.stderr)")
    let format = command.input.hasSuffix(".tsv") ? "tsv" : "csv"
    let delimiter = format == "tsv" ? "tab" : "comma"
    let declared = try command.run(["--from", format, "--delimiter", delimiter], input: "-", stdin: bytes)
    #expect(declared.status == fromFile.status, "\(declared.stderr)")
    #expect(try command.run(["--delimiter", "colon"]).status == 64)
  }

  @Test(arguments: ConventionCase.all)
  func aMissingInputIs66WithTheOnePrefix(_ command: ConventionCase) throws {
    let result = try command.run(input: "/nonexistent/tracker.csv")
    #expect(result.status == 66, "\(result.stderr)")
    let line = result.stderr.split(separator: "\n").first { $0.contains("/nonexistent/tracker.csv") }
    #expect(line?.hasPrefix("wsoa: ") == true, "\(result.stderr)")
    #expect(line?.contains("error: ") == true)
  }

  @Test(arguments: ConventionCase.all)
  func anUnreadableInputIs65WithTheOnePrefix(_ command: ConventionCase) throws {
    let dir = try Fixtures.scratchDirectory("conventions-broken")
    let broken = dir.appendingPathComponent("broken.xlsx")
    try Data("PK\u{03}\u{04}not really a zip".utf8).write(to: broken)
    let result = try command.run(input: broken.path)
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").contains { $0.hasPrefix("wsoa: \(broken.path)") && $0.contains("error: ") }, "\(result.stderr)")
  }

  @Test(arguments: ConventionCase.all.filter { $0.name != "validate" })
  func anUnwritableOutputIs73(_ command: ConventionCase) throws {
    let args = command.arguments(command.input, "/nonexistent-folder/x")
    let result = try ProcessRunner.wsoa(args)
    #expect(result.status == 73, "\(result.stderr)")
    #expect(result.stderr.contains("wsoa: "), "\(result.stderr)")
  }

  @Test func validatesUnwritableReportIs73() throws {
    let result = try ProcessRunner.wsoa(["validate", ConventionCase.cp1252, "-o", "/nonexistent-folder/report.txt"])
    #expect(result.status == 73)
    #expect(result.stderr.hasPrefix("wsoa: "), "\(result.stderr)")
  }

  @Test(arguments: [["convert"], ["dump"]])
  func aMissingSheetIs66(_ command: [String]) throws {
    let workbook = Fixtures.url("trackers/one-sheet-per-priority.xlsx").path
    let result = try ProcessRunner.wsoa(command + [workbook, "--sheet", "No such sheet", "--to", "csv"])
    #expect(result.status == 66, "\(result.stderr)")
    #expect(result.stderr.hasPrefix("wsoa: "), "\(result.stderr)")
  }

  @Test(arguments: ConventionCase.all)
  func fixLinesAreIndentedFourSpaces(_ command: ConventionCase) throws {
    let text = command.findings(try command.run())
    let fixes = text.split(separator: "\n").filter { $0.contains("fix: ") }
    #expect(!fixes.isEmpty, "no fix line in \(text)")
    for line in fixes { #expect(line.hasPrefix("    fix: "), "\(line)") }
  }

  @Test(arguments: [("conver", "convert"), ("valdate", "validate"), ("mrege", "merge"), ("dmp", "dump")])
  func aMisspeltCommandGetsASuggestionAnd64(_ typo: String, _ meant: String) throws {
    let result = try ProcessRunner.wsoa([typo, "x.csv"])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("wsoa: error: unknown command '\(typo)'; did you mean '\(meant)'?"), "\(result.stderr)")
  }

  @Test func helpOfAnUnknownCommandIs64() throws {
    let bogus = try ProcessRunner.wsoa(["help", "bogus"])
    #expect(bogus.status == 64)
    #expect(bogus.stderr.hasPrefix("wsoa: error: unknown command 'bogus'"))
    let near = try ProcessRunner.wsoa(["help", "convet"])
    #expect(near.status == 64 && near.stderr.contains("did you mean 'convert'?"))
    let help = try ProcessRunner.wsoa(["help", "convert"])
    #expect(help.status == 0 && help.stdout.contains("USAGE: wsoa convert"))
  }

  @Test(arguments: ConventionCase.all)
  func helpListsTheSharedOptions(_ command: ConventionCase) throws {
    let help = try ProcessRunner.wsoa([command.name, "--help"]).stdout
    for option in ["-q, --quiet", "-v, --verbose", "--format <text|json>", "--color <color>", "--from <format>", "--delimiter <delimiter>"] {
      #expect(help.contains(option), "\(command.name) --help lacks \(option)")
    }
  }

  /// Every subcommand, as it runs with nothing to complain about, writing its output to `-o PATH`.
  static let everyCommand: [(name: String, run: @Sendable (_ output: String) -> [String])] = [
    ("convert", { ["convert", ConventionCase.master, "--to", "json", "-o", $0] }),
    ("validate", { ["validate", ConventionCase.master, "-o", $0] }),
    ("merge", { ["merge", ConventionCase.master, ConventionCase.ehcp, "--prefer", "return", "-o", $0] }),
    ("dump", { ["dump", ConventionCase.master, "-o", $0] }),
    ("diff", { ["diff", ConventionCase.master, ConventionCase.master, "-o", $0] }),
    ("report", { ["report", ConventionCase.master, "-o", $0] }),
    ("rules", { ["rules", "-o", $0] }),
    ("config", { ["config", "--show", Fixtures.url("merge").path, "-o", $0] }),
  ]

  /// What every subcommand accepts: `-q`/`-v` in both spellings (not together),
  /// `--color`, `--format`, and `-o` for its output, `-` being standard output.
  @Test(arguments: everyCommand.map(\.name))
  func everyCommandTakesTheSharedFlags(_ name: String) throws {
    let command = try #require(Self.everyCommand.first { $0.name == name })
    let dir = try Fixtures.scratchDirectory("conventions-every-\(name)")
    let file = dir.appendingPathComponent(name == "merge" ? "out.json" : name == "dump" ? "out.csv" : "out.txt").path
    let plain = try ProcessRunner.wsoa(command.run(file))
    #expect(plain.status == 0, "\(name): \(plain.stderr)")
    let written = try Data(contentsOf: URL(fileURLWithPath: file))
    #expect(!written.isEmpty, "\(name) -o wrote nothing")
    for flags in [["-q"], ["--quiet"], ["-v"], ["--verbose"], ["--color", "never"], ["--color", "always"], ["--color", "auto"]] {
      let run = try ProcessRunner.wsoa(command.run(file) + flags)
      #expect(run.status == plain.status, "\(name) \(flags): \(run.stderr)")
    }
    // - is standard output, byte for byte what the file got (merge's - is its JSON).
    if name != "merge" && name != "dump" {
      let standardOutput = try ProcessRunner.wsoa(command.run("-"))
      #expect(standardOutput.status == plain.status, "\(name) -o -: \(standardOutput.stderr)")
      if name != "report" { #expect(standardOutput.stdoutData == written, "\(name) -o - differs from -o FILE") }
    }
    #expect(try ProcessRunner.wsoa(command.run(file) + ["-q", "-v"]).status == 64, "\(name) -q -v")
    #expect(try ProcessRunner.wsoa(command.run(file) + ["--color", "sometimes"]).status == 64, "\(name) --color sometimes")
    #expect(try ProcessRunner.wsoa(command.run(file) + ["--format", "xml"]).status == 64, "\(name) --format xml")
    #expect(try ProcessRunner.wsoa(command.run("/nonexistent-folder/" + URL(fileURLWithPath: file).lastPathComponent)).status == 73, "\(name) unwritable -o")
    let help = try ProcessRunner.wsoa([name, "--help"]).stdout
    for option in ["-q, --quiet", "-v, --verbose", "--color <color>", "--format <text|json", "-o, --output"] {
      #expect(help.contains(option), "\(name) --help lacks \(option)")
    }
  }

  /// `--format json` on the commands whose output is their own document:
  /// one JSON document with its schema name, on standard output.
  @Test(arguments: [("rules", ["rules"], "wsoa-rules/1"), ("config", ["config", "--show"], "wsoa-config/1")])
  func documentCommandsWriteJSONWithTheirSchema(_ name: String, _ arguments: [String], _ schema: String) throws {
    let run = try ProcessRunner.wsoa(arguments + ["--format", "json", "-q"])
    #expect(run.status == 0, "\(name): \(run.stderr)")
    let document = try #require(try JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
    #expect(document["schema"] as? String == schema)
  }
}
