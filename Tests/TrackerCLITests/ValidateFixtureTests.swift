import Diagnostics
import Foundation
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// Every rule implemented over the plan, end to end on real files in
/// fixtures/validate/ (written by scripts/fixtures/validate-fixtures.py):
/// the `fires` tracker reports the code where expected.tsv says, the
/// `clean` one never reports it.
@Suite("validate: rule fixtures, fires and clean")
struct ValidateFixtureTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let code: String
    let fires: String
    let clean: String
    let place: String
    var testDescription: String { code }
  }

  static let cases: [Case] = {
    guard let text = try? String(contentsOf: Fixtures.url("validate/expected.tsv"), encoding: .utf8) else { return [] }
    return text.split(separator: "\n").dropFirst().map { line in
      let f = line.split(separator: "\t").map(String.init)
      return Case(code: f[0], fires: f[1], clean: f[2], place: f[3])
    }
  }()

  static let settings = ValidationSettings(
    asOf: CivilDate(year: 2022, month: 6, day: 30), today: CivilDate(year: 2022, month: 6, day: 30), discoversConfig: false)

  static func findings(_ name: String) -> FileValidation {
    TrackerValidation.validate(file: Fixtures.url("validate/\(name)").path, settings: settings, loader: TrackerValidation.defaultLoader)
  }

  @Test func everyRuleOverThePlanHasAFixture() {
    let covered = Set(Self.cases.map(\.code)).union(["output.cell_too_long"])
    let ruleCodes = Set(RuleCatalogue.all.filter { $0.source == .rule || $0.source == .writer }.map(\.code))
    #expect(covered == ruleCodes)
  }

  @Test(arguments: cases)
  func firesWhereExpected(_ item: Case) {
    let verdict = Self.findings(item.fires)
    #expect(verdict.failure == nil, "\(item.fires): \(verdict.failure?.message ?? "")")
    let places = verdict.findings.filter { $0.code == item.code }.compactMap { $0.location?.cell }
    if item.place.hasPrefix("row") {
      #expect(places.map(\.row) == [Int(item.place.dropFirst(3)) ?? 0], "\(item.code) in \(item.fires)")
    } else {
      #expect(places.map(\.a1) == [item.place], "\(item.code) in \(item.fires)")
    }
    #expect(verdict.findings.first { $0.code == item.code }?.location?.line != nil, "CSV findings name the line")
  }

  @Test(arguments: cases)
  func cleanDoesNotFire(_ item: Case) {
    let verdict = Self.findings(item.clean)
    #expect(verdict.failure == nil, "\(item.clean): \(verdict.failure?.message ?? "")")
    let hits = verdict.findings.filter { $0.code == item.code }
    #expect(hits.isEmpty, "\(item.code) fired in \(item.clean): \(hits.map(\.message))")
  }

  /// The CSV reader refuses a field over Excel's limit, so this one goes
  /// through a wsoa/1 JSON file holding a note that is too long.
  @Test func cellTooLongThroughAJSONFile() throws {
    let source = Fixtures.url("validate/status.gap.clean.tsv").path
    let loaded = try TrackerValidation.defaultLoader(source, TrackerConfig())
    let dir = try Fixtures.scratchDirectory("validate-long-cell")
    let clean = dir.appendingPathComponent("clean.json")
    try Data(PlanJSONWriter.bytes(loaded.value, findings: [])).write(to: clean)
    var plan = loaded.value
    plan.actions[0].notes[0].raw = "Jun 2021: " + String(repeating: "The sub group met again. ", count: 1400)
    let long = dir.appendingPathComponent("long.json")
    try Data(PlanJSONWriter.bytes(plan, findings: [])).write(to: long)
    let fires = TrackerValidation.validate(file: long.path, settings: Self.settings, loader: TrackerValidation.defaultLoader)
    #expect(fires.findings.filter { $0.code == "output.cell_too_long" }.map { $0.location?.cell?.a1 } == ["I3"])
    #expect(fires.count(.error) == 1)
    let passes = TrackerValidation.validate(file: clean.path, settings: Self.settings, loader: TrackerValidation.defaultLoader)
    #expect(passes.failure == nil)
    #expect(!passes.findings.contains { $0.code == "output.cell_too_long" })
  }

  /// Notes on two continuation rows, each cell well under the limit, share
  /// one cell of the cleaned workbook: validate reports what convert then
  /// refuses to write, and passes what it writes (fixtures/rules/output.cell_too_long).
  @Test func cellTooLongForNotesTheCleanedWorkbookJoins() throws {
    let dir = try Fixtures.scratchDirectory("validate-joined-notes")
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, tooLong) in [("fires", true), ("quiet", false)] {
      let input = Fixtures.url("rules/output.cell_too_long/\(name).tsv").path
      let verdict = TrackerValidation.validate(file: input, settings: Self.settings, loader: TrackerValidation.defaultLoader)
      let found = verdict.findings.filter { $0.code == "output.cell_too_long" }
      #expect(found.map { $0.location?.cell?.a1 } == (tooLong ? ["I2"] : []), "\(name): at the first notes cell")
      let convert = try ProcessRunner.wsoa(
        ["convert", input, "-o", dir.appendingPathComponent("\(name).xlsx").path, "--no-config", "-q"])
      #expect(convert.status == (tooLong ? 65 : 0), "\(name): \(convert.stderr)")
      #expect(convert.stderr.contains("output.cell_too_long") == tooLong, "\(name): \(convert.stderr)")
    }
  }
}
