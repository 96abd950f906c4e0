import Diagnostics
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// What each tracker fixture exercises (fixtures/trackers/make_trackers.py),
/// checked on the recognised plan rather than only against its golden JSON.
@Suite struct FixtureRecognitionTests {
  static func load(_ name: String) throws -> Outcome<Plan> {
    try TrackerLoader.load(Fixtures.url("trackers/" + name).path)
  }

  static func codes(_ outcome: Outcome<Plan>, _ code: String) -> [String] {
    outcome.diagnostics.filter { $0.code == code }.compactMap { $0.location?.cell?.a1 }
  }

  @Test func bragWithFinancialYearQuarters() throws {
    let outcome = try Self.load("brag-fy-quarters.xlsx")
    let plan = outcome.value
    #expect(plan.planType == .app && plan.version == "v4")
    #expect(plan.asAt == DateValue(year: 2024, month: 3, day: 31))
    #expect(plan.periods.map(\.kind) == [.quarterFY, .quarterFY, .quarterFY, .quarterFY])
    #expect(plan.periods.map(\.start) == [
      CivilDate(year: 2023, month: 4, day: 1), CivilDate(year: 2023, month: 7, day: 1),
      CivilDate(year: 2023, month: 10, day: 1), CivilDate(year: 2024, month: 1, day: 1),
    ])
    #expect(plan.periods.last?.end == CivilDate(year: 2024, month: 3, day: 31))
    #expect(plan.actions.map(\.key) == ["1.1A", "1.1B", "1.2C", "2.1A", "2.1B", "2.2"])
    #expect(plan.actions.map(\.priorityId) == ["1", "1", "1", "2", "2", "2"])
    // The BRAG key: Green means on track, not complete; Blue is embedded.
    let first = plan.actions[0].statuses.map(\.status)
    #expect(first.map(\.code) == ["A", "A", "G", "B"])
    #expect(first[2].completion == nil && first[2].label == "On track")
    #expect(first[3].completion == .embedded)
    // An empty status cell filled amber is read from its colour.
    let filled = plan.actions[2].statuses[2]
    #expect(filled.status.rating == .amber && filled.status.origin == .fill && filled.source?.cell?.a1 == "J8")
    // Notes on FY-quarter and day prefixes land in their quarters.
    #expect(plan.actions[0].notes.map(\.periodId) == ["2023/24-Q1", "2023/24-Q2", "2023/24-Q3", "2023/24-Q4"])
    #expect(plan.actions[1].notes[0].prefix == "Q2" && plan.actions[1].notes[0].date == nil)
    // "Q2:" has no year, but the plan has one Q2: the note is placed there.
    #expect(plan.actions[1].notes[0].periodId == "2023/24-Q2")
    // TBC means no lead; "As above" takes the previous row's.
    #expect(plan.actions[3].leads.isEmpty && plan.actions[3].leadsRaw == "TBC")
    #expect(plan.actions[2].leads.map(\.name) == ["Tom Ellery"])
    #expect(plan.actions[1].evidence.map(\.ref) == ["E1", "E3"])
    #expect(plan.actions[3].crossRefs.map(\.resolution) == [.resolved])
    #expect(plan.actions[5].dueDate == DateValue(year: 2025, month: 1, precision: .quarter))
    #expect(Self.codes(outcome, "evidence.empty_item") == ["M10"])
    #expect(Self.codes(outcome, "note.period_from_prefix") == ["L7"])
    #expect(Self.codes(outcome, "note.partial_date") == [])
    #expect(Self.codes(outcome, "date.invalid") == ["L8"])
    #expect(Self.codes(outcome, "lead.as_above") == ["D8"])
  }

  @Test func statusWordsWithISODatesOutOfOrder() throws {
    let outcome = try Self.load("words-iso-dates.xlsx")
    let plan = outcome.value
    #expect(plan.periods.map(\.id) == ["2023-09-30", "2023-12-31", "2024-03-31", "2024-06-30"])
    #expect(plan.periods.map(\.column) == [8, 6, 5, 7])
    #expect(Self.codes(outcome, "layout.periods_out_of_order") == ["F3", "H3"])
    // Statuses come in date order whatever the column order.
    #expect(plan.actions[0].statuses.map(\.status.rating) == [.grey, .amber, .green, .green])
    #expect(plan.actions[0].statuses[3].status.completion == .complete)
    #expect(plan.actions[2].statuses.map(\.status.rating) == [.grey, .red, .red, .unknown])
    #expect(Self.codes(outcome, "status.unknown") == ["G6"])
    #expect(Self.codes(outcome, "date.invalid") == ["I5"])
    #expect(plan.priorities.map(\.title) == ["Identification of need", "Joint commissioning"])
  }

  @Test func otherColumnOrderWithExtraColumns() throws {
    let outcome = try Self.load("reordered-extra-columns.xlsx")
    let plan = outcome.value
    #expect(plan.periods.map(\.label) == ["Dec-21", "Mar-22", "Jun-22"])
    #expect(plan.actions.map(\.key) == ["3.1A", "3.1B", "3.2A"])
    #expect(plan.actions.map(\.focusRef) == ["3.1", "3.1", "3.2"])
    #expect(plan.actions.map(\.percentComplete) == [100, 75, 50])
    #expect(plan.actions[0].extra.map(\.column) == ["Directorate", "Risk", "Last updated by", "Date added"])
    #expect(plan.actions[2].extra.map(\.value) == ["Communications", "3", "S. Oduya", "14/01/2022"])
    #expect(plan.actions[2].dueDate == DateValue(year: 2022, month: 6))
    // The hidden Dec-21 column is still read.
    #expect(plan.actions[1].statuses.map(\.status.code) == ["R", "A", "G"])
    #expect(Self.codes(outcome, "layout.unknown_column") == ["L1", "M1", "N1", "O1"])
  }

  @Test func oneSheetPerPriorityIsOnePlan() throws {
    let outcome = try Self.load("one-sheet-per-priority.xlsx")
    let plan = outcome.value
    #expect(plan.priorities.map(\.id) == ["1", "2"])
    #expect(plan.priorities.map { $0.overallStatus?.code } == ["A", "R"])
    #expect(plan.priorities.map(\.vision) == ["One strategy, owned by every partner.", "Support without waiting."])
    #expect(plan.periods.map(\.label) == ["Oct-23", "Jan-24", "Apr-24", "Jul-24"])
    #expect(plan.actions.map(\.key) == ["1.1A", "1.2B", "2.1A", "2.1B"])
    // Priority 1's sheet has no Jul-24 column: an empty status without a cell.
    #expect(plan.actions[0].statuses[3].source == nil && plan.actions[0].statuses[3].status.rating == .none)
    // The Key sheet's words apply; the evidence log sheet is read.
    #expect(plan.actions[0].statuses[0].status.label == "Some slippage")
    #expect(plan.evidenceLog.map(\.code) == ["E1", "E2", "E3", "E4", "E5"])
    #expect(plan.evidenceLog[0].fields["Owner"] == "Strategic Lead SEND")
    // A reference to another priority's action resolves across sheets.
    #expect(plan.actions[2].crossRefs.map(\.targetKey) == ["1.2B"])
    #expect(plan.actions[2].crossRefs.map(\.resolution) == [.resolved])
    // The Key sheet is read whole, so only the evidence log is kept verbatim.
    #expect(plan.unparsed.map(\.kind) == ["sheet"])
  }

  @Test func excelCSVInWindows1252() throws {
    let outcome = try Self.load("excel-export-cp1252.csv")
    #expect(outcome.diagnostics.first?.code == "csv.encoding_fallback")
    let plan = outcome.value
    #expect(plan.actions.map(\.key) == ["1.1", "1.2", "2.1"])
    #expect(plan.actions[0].text == "Rebuild the Local Offer website with families’ help.")
    #expect(plan.actions[0].notes.map(\.text).contains("Supplier chosen – budget £40,000."))
    #expect(plan.actions[0].leads.map(\.name) == ["Chloé Martin", "Digital Team"])
    #expect(plan.actions[0].subGroup == "Local Offer sub group")
    #expect(plan.priorities.map(\.id) == ["1", "2"])
    #expect(plan.actions[0].source?.description.hasSuffix("excel-export-cp1252.csv:2 (A2)") == true)
  }

  @Test func unicodeTextWithTerms() throws {
    let outcome = try Self.load("unicode-text-terms.txt")
    let plan = outcome.value
    #expect(plan.periods.map(\.kind) == [.term, .term, .term])
    #expect(plan.periods.map(\.id) == ["2022-autumn", "2023-spring", "2023-summer"])
    // `Autumn 2022: n/a` is dated by its term.
    #expect(plan.actions[0].notes.compactMap(\.periodId) == ["2022-autumn", "2023-spring", "2023-summer"])
    #expect(plan.actions[1].leads.map(\.name) == ["Head of Inclusion", "Virtual School"])
    #expect(plan.actions[1].crossRefs.map(\.targetKey) == ["4.1A"])
  }

  /// The council-shaped XLSX sample (merged cells, real month dates, fills)
  /// gives the same plan as the TSV export, cell for cell.
  @Test func sampleXLSXMatchesTheTSV() throws {
    let tsv = try TrackerLoader.load(Fixtures.sample("staffordshire-priority-2.tsv").path)
    let xlsx = try TrackerLoader.load(Fixtures.sample("staffordshire-priority-2.xlsx").path)
    let same = PlanComparison.same(xlsx.value, tsv.value, .xlsx)
    #expect(same.0, "\(same.1)")
    #expect(xlsx.value.actions.map { $0.statuses.map(\.source?.cell?.a1) } == tsv.value.actions.map { $0.statuses.map(\.source?.cell?.a1) })
    let tsvCodes = tsv.diagnostics.map(\.code).filter { $0 != "layout.ragged_row" }
    #expect(xlsx.diagnostics.map(\.code) == tsvCodes)
  }
}
