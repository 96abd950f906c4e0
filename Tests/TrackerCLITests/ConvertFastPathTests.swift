import ArgumentParser
import TestSupport
import Testing

@testable import TrackerCLI

/// `wsoa convert`'s quick argument reader (`ConvertFastPath`) must agree with
/// ArgumentParser whenever it answers, and must leave everything it does not
/// understand exactly (help, errors, odd spellings) to ArgumentParser.
@Suite struct ConvertFastPathTests {
  /// What ArgumentParser makes of the same arguments: nil when it rejects
  /// them (or they ask for help, the version, another command).
  static func reference(_ arguments: [String]) -> ConvertRequest? {
    guard let command = try? WSOACommand.parseAsRoot(arguments) else { return nil }
    return (command as? ConvertCommand)?.request
  }

  @Test(arguments: [
    ["convert", "samples/staffordshire-priority-2.xlsx", "-o", "/tmp/o.json", "-q"],
    ["convert", "tracker.xlsx", "-o", "tracker.json", "--summary"],
    ["convert", "tracker.xlsx", "--to", "csv", "--shape", "long"],
    ["convert", "returns/", "-o", "cleaned/", "--to", "xlsx"],
    ["convert", "a.xlsx", "b.csv", "--output=out/", "--quiet", "--compact"],
    ["convert", "a.tsv", "--from", "tsv", "--sheet", "Q3", "--sheet=2", "--mixed-status", "between", "--bom"],
    ["convert", "-q", "a.xlsx", "--to=json", "b.xlsx", "-o", "dir"],
    ["convert", "a.xlsx"],
  ])
  func everydayShapesTakeTheFastPathAndAgree(arguments: [String]) throws {
    let fast = try #require(ConvertFastPath.request(for: arguments))
    #expect(fast == Self.reference(arguments))
  }

  @Test func theBenchmarkCommandReadsAsExpected() throws {
    let request = try #require(ConvertFastPath.request(for: ["convert", "in.xlsx", "-o", "out.json", "-q"]))
    #expect(request.inputs == ["in.xlsx"])
    #expect(request.output == "out.json")
    #expect(request.format == .json)
    #expect(request.quiet && !request.summary && !request.compact && !request.bom)
    #expect(request.shape == .wide && request.mixedStatus == .movingTowards)
    #expect(request.sheets.isEmpty && request.target == nil && request.source == nil)
  }

  @Test(arguments: [
    ["convert"],  // no input: ArgumentParser prints the usage
    ["convert", "--help"], ["convert", "-h"], ["convert", "help"], ["--version"], ["help", "convert"],
    ["dump", "a.xlsx"], ["validate", "a.xlsx"],
    ["convert", "a.xlsx", "-o", "-"],  // a value starting with "-"
    ["convert", "a.xlsx", "--to", "xlsx"],  // XLSX to standard output: a usage error
    ["convert", "a.xlsx", "--to", "pdf"], ["convert", "a.xlsx", "--shape", "tall"],
    ["convert", "a.xlsx", "-o"], ["convert", "a.xlsx", "--output="],
    ["convert", "a.xlsx", "-o", "x.json", "-o", "y.json"], ["convert", "a.xlsx", "-q", "--quiet"],
    ["convert", "a.xlsx", "--quiet=yes"], ["convert", "a.xlsx", "-qo", "x.json"], ["convert", "a.xlsx", "-o=x.json"],
    ["convert", "--", "a.xlsx"], ["convert", "a.xlsx", "--colour"], ["convert", ""],
    ["convert", "a.xlsx", "--generate-completion-script", "bash"],
  ])
  func everythingElseGoesToArgumentParser(arguments: [String]) {
    #expect(ConvertFastPath.request(for: arguments) == nil)
  }

  /// Random argument lists from a vocabulary of good and bad tokens: each one
  /// the fast path accepts, ArgumentParser reads into the same request.
  @Test func randomArgumentsAgreeWithArgumentParser() {
    let tokens = [
      "a.xlsx", "b.csv", "dir/", "c.json", "x=y.tsv", "help", "", "-", "--", "-o", "--output", "out.json",
      "out.xlsx", "out.csv", "--to", "json", "xlsx", "csv", "tsv", "pdf", "--to=csv", "--output=o.tsv",
      "--output=", "-o=x", "--shape", "long", "wide", "--shape=long", "--sheet", "Q3", "--sheet=2",
      "--from", "--from=json", "--mixed-status", "between", "moving-towards", "--mixed-status=between",
      "--compact", "--bom", "-q", "--quiet", "--summary", "--quiet=1", "-qo", "-h", "--help", "--version",
      "--strict", "convert", "dump", "résumé.xlsx", "—o", "-1", " ", "a b.csv",
    ]
    var random = SeededRandom(seed: 0x5EED_FA57)
    var accepted = 0
    for _ in 0..<4000 {
      let count = random.below(9)
      let arguments = ["convert"] + (0..<count).map { _ in tokens[random.below(tokens.count)] }
      guard let fast = ConvertFastPath.request(for: arguments) else { continue }
      accepted += 1
      #expect(fast == Self.reference(arguments), "\(arguments)")
    }
    // The vocabulary must exercise the fast path, not only its refusals.
    #expect(accepted > 200)
  }

  /// `wsoa --version` answers without ArgumentParser: the same text, status and stream.
  @Test func versionMatchesArgumentParser() throws {
    #expect(throws: (any Error).self) { try WSOACommand.parseAsRoot(["--version"]) }
    do {
      _ = try WSOACommand.parseAsRoot(["--version"])
    } catch {
      let failure = Failure(error)
      #expect(failure.status == 0 && failure.isForStandardOutput)
      #expect(failure.message == WSOACommand.version + "\n")
    }
    let result = try ProcessRunner.wsoa(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout == WSOACommand.version + "\n")
    #expect(result.stderr.isEmpty)
  }
}
