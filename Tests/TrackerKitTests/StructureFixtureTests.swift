import Diagnostics
import Foundation
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// Repeated and inherited structure, and other councils' header words
/// (fixtures/trackers/make_structure_trackers.py), checked on the
/// recognised plan.
@Suite struct StructureFixtureTests {
  static func load(_ name: String, options: LoadOptions = LoadOptions()) throws -> Outcome<Plan> {
    try TrackerLoader.load(Fixtures.url("trackers/" + name).path, options: options)
  }

  static func cells(_ diagnostics: [Diagnostic], _ code: String) -> [String] {
    diagnostics.filter { $0.code == code }.compactMap { $0.location?.cell?.a1 }
  }

  static let asOf = ValidationSettings(
    asOf: CivilDate(year: 2024, month: 1, day: 31), today: CivilDate(year: 2024, month: 1, day: 31), discoversConfig: false)

  @Test func mergedCellsBelongToEveryActionTheySpan() throws {
    let plan = try Self.load("repeated-merged-inherited.xlsx").value
    #expect(plan.actions.map(\.key) == ["1.1A", "1.1B", "1.2A", "1.2B", "2.1A", "1.1C", "1.3A"])
    let b = plan.actions[1]
    // E5:E6 (lead) and G5:G6 (due date): the second action's value is the
    // top-left cell's, and names that cell.
    #expect(b.leads.map(\.name) == ["Priya Shah"] && b.leads[0].source?.cell?.a1 == "E5")
    #expect(b.dueDate == DateValue(year: 2024, month: 3, day: 31) && b.dueSource?.cell?.a1 == "G5")
    // H9:H10: a status merged over two actions.
    #expect(plan.actions[3].statuses[0].status.code == "A" && plan.actions[3].statuses[0].source?.cell?.a1 == "H9")
    // The priority column merged over A5:A10 is still filled down, not repeated.
    #expect(plan.priorities.map(\.id) == ["1", "2"])
  }

  @Test func notesOrEvidenceOnlyRowsContinueTheActionAbove() throws {
    let outcome = try Self.load("repeated-merged-inherited.xlsx")
    let b = outcome.value.actions[1]
    #expect(b.notes.map { $0.source?.cell?.a1 } == ["J6", "J7"])
    #expect(b.notes[1].text == "First cohort booked for February.")
    #expect(b.evidence.map(\.text) == ["E2 training register"] && b.evidence[0].source?.cell?.a1 == "K8")
    #expect(Self.cells(outcome.diagnostics, "layout.continuation_row") == ["J7", "K8"])
    #expect(outcome.diagnostics.first { $0.code == "layout.continuation_row" }?.related.map(\.cell?.a1) == ["C6"])
    #expect(Self.cells(outcome.diagnostics, "ref.missing").isEmpty)
    #expect(Self.cells(outcome.diagnostics, "layout.trailing_block").isEmpty)
  }

  @Test func asAboveResolvesInEveryInheritableColumn() throws {
    let outcome = try Self.load("repeated-merged-inherited.xlsx")
    let plan = outcome.value
    // `Ditto` (sub-group), `"` (lead), `Same as above` (due date), `As above.` (evidence).
    #expect(plan.actions[1].subGroup == "Early Years sub-group" && plan.actions[1].subGroupSource?.cell?.a1 == "F5")
    let d = plan.actions[3]
    #expect(d.leads.map(\.name) == ["Tom Ellery"])
    #expect(d.subGroup == "Assessment sub-group" && d.subGroupSource?.cell?.a1 == "F9")
    #expect(d.dueDate == DateValue(year: 2023, month: 9, day: 30) && d.dueSource?.cell?.a1 == "G9")
    #expect(d.evidence.map(\.text) == ["E3 draft form"])
    #expect(Self.cells(outcome.diagnostics, "subgroup.as_above") == ["F6", "F10"])
    #expect(Self.cells(outcome.diagnostics, "due.as_above") == ["G10"])
    #expect(Self.cells(outcome.diagnostics, "lead.as_above") == ["E10"])
    #expect(Self.cells(outcome.diagnostics, "evidence.as_above") == ["K10"])
    #expect(outcome.diagnostics.first { $0.code == "subgroup.as_above" }?.message.hasPrefix("\"Ditto\"") == true)
  }

  @Test(arguments: [
    ("As above", true), ("AS ABOVE.", true), ("Ditto", true), ("ditto.", true), ("\"", true), ("Same as above", true),
    ("(same as above)", true), ("See above", true), ("As per above", true), ("Do.", true), ("Do", false),
    ("Above target", false), ("As above and beyond", false), ("Priya Shah", false),
  ])
  func asAbovePhrases(text: String, says: Bool) {
    #expect(AsAbove.says(text) == says)
  }

  @Test func aRepeatedFocusAreaHeadingHoldsTheRowsBelowIt() throws {
    let outcome = try Self.load("repeated-merged-inherited.xlsx")
    let plan = outcome.value
    #expect(plan.focusAreas.map(\.ref) == ["1.1", "1.2", "2.1", "1.3"])
    #expect(plan.focusAreas[0].repeatedAt.map(\.cell?.a1) == ["B12"])
    #expect(plan.actions.map(\.priorityId) == ["1", "1", "1", "1", "2", "1", "1"])
    #expect(plan.focusAreas.map(\.priorityId) == ["1", "1", "2", "1"])
    let verdict = TrackerValidation.validate(
      file: Fixtures.url("trackers/repeated-merged-inherited.xlsx").path, settings: Self.asOf, loader: TrackerValidation.defaultLoader)
    // Before, 1.1C was "under focus area 2.1" (the last heading the reader kept).
    #expect(verdict.findings.filter { $0.code == "ref.area_mismatch" }.map(\.message) == [])
    // Overdue actions are reported at the due-date cell that holds the date.
    #expect(Self.cells(verdict.findings, "action.overdue").allSatisfy { $0 == "G9" })
    #expect(!Self.cells(verdict.findings, "action.overdue").isEmpty)
  }

