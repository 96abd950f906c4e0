import Diagnostics
import TestSupport
import Testing
import TrackerModel

/// `PlanDiff`: what changed between two versions of a tracker, matched as
/// merge matches (keys by (priority, key), periods by date range).
@Suite struct PlanDiffTests {
  typealias P = MergeTestPlans
  let periods = P.seedPeriods
  let feb21 = DateValue(year: 2021, month: 2)
  let apr21 = DateValue(year: 2021, month: 4)
  let nov21 = DateValue(year: 2021, month: 11)

  func plan(_ file: String, periods: [Period]? = nil, _ actions: [Action]) -> Plan {
    P.plan(file, periods: periods ?? self.periods, actions: actions)
  }

  func action(
    _ key: String, row: Int, file: String, _ statuses: [String], periods: [Period]? = nil, text: String? = nil,
    priority: String? = "2", leads: [String] = ["Head of SEND"], notes: [(DateValue?, String)] = [],
    evidence: [String] = [], due: DateValue? = nil
  ) -> Action {
    P.action(
      key, row: row, file: file, periods: periods ?? self.periods, statuses: statuses, text: text, priority: priority,
      leads: leads, notes: notes, evidence: evidence, due: due)
  }

  @Test func identicalTrackersHaveNoChangesEvenFromOtherCells() {
    let old = plan("old.xlsx", [action("3.1F", row: 9, file: "old.xlsx", ["A", "G", "G", "G/A"], notes: [(feb21, "Note.")])])
    // The same values read from other rows of another file.
    let new = plan("new.csv", [action("3.1F", row: 4, file: "new.csv", ["A", "G", "G", "G/A"], notes: [(feb21, "Note.")])])
    let diff = PlanDiff(old: old, new: new)
    #expect(diff.isEmpty)
    #expect(diff.counts == PlanDiff.Counts())
  }

  @Test func statusChangesCarryTheirDirection() throws {
    let old = plan("old", [action("3.1F", row: 9, file: "old", ["A", "G", "G", ""]), action("3.1G", row: 10, file: "old", ["R", "A", "Grey", "G"])])
    let new = plan("new", [action("3.1F", row: 9, file: "new", ["R", "B", "G", "A"]), action("3.1G", row: 10, file: "new", ["R", "A", "A", ""])])
    let diff = PlanDiff(old: old, new: new)
    #expect(diff.actions.map(\.key) == ["3.1F", "3.1G"])
    let f = diff.actions[0].statuses
    #expect(f.map(\.periodId) == ["2019-12", "2020-01", "2021-12"])
    #expect(f.map(\.direction) == [.slipped, .improved, .set])
    #expect(f[0].old?.raw == "A" && f[0].new?.raw == "R")
    #expect(f[0].oldSource?.cell?.a1 == "E9")
    #expect(f[2].old == nil && f[2].baseline == nil)
    let g = diff.actions[1].statuses
    #expect(g.map(\.direction) == [.changed, .cleared])  // grey is off the scale
    #expect(g[1].new == nil)
    #expect(diff.counts.improved == 1 && diff.counts.slipped == 1 && diff.counts.otherStatusChanges == 3)
  }

  @Test func sameColourWrittenDifferentlyIsNoChange() {
    let old = plan("old", [action("3.1F", row: 9, file: "old", ["A", "G", "G", "G/A"])])
    var new = plan("new", [action("3.1F", row: 9, file: "new", ["a", "g", "G", "g/a"])])
    new.actions[0].statuses[1].status.raw = "Green"
    #expect(PlanDiff(old: old, new: new).isEmpty)
  }

  @Test func periodsMatchByDateRangeNotLabel() throws {
    let renamed = [P.month(2019, 12, label: "December 2019"), P.month(2020, 1), P.month(2021, 4), P.month(2021, 12, label: "2021-12")]
    let old = plan("old", [action("3.1F", row: 9, file: "old", ["A", "G", "G", "A"])])
    let new = plan("new", periods: renamed, [action("3.1F", row: 9, file: "new", ["A", "G", "G", "A"], periods: renamed)])
    #expect(PlanDiff(old: old, new: new).isEmpty)
  }

