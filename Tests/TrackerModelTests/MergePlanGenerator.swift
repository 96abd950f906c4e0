import Diagnostics
import TestSupport
import TrackerModel

/// A seeded generator of random trackers and of returns derived from them,
/// for the merge property tests. The same seed always gives the same plans.
///
/// Masters have 2–6 month periods, 4–40 actions with keys such as `1.1A`,
/// `1.10A`, `4D`, a few listed under two priorities and a few without a ref,
/// owned by a handful of sub-groups, with statuses (some empty), dated and
/// undated notes and evidence. A return copies the master and then, at
/// random: drops rows, blanks/changes/fills statuses, adds a period (or uses
/// an older template without the last period and without evidence), relabels
/// a period (`Dec-21` as `December 2021`), adds, edits and drops notes,
/// adds and drops evidence, changes leads, wording and due dates, adds new
/// actions and shuffles the rows.
///
/// Masters also hold the shapes merge must never confuse: a key listed again
/// under priority 3 with other wording (a mistyped ref: two actions), a key
/// cross-listed under priority 6 with the same wording (one action), and
/// continuation rows (no ref, no wording, notes only) right after an action.
/// Some returns come on a template without priorities. `origins` tells, for
/// the last return made, which master row each of its rows was copied from.
struct MergePlanGenerator {
  private var rng: SeededRandom
  /// For the last return `ret` made: each row's master row (`nil` for a new action).
  private(set) var origins: [Int?] = []

  init(seed: UInt64) { rng = SeededRandom(seed: seed) }

  static let subGroups = ["Joint Comm", "EHC Sub group", "GR sub group", "SEND IPG", "SPG"]
  private static let codes = ["R", "A", "G", "B", "G/A", "Grey", "Complete", "", "", ""]
  private static let words = "co-produce define review parents carers SENCO audit graduated response strategy outcome"
    .split(separator: " ").map(String.init)

  /// A random master tracker.
  mutating func master(file: String = "master.xlsx", rows: Int? = nil) -> Plan {
    let start = (year: 2019 + int(4), month: 1 + int(12))
    var cursor = CivilDate(year: start.year, month: start.month, day: 1)
    var periods: [Period] = []
    for _ in 0..<(2 + int(5)) {
      periods.append(MergeTestPlans.month(cursor.year, cursor.month))
      cursor = cursor.addingMonths(1 + int(4))
    }
    var actions: [Action] = []
    var keys: Set<String> = []
    let count = rows ?? 4 + int(37)
    for row in 0..<count {
      let focus = ["1.1", "1.10", "1.2", "3.1", "4", "5", "6", "2.1"][int(8)]
      var key = focus + String(UnicodeScalar(UInt8(65 + row % 26)))
      if chance(8) { key = "\(focus)#\(row + 7)" }
      if keys.contains(key) { key += String(row) }
      actions.append(action(key, row: row + 7, file: file, periods: periods, priority: "2"))
      keys.insert(key)
      let original = actions[actions.count - 1]
      if chance(6) {
        // A continuation row: the action above goes on in the notes column.
        var more = action("\(focus)#\(row + 500)", row: row + 500, file: file, periods: periods, priority: "2")
        more.text = ""
        more.leads = []
        more.evidence = []
        more.subGroup = original.subGroup
        more.statuses = more.statuses.map { PeriodStatus(periodId: $0.periodId, status: .empty, source: $0.source) }
        actions.append(more)
        keys.insert(more.key)
      }
      if chance(10), !isMadeUpKey(key) {
        // One action listed again under priority 6: the same wording, owner and values, its own cells.
        var twin = original
        twin.priorityId = "6"
        twin.source = MergeTestPlans.cell(file, "B\(row + 200)")
        for index in twin.statuses.indices { twin.statuses[index].source = MergeTestPlans.cell(file, "\(column(index))\(row + 200)") }
        for index in twin.notes.indices { twin.notes[index].source = MergeTestPlans.cell(file, "I\(row + 200)") }
        for index in twin.evidence.indices { twin.evidence[index].source = MergeTestPlans.cell(file, "J\(row + 200)") }
        actions.append(twin)
      } else if chance(10), !isMadeUpKey(key) {
        // The same key with other wording under another priority: another action.
        var other = action(key, row: row + 300, file: file, periods: periods, priority: "3")
        other.text = original.text + " " + sentence()
        actions.append(other)
      }
    }
    return MergeTestPlans.plan(file, periods: periods, actions: actions)
  }

