import ArgumentParser
import TestSupport
import Testing

@testable import TrackerCLI

/// `wsoa convert`'s arguments, read by ArgumentParser (the only parser): the
/// everyday shapes become the expected request, anything malformed is refused
/// with a usage error, and `--version` answers on standard output.
@Suite struct ConvertParsingTests {
  /// What ArgumentParser makes of `arguments`: nil when it rejects them (or
  /// they ask for help, the version, another command).
  static func parsed(_ arguments: [String]) -> ConvertRequest? {
    guard let command = try? WSOACommand.parseAsRoot(arguments) else { return nil }
    return (command as? ConvertCommand)?.request
  }

  @Test(arguments: [
    (["convert", "samples/staffordshire-priority-2.xlsx", "-o", "/tmp/o.json", "-q"],
     ConvertRequest(inputs: ["samples/staffordshire-priority-2.xlsx"], output: "/tmp/o.json", quiet: true)),
    (["convert", "tracker.xlsx", "-o", "tracker.json", "--summary"],
     ConvertRequest(inputs: ["tracker.xlsx"], output: "tracker.json", summary: true)),
    (["convert", "tracker.xlsx", "--to", "csv", "--shape", "long"],
     ConvertRequest(inputs: ["tracker.xlsx"], target: .csv, shape: .long)),
    (["convert", "returns/", "-o", "cleaned/", "--to", "xlsx"],
     ConvertRequest(inputs: ["returns/"], output: "cleaned/", target: .xlsx)),
    (["convert", "a.xlsx", "b.csv", "--output=out/", "--quiet", "--compact"],
     ConvertRequest(inputs: ["a.xlsx", "b.csv"], output: "out/", compact: true, quiet: true)),
    (["convert", "a.tsv", "--from", "tsv", "--sheet", "Q3", "--sheet=2", "--mixed-status", "between", "--bom"],
     ConvertRequest(inputs: ["a.tsv"], sheets: ["Q3", "2"], source: .tsv, mixedStatus: .between, bom: true)),
    (["convert", "-q", "a.xlsx", "--to=json", "b.xlsx", "-o", "dir"],
     ConvertRequest(inputs: ["a.xlsx", "b.xlsx"], output: "dir", target: .json, quiet: true)),
    (["convert", "a.xlsx"], ConvertRequest(inputs: ["a.xlsx"])),
  ])
  func everydayShapesParseIntoTheRequest(arguments: [String], expected: ConvertRequest) throws {
    #expect(Self.parsed(arguments) == expected)
  }

  @Test func theBenchmarkCommandReadsAsExpected() throws {
    let request = try #require(Self.parsed(["convert", "in.xlsx", "-o", "out.json", "-q"]))
    #expect(request.inputs == ["in.xlsx"])
    #expect(request.output == "out.json")
    #expect(request.format == .json)
    #expect(request.quiet && !request.summary && !request.compact && !request.bom)
    #expect(request.shape == .wide && request.mixedStatus == nil)
    #expect(request.sheets.isEmpty && request.target == nil && request.source == nil)
  }

  /// Malformed arguments are usage errors (exit 64), never a guessed request.
  @Test(arguments: [
    ["convert"],  // no input
    ["convert", "a.xlsx", "--to", "xlsx"],  // XLSX to standard output
    ["convert", "a.xlsx", "--to", "pdf"], ["convert", "a.xlsx", "--shape", "tall"],
    ["convert", "a.xlsx", "-o"],
    ["convert", "a.xlsx", "--quiet=yes"], ["convert", "a.xlsx", "--colour"],
  ])
  func malformedArgumentsAreUsageErrors(arguments: [String]) {
    #expect(Self.parsed(arguments) == nil)
    #expect(WSOACommand.run(arguments: arguments) == ExitStatus.usage.rawValue)
  }

  /// Help is help, not a conversion.
  @Test(arguments: [["convert", "--help"], ["convert", "-h"], ["help", "convert"]])
  func helpIsNotARequest(arguments: [String]) {
    #expect(Self.parsed(arguments) == nil)
  }

  /// `wsoa --version` prints the version on standard output and exits 0.
  @Test func versionIsPrintedOnStandardOutput() throws {
    do {
      _ = try WSOACommand.parseAsRoot(["--version"])
      Issue.record("--version parsed as a command")
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
