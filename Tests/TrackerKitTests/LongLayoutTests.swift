import Diagnostics
import Grid
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// Long exports (one row per action per period, fixtures/trackers/make_long_trackers.py)
/// are pivoted into the wide model; one sheet per priority keeps each sheet's preamble.
@Suite struct LongLayoutTests {
  /// The long and per-priority fixtures, with their expected JSON (GoldenTests).
  static let fixtures = [
    "long-sharepoint.csv", "long-sharepoint-wide-twin.csv", "long-as-at.tsv", "long-monthly.xlsx",
    "long-status-conflict.csv", "per-priority-preambles.xlsx",
  ]

  static func load(_ name: String) throws -> Outcome<Plan> {
    try TrackerLoader.load(Fixtures.url("trackers/" + name).path)
  }

  static func cells(_ outcome: Outcome<Plan>, _ code: String) -> [String] {
    outcome.diagnostics.filter { $0.code == code }.compactMap { $0.location?.cell?.a1 }
  }

  static func extra(_ action: Action, _ column: String) -> String? {
    action.extra.first { $0.column == column }?.value
  }

  @Test func sharePointCSVIsPivotedByRefAndPeriod() throws {
    let outcome = try Self.load("long-sharepoint.csv")
    let plan = outcome.value
    // Rows come newest period first; periods are ordered by date, actions by first appearance.
    #expect(plan.periods.map(\.id) == ["2023/24-Q1", "2023/24-Q2", "2023/24-Q3", "2023/24-Q4"])
    #expect(plan.periods.map(\.label) == ["Q1 2023/24", "Q2 2023/24", "Q3 2023/24", "Q4 2023/24"])
    #expect(plan.actions.map(\.key) == ["1.1A", "1.1B", "1.2A", "2.1A"])
    #expect(plan.actions.map(\.priorityId) == ["1", "1", "1", "2"])
    #expect(plan.actions[0].statuses.map(\.status.code) == ["A", "A", "G", "B"])
    // The status cells are the rows' own (Q1 is the last block, rows 14-17).
    #expect(plan.actions[0].statuses.map { $0.source?.cell?.a1 } == ["F14", "F10", "F6", "F2"])
    #expect(plan.actions[2].statuses[2].status.rating == Rating.none && plan.actions[2].statuses[2].source?.cell?.a1 == "F8")
    // Each row's update is a note of its period, dated at the period's precision.
    // Rows come newest first; the notes go in period order.
    let notes = plan.actions[0].notes
    #expect(notes.map(\.periodId) == ["2023/24-Q1", "2023/24-Q2", "2023/24-Q3", "2023/24-Q4"])
    #expect(notes.first?.date == DateValue(year: 2023, month: 4, precision: .quarter))
    #expect(notes.first?.text == "Workshop with partners held." && notes.first?.undated == false)
    #expect(notes.first?.source?.cell?.a1 == "G14")
    #expect(plan.actions[0].crossRefs.map(\.targetKey) == ["1.2A"])
    #expect(plan.actions.map { Self.extra($0, "Directorate") } == ["Children's Services", "Children's Services", "Education", "Education"])
    #expect(Self.cells(outcome, "layout.long_table") == ["E1"])
    #expect(Self.cells(outcome, "layout.period_unparsed").isEmpty)
    #expect(outcome.diagnostics.filter { $0.code == "note.undated" }.isEmpty)
  }

  /// The long export and the same content laid out wide read to the same
  /// plan (raw text and cells aside), with the same findings.
  @Test func longExportAndItsWideTwinGiveTheSamePlan() throws {
    let long = try Self.load("long-sharepoint.csv")
    let wide = try Self.load("long-sharepoint-wide-twin.csv")
    let same = PlanComparison.same(long.value, wide.value, .xlsx)
    #expect(same.0, "\(same.1)")
    let codes = { (o: Outcome<Plan>) in
      o.diagnostics.map(\.code).filter { !["layout.long_table", "layout.ragged_row"].contains($0) }.sorted()
    }
    #expect(codes(long) == codes(wide))
  }