  @Test func addedAndRemovedPeriodsAndTheirStatuses() throws {
    let later = [P.month(2020, 1), P.month(2021, 4), P.month(2021, 12), P.month(2022, 3)]
    let old = plan("old", [action("3.1F", row: 9, file: "old", ["A", "G", "G", "G"]), action("3.1G", row: 10, file: "old", ["", "", "", ""])])
    let new = plan(
      "new", periods: later,
      [action("3.1F", row: 9, file: "new", ["G", "G", "G", "A"], periods: later), action("3.1G", row: 10, file: "new", ["", "", "", "R"], periods: later)])
    let diff = PlanDiff(old: old, new: new)
    #expect(diff.periodsAdded.map(\.id) == ["2022-03"])
    #expect(diff.periodsRemoved.map(\.id) == ["2019-12"])
    let f = diff.actions[0].statuses
    // The removed period is reported once, not per action.
    #expect(f.map(\.periodId) == ["2022-03"])
    // The new period's status is measured from the status before it.
    #expect(f[0].direction == .slipped && f[0].periodAdded)
    #expect(f[0].baseline?.periodId == "2021-12" && f[0].baseline?.status.raw == "G")
    let g = diff.actions[1].statuses
    #expect(g.map(\.direction) == [.set])
    #expect(g[0].baseline == nil)
  }

  @Test func aNewPeriodAtTheSameRankIsSteady() {
    let later = periods + [P.month(2022, 3)]
    let old = plan("old", [action("3.1F", row: 9, file: "old", ["A", "G", "G", "G"])])
    let new = plan("new", periods: later, [action("3.1F", row: 9, file: "new", ["A", "G", "G", "G", "g"], periods: later)])
    let diff = PlanDiff(old: old, new: new)
    #expect(diff.actions.first?.statuses.map(\.direction) == [.steady])
  }

  @Test func actionsAddedAndRemovedMatchByPriorityAndKey() {
    let old = plan("old", [
      action("3.1F", row: 9, file: "old", ["A", "G", "G", "G"]),
      action("6E", row: 10, file: "old", ["A", "A", "A", "A"], text: "Shared wording", priority: "2"),
      action("6E", row: 30, file: "old", ["A", "A", "A", "A"], text: "Other wording", priority: "6"),
      action("3.1H", row: 11, file: "old", ["A", "A", "A", "A"]),
    ])
    let new = plan("new", [
      action("3.1F", row: 9, file: "new", ["A", "G", "G", "G"]),
      action("6E", row: 30, file: "new", ["A", "A", "A", "G"], text: "Other wording", priority: "6"),
      action("6E", row: 10, file: "new", ["A", "A", "A", "A"], text: "Shared wording", priority: "2"),
      action("3.10F", row: 12, file: "new", ["", "", "", "A"]),
    ])
    let diff = PlanDiff(old: old, new: new)
    #expect(diff.actionsAdded.map(\.key) == ["3.10F"])
    #expect(diff.actionsRemoved.map(\.key) == ["3.1H"])
    #expect(diff.actions.map { "\($0.priorityId ?? "")/\($0.key)" } == ["6/6E"])
  }

  @Test func rowsWithoutKeysMatchOnTheirWording() {
    let old = plan("old", [action("3.1#12", row: 12, file: "old", ["A", "A", "A", "A"], text: "Hold a  termly review")])
    let new = plan("new", [
      action("3.1#20", row: 20, file: "new", ["A", "A", "A", "G"], text: "hold a termly review"),
      action("3.1#21", row: 21, file: "new", ["A", "A", "A", "G"], text: "A different review"),
    ])
    let diff = PlanDiff(old: old, new: new)
    #expect(diff.actions.map(\.new.text) == ["hold a termly review"])
    #expect(diff.actionsAdded.map(\.text) == ["A different review"])
    #expect(diff.actionsRemoved.isEmpty)
  }

  @Test func aSecondCopyOfAnActionIsAdded() {
    let old = plan("old", [action("3.1F", row: 9, file: "old", ["A", "G", "G", "G"])])
    let new = plan("new", [action("3.1F", row: 9, file: "new", ["A", "G", "G", "G"]), action("3.1F", row: 10, file: "new", ["A", "G", "G", "G"])])
    let diff = PlanDiff(old: old, new: new)
    #expect(diff.actions.isEmpty)
    #expect(diff.actionsAdded.map(\.source?.cell?.a1) == ["B10"])
  }