  /// A random return derived from `master`, named `file`, sent by `subGroup`.
  mutating func ret(from master: Plan, file: String) -> Plan {
    var periods = master.periods
    if chance(3), let last = periods.last {
      let next = last.end.addingMonths(1 + int(3))
      periods.append(MergeTestPlans.month(next.year, next.month))
    }
    let olderTemplate = chance(5) && periods.count > 2
    if olderTemplate { periods.removeLast() }
    var relabelled: [String: String] = [:]
    if chance(3), let index = periods.indices.randomElement(using: &rng) {
      let old = periods[index].id
      periods[index].label = "Period " + periods[index].label
      periods[index].id = "as-read-\(old)"
      relabelled[old] = periods[index].id
    }
    var actions: [Action] = []
    var origins: [Int?] = []
    let crossListed = Set(Dictionary(grouping: master.actions.filter { !isMadeUpKey($0.key) }, by: \.key).filter { entry in
      Set(entry.value.compactMap(\.priorityId)).count > 1 && Set(entry.value.map(\.text)).count == 1 }.keys)
    let twoActions = Set(Dictionary(grouping: master.actions.filter { !isMadeUpKey($0.key) }, by: \.key).filter { entry in
      Set(entry.value.map(\.text)).count > 1 }.keys)
    let withoutPriorities = chance(6)
    var keptAbove = true
    for (row, original) in master.actions.enumerated() {
      // A continuation row goes (or stays) with the action it continues.
      let continuation = isMadeUpKey(original.key) && original.text.isEmpty
      if continuation ? !keptAbove : chance(8) {
        if !continuation { keptAbove = false }
        continue
      }
      if !continuation { keptAbove = true }
      origins.append(row)
      var action = original
      if withoutPriorities { action.priorityId = nil }
      action.source = MergeTestPlans.cell(file, "B\(row + 3)")
      action.statuses = periods.enumerated().map { index, period in
        let masterId = relabelled.first { $0.value == period.id }?.key ?? period.id
        var status = original.status(for: masterId)?.status ?? .empty
        if chance(6) { status = MergeTestPlans.status(pick(MergePlanGenerator.codes)) }
        return PeriodStatus(periodId: period.id, status: status, source: MergeTestPlans.cell(file, "\(column(index))\(row + 3)"))
      }
      action.notes = original.notes.filter { _ in !chance(6) }.map { note in
        var copy = note
        copy.source = MergeTestPlans.cell(file, "I\(row + 3)")
        copy.provenance = nil
        if chance(12), copy.date != nil { copy.text += " (edited)" }
        return copy
      }
      if chance(3) { action.notes.append(note(periods, file: file, row: row + 3)) }
      action.evidence = olderTemplate ? [] : original.evidence.filter { _ in !chance(6) }.map { item in
        var copy = item
        copy.source = MergeTestPlans.cell(file, "J\(row + 3)")
        copy.provenance = nil
        return copy
      }
      if !olderTemplate, chance(4) { action.evidence.append(EvidenceItem(text: sentence(), raw: "x", source: MergeTestPlans.cell(file, "J\(row + 3)"))) }
      if chance(15) { action.leads = [Lead(raw: "New Lead", name: "New Lead \(int(3))")] }
      // Rewording one listing of a cross-listed action would make it two actions.
      // A return without priorities that rewords an action whose key the master gives two actions is ambiguous.
      let rewordRate = withoutPriorities && twoActions.contains(original.key) ? 3 : 20
      if chance(rewordRate), !continuation, !crossListed.contains(original.key) { action.text += " (reworded in \(file))" }
      if chance(20) { action.dueDate = DateValue(year: 2023 + int(3), month: 1 + int(12)) }
      action.provenance = []
      actions.append(action)
    }
    for extra in 0..<(chance(3) ? 1 + int(3) : 0) {
      let key = ["7", "1.1", "9.9"][int(3)] + String(UnicodeScalar(UInt8(65 + int(26)))) + (chance(2) ? "" : "\(extra)")
      actions.append(action(key, row: 300 + extra, file: file, periods: periods, priority: withoutPriorities ? nil : "2"))
      origins.append(nil)
    }
    // Shuffling would move continuation rows away from their action: only when there are none.
    if chance(3), !actions.contains(where: { isMadeUpKey($0.key) && $0.text.isEmpty }) {
      var order = Array(actions.indices)
      order.shuffle(using: &rng)
      actions = order.map { actions[$0] }
      origins = order.map { origins[$0] }
    }
    self.origins = origins
    var plan = MergeTestPlans.plan(file, periods: periods, actions: actions)
    plan.sources = [SourceFile(path: file, sha256: String(rng.next(), radix: 16))]
    return plan
  }

  private mutating func action(_ key: String, row: Int, file: String, periods: [Period], priority: String?) -> Action {
    var action = MergeTestPlans.action(
      key, row: row, file: file, periods: periods,
      statuses: periods.map { _ in pick(MergePlanGenerator.codes) }, text: sentence(), priority: priority,
      subGroup: chance(6) ? nil : pick(MergePlanGenerator.subGroups), leads: [pick(["Tim Moss", "SCM SEND", "Head of SEND"])])
    if isMadeUpKey(key) { action.letter = nil }
    action.notes = (0..<int(4)).map { _ in note(periods, file: file, row: row) }
    action.evidence = (0..<int(4)).map { _ in
      EvidenceItem(text: sentence(), raw: "raw", source: MergeTestPlans.cell(file, "J\(row)"))
    }
    return action
  }

  private mutating func note(_ periods: [Period], file: String, row: Int) -> ProgressNote {
    let base = periods.first?.start ?? CivilDate(year: 2020, month: 1, day: 1)
    let date = base.addingMonths(int(30) - 3)
    let dated = !chance(5)
    return ProgressNote(
      date: dated ? DateValue(year: date.year, month: date.month) : nil, text: sentence(), raw: "raw",
      source: MergeTestPlans.cell(file, "I\(row)"))
  }

  private func column(_ index: Int) -> String { ["E", "F", "G", "H", "K", "L", "M", "N"][index % 8] }

  private mutating func sentence() -> String {
    (0..<(2 + int(5))).map { _ in pick(MergePlanGenerator.words) }.joined(separator: " ")
  }

  private mutating func int(_ bound: Int) -> Int { Int(rng.next() % UInt64(bound)) }
  private mutating func chance(_ oneIn: Int) -> Bool { int(oneIn) == 0 }
  private mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
}

/// Whether a key is a made-up `<focus>#<row>` key (mirrors the engine's rule).
func isMadeUpKey(_ key: String) -> Bool { key.contains("#") }

