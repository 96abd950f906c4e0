import Diagnostics
import Foundation
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// A small plan and recogniser diagnostics standing in for a read file, so
/// the façade is tested without the recogniser.
enum StubTracker {
  static func location(_ file: String, _ a1: String) -> Diagnostics.SourceLocation {
    let cell = CellAddress(a1: a1)
    return Diagnostics.SourceLocation(file: file, sheet: "Priority 2", cell: cell)
  }

  static func plan(file: String, latest: String = "G/A") -> Plan {
    var plan = Plan(id: "stub")
    let months = [(2021, 4, "Apr-21"), (2021, 12, "Dec-21")]
    for (offset, (year, month, label)) in months.enumerated() {
      plan.periods.append(
        Period(
          id: "\(year)-\(month)", label: label, kind: .month, start: CivilDate(year: year, month: month, day: 1),
          end: CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year)), column: 5 + offset,
          source: location(file, offset == 0 ? "E6" : "F6")))
    }
    var action = Action(key: "3.1F", focusRef: "3.1", priorityId: "2", letter: "F", text: "Do it", source: location(file, "B9"))
    action.leads = [Lead(raw: "Head of SEND", name: "Head of SEND", source: location(file, "C9"))]
    action.statuses = [
      PeriodStatus(periodId: "2021-4", status: Status(raw: "G", rating: .green), source: location(file, "E9")),
      PeriodStatus(periodId: "2021-12", status: latest == "G/A"
        ? Status(raw: "G/A", rating: .green, towards: .amber) : Status(raw: latest, rating: .unknown), source: location(file, "F9")),
    ]
    action.notes = [ProgressNote(date: DateValue(year: 2021, month: 4), text: "x", raw: "Apr 2021: x", source: location(file, "G9"))]
    action.evidence = [EvidenceItem(text: "Minutes", raw: "Minutes", source: location(file, "H9"))]
    plan.actions = [action]
    return plan
  }

  static let loader: TrackerValidation.Loader = { path, _ in
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    if text.hasPrefix("BROKEN") { throw StubError(description: "\(path): not a tracker") }
    let latest = text.trimmingCharacters(in: .whitespacesAndNewlines)
    var diagnostics: [Diagnostic] = [
      Diagnostic(code: "layout.ragged_row", severity: .info, message: "row 9 has 7 cells", location: location(path, "A9"))
    ]
    if latest != "G/A" {
      diagnostics.append(
        Diagnostic(code: "status.unknown", severity: .error, message: "status \"\(latest)\" is unknown", location: location(path, "F9")))
    }
    return Outcome(value: plan(file: path, latest: latest), diagnostics: diagnostics)
  }

  struct StubError: Error, CustomStringConvertible { let description: String }

  /// A folder with the named files (content = the Dec-21 status, or BROKEN).
  static func folder(_ files: [String: String], config: String? = nil) throws -> URL {
    let dir = try Fixtures.scratchDirectory("validate-facade-\(UUID().uuidString.prefix(8))")
    for (name, content) in files { try Data(content.utf8).write(to: dir.appendingPathComponent(name)) }
    if let config { try Data(config.utf8).write(to: dir.appendingPathComponent("wsoa.toml")) }
    return dir
  }
}

@Suite("validate: façade")
struct ValidateFacadeTests {
  let settings = ValidationSettings(today: CivilDate(year: 2022, month: 6, day: 1))

  @Test func combinesRecogniserAndRuleFindingsSorted() throws {
    let dir = try StubTracker.folder(["a.tsv": "G/A"])
    let verdict = TrackerValidation.validate(file: dir.appendingPathComponent("a.tsv").path, settings: settings, loader: StubTracker.loader)
    #expect(verdict.failure == nil)
    #expect(verdict.findings.map { "\($0.code)@\($0.location?.cell?.a1 ?? "")" }
      == ["layout.ragged_row@A9", "status.regression_without_note@F9", "status.mixed@F9"])
    #expect(verdict.passes)
    #expect(verdict.reading?.contains("X/Y read as X moving towards Y") == true)
  }

  @Test func councilVocabularyRereadsUnknownStatuses() throws {
    let dir = try StubTracker.folder(["a.tsv": "On track"], config: "[statuses]\n\"On track\" = \"green\"\n")
    let file = dir.appendingPathComponent("a.tsv").path
    let without = TrackerValidation.validate(file: file, settings: ValidationSettings(today: settings.today, discoversConfig: false), loader: StubTracker.loader)
    #expect(without.findings.contains { $0.code == "status.unknown" })
    #expect(!without.passes)
    let with = TrackerValidation.validate(file: file, settings: settings, loader: StubTracker.loader)
    #expect(!with.findings.contains { $0.code == "status.unknown" })
    let normalised = with.findings.first { $0.code == "status.normalised" }
    #expect(normalised?.message == "\"On track\" read as Green (council word from wsoa.toml)")
    #expect(normalised?.location?.cell?.a1 == "F9")
    #expect(with.passes)
    #expect(with.configPath?.hasSuffix("wsoa.toml") == true)
  }

  @Test func configRegradesAndStrictness() throws {
    let dir = try StubTracker.folder(
      ["a.tsv": "G/A"], config: "[validate]\nstrict = true\n[rules]\n\"status.mixed\" = \"off\"\n")
    let file = dir.appendingPathComponent("a.tsv").path
    let verdict = TrackerValidation.validate(file: file, settings: settings, loader: StubTracker.loader)
    #expect(!verdict.findings.contains { $0.code == "status.mixed" })
    #expect(verdict.strict)
    #expect(!verdict.passes)  // the regression warning fails under strict
    var cli = settings
    cli.strict = false
    cli.policy.regrade("status.regression_without_note", to: .info)
    let relaxed = TrackerValidation.validate(file: file, settings: cli, loader: StubTracker.loader)
    #expect(relaxed.passes)
    #expect(relaxed.findings.first { $0.code == "status.regression_without_note" }?.severity == .info)
  }

  @Test func oneBrokenFileDoesNotStopTheOthers() throws {
    let dir = try StubTracker.folder(["a.tsv": "G/A", "b.tsv": "BROKEN", "c.tsv": "Pink"])
    let files = ["a.tsv", "b.tsv", "missing.tsv", "c.tsv"].map { dir.appendingPathComponent($0).path }
    let verdicts = TrackerValidation.validate(files: files, settings: settings, loader: StubTracker.loader)
    #expect(verdicts.count == 4)
    #expect(verdicts[0].passes)
    #expect(verdicts[1].failure == .unreadable("\(files[1]): not a tracker"))
    #expect(verdicts[2].failure == .missing("\(files[2]): no such file"))
    #expect(verdicts[3].failure == nil)
    #expect(verdicts[3].count(.error) == 1)
  }

  @Test func badConfigFailsThatFileOnly() throws {
    let dir = try StubTracker.folder(["a.tsv": "G/A"], config: "[rules]\n\"nope.nope\" = \"off\"\n")
    let verdict = TrackerValidation.validate(file: dir.appendingPathComponent("a.tsv").path, settings: settings, loader: StubTracker.loader)
    guard case .badConfig(let message) = verdict.failure else {
      Issue.record("expected a config failure, got \(String(describing: verdict.failure))")
      return
    }
    #expect(message.hasSuffix("wsoa.toml:2:1: unknown rule code \"nope.nope\" (see `wsoa rules`)"))
  }
}
