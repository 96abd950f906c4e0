import Foundation
import TestSupport
import Testing

/// `wsoa convert` run as a user runs it: exit codes, the stdout/stderr split,
/// folders, formats.
@Suite struct ConvertCommandTests {
  static let seed = Fixtures.sample("staffordshire-priority-2.tsv").path
  static func tracker(_ name: String) -> String { Fixtures.url("trackers/" + name).path }

  @Test func jsonOnStandardOutputFindingsOnStandardError() throws {
    let result = try ProcessRunner.wsoa(["convert", Self.seed])
    #expect(result.status == 0)
    let document = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
    #expect(document?["schema"] as? String == "wsoa/1")
    #expect(result.stderr.contains("staffordshire-priority-2.tsv:14 (J14): warning[evidence.empty_item]"))
    #expect(result.stderr.contains("    fix: Remove the empty item or fill it in."))
    #expect(result.stderr.contains("info[layout.ragged_row]"))
    #expect(!result.stdout.contains("warning["))
  }

  @Test func quietHidesTheInterpretations() throws {
    let result = try ProcessRunner.wsoa(["convert", Self.seed, "-q", "--to", "csv"])
    #expect(result.status == 0)
    #expect(!result.stderr.contains("info["))
    #expect(result.stderr.contains("warning[evidence.empty_item]"))
    #expect(result.stdout.hasPrefix("Priority,Focus Area,Ref,Action,Lead,Impact measure,Dec-19,Jan-20,Apr-21,Dec-21"))
  }

  @Test func formatFromTheOutputExtension() throws {
    let dir = try Fixtures.scratchDirectory("wsoa-convert")
    for ext in ["json", "csv", "tsv", "xlsx"] {
      let out = dir.appendingPathComponent("seed.\(ext)").path
      let result = try ProcessRunner.wsoa(["convert", Self.seed, "-o", out, "-q"])
      #expect(result.status == 0, "\(ext): \(result.stderr)")
      #expect(result.stdout.isEmpty)
      let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
      switch ext {
      case "json": #expect(bytes.starts(with: Array("{\n  \"schema\": \"wsoa/1\"".utf8)))
      case "csv": #expect(bytes.starts(with: Array("Priority,Focus Area".utf8)))
      case "tsv": #expect(bytes.starts(with: Array("Priority\tFocus Area".utf8)))
      default: #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
      }
    }
  }

  @Test func longShape() throws {
    let result = try ProcessRunner.wsoa(["convert", Self.seed, "--to", "csv", "--shape", "long", "-q"])
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first?.hasPrefix("priority_id,priority_title,focus_ref,action_key,action,lead,period_id") == true)
    #expect(result.stdout.contains(",3.1F,"))
    #expect(result.stdout.contains(",2021-12,Dec-21,month,2021-12-01,2021-12-31,G/A,green,amber,,,amber,2,"))
  }

  @Test func aFolderConvertsIntoAnOutputFolder() throws {
    let out = try Fixtures.scratchDirectory("wsoa-convert").appendingPathComponent("out").path
    let result = try ProcessRunner.wsoa(["convert", Fixtures.url("trackers").path, "-o", out, "-q"])
    // words-iso-dates.xlsx holds a status outside the vocabulary: an error finding, so exit 1,
    // but every file is still written.
    #expect(result.status == 1)
    let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    // One JSON per tracker in the folder (the generators, README and expected/ are not trackers).
    let trackers = try FileManager.default.contentsOfDirectory(atPath: Fixtures.url("trackers").path)
      .filter { ["xlsx", "csv", "tsv", "txt"].contains(($0 as NSString).pathExtension) }
    #expect(trackers.count >= 6)
    #expect(names == trackers.map { ($0 as NSString).deletingPathExtension + ".json" }.sorted())
    #expect(result.stderr.contains("words-iso-dates.xlsx:Progress!G6: error[status.unknown]"))
  }

  @Test func severalInputsNeedAFolder() throws {
    let result = try ProcessRunner.wsoa(["convert", Self.seed, Self.tracker("brag-fy-quarters.xlsx")])
    #expect(result.status == 64)
    #expect(result.stderr.contains("give -o DIR"))
  }

  @Test func missingInputIs66() throws {
    let result = try ProcessRunner.wsoa(["convert", "no/such/tracker.xlsx"])
    #expect(result.status == 66)
    #expect(result.stderr.contains("no/such/tracker.xlsx"))
  }

  @Test func unreadableInputIs65() throws {
    let dir = try Fixtures.scratchDirectory("wsoa-convert")
    let bad = dir.appendingPathComponent("broken.xlsx")
    try Data("this is not a zip".utf8).write(to: bad)
    let json = dir.appendingPathComponent("other.json")
    try Data("{\"schema\": \"something/2\"}".utf8).write(to: json)
    for path in [bad.path, json.path] {
      let result = try ProcessRunner.wsoa(["convert", path])
      #expect(result.status == 65, "\(path): \(result.stderr)")
      #expect(result.stderr.contains(path))
    }
  }

  @Test func unwritableOutputIs73() throws {
    let result = try ProcessRunner.wsoa(["convert", Self.seed, "-o", "/nonexistent-folder/x/out.json", "-q"])
    #expect(result.status == 73)
    #expect(result.stderr.contains("/nonexistent-folder/x/out.json"))
  }

  @Test func xlsxNeedsAFile() throws {
    let result = try ProcessRunner.wsoa(["convert", Self.seed, "--to", "xlsx"])
    #expect(result.status == 64)
  }

  @Test func sheetSelection() throws {
    let result = try ProcessRunner.wsoa(["convert", Self.tracker("one-sheet-per-priority.xlsx"), "--sheet", "Priority 2", "--to", "csv", "-q"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("2.1A") && !result.stdout.contains("1.1A"))
    let missing = try ProcessRunner.wsoa(["convert", Self.tracker("one-sheet-per-priority.xlsx"), "--sheet", "Priority 9"])
    // A missing sheet is a missing input, 66, as in dump.
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("no sheet \"Priority 9\""))
  }

  @Test func aJSONDocumentConvertsBackWithoutRepeatingItsFindings() throws {
    let dir = try Fixtures.scratchDirectory("wsoa-convert")
    let json = dir.appendingPathComponent("seed.json").path
    _ = try ProcessRunner.wsoa(["convert", Self.seed, "-o", json, "-q"])
    let result = try ProcessRunner.wsoa(["convert", json, "--to", "csv"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.contains("3.1F"))
  }
}
