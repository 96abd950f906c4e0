import Foundation
import TestSupport
import Testing

/// Input as a user gives it, on every command: standard input (`-`), a file
/// whose name does not match its content, `--from` and `--delimiter`.
@Suite("input detection: the wsoa binary")
struct InputDetectionProcessTests {
  let tsv = Fixtures.sample("staffordshire-priority-2.tsv").path
  let xlsx = Fixtures.sample("staffordshire-priority-2.xlsx").path

  static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  @Test func convertReadsStandardInputLikeTheFile() throws {
    for input in [tsv, xlsx] {
      let file = try ProcessRunner.wsoa(["convert", input])
      let piped = try ProcessRunner.wsoa(["convert", "-"], stdin: try Self.bytes(input))
      #expect(file.status == 0 && piped.status == 0, "\(input): \(piped.stderr)")
      // The plan's id (and a CSV's sheet) come from the file name; standard input is named <stdin>.
      let expected = file.stdout.replacingOccurrences(of: input, with: "<stdin>")
        .replacingOccurrences(of: "\"staffordshire-priority-2\"", with: "\"<stdin>\"")
      #expect(piped.stdout == expected, "\(input) through standard input")
      #expect(piped.stderr.contains("<stdin>:") || input == xlsx)
    }
  }

  @Test func validateReadsStandardInputAndNamesIt() throws {
    let arguments = ["--as-of", "2022-01-31", "--no-config"]
    let file = try ProcessRunner.wsoa(["validate", tsv] + arguments)
    let piped = try ProcessRunner.wsoa(["validate", "-"] + arguments, stdin: try Self.bytes(tsv))
    #expect(piped.status == file.status)
    #expect(piped.stdout.contains("<stdin>:9 (H9): warning[status.regression_without_note]"))
    #expect(piped.stdout == file.stdout.replacingOccurrences(of: tsv, with: "<stdin>"))
  }

  @Test func dumpReadsStandardInput() throws {
    for input in [tsv, xlsx] {
      let file = try ProcessRunner.wsoa(["dump", input, "--to", "csv"])
      let piped = try ProcessRunner.wsoa(["dump", "-", "--to", "csv"], stdin: try Self.bytes(input))
      #expect(piped.status == 0, "\(piped.stderr)")
      #expect(piped.stdoutData == file.stdoutData, "\(input) through standard input")
    }
  }

  @Test func mergeReadsAReturnFromStandardInput() throws {
    let dir = try Fixtures.scratchDirectory("input-detection-merge")
    let master = Fixtures.url("merge/master.tsv").path
    let back = Fixtures.url("merge/returns/ehcp-return.tsv").path
    let fromFile = dir.appendingPathComponent("file.json").path
    let fromPipe = dir.appendingPathComponent("pipe.json").path
    let file = try ProcessRunner.wsoa(["merge", master, back, "--sub-group", "EHCP", "-o", fromFile])
    let piped = try ProcessRunner.wsoa(
      ["merge", master, "-", "--sub-group", "EHCP", "-o", fromPipe], stdin: try Self.bytes(back))
    #expect(piped.status == file.status, "\(piped.stderr)")
    // The return is named <stdin> where the file's path, name and sheet stood.
    let expected = try String(contentsOfFile: fromFile, encoding: .utf8).replacingOccurrences(of: back, with: "<stdin>")
      .replacingOccurrences(of: "ehcp-return.tsv", with: "<stdin>")
      .replacingOccurrences(of: "\"ehcp-return\"", with: "\"<stdin>\"")
    #expect(try String(contentsOfFile: fromPipe, encoding: .utf8) == expected)
  }

  /// The content decides: an XLSX saved as `.csv` or without an extension is read as XLSX,
  /// a TSV without an extension as TSV.
  @Test func theContentDecidesNotTheName() throws {
    let dir = try Fixtures.scratchDirectory("input-detection-names")
    for (source, names) in [(xlsx, ["tracker.csv", "tracker", "tracker.txt"]), (tsv, ["tracker", "tracker.dat"])] {
      let reference = try ProcessRunner.wsoa(["convert", source])
      for name in names {
        let copy = dir.appendingPathComponent(name).path
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: source, toPath: copy)
        for command in [["convert", copy], ["validate", copy, "--no-config", "--as-of", "2022-01-31"]] {
          let run = try ProcessRunner.wsoa(command)
          #expect(run.status == 0, "\(command): \(run.stderr)\(run.stdout)")
        }
        let converted = try ProcessRunner.wsoa(["convert", copy])
        let actions = { (text: String) in text.components(separatedBy: "\"ref\":").count }
        #expect(actions(converted.stdout) == actions(reference.stdout) && actions(reference.stdout) > 5, "\(name)")
      }
    }
  }

  @Test func fromAndDelimiterOnEveryCommand() throws {
    let dir = try Fixtures.scratchDirectory("input-detection-flags")
    let out = dir.appendingPathComponent("merged.json").path
    // Forcing the right separator changes nothing; forcing a wrong one loses the table.
    let right = try ProcessRunner.wsoa(["validate", tsv, "--no-config", "--as-of", "2022-01-31", "--delimiter", "tab"])
    #expect(right.status == 0)
    let wrong = try ProcessRunner.wsoa(["validate", tsv, "--no-config", "--as-of", "2022-01-31", "--delimiter", "pipe"])
    #expect(wrong.status == 1)
    #expect(wrong.stdout.contains("layout.no_header"))
    let convert = try ProcessRunner.wsoa(["convert", tsv, "--delimiter", "pipe"])
    #expect(convert.stderr.contains("layout.no_header"))
    let merge = try ProcessRunner.wsoa(
      ["merge", Fixtures.url("merge/master.tsv").path, Fixtures.url("merge/returns/ehcp-return.tsv").path,
       "--delimiter", "pipe", "-o", out])
    #expect(merge.status == 65)
    // --from decides what text is: text declared XLSX is refused on every command.
    for command in [["convert", "-"], ["validate", "-", "--no-config"], ["dump", "-"]] {
      let run = try ProcessRunner.wsoa(command + ["--from", "xlsx"], stdin: try Self.bytes(tsv))
      #expect(run.status == 65 || (command[0] == "validate" && run.status != 0), "\(command)")
      #expect((run.stderr + run.stdout).contains("declared an XLSX workbook but is not a zip archive"), "\(command)")
    }
    // A zip is XLSX whatever --from says.
    let zip = try ProcessRunner.wsoa(["convert", "-", "--from", "csv"], stdin: try Self.bytes(xlsx))
    #expect(zip.status == 0, "\(zip.stderr)")
  }

  @Test func standardInputIsReadOnce() throws {
    for command in [["convert", "-", "-"], ["validate", "-", "-"], ["merge", "-", "-", "-o", "x.json"]] {
      let run = try ProcessRunner.wsoa(command, stdin: Data("a,b\n".utf8))
      #expect(run.status == 64, "\(command): \(run.stderr)")
      #expect(run.stderr.contains("standard input"), "\(command)")
    }
  }
}