  @Test func priorityHeadingRowsRepeatAnywhere() throws {
    let outcome = try Self.load("priority-heading-rows.tsv")
    let plan = outcome.value
    #expect(plan.priorities.map(\.id) == ["1", "2"])
    #expect(plan.priorities.map(\.title) == ["Identification of need", "Joint commissioning"])
    #expect(plan.actions.map(\.key) == ["1.1A", "2.1A", "1.2A"])
    #expect(plan.actions.map(\.priorityId) == ["1", "2", "1"])
    #expect(plan.focusAreas.map(\.ref) == ["1.1", "2.1", "1.2"])
    #expect(plan.focusAreas.map(\.priorityId) == ["1", "2", "1"])
    #expect(outcome.diagnostics.filter { $0.severity != .info }.map(\.code) == [])
  }

  @Test func anotherCouncilsHeaderWords() throws {
    let outcome = try Self.load("header-synonyms.csv")
    let plan = outcome.value
    #expect(plan.actions.map(\.key) == ["1.1", "1.2", "2.1"])
    let a = plan.actions[1]
    #expect(a.text == "Run a parent carer forum drop-in every month.")
    #expect(a.leads.map(\.name) == ["Forum Chair", "Family Hub Manager"])
    #expect(a.accountable.map(\.name) == ["Head of SEND"])
    // `Workstream` beside a `Theme` column is the sub-group.
    #expect(a.subGroup == "Engagement" && plan.priorities.map(\.id) == ["1", "2"])
    #expect(a.dueDate == DateValue(year: 2024, month: 6, day: 30))
    #expect(a.impact == ["Attendance above 20 families a session."])
    #expect(a.notes.count == 1 && a.evidence.map(\.text) == ["E2 attendance log"])
    #expect(a.statuses.map(\.status.code) == ["R", "A"])
    #expect(Self.cells(outcome.diagnostics, "layout.unknown_column").isEmpty)
    #expect(a.extra.isEmpty)
  }

  @Test func twoColumnsClaimingOneField() throws {
    let outcome = try Self.load("header-claims.tsv")
    let a = outcome.value.actions[0]
    #expect(outcome.value.actions.map(\.key) == ["3.1", "3.2"])
    #expect(a.text == "Offer every Year 9 pupil with an EHC plan a careers interview.")  // `Milestone`
    #expect(a.leads.map(\.name) == ["Careers Adviser"])  // `Lead` before `Owner`
    #expect(a.accountable.map(\.name) == ["Head of Inclusion"])  // `Owner`, second, falls back to accountable
    #expect(a.focusRef == "3.1" && a.impact == ["Every Year 9 review has a careers section."])  // `Outcome` beside `Objective`
    #expect(a.dueDate == DateValue(year: 2024, month: 7, day: 31))  // `Milestone date`
    #expect(a.notes.map(\.text) == ["112 of 130 interviews held."])  // `Update` before `Comments`
    #expect(a.extra.map(\.column) == ["Comments"])
    #expect(Self.cells(outcome.diagnostics, "layout.unknown_column") == ["K1"])
  }

  @Test func headerWordsFromTheConfiguration() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-headers-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let csv = dir.appendingPathComponent("tracker.csv")
    try Data(
      ("Ref,Thing to do,Officer in charge,Go-live,Jun-23,Sep-23\r\n"
        + "1.1,Publish the Local Offer,Ana Lima,31/03/2023,A,G\r\n").utf8
    ).write(to: csv)
    // Without the council's words there is no action column, so no table.
    let plain = try TrackerLoader.load(csv.path)
    #expect(plain.value.actions.isEmpty && plain.diagnostics.contains { $0.code == "layout.no_header" })
    let config = try TrackerConfig.parse(
      "[headers]\n\"Thing to do\" = \"action\"\n\"Officer in charge\" = \"lead\"\n\"Go-live\" = \"due_date\"\n", path: "wsoa.toml")
    var options = LoadOptions()
    options.headerWords = config.headerWords
    let action = try #require(try TrackerLoader.load(csv.path, options: options).value.actions.first)
    #expect(action.text == "Publish the Local Offer" && action.leads.map(\.name) == ["Ana Lima"])
    #expect(action.dueDate == DateValue(year: 2023, month: 3, day: 31))
    // `wsoa validate` reads them from wsoa.toml beside the input.
    try Data("[headers]\n\"Thing to do\" = \"action\"\n".utf8).write(to: dir.appendingPathComponent("wsoa.toml"))
    let verdict = TrackerValidation.validate(
      file: csv.path, settings: ValidationSettings(today: CivilDate(year: 2023, month: 6, day: 30)),
      loader: TrackerValidation.defaultLoader)
    #expect(verdict.plan?.actions.map(\.key) == ["1.1"])
    #expect(throws: (any Error).self) { try TrackerConfig.parse("[headers]\n\"Go-live\" = \"deadline-ish\"\n", path: "wsoa.toml") }
  }
}
