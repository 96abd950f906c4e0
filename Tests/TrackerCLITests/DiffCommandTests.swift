import Foundation
import TestSupport
import Testing
import TrackerKit

/// `wsoa diff` on the fixtures made for it (`fixtures/diff/`): every kind of
/// change in text and JSON, the same changes from CSV and XLSX, exit codes,
/// and the same bytes every time.
@Suite struct DiffCommandTests {
  static let folder = Fixtures.url("diff")

  /// Runs `wsoa diff` in `fixtures/diff/`, so the names in the output are the short ones.
  func diff(_ arguments: [String], stdin: Data? = nil) throws -> ProcessRunner.Result {
    try ProcessRunner.wsoa(["diff"] + arguments, stdin: stdin, in: Self.folder)
  }

  func expected(_ name: String) throws -> String {
    try String(decoding: Data(contentsOf: Self.folder.appendingPathComponent("expected/" + name)), as: UTF8.self)
  }

  /// The output without the `"tool"` line, which names the version.
  func withoutTool(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("\"tool\": ") }.joined(separator: "\n")
  }

  @Test(arguments: ["csv", "xlsx"]) func textReportMatchesTheExpectedFile(format: String) throws {
    let result = try diff(["old.\(format)", "new.\(format)"])
    #expect(result.status == 1, "\(result.stderr)")
    // Reading errors are shown, as merge shows them: here only the word outside the key.
    let errors = result.stderr.split(separator: "\n").filter { $0.contains("error[") }
    #expect(errors.count == 1 && errors[0].hasPrefix("new.\(format):") && errors[0].contains("error[status.unknown]: status \"Paused\""))
    #expect(result.stdout == (try expected("\(format).txt")))
  }

  @Test(arguments: ["csv", "xlsx"]) func jsonReportMatchesTheExpectedFileAndTheSchema(format: String) throws {
    let result = try diff(["old.\(format)", "new.\(format)", "--format", "json"])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(withoutTool(result.stdout) == withoutTool(try expected("\(format).json")))
    let schema = try JSONSchemaSubset(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("schemas/diff.schema.json"))
    #expect(try schema.problems(result.stdoutData) == [])
    let tool = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])["tool"]
    #expect(tool as? String == "wsoa \(WSOAVersion.current)")
  }

  /// Every kind of change the fixtures were made to show, read from the JSON.
  @Test(arguments: ["csv", "xlsx"]) func everyKindOfChangeIsReported(format: String) throws {
    let result = try diff(["old.\(format)", "new.\(format)", "--format", "json"])
    let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    #expect(json["identical"] as? Bool == false)
    #expect((json["periodsAdded"] as? [[String: Any]])?.map { $0["id"] as? String } == ["2022-03"])
    #expect((json["periodsRemoved"] as? [[String: Any]])?.map { $0["id"] as? String } == ["2019-12"])
    #expect((json["actionsAdded"] as? [[String: Any]])?.map { $0["key"] as? String } == ["4E"])
    #expect((json["actionsRemoved"] as? [[String: Any]])?.map { $0["key"] as? String } == ["6F"])
    let priority = try #require((json["prioritiesChanged"] as? [[String: Any]])?.first)
    #expect(priority["id"] as? String == "2")
    #expect((priority["overallStatus"] as? [String: Any])?["direction"] as? String == "improved")
    let changed = try #require(json["actionsChanged"] as? [[String: Any]])
    var byKey: [String: [String: Any]] = [:]
    for entry in changed { if let key = (entry["action"] as? [String: Any])?["key"] as? String { byKey[key] = entry } }
    #expect(changed.compactMap { ($0["action"] as? [String: Any])?["key"] as? String } == ["1.1A", "1.2C", "3.1F", "3.3C", "4D", "5C", "5F", "6E"])
    func statuses(_ key: String) -> [String] {
      ((byKey[key]?["statuses"] as? [[String: Any]]) ?? []).map { "\($0["periodId"] ?? "") \($0["direction"] ?? "")" }
    }
    func list(_ key: String, _ field: String, _ name: String) -> [String] {
      ((byKey[key]?[field] as? [[String: Any]]) ?? []).compactMap { $0[name] as? String }
    }
    #expect(statuses("1.1A") == ["2021-04 changed", "2021-12 set", "2022-03 steady"])
    #expect(statuses("1.2C") == ["2021-12 slipped", "2022-03 steady"])
    #expect(statuses("3.1F") == ["2022-03 improved"])
    #expect(statuses("4D") == ["2022-03 slipped"])
    #expect(statuses("5F") == ["2021-12 improved"])
    #expect(statuses("6E") == ["2021-04 cleared"])
    #expect(list("1.2C", "fields", "field") == ["text"])
    #expect(list("4D", "fields", "field") == ["leads"])
    #expect(list("5C", "fields", "field") == ["due"])
    #expect(list("5F", "fields", "field") == ["subGroup"])
    #expect(list("6E", "fields", "field") == ["impact"])
    #expect(list("3.1F", "notes", "kind") == ["added"])
    #expect(list("5F", "notes", "kind") == ["edited"])
    #expect(list("3.3C", "notes", "kind") == ["removed"])
    #expect(list("3.1F", "evidence", "kind") == ["added"])
    #expect(list("1.2C", "evidence", "kind") == ["removed"])
  }

  @Test func csvAndXLSXGiveTheSameChanges() throws {
    // Only the cells differ (CSV lines against XLSX sheet cells).
    let cell = try Regex(#" \((old )?(line \d+, )?('Priority 2'!)?[A-Z]+\d+\)$"#)
    func changes(_ format: String) throws -> String {
      try diff(["old.\(format)", "new.\(format)"]).stdout.split(separator: "\n").dropFirst(2)
        .map { $0.replacing(cell, with: "") }.joined(separator: "\n")
    }
    #expect(try changes("csv") == changes("xlsx"))
  }

  @Test(arguments: [["old.csv", "old.xlsx"], ["old.csv", "same.xlsx"], ["old.xlsx", "same.xlsx"], ["new.csv", "new.xlsx"]])
  func theSameTrackerWrittenDifferentlyIsIdentical(pair: [String]) throws {
    let result = try diff(pair)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout == "--- \(pair[0])\n+++ \(pair[1])\nno changes\n")
    let json = try diff(pair + ["--format", "json"])
    #expect(json.status == 0)
    let document = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
    #expect(document["identical"] as? Bool == true)
  }

  @Test func swappingTheFilesSwapsTheChanges() throws {
    let result = try diff(["new.csv", "old.csv", "--format", "json"])
    #expect(result.status == 1)
    let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    let counts = try #require(json["counts"] as? [String: Int])
    let forward = try #require(
      try JSONSerialization.jsonObject(with: diff(["old.csv", "new.csv", "--format", "json"]).stdoutData) as? [String: Any])
    let there = try #require(forward["counts"] as? [String: Int])
    #expect(counts["actionsAdded"] == there["actionsRemoved"] && counts["periodsAdded"] == there["periodsRemoved"])
    #expect(counts["notesAdded"] == there["notesRemoved"] && counts["evidenceAdded"] == there["evidenceRemoved"])
  }

  @Test func theSameInputsGiveTheSameBytes() throws {
    for arguments in [["old.xlsx", "new.csv"], ["old.xlsx", "new.csv", "--format", "json"]] {
      let first = try diff(arguments)
      let second = try diff(arguments)
      #expect(first.stdoutData == second.stdoutData && !first.stdoutData.isEmpty)
    }
  }

  @Test func readsStandardInputWithFrom() throws {
    let bytes = try Data(contentsOf: Self.folder.appendingPathComponent("new.csv"))
    let result = try diff(["old.csv", "-", "--from", "csv"], stdin: bytes)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("--- old.csv\n+++ <stdin>\n"))
    #expect(result.stdout.split(separator: "\n").dropFirst(2) == (try expected("csv.txt")).split(separator: "\n").dropFirst(2))
  }

  @Test func writesToAFileWithOutput() throws {
    let dir = try Fixtures.scratchDirectory("wsoa-diff")
    let out = dir.appendingPathComponent("changes.json").path
    let result = try ProcessRunner.wsoa(
      ["diff", Self.folder.appendingPathComponent("old.csv").path, Self.folder.appendingPathComponent("new.csv").path,
       "--format", "json", "-o", out])
    #expect(result.status == 1 && result.stdout == "")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
    #expect(json["schema"] as? String == "wsoa-diff/1")
  }

  @Test func exitCodesForBadUsageAndInputs() throws {
    #expect(try diff(["old.csv"]).status == 64)
    #expect(try diff(["old.csv", "new.csv", "--format", "yaml"]).status == 64)
    #expect(try diff(["-", "-"]).status == 64)
    #expect(try diff(["old.csv", "new.csv", "-o", "old.csv"]).status == 64)
    let missing = try diff(["old.csv", "no-such-file.csv"])
    #expect(missing.status == 66 && missing.stderr.contains("no-such-file.csv"), "\(missing.stderr)")
    #expect(missing.stdout == "")
    let dir = try Fixtures.scratchDirectory("wsoa-diff-bad")
    let notATracker = dir.appendingPathComponent("notes.csv")
    try Data("shopping,list\nmilk,eggs\n".utf8).write(to: notATracker)
    let corrupt = dir.appendingPathComponent("broken.xlsx")
    try Data("PK\u{3}\u{4}not really a zip".utf8).write(to: corrupt)
    for bad in [notATracker, corrupt] {
      let result = try diff(["old.csv", bad.path])
      #expect(result.status == 65 && result.stderr.contains(bad.lastPathComponent), "\(bad.lastPathComponent): \(result.stderr)")
    }
  }

  @Test func colourOnlyWhenAsked() throws {
    let plain = try diff(["old.csv", "new.csv"])
    #expect(!plain.stdout.contains("\u{1B}["))
    let always = try diff(["old.csv", "new.csv", "--color", "always"])
    #expect(always.stdout.contains("\u{1B}[1;31mslipped\u{1B}[0m") && always.stdout.contains("\u{1B}[1;32mimproved\u{1B}[0m"))
    let json = try diff(["old.csv", "new.csv", "--format", "json", "--color", "always"])
    #expect(!json.stdout.contains("\u{1B}["))
  }

  /// A wsoa/1 JSON written by `convert` is the same tracker as the file it came from.
  @Test func readsTrackerJSONAsTheSameTracker() throws {
    let dir = try Fixtures.scratchDirectory("wsoa-diff-json")
    let json = dir.appendingPathComponent("old.json").path
    let convert = try ProcessRunner.wsoa(["convert", Self.folder.appendingPathComponent("old.xlsx").path, "-o", json])
    #expect(convert.status == 0, "\(convert.stderr)")
    let same = try diff([json, "old.csv"])
    #expect(same.status == 0 && same.stdout.hasSuffix("no changes\n"), "\(same.stdout)\(same.stderr)")
    let changed = try diff([json, "new.xlsx", "--format", "json"])
    let expected = try diff(["old.xlsx", "new.xlsx", "--format", "json"])
    #expect(changed.status == 1)
    // Only the name of OLD differs.
    #expect(withoutTool(changed.stdout).replacingOccurrences(of: json, with: "old.xlsx") == withoutTool(expected.stdout))
  }

  @Test func aFileComparedWithItselfIsIdentical() throws {
    for file in ["old.csv", "new.xlsx", "same.xlsx"] {
      #expect(try diff([file, file]).status == 0)
    }
  }

  /// Improved and slipped follow the council's order, not the built-in one: the tracker's key says
  /// Green = Completed (so G ranks above A/G, moving towards green), and its wsoa.toml says what "Paused"
  /// means. `report --since` on the same two files sorts the moves the same way (one ranking,
  /// `LegendReading.rank`).
  @Test func directionsFollowTheCouncilsKeyAndWordsAsTheReportDoes() throws {
    let dir = try Fixtures.scratchDirectory("wsoa-diff-council-order")
    try """
      [statuses]
      "Paused" = "amber"

      """.write(to: dir.appendingPathComponent("wsoa.toml"), atomically: true, encoding: .utf8)
    // The merge fixture's master (its key: Green - Completed) with Dec-21 (column H) set per version.
    let master = try String(contentsOf: Fixtures.url("merge/master.tsv"), encoding: .utf8)
    func version(_ name: String, _ dec21: [String: String]) throws {
      let lines = master.components(separatedBy: "\n").map { line -> String in
        var cells = line.components(separatedBy: "\t")
        guard cells.count > 7, let value = dec21.first(where: { cells[1].hasPrefix($0.key) })?.value else { return line }
        cells[7] = value
        return cells.joined(separator: "\t")
      }
      try lines.joined(separator: "\n").write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    // 1.1A: G (complete, in this tracker's key), then A/G (amber moving towards green): slipped.
    // 1.2C: Paused (amber, in the council's words), then G: improved.
    try version("old.tsv", ["A. Co-produce and clearly define": "G", "C. Co-produce a SEND Strategy": "Paused"])
    try version("new.tsv", ["A. Co-produce and clearly define": "A/G", "C. Co-produce a SEND Strategy": "G"])

    let result = try ProcessRunner.wsoa(["diff", "old.tsv", "new.tsv", "--format", "json"], in: dir)
    #expect(result.status == 1, "\(result.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    var moves: [String: String] = [:]
    for changed in json["actionsChanged"] as? [[String: Any]] ?? [] {
      let key = (changed["action"] as? [String: Any])?["key"] as? String ?? ""
      for status in changed["statuses"] as? [[String: Any]] ?? [] where status["periodId"] as? String == "2021-12" {
        moves[key] = status["direction"] as? String
      }
    }
    #expect(moves == ["1.1A": "slipped", "1.2C": "improved"])
    // The built-in scale alone ranks G and A/G the same (green 3): 1.1A's slip is the key's.
    #expect(Status(raw: "G", rating: .green).rank == Status(raw: "A/G", rating: .amber, towards: .green).rank)

    // The report over the same two versions: 1.2C improved, 1.1A slipped, as diff says.
    let report = dir.appendingPathComponent("report.html")
    let made = try ProcessRunner.wsoa(["report", "new.tsv", "--since", "old.tsv", "-o", report.path], in: dir)
    #expect(made.status == 0, "\(made.stderr)")
    let html = try String(contentsOf: report, encoding: .utf8)
    func keys(_ heading: String) -> [String] {
      guard let table = html.components(separatedBy: "<caption>\(heading): ").dropFirst().first?.components(separatedBy: "</table>").first
      else { return [] }
      return table.components(separatedBy: "<th scope=\"row\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }
    #expect(keys("Status improved") == ["1.2C"])
    #expect(keys("Status slipped") == ["1.1A"])
  }
}
