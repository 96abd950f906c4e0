import Foundation
import TestSupport
import Testing
import TrackerModel

/// Every code `wsoa rules` lists has a small fixture where it fires and one
/// where it stays quiet: fixtures/rules/<code>/fires.* and quiet.* (written
/// by scripts/fixtures/rule-fixtures.py), or the fires/clean pair in
/// fixtures/validate/ for the rules over the plan. A file is checked with
/// `validate --format json`, a folder (master.tsv and returns) with `merge
/// --report -`. For a code another command reports, a `command` file (in a
/// folder fixture, else beside the file) replaces that command: its lines
/// are the arguments, `{input}` the fixture and `{scratch}` a scratch
/// folder. Every code any fixture run reports must be in the catalogue.
@Suite("rules: a fixture where each code fires and one where it stays quiet")
struct RuleFixtureTests {
  /// Codes with no fixture pair yet. A test fails when one of them gains a
  /// pair (take it off) and when a new code has neither (add a pair).
  static let withoutFixtures: Set<String> = []

  struct Pair: CustomTestStringConvertible, Sendable {
    let code: String
    let fires: URL
    let quiet: URL
    var testDescription: String { code }
  }

  /// The fixture pair of a code, if it has one.
  static func pair(_ code: String) -> Pair? {
    let files = FileManager.default
    let folder = Fixtures.url("rules/\(code)")
    if let names = try? files.contentsOfDirectory(atPath: folder.path),
      let fires = names.first(where: { $0.hasPrefix("fires") }), let quiet = names.first(where: { $0.hasPrefix("quiet") })
    {
      return Pair(code: code, fires: folder.appendingPathComponent(fires), quiet: folder.appendingPathComponent(quiet))
    }
    let validate = Fixtures.url("validate")
    guard let names = try? files.contentsOfDirectory(atPath: validate.path),
      let fires = names.first(where: { $0.hasPrefix("\(code).fires.") }),
      let clean = names.first(where: { $0.hasPrefix("\(code).clean.") })
    else { return nil }
    return Pair(code: code, fires: validate.appendingPathComponent(fires), quiet: validate.appendingPathComponent(clean))
  }

  static let pairs: [Pair] = RuleCatalogue.all.compactMap { pair($0.code) }

  /// The codes a run over a fixture reports, and its exit status.
  static func codes(_ fixture: URL) throws -> (codes: Set<String>, status: Int32, output: String) {
    var isFolder: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: fixture.path, isDirectory: &isFolder)
    let run: ProcessRunner.Result
    let commandFile = (isFolder.boolValue ? fixture : fixture.deletingLastPathComponent()).appendingPathComponent("command")
    if let command = try? String(contentsOf: commandFile, encoding: .utf8) {
      let scratch = try Fixtures.scratchDirectory("rule-fixture").path
      run = try ProcessRunner.wsoa(
        command.split(separator: "\n").map {
          $0.replacingOccurrences(of: "{input}", with: fixture.path).replacingOccurrences(of: "{scratch}", with: scratch)
        })
    } else if isFolder.boolValue {
      let names = try FileManager.default.contentsOfDirectory(atPath: fixture.path).sorted()
      let master = try #require(names.first { $0.hasPrefix("master.") })
      let out = try Fixtures.scratchDirectory("rule-fixture").appendingPathComponent("merged.json")
      run = try ProcessRunner.wsoa(
        ["merge", fixture.appendingPathComponent(master).path]
          + names.filter { $0 != master }.map { fixture.appendingPathComponent($0).path }
          + ["-o", out.path, "--report", "-", "--no-config"])
    } else {
      run = try ProcessRunner.wsoa(["validate", fixture.path, "--format", "json", "--as-of", "2022-06-30", "--no-config"])
    }
    var found: Set<String> = []
    let pattern = /"code" ?: ?"([^"]+)"/
    // `--format json` findings: validate's and merge's report on standard
    // output, other commands' on standard error.
    for match in (run.stdout + run.stderr).matches(of: pattern) { found.insert(String(match.1)) }
    return (found, run.status, run.stdout + run.stderr)
  }

  @Test func everyCodeHasAPairOrIsListedAsWithout() {
    for info in RuleCatalogue.all {
      let has = Self.pair(info.code) != nil
      #expect(has != Self.withoutFixtures.contains(info.code), "\(info.code): \(has ? "has fixtures: take it off withoutFixtures" : "add fixtures/rules/\(info.code)/fires.* and quiet.*")")
    }
    #expect(Self.withoutFixtures.isSubset(of: Set(RuleCatalogue.all.map(\.code))))
    for code in ["layout.period_unparsed", "layout.period_duplicate", "ref.missing", "ref.split_focus_area"] {
      #expect(Self.pair(code) != nil, "\(code)")
    }
  }

  @Test(arguments: pairs)
  func firesAndStaysQuiet(_ pair: Pair) throws {
    let fires = try Self.codes(pair.fires)
    #expect(fires.status == 0 || fires.status == 1, "\(pair.fires.lastPathComponent): exit \(fires.status)\n\(fires.output)")
    #expect(fires.codes.contains(pair.code), "\(pair.code) did not fire in \(pair.fires.path)")
    let quiet = try Self.codes(pair.quiet)
    #expect(quiet.status == 0 || quiet.status == 1, "\(pair.quiet.lastPathComponent): exit \(quiet.status)\n\(quiet.output)")
    #expect(!quiet.codes.contains(pair.code), "\(pair.code) fired in \(pair.quiet.path)")
    // Whatever else the runs report is listed too.
    let unlisted = fires.codes.union(quiet.codes).filter { RuleCatalogue.info($0) == nil }
    #expect(unlisted.isEmpty, "codes `wsoa rules` does not list: \(unlisted.sorted())")
  }
}
