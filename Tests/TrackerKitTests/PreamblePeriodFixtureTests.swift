import Diagnostics
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// The preamble, legend and period-heading fixtures
/// (fixtures/trackers/make_preamble_period_trackers.py): each is a class of
/// council tracker wsoa did not read before, checked on the recognised plan.
@Suite struct PreamblePeriodFixtureTests {
  static func load(_ name: String) throws -> Outcome<Plan> {
    try TrackerLoader.load(Fixtures.url("trackers/" + name).path)
  }

  static func cells(_ diagnostics: [Diagnostic], _ code: String) -> [String] {
    diagnostics.filter { $0.code == code }.compactMap { $0.location?.cell?.a1 }
  }

  static func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d) }

  @Test func positionAsAtAndOneLineBRAGKey() throws {
    let outcome = try Self.load("brag-key-position-as-at.csv")
    let plan = outcome.value
    #expect(plan.asAt == DateValue(year: 2023, month: 9, day: 30))
    #expect(plan.title == "Northbrook Local Area SEND Written Statement of Action")
    #expect(plan.statusScheme.map(\.code) == ["B", "R", "A", "G"])
    #expect(plan.statusScheme.map(\.rating) == [.blue, .red, .amber, .green])
    #expect(plan.statusScheme.map(\.label) == ["Complete and embedded", "Off track", "At risk", "On track"])
    #expect(plan.periods.map(\.id) == ["2023-03", "2023-06", "2023-09"])
    #expect(plan.periods.map(\.label) == ["RAG (Mar-23)", "Jun-23 RAG", "Sept 2023 RAG"])
    #expect(plan.actions[0].statuses.map(\.status.code) == ["A", "G", "B"])
    #expect(plan.actions[0].statuses[1].status.label == "On track")
    #expect(plan.actions[0].notes.map(\.periodId) == ["2023-06", "2023-09"])
    #expect(Self.cells(outcome.diagnostics, "layout.period_unparsed").isEmpty)
    #expect(Self.cells(outcome.diagnostics, "layout.unknown_column").isEmpty)
  }

  @Test func coverSheetStatusWordsKeyAndQuarterSpellings() throws {
    let outcome = try Self.load("status-key-quarters.xlsx")
    let plan = outcome.value
    #expect(plan.asAt == DateValue(year: 2024, month: 3, day: 28))
    #expect(plan.statusScheme.map(\.code) == ["Complete", "On track", "At risk", "Off track"])
    #expect(plan.statusScheme.map(\.rating) == [.green, .green, .amber, .red])
    #expect(plan.statusScheme[0].completion == .complete && plan.statusScheme[1].completion == nil)
    #expect(plan.periods.map(\.kind) == [.quarterFY, .quarterFY, .quarterFY, .quarterFY])
    #expect(plan.periods.map(\.id) == ["2023/24-Q1", "2023/24-Q2", "2023/24-Q3", "2023/24-Q4"])
    #expect(plan.periods.map(\.start) == [Self.date(2023, 4, 1), Self.date(2023, 7, 1), Self.date(2023, 10, 1), Self.date(2024, 1, 1)])
    #expect(plan.actions[0].statuses.map(\.status.code) == ["G", "G", "A", "Complete"])
    #expect(plan.actions[0].statuses.map(\.status.label) == ["On track", "On track", "At risk", "Complete"])
    // Q3 and March name one period each; Autumn spans Q2 and Q3.
    #expect(plan.actions[0].notes.map(\.prefix) == ["Q3", "March"])
    #expect(plan.actions[0].notes.map(\.periodId) == ["2023/24-Q3", "2023/24-Q4"])
    #expect(plan.actions[0].notes.allSatisfy { $0.date == nil })
    #expect(plan.actions[1].notes.map(\.periodId) == [nil])
    #expect(plan.actions[2].notes.map(\.periodId) == ["2023/24-Q2"])
    #expect(Self.cells(outcome.diagnostics, "note.period_from_prefix") == ["H4", "H4", "H6"])
    #expect(Self.cells(outcome.diagnostics, "note.partial_date") == ["H5"])
    #expect(Self.cells(outcome.diagnostics, "status.unknown").isEmpty)
  }

  @Test func swatchKeyTableSheetNameAsAtAndTerms() throws {
    let outcome = try Self.load("key-table-terms.xlsx")
    let plan = outcome.value
    #expect(plan.asAt == DateValue(year: 2023, month: 9))
    #expect(plan.title == "Westmoor SEND Improvement Plan")
    #expect(plan.statusScheme.map(\.code) == ["Red", "Amber", "Green", "Blue"])
    #expect(plan.statusScheme.map(\.label) == ["Delayed", "Some slippage", "On track", "Complete and embedded"])
    #expect(plan.statusScheme.map { $0.source?.cell?.a1 } == ["A3", "A4", "A5", "A6"])
    #expect(plan.periods.map(\.id) == ["2022-autumn", "2023-spring", "2023-summer", "2023-autumn-1"])
    #expect(plan.periods.map(\.end) == [Self.date(2022, 12, 31), Self.date(2023, 3, 31), Self.date(2023, 8, 31), Self.date(2023, 10, 31)])
    #expect(plan.actions[0].statuses.map(\.status.label) == ["Delayed", "Some slippage", "On track", "On track"])
    // The key's cells are not an overall status or unparsed preamble.
    #expect(plan.priorities.allSatisfy { $0.overallStatus == nil })
    #expect(!plan.unparsed.contains { $0.cells.contains { $0.text == "Delayed" } })
    #expect(plan.actions[0].notes.map(\.periodId) == ["2023-summer", "2023-autumn-1"])
    #expect(plan.actions[1].notes.map(\.periodId) == ["2023-spring"])
  }

  @Test func filledWordsKeyDateCellAsAtAndHalfTerms() throws {
    let outcome = try Self.load("filled-key-half-terms.xlsx")
    let plan = outcome.value
    #expect(plan.asAt == DateValue(year: 2024, month: 3, day: 14))
    #expect(plan.planType == .pap)
    #expect(plan.statusScheme.map(\.code) == ["Blue", "Green", "Amber", "Red"])
    #expect(plan.statusScheme.map(\.label) == ["Complete", "On track", "At risk", "Off track"])
    #expect(plan.periods.map(\.id) == ["2023-autumn-1", "2023-autumn-2", "2024-spring-1", "2024-spring-2"])
    #expect(plan.periods.map(\.start) == [Self.date(2023, 9, 1), Self.date(2023, 11, 1), Self.date(2024, 1, 1), Self.date(2024, 3, 1)])
    #expect(plan.actions[0].statuses.map(\.status.label) == ["At risk", "On track", "On track", "Complete"])
    #expect(plan.priorities.allSatisfy { $0.overallStatus == nil })
    #expect(plan.actions[0].notes.map(\.periodId) == ["2023-autumn-2", "2024-spring-2"])
    #expect(plan.actions[1].notes.map(\.periodId) == ["2024-spring-2"])
  }

  @Test func monthRangesAndAsAtInTheNextCell() throws {
    let outcome = try Self.load("month-ranges.tsv")
    let plan = outcome.value
    #expect(plan.asAt == DateValue(year: 2024, month: 3, day: 31))
    #expect(plan.periods.map(\.kind) == [.quarterFY, .quarterFY, .quarterFY, .quarterFY])
    #expect(plan.periods.map(\.id) == ["2023/24-Q1", "2023/24-Q2", "2023/24-Q3", "2023/24-Q4"])
    #expect(plan.periods.map(\.end) == [Self.date(2023, 6, 30), Self.date(2023, 9, 30), Self.date(2023, 12, 31), Self.date(2024, 3, 31)])
    #expect(plan.actions[0].notes.map(\.periodId) == ["2023/24-Q2", "2023/24-Q4"])
    // The label and its date are not kept as unparsed preamble.
    #expect(!plan.unparsed.contains { $0.cells.contains { $0.text.hasPrefix("Last updated") } })
  }

  /// A status column whose heading cannot be read is an error on that cell;
  /// its cells are kept, and the missing period does not make every later
  /// note "after the last review".
  @Test func unreadHeadingKeepsItsCellsWithoutCascade() throws {
    let outcome = try Self.load("unread-period-heading.tsv")
    let plan = outcome.value
    #expect(Self.cells(outcome.diagnostics, "layout.period_unparsed") == ["F1"])
    #expect(plan.periods.map(\.id) == ["2022-12", "2023-03"])
    #expect(plan.actions.map { $0.extra.map(\.value) } == [["G"], ["G"]])
    #expect(plan.unparsed.filter { $0.kind == Block.unreadPeriod }.map { $0.cells.map(\.text) } == [["RAG latest review"]])
    let options = ValidationOptions(today: Self.date(2024, 1, 1))
    let findings = Validator.validate(plan, options: options)
    #expect(!findings.contains { $0.code == "note.after_last_review" }, "\(findings.map(\.message))")
    // Without the marker (as before), every June and July note cascades.
    var lost = plan
    lost.unparsed.removeAll { $0.kind == Block.unreadPeriod }
    let cascade = Validator.validate(lost, options: options).filter { $0.code == "note.after_last_review" }
    #expect(cascade.count == 3)
  }

  @Test func asAtInALongTitleKeyLinesAndAFooterInTheActionColumn() throws {
    let outcome = try Self.load("key-lines-title-as-at.csv")
    let plan = outcome.value
    #expect(plan.asAt == DateValue(year: 2024, month: 3, day: 31))
    #expect(plan.title == "Southdale Local Area SEND Written Statement of Action progress report for the SEND Partnership Board")
    #expect(plan.statusScheme.map(\.code) == ["B", "G", "A", "R"])
    #expect(plan.statusScheme.map(\.label) == ["Complete and embedded", "On track", "Some slippage", "Off track"])
    #expect(plan.statusScheme.compactMap { $0.source?.cell?.a1 } == ["A4", "A5", "A6", "A7"])
    #expect(plan.priorities.map(\.id) == ["1", "2"])
    #expect(plan.actions.map(\.key) == ["1.1", "1.2", "2.1"])
    #expect(plan.actions[1].statuses.map(\.status.label) == ["On track", "Complete and embedded"])
    // The footer under the table, in the action column, is a footer.
    #expect(plan.unparsed.map(\.kind) == ["footer"])
    #expect(Self.cells(outcome.diagnostics, "layout.trailing_block") == ["A15"])
    #expect(Self.cells(outcome.diagnostics, "ref.missing").isEmpty)
  }

  @Test func swatchesWithWordsAndHeadingsInTheLeadColumn() throws {
    let outcome = try Self.load("swatch-words-lead-first.xlsx")
    let plan = outcome.value
    #expect(plan.asAt == DateValue(year: 2024, month: 2, day: 12))
    #expect(plan.title == "Eastbrook Priority Action Plan")
    // The meaning beside a swatch loses its colour word; the written word
    // wins over a mis-filled swatch (Red on an amber fill).
    #expect(plan.statusScheme.map(\.meaning) == ["complete", "on track", "at risk", "off track"])
    #expect(plan.statusScheme.map(\.rating) == [.blue, .green, .amber, .red])
    #expect(plan.priorities.map(\.id) == ["3", "4"])
    #expect(plan.actions.map(\.priorityId) == ["3", "3", "4"])
    #expect(plan.actions[1].statuses.map(\.status.label) == ["off track", "at risk"])
    #expect(plan.unparsed.isEmpty)
  }

  @Test func keySheetOfStatusWordLines() throws {
    let outcome = try Self.load("key-sheet-status-words.xlsx")
    let plan = outcome.value
    #expect(plan.statusScheme.map(\.label) == ["Complete", "On track", "At risk", "Off track"])
    #expect(plan.statusScheme.map(\.meaning) == ["finished and signed off", "progressing to plan", "may slip", "will miss its date"])
    #expect(plan.statusScheme.allSatisfy { $0.scope == .overall && $0.source?.sheet == "Key" })
    #expect(plan.actions[0].statuses[1].status.completion == .complete)
    // The Key sheet is read whole: not kept verbatim, not reported.
    #expect(plan.unparsed.isEmpty)
    #expect(Self.cells(outcome.diagnostics, "layout.trailing_block").isEmpty)
  }
}
