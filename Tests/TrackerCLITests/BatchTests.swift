import Foundation
import TestSupport
import Testing

@testable import TrackerCLI

/// Folders and several files on convert, validate and merge: output names
/// that never collide, one bad file reported while the rest go on, and the
/// closing tally.
@Suite("batch: folders, output names, one bad file, the tally")
struct BatchTests {
  static let tsv = Fixtures.sample("staffordshire-priority-2.tsv")
  static let xlsx = Fixtures.sample("staffordshire-priority-2.xlsx")

  /// A folder holding `p2.xlsx` and `p2.tsv` (the same tracker twice), `other.csv`, and what `extra` adds.
  func folder(_ extra: [String: Data] = [:]) throws -> URL {
    let dir = try Fixtures.scratchDirectory("batch-in")
    try FileManager.default.copyItem(at: Self.xlsx, to: dir.appendingPathComponent("p2.xlsx"))
    try FileManager.default.copyItem(at: Self.tsv, to: dir.appendingPathComponent("p2.tsv"))
    try FileManager.default.copyItem(at: Fixtures.url("trackers/header-synonyms.csv"), to: dir.appendingPathComponent("other.csv"))
    for (name, data) in extra { try data.write(to: dir.appendingPathComponent(name)) }
    return dir
  }

  func list(_ dir: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
  }