  @Test func notesAddedEditedAndRemoved() throws {
    let old = plan("old", [action("3.3C", row: 10, file: "old", ["A", "A", "G", "G"], notes: [
      (feb21, "GR sub group report this as amber."), (apr21, "Framework agreed."), (nil, "Undated remark."),
    ])])
    let new = plan("new", [action("3.3C", row: 10, file: "new", ["A", "A", "G", "G"], notes: [
      (feb21, "GR  sub group report this as Amber."), (apr21, "Framework agreed and signed off."), (nov21, "Audit complete."),
    ])])
    let notes = try #require(PlanDiff(old: old, new: new).actions.first?.notes)
    #expect(notes.map(\.kind) == [.edited, .added, .removed])
    #expect(notes[0].old?.text == "Framework agreed." && notes[0].new?.text == "Framework agreed and signed off.")
    #expect(notes[1].new?.text == "Audit complete." && notes[1].old == nil)
    #expect(notes[2].old?.text == "Undated remark." && notes[2].new == nil)
  }

  @Test func aRepeatedNoteCountsEachCopy() throws {
    let old = plan("old", [action("3.3C", row: 10, file: "old", ["A", "A", "G", "G"], notes: [(feb21, "Same."), (feb21, "Same.")])])
    let new = plan("new", [action("3.3C", row: 10, file: "new", ["A", "A", "G", "G"], notes: [(feb21, "Same.")])])
    let notes = try #require(PlanDiff(old: old, new: new).actions.first?.notes)
    #expect(notes.map(\.kind) == [.removed])
  }

  @Test func evidenceAddedAndRemovedByCodeOrText() throws {
    var old = plan("old", [action("3.3C", row: 10, file: "old", ["A", "A", "G", "G"], evidence: ["Minutes of the board", "Survey results", "E12 Audit"])])
    old.actions[0].evidence[2].ref = "E12"
    var new = plan("new", [action("3.3C", row: 10, file: "new", ["A", "A", "G", "G"], evidence: ["minutes of  the Board", "E12: the audit report", "Training log"])])
    new.actions[0].evidence[1].ref = "E12"
    let evidence = try #require(PlanDiff(old: old, new: new).actions.first?.evidence)
    #expect(evidence.map(\.kind) == [.added, .removed])
    #expect(evidence.map(\.item.text) == ["Training log", "Survey results"])
  }

  @Test func leadTextAndDueChanges() throws {
    let old = plan("old", [action("3.1F", row: 9, file: "old", ["A", "G", "G", "G"], leads: ["Tim Moss", "Lynn Tolley"], due: DateValue(year: 2022, month: 3))])
    var new = plan("new", [
      action("3.1F", row: 9, file: "new", ["A", "G", "G", "G"], text: "A reworded action", leads: ["lynn tolley", "Ann Other"], due: DateValue(year: 2022, month: 6)),
    ])
    new.actions[0].percentComplete = 50
    let fields = try #require(PlanDiff(old: old, new: new).actions.first?.fields)
    #expect(fields.map(\.field) == [.text, .leads, .due, .percentComplete])
    #expect(fields[0].old == "Action 3.1F text" && fields[0].new == "A reworded action")
    #expect(fields[1].old == "Tim Moss; Lynn Tolley" && fields[1].new == "lynn tolley; Ann Other")
    #expect(fields[2].old == "2022-03" && fields[2].new == "2022-06")
    #expect(fields[3].old == nil && fields[3].new == "50%")
  }

  @Test func leadsInAnotherOrderOrCaseAreNoChange() {
    let old = plan("old", [action("3.1F", row: 9, file: "old", ["A", "G", "G", "G"], leads: ["Tim Moss", "Lynn Tolley"])])
    let new = plan("new", [action("3.1F", row: 9, file: "new", ["A", "G", "G", "G"], text: "action 3.1F  text", leads: ["lynn tolley", "TIM MOSS"])])
    #expect(PlanDiff(old: old, new: new).isEmpty)
  }

  @Test func theDiffDoesNotDependOnAnythingButItsInputs() {
    var random = SeededRandom(seed: 15)
    let codes = ["", "R", "A", "G", "B", "G/A", "Grey"]
    func randomPlan(_ file: String) -> Plan {
      plan(file, (0..<40).map { n in
        action("3.\(n % 5 + 1)\(["A", "B", "C", "D"][n / 10])", row: n + 7, file: file, (0..<4).map { _ in codes[random.below(codes.count)] })
      })
    }
    let old = randomPlan("old")
    let new = randomPlan("new")
    #expect(PlanDiff(old: old, new: new) == PlanDiff(old: old, new: new))
    let reverse = PlanDiff(old: new, new: old)
    let forward = PlanDiff(old: old, new: new)
    // Swapping the trackers swaps every change.
    #expect(forward.counts.improved == reverse.counts.slipped)
    #expect(forward.counts.slipped == reverse.counts.improved)
    #expect(forward.actions.map(\.key) == reverse.actions.map(\.key))
  }
}