  @Test func asAtDatesWithWordsAndAChangingOwner() throws {
    let outcome = try Self.load("long-as-at.tsv")
    let plan = outcome.value
    #expect(plan.periods.map(\.kind) == [.date, .date, .date])
    #expect(plan.periods.map(\.id) == ["2023-07-31", "2023-10-31", "2024-01-31"])
    #expect(plan.actions.map(\.key) == ["3.1A", "3.1B", "3.2A"])
    #expect(plan.actions[0].statuses.map(\.status.rating) == [.amber, .green, .green])
    #expect(plan.actions[0].statuses[2].status.completion == .complete)
    // A row not yet rated is a blank status, not a missing one.
    #expect(plan.actions[2].statuses.map(\.status.rating) == [.grey, .none, .green])
    // An update with its own date keeps it (and lands in its window).
    let dated = plan.actions[0].notes[1]
    #expect(dated.date == DateValue(year: 2023, month: 10, day: 15) && dated.periodId == "2023-10-31")
    // The owner changed at the last review: the first is used, the change is kept and reported.
    #expect(plan.actions[1].leads.map(\.name) == ["Lena Fischer"])
    #expect(Self.extra(plan.actions[1], "Owner (31/01/2024)") == "Sam Oduya")
    #expect(Self.cells(outcome, "layout.value_varies") == ["C5"])
    #expect(outcome.diagnostics.first { $0.code == "layout.value_varies" }?.related.map { $0.cell?.a1 } == ["C7"])
    #expect(plan.actions.map(\.subGroup) == ["Short breaks group", "Short breaks group", "Comms group"])
    // The variant ref is reported once per action, not once per row.
    #expect(Self.cells(outcome, "ref.normalised") == ["A2", "A5", "A8"])
  }

  @Test func monthlyXLSXWithFillsAndAPromotedCommentaryColumn() throws {
    let outcome = try Self.load("long-monthly.xlsx")
    let plan = outcome.value
    #expect(plan.periods.map(\.label) == ["Oct-23", "Jan-24", "Apr-24"])
    #expect(plan.periods.map(\.kind) == [.month, .month, .month])
    #expect(plan.priorities.map(\.id) == ["4"] && plan.priorities[0].title == "Inclusion in mainstream schools")
    #expect(plan.actions.map(\.key) == ["4.1A", "4.1B"])
    #expect(plan.actions[0].statuses.map(\.status.code) == ["A", "G", "B"])
    // An empty status cell filled amber is read from its colour, at its cell.
    let filled = plan.actions[1].statuses[1]
    #expect(filled.status.rating == .amber && filled.status.origin == .fill && filled.source?.cell?.a1 == "F5")
    #expect(Self.cells(outcome, "status.unknown") == ["F7"])
    // `Progress RAG` is the status column, so `Commentary` holds the updates.
    #expect(plan.actions[0].notes.map(\.text) == ["Two hubs open.", "Five hubs open.", "All hubs open."])
    #expect(plan.actions[0].notes.map(\.periodId) == ["2023-10", "2024-01", "2024-04"])
    #expect(plan.actions[1].leads.map(\.name) == ["Head of Inclusion", "Virtual School"])
    // A revised due date: the first is used, the revision kept.
    #expect(plan.actions[1].dueDate == DateValue(year: 2024, month: 7, day: 31))
    #expect(Self.extra(plan.actions[1], "Due date (Apr-24)") == "31/12/2024")
    #expect(Self.cells(outcome, "layout.unknown_column").isEmpty)
    #expect(Self.cells(outcome, "layout.long_table") == ["E1"])
  }

