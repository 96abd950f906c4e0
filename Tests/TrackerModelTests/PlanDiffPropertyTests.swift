import Diagnostics
import TestSupport
import Testing
import TrackerModel

/// `PlanDiff` on generated trackers: changes of every kind are applied at
/// random to a random tracker, together with differences that are no change
/// (row order, cells, period headings, case and spacing); the diff must
/// report exactly the changes made, whatever the seed.
@Suite struct PlanDiffPropertyTests {
  typealias P = MergeTestPlans
  static let codes = ["", "R", "A", "G", "B", "G/A", "A/G", "Grey", "Paused"]
  static let periods = [P.month(2021, 1), P.month(2021, 4), P.month(2021, 7), P.month(2021, 10)]

  /// One change the generator made, as the diff should report it.
  struct Made: Hashable, Comparable {
    var key: String
    var what: String

    static func < (lhs: Made, rhs: Made) -> Bool { (lhs.key, lhs.what) < (rhs.key, rhs.what) }
  }

  func randomTracker(_ random: inout SeededRandom, actions count: Int) -> Plan {
    let actions = (0..<count).map { n -> Action in
      let key = "\(n / 6 + 1).\(n % 3 + 1)\(["A", "B"][n % 6 / 3])"
      let notes = (0..<random.below(3)).map { i in (Optional(DateValue(year: 2021, month: 1 + i * 3)), "Note \(i) of \(key)") }
      return P.action(
        key, row: n + 7, file: "old.xlsx", periods: Self.periods,
        statuses: (0..<4).map { _ in Self.codes[random.below(Self.codes.count)] }, leads: ["Lead \(random.below(5))"],
        notes: notes, evidence: (0..<random.below(3)).map { "Evidence \($0) of \(key)" })
    }
    return P.plan("old.xlsx", periods: Self.periods, actions: actions)
  }

  /// The old tracker with every difference that is not a change: another
  /// file, rows in another order and on other rows, headings spelt out,
  /// codes and wording in another case and spacing.
  func rewritten(_ plan: Plan, _ random: inout SeededRandom) -> Plan {
    var new = plan
    new.id = "new.csv"
    new.periods = Self.periods.map { period in
      var p = period
      p.label = "\(["January", "April", "July", "October"][(period.start.month - 1) / 3]) 2021"
      return p
    }
    new.actions.shuffle(using: &random)
    for index in new.actions.indices {
      let row = index + 3
      new.actions[index].source = P.cell("new.csv", "A\(row)", sheet: nil)
      new.actions[index].text = "  " + new.actions[index].text.uppercased()
      for s in new.actions[index].statuses.indices {
        new.actions[index].statuses[s].status.raw = new.actions[index].statuses[s].status.raw.lowercased()
        new.actions[index].statuses[s].source = P.cell("new.csv", "\(["E", "F", "G", "H"][s])\(row)", sheet: nil)
      }
      for n in new.actions[index].notes.indices { new.actions[index].notes[n].text += "  " }
    }
    return new
  }

  @Test(arguments: 1...12) func theDiffReportsExactlyTheChangesMade(seed: UInt64) throws {
    var random = SeededRandom(seed: seed)
    let old = randomTracker(&random, actions: 30)
    var new = rewritten(old, &random)
    var made: Set<Made> = []
    // A new period: every non-empty status in it is reported, measured from the one before.
    let addsPeriod = random.below(2) == 0
    if addsPeriod {
      new.periods.append(P.month(2022, 1))
      made.insert(Made(key: "", what: "period+ 2022-01"))
    }
    var removed: Set<Int> = []
    for index in new.actions.indices {
      let key = new.actions[index].key
      if addsPeriod {
        let code = Self.codes[random.below(Self.codes.count)]
        new.actions[index].statuses.append(PeriodStatus(periodId: "2022-01", status: P.status(code)))
        if !code.isEmpty { made.insert(Made(key: key, what: "status 2022-01")) }
      }
      switch random.below(9) {
      case 0:
        let p = random.below(4)
        let before = new.actions[index].statuses[p].status
        let choices = Self.codes.filter { P.status($0).rating != before.rating || P.status($0).towards != before.towards }
        let code = choices[random.below(choices.count)]
        if before.rating == .unknown, P.status(code).rating == .unknown { break }
        new.actions[index].statuses[p].status = P.status(code)
        made.insert(Made(key: key, what: "status \(Self.periods[p].id)"))
      case 1:
        new.actions[index].notes.append(ProgressNote(date: DateValue(year: 2021, month: 12), text: "Added.", raw: "Added."))
        made.insert(Made(key: key, what: "note added"))
      case 2 where !new.actions[index].notes.isEmpty:
        new.actions[index].notes[0].text = "Reworded entirely."
        made.insert(Made(key: key, what: "note edited"))
      case 3 where !new.actions[index].notes.isEmpty:
        new.actions[index].notes.removeLast()
        made.insert(Made(key: key, what: "note removed"))
      case 4:
        new.actions[index].evidence.append(EvidenceItem(text: "Fresh evidence", raw: "Fresh evidence"))
        made.insert(Made(key: key, what: "evidence added"))
      case 5 where !new.actions[index].evidence.isEmpty:
        new.actions[index].evidence.removeFirst()
        made.insert(Made(key: key, what: "evidence removed"))
      case 6:
        new.actions[index].leads = [Lead(raw: "Someone Else", name: "Someone Else")]
        made.insert(Made(key: key, what: "field leads"))
      case 7:
        removed.insert(index)
        made = made.filter { $0.key != key }
        made.insert(Made(key: key, what: "action-"))
      default: break
      }
    }
    new.actions = new.actions.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    new.actions.insert(
      P.action("9.9Z", row: 99, file: "new.csv", periods: new.periods, statuses: ["G"], priority: "2"), at: random.below(new.actions.count))
    made.insert(Made(key: "9.9Z", what: "action+"))

    let diff = PlanDiff(old: old, new: new)
    var found: Set<Made> = []
    for period in diff.periodsAdded { found.insert(Made(key: "", what: "period+ \(period.id)")) }
    for action in diff.actionsAdded { found.insert(Made(key: action.key, what: "action+")) }
    for action in diff.actionsRemoved { found.insert(Made(key: action.key, what: "action-")) }
    for action in diff.actions {
      for status in action.statuses { found.insert(Made(key: action.key, what: "status \(status.periodId)")) }
      for note in action.notes { found.insert(Made(key: action.key, what: "note \(note.kind.rawValue)")) }
      for item in action.evidence { found.insert(Made(key: action.key, what: "evidence \(item.kind.rawValue)")) }
      for field in action.fields { found.insert(Made(key: action.key, what: "field \(field.field.rawValue)")) }
    }
    #expect(made.count >= 8, "the generator made too few changes to test anything")
    #expect(found.sorted() == made.sorted(), "seed \(seed)")
    #expect(diff.periodsRemoved.isEmpty)
    // Directions follow the ranks of the statuses either side, as the new tracker's key ranks them.
    for (action, change) in diff.statusChanges {
      let from = change.periodAdded ? change.baseline?.status : change.old
      guard let from, let to = change.new else { continue }
      let expected: StatusChange.Direction =
        switch (diff.reading.rank(from), diff.reading.rank(to)) {
        case (let a?, let b?): b > a ? .improved : b < a ? .slipped : .steady
        default: .changed
        }
      #expect(change.direction == expected, "\(action.key) \(change.periodId)")
    }
    // Nothing but the inputs decides the result.
    #expect(PlanDiff(old: old, new: new) == diff)
  }
}