  @Test func outputNamesKeepTheExtensionOnlyWhenStemsCollide() {
    #expect(BatchInputs.outputNames(for: ["a/p2.xlsx", "a/p2.tsv", "a/other.csv"], extension: "json")
      == ["p2.xlsx.json", "p2.tsv.json", "other.json"])
    #expect(BatchInputs.outputNames(for: ["a/p2.tsv", "b/p2.tsv", "c/P2.TSV"], extension: "csv")
      == ["p2.tsv.csv", "p2.tsv-2.csv", "P2.TSV-3.csv"])
    #expect(BatchInputs.outputNames(for: ["-", "x/.hidden", "y/one.xlsx"], extension: "xlsx") == ["stdin.xlsx", ".hidden.xlsx", "one.xlsx"])
    // samples/ holds p.json, p.tsv, p.tsv.json and p.xlsx: a stem-named output meets a whole-name one.
    #expect(BatchInputs.outputNames(for: ["s/p.json", "s/p.tsv", "s/p.tsv.json", "s/p.xlsx"], extension: "json")
      == ["p.json.json", "p.tsv.json", "p.tsv-2.json", "p.xlsx.json"])
  }

  @Test func aFolderWithTheSameStemTwiceConvertsEveryFile() throws {
    let input = try folder()
    let out = try Fixtures.scratchDirectory("batch-out")
    let result = try ProcessRunner.wsoa(["convert", input.path, "-o", out.path, "-q"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try list(out) == ["other.json", "p2.tsv.json", "p2.xlsx.json"])
    // Both are the same tracker, each read from its own file.
    let fromTSV = try String(contentsOf: out.appendingPathComponent("p2.tsv.json"), encoding: .utf8)
    #expect(fromTSV.contains("p2.tsv"))
    #expect(try list(input) == ["other.csv", "p2.tsv", "p2.xlsx"], "inputs untouched")
  }

  @Test(arguments: ["/", ""])
  func oneInputIntoAFolder(_ slash: String) throws {
    let out = try Fixtures.scratchDirectory("batch-one")
    let target = slash.isEmpty ? out.path : out.appendingPathComponent("new").path + "/"
    let result = try ProcessRunner.wsoa(["convert", Self.tsv.path, "-o", target, "-q"])
    #expect(result.status == 0, "\(result.stderr)")
    let written = URL(fileURLWithPath: target).appendingPathComponent("staffordshire-priority-2.json")
    #expect(FileManager.default.fileExists(atPath: written.path), "\(written.path)")
    let dump = try ProcessRunner.wsoa(["dump", Self.tsv.path, "-o", out.path + "/"])
    #expect(dump.status == 0, "\(dump.stderr)")
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("staffordshire-priority-2.csv").path))
  }

  @Test func convertReportsTheBadFileAndConvertsTheRest() throws {
    let input = try folder(["broken.xlsx": Data("PK\u{03}\u{04}junk".utf8)])
    let out = try Fixtures.scratchDirectory("batch-out")
    let result = try ProcessRunner.wsoa(["convert", input.path, "-o", out.path, "-q", "--format", "text"])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(try list(out) == ["other.json", "p2.tsv.json", "p2.xlsx.json"])
    #expect(result.stderr.contains("wsoa: \(input.path)/broken.xlsx"))
    let missing = try ProcessRunner.wsoa(["convert", Self.tsv.path, "/nonexistent.csv", input.path + "/broken.xlsx", "-o", out.path, "-q"])
    #expect(missing.status == 66, "the worst wins: \(missing.stderr)")
  }

  @Test func validateTakesAFolderAndGoesOnPastABadFile() throws {
    let input = try folder(["broken.xlsx": Data("PK\u{03}\u{04}junk".utf8)])
    let result = try ProcessRunner.wsoa(["validate", input.path, "--as-of", "2022-01-31"])
    #expect(result.status == 65, "\(result.stderr)")
    for name in ["p2.xlsx", "p2.tsv", "other.csv"] {
      #expect(result.stdout.contains("\(input.path)/\(name): "), "\(name) not checked")
    }
    #expect(result.stdout.contains("broken.xlsx") && result.stdout.contains("unreadable"))
    #expect(result.stderr.contains("wsoa: \(input.path)/broken.xlsx"))
    #expect(result.stderr.contains("wsoa: 4 files (1 not read), "), "\(result.stderr)")
  }

  @Test func mergeTakesAFolderOfReturnsAndGoesOnPastABadOne() throws {
    let returns = try Fixtures.scratchDirectory("batch-returns")
    for name in ["ehcp-return.tsv", "gr-return.csv"] {
      try FileManager.default.copyItem(at: Fixtures.url("merge/returns/\(name)"), to: returns.appendingPathComponent(name))
    }
    let out = try Fixtures.scratchDirectory("batch-merged")
    let master = Fixtures.url("merge/master.tsv").path
    let clean = try ProcessRunner.wsoa(["merge", master, returns.path, "-o", out.path + "/a.json", "--prefer", "return"])
    #expect(clean.status == 0, "\(clean.stderr)")
    #expect(clean.stderr.contains("merged 2 returns"), "\(clean.stderr)")
    #expect(clean.stderr.contains("wsoa: 3 files, "), "\(clean.stderr)")
    try Data("{not json".utf8).write(to: returns.appendingPathComponent("broken.json"))
    let withBad = try ProcessRunner.wsoa(["merge", master, returns.path, "-o", out.path + "/b.json", "--prefer", "return"])
    #expect(withBad.status == 65, "\(withBad.stderr)")
    #expect(withBad.stderr.contains("merged 2 returns"))
    #expect(withBad.stderr.contains("wsoa: \(returns.path)/broken.json"))
    #expect(FileManager.default.fileExists(atPath: out.path + "/b.json"), "the readable returns are merged and written")
  }

  /// Under a pseudo-terminal (util-linux `script`) a batch shows `[n/N] file`
  /// as it goes, on every batch command; `-q` hides it.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")), arguments: ["convert", "validate", "merge"])
  func progressShowsOnATerminal(_ command: String) throws {
    let input = try folder()
    let out = try Fixtures.scratchDirectory("batch-out")
    let arguments: [String] =
      switch command {
      case "convert": ["convert", input.path, "-o", out.path]
      case "validate": ["validate", input.path]
      default: ["merge", Fixtures.url("merge/master.tsv").path, Fixtures.url("merge/returns").path, "-o", out.path + "/m.json"]
      }
    func onTerminal(_ extra: [String]) throws -> String {
      let line = ([ProcessRunner.wsoaURL.path] + arguments + extra).map { "'\($0)'" }.joined(separator: " ")
      var environment = ProcessInfo.processInfo.environment
      environment["TERM"] = "xterm"
      let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", line, "/dev/null"], environment: environment)
      return result.stdout + result.stderr
    }
    let shown = try onTerminal([])
    #expect(shown.contains("[1/") && shown.contains("[2/"), "\(shown.suffix(400))")
    #expect(try !onTerminal(["-q"]).contains("[1/"))
  }

  @Test func theTallyCountsFilesErrorsWarningsAndTime() throws {
    let input = try folder()
    let out = try Fixtures.scratchDirectory("batch-out")
    let result = try ProcessRunner.wsoa(["convert", input.path, "-o", out.path])
    let tally = try #require(result.stderr.split(separator: "\n").last.map(String.init))
    #expect(tally.wholeMatch(of: /wsoa: 3 files, \d+ errors?, \d+ warnings?, \d+\.\d\d s/) != nil, "\(tally)")
    // No progress when standard error is not a terminal.
    #expect(!result.stderr.contains("\r"))
    let quiet = try ProcessRunner.wsoa(["convert", input.path, "-o", out.path, "-q"])
    #expect(!quiet.stderr.contains("wsoa: 3 files"))
  }
}