  @Test func twoStatusesForOnePeriodAreAnErrorNamingBothRows() throws {
    let outcome = try Self.load("long-status-conflict.csv")
    let plan = outcome.value
    let conflicts = outcome.diagnostics.filter { $0.code == "layout.status_conflict" }
    #expect(conflicts.count == 1)
    #expect(conflicts.first?.severity == .error)
    #expect(conflicts.first?.location?.cell?.a1 == "E6" && conflicts.first?.related.map { $0.cell?.a1 } == ["E3"])
    #expect(conflicts.first?.message.contains("rows 3 and 6") == true)
    // The first status is used; the other is kept, and both updates are notes of Dec-23.
    #expect(plan.actions[0].statuses.map(\.status.code) == ["A", "G"])
    #expect(Self.extra(plan.actions[0], "RAG status (Dec-23)") == "A")
    #expect(plan.actions[0].notes.filter { $0.periodId == "2023-12" }.map(\.text) == ["Dashboard live.", "Dashboard delayed."])
    // `G` and `Green` twice for one period is no conflict; the repeated update is one note.
    #expect(plan.actions[1].statuses.map(\.status.code) == ["R", "G"])
    #expect(plan.actions[1].notes.filter { $0.periodId == "2023-12" }.count == 1)
    // A row whose period is not one keeps its status as an extra field.
    #expect(Self.cells(outcome, "layout.period_unparsed") == ["D8"])
    #expect(Self.extra(plan.actions[1], "RAG status (TBC)") == "A")
  }

  @Test func eachPrioritySheetKeepsItsOwnPreamble() throws {
    let outcome = try Self.load("per-priority-preambles.xlsx")
    let plan = outcome.value
    #expect(plan.title == "Northshire SEND Written Statement of Action - progress tracker")
    #expect(plan.asAt == DateValue(year: 2023, month: 11, day: 30))
    #expect(plan.priorities.map(\.id) == ["1", "2"])
    #expect(plan.priorities.map(\.title) == [
      "Leaders have not established a shared strategy.", "Children wait too long for specialist support.",
    ])
    #expect(plan.priorities.map(\.description) == [
      "Partners do not yet agree what good looks like for children with SEND.",
      "Waiting lists for therapy and assessment are the longest in the region.",
    ])
    #expect(plan.priorities.map(\.vision) == ["One strategy, owned by every partner.", "Support without waiting."])
    #expect(plan.priorities.map { $0.overallStatus?.code } == ["A", "R"])
    #expect(plan.priorities.map { $0.source?.cell?.a1 } == ["A2", "A2"])
    // The plan's as-at is the first sheet's; the second sheet's own is kept on its priority.
    #expect(plan.priorities.map(\.asAt) == [nil, DateValue(year: 2024, month: 1, day: 31)])
    // The second sheet's own title is kept, not dropped.
    let kept = plan.unparsed.filter { $0.kind == "preamble" }.flatMap(\.cells)
    #expect(kept.map(\.text) == ["Northshire SEND Written Statement of Action - Priority 2 tracker"])
    #expect(kept.first?.source?.sheet == "Priority 2")
  }

  /// A sheet whose only priority label is its name takes its heading and
  /// the line below it from its own preamble; text further down stays kept.
  @Test func aSheetNamedAfterItsPriorityTakesItsHeadingFromItsPreamble() throws {
    func sheet(_ name: String, _ heading: String) -> Sheet {
      let rows: [[CellValue]] = [
        [.text(heading)], [.text("Why it matters: families told us so.")], [], [.text("Next review in spring")],
        [.text("Ref"), .text("Action"), .text("Lead"), .text("Dec-23")],
        [.text(name == "Priority 3" ? "3.1" : "4.1"), .text("Do the thing."), .text("Ana Lima"), .text("G")],
      ]
      return Sheet(name: name, rows: rows.enumerated().map { Row(number: $0.offset + 1, values: $0.element) })
    }
    let workbook = Workbook(sheets: [sheet("Priority 3", "Health needs are missed."), sheet("Priority 4", "Transitions start late.")])
    let plan = try Recogniser.recognise(workbook, file: "book.xlsx").value
    #expect(plan.priorities.map(\.id) == ["3", "4"])
    #expect(plan.priorities.map(\.title) == ["Health needs are missed.", "Transitions start late."])
    #expect(plan.priorities.map(\.description) == ["Why it matters: families told us so.", "Why it matters: families told us so."])
    #expect(plan.priorities.map { $0.source?.description.hasSuffix("!A1") } == [true, true])
    #expect(plan.unparsed.flatMap(\.cells).map(\.text) == ["Next review in spring", "Next review in spring"])
  }

  /// Validation judges a priority's notes (and due dates) against its own
  /// sheet's as-at date: Priority 2's January note is not "future".
  @Test func notesAreJudgedAgainstTheirPrioritysAsAt() throws {
    var plan = try Self.load("per-priority-preambles.xlsx").value
    let today = CivilDate(year: 2030, month: 1, day: 1)
    #expect(!Validator.validate(plan, options: ValidationOptions(today: today)).contains { $0.code == "note.future" })
    plan.priorities[1].asAt = nil
    let future = Validator.validate(plan, options: ValidationOptions(today: today)).filter { $0.code == "note.future" }
    #expect(future.map { $0.location?.cell?.a1 } == ["F8"])
  }

  /// Without a ref column, rows are one action when their text is the same
  /// (a key from the row number would make every row an action), and the
  /// missing ref is reported once per action.
  @Test func withoutARefColumnRowsAreGroupedByTheirText() throws {
    let grid = GridLiteral.tsv("""
      Action\tOwner\tMonth\tRAG\tCommentary
      Open a SEND hub.\tAna Lima\tNov-23\tA\tSite found.
      Train staff.\tSam Oduya\tNov-23\tR\t
      Open a SEND hub.\tAna Lima\tDec-23\tG\tHub open.
      Train staff.\tSam Oduya\tDec-23\tA\tHalf trained.
      """)
    let outcome = try Recogniser.recognise(grid, file: "export.tsv", options: RecogniserOptions(isDelimited: true))
    let plan = outcome.value
    #expect(plan.actions.map(\.text) == ["Open a SEND hub.", "Train staff."])
    #expect(plan.actions.map { $0.statuses.map(\.status.code) } == [["A", "G"], ["R", "A"]])
    #expect(plan.actions[0].notes.map(\.periodId) == ["2023-11", "2023-12"])
    #expect(Self.cells(outcome, "ref.missing") == ["A2", "A3"])
  }

  /// A RAG column beside a workflow `Status` column holds the statuses; the
  /// `Status` column is an extra field, not a missing period.
  @Test func aRAGColumnWinsOverAWorkflowStatusColumn() throws {
    let grid = GridLiteral.tsv("""
      ID\tAction\tStatus\tReporting period\tRAG\tLatest update
      7.1\tAudit EHC plans.\tIn progress\tQ1 2024/25\tA\tAudit started.
      7.1\tAudit EHC plans.\tCompleted\tQ2 2024/25\tG\tAudit done.
      """)
    let outcome = try Recogniser.recognise(grid, file: "export.tsv", options: RecogniserOptions(isDelimited: true))
    let plan = outcome.value
    #expect(plan.actions.map(\.key) == ["7.1"])
    #expect(plan.actions[0].statuses.map(\.status.code) == ["A", "G"])
    #expect(plan.actions[0].extra.map(\.column) == ["Status", "Status (Q2 2024/25)"])
    #expect(Self.cells(outcome, "layout.period_unparsed").isEmpty)
    #expect(Self.cells(outcome, "layout.unknown_column") == ["C1"])
    #expect(Self.cells(outcome, "layout.value_varies") == ["C2"])
  }

  /// Generated tables: the same random content laid out wide and long (rows
  /// in a shuffled order, period and status headers in several vocabularies)
  /// reads to the same plan.
  @Test(arguments: 0..<32)
  func generatedLongAndWideAgree(seed: UInt64) throws {
    var random = SeededRandom(seed: seed &* 7919 &+ 17)
    let periodHeaders = ["Period", "Reporting period", "Review", "Review date", "As at", "Date", "Update date"]
    let statusHeaders = ["Status", "RAG", "RAG rating", "BRAG status", "Rating"]
    let updateHeaders = ["Update", "Progress", "Commentary", "Progress update", "Latest update"]
    // The periods' grammar: FY quarters, months or review days, as text or
    // (in the long table) as date cells the way Excel holds them.
    let grammar = random.below(3)
    let quarters: [String] = [
      ["Q1 2022/23", "Q2 2022/23", "Q3 2022/23", "Q4 2022/23", "Q1 2023/24"],
      ["Nov-22", "Dec-22", "Jan-23", "Feb-23", "Mar-23"],
      ["30/11/2022", "31/12/2022", "31/01/2023", "28/02/2023", "31/03/2023"],
    ][grammar]
    let dateCells = grammar > 0 && random.below(2) == 0
    func periodCell(_ p: Int) -> CellValue {
      guard dateCells else { return .text(quarters[p]) }
      let month = (10 + p) % 12 + 1
      let year = month >= 11 ? 2022 : 2023
      let day = [1: 31, 2: 28, 3: 31, 11: 30, 12: 31][month] ?? 1
      return .date(DateCell(year: year, month: month, day: grammar == 1 ? 1 : day, display: grammar == 1 ? .month : .date))
    }
    let codes = ["R", "A", "G", "B", "", "Green", "Amber", "On track", "At risk", "Off track"]
    let periodCount = 2 + random.below(4)
    let actionCount = 2 + random.below(6)
    var content: [(ref: String, text: String, lead: String, cells: [(status: String, update: String)])] = []
    for a in 0..<actionCount {
      let cells = (0..<periodCount).map { p -> (String, String) in
        let update = random.below(3) == 0 ? "" : "Update \(a)-\(p) on step \(random.below(100))."
        return (codes[random.below(codes.count)], update)
      }
      content.append(("\(1 + a / 3).\(1 + a % 3)\(["A", "B", "C"][a % 3])", "Action number \(a).", "Lead \(a % 2)", cells))
    }
    let update = updateHeaders[random.below(updateHeaders.count)]
    var wide: [[CellValue]] = [[.text("Ref"), .text("Action"), .text("Lead")] + quarters.prefix(periodCount).map { .text($0) } + [.text(update)]]
    for c in content {
      let notes = c.cells.enumerated().filter { !$0.element.update.isEmpty }.map { "\(quarters[$0.offset]): \($0.element.update)" }
      wide.append([.text(c.ref), .text(c.text), .text(c.lead)] + c.cells.map { $0.status.isEmpty ? .empty : .text($0.status) }
        + [notes.isEmpty ? .empty : .text(notes.joined(separator: "\n"))])
    }
    var rows: [[CellValue]] = []
    for c in content {
      for (p, cell) in c.cells.enumerated() {
        rows.append([.text(c.ref), .text(c.text), .text(c.lead), periodCell(p), cell.status.isEmpty ? .empty : .text(cell.status),
          cell.update.isEmpty ? .empty : .text(cell.update)])
      }
    }
    // Rows in a random order; the wide twin lists the actions in order of
    // their first row (the long reader's action order).
    var order = Array(rows.indices)
    for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, random.below(i + 1)) }
    var firstSeen: [Int] = []
    for i in order where !firstSeen.contains(i / periodCount) { firstSeen.append(i / periodCount) }
    let header: [CellValue] = [.text("Ref"), .text("Action"), .text("Lead"), .text(periodHeaders[random.below(periodHeaders.count)]),
      .text(statusHeaders[random.below(statusHeaders.count)]), .text(update)]
    let longRows = [header] + order.map { rows[$0] }
    let wideRows = [wide[0]] + firstSeen.map { wide[1 + $0] }
    let l = try Recogniser.recognise(GridLiteral.sheet("Long", longRows), file: "long.xlsx")
    let w = try Recogniser.recognise(GridLiteral.sheet("Wide", wideRows), file: "wide.xlsx")
    #expect(l.diagnostics.contains { $0.code == "layout.long_table" })
    let same = PlanComparison.same(l.value, w.value, .xlsx)
    #expect(same.0, "seed \(seed): \(same.1)")
  }
}

/// The long and per-priority fixtures read back from every output as they
/// were read (not the conflict fixture: its row without a period leaves an
/// undated note after dated ones, which a wide notes cell cannot hold apart).
@Suite struct LongLayoutRoundTripTests {
  @Test(arguments: LongLayoutTests.fixtures.filter { $0 != "long-status-conflict.csv" })
  func fixture(name: String) throws {
    let plan = try TrackerLoader.load(Fixtures.url("trackers/" + name).path).value
    try RoundTripTests.check(plan, source: name)
  }
}
