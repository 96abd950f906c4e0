import Diagnostics

/// The rows of the merged plan, in order, each with the return rows that
/// feed it: every master row in the master's order, and each new action
/// after the last master row of its focus area (else of its priority, else
/// at the end), in the order the returns bring them.
struct RowLayout {
  /// One row of the merged plan before merging.
  struct Slot {
    /// The master's action, or the skeleton of a new one.
    var base: Action
    /// The return rows feeding it, in merge order.
    var contributions: [Contribution]
    /// Whether a return brought it.
    var isNew: Bool
  }

  /// A new action being gathered across returns.
  private struct NewGroup {
    var base: Action
    var contributions: [Contribution]
    var anchor: Int
  }

  /// The rows, in output order.
  private(set) var rows: [Slot] = []

  init(master: [Action], returns: [ReturnContext], diagnostics: inout [Diagnostic]) {
    let matcher = ActionMatcher(master: master)
    let anchors = Anchors(master)
    var perMaster = [[Contribution]](repeating: [], count: master.count)
    var groups: [NewGroup] = []
    var groupIndex: [String: Int] = [:]
    for ret in returns {
      let matches = matcher.match(ret)
      for pair in matches.pairs { perMaster[pair.row].append(pair.contribution) }
      for index in matches.duplicates { diagnostics.append(RowLayout.duplicate(ret, index)) }
      for index in matches.unmatched {
        let action = ret.action(index)
        let identity = RowLayout.identity(action, ret: ret.index, row: index)
        let contribution = Contribution(ret: ret.index, action: index, byText: false)
        if let group = groupIndex[identity] {
          groups[group].contributions.append(contribution)
        } else {
          groupIndex[identity] = groups.count
          groups.append(
            NewGroup(
              base: RowLayout.skeleton(action, subGroup: ret.input.subGroup), contributions: [contribution],
              anchor: anchors.anchor(for: action)))
        }
      }
    }
    var byAnchor: [Int: [Int]] = [:]
    for (index, group) in groups.enumerated() { byAnchor[group.anchor, default: []].append(index) }
    rows.reserveCapacity(master.count + groups.count)
    for group in byAnchor[-1] ?? [] { rows.append(Slot(base: groups[group].base, contributions: groups[group].contributions, isNew: true)) }
    for index in master.indices {
      rows.append(Slot(base: master[index], contributions: perMaster[index], isNew: false))
      for group in byAnchor[index] ?? [] {
        rows.append(Slot(base: groups[group].base, contributions: groups[group].contributions, isNew: true))
      }
    }
  }

  /// What makes two returns' new rows the same new action: the key and
  /// priority, or for a row without a ref its focus area, wording and priority.
  private static func identity(_ action: Action, ret: Int, row: Int) -> String {
    let priority = action.priorityId ?? ""
    if !MergeKeys.isSynthetic(action.key) { return "k\u{1F}\(action.key)\u{1F}\(priority)" }
    let text = MergeKeys.normalised(action.text)
    if text.isEmpty { return "u\u{1F}\(ret)\u{1F}\(row)" }
    return "t\u{1F}\(action.focusRef ?? "")\u{1F}\(text)\u{1F}\(priority)"
  }

  /// A new action before merging: the first return row's identity, wording,
  /// leads and dates, with no statuses, notes or evidence (those arrive
  /// through the normal rules, with provenance).
  private static func skeleton(_ action: Action, subGroup: String?) -> Action {
    var base = action
    base.statuses = []
    base.notes = []
    base.evidence = []
    base.provenance = []
    if base.subGroup == nil { base.subGroup = subGroup }
    return base
  }

  private static func duplicate(_ ret: ReturnContext, _ index: Int) -> Diagnostic {
    let action = ret.action(index)
    let priority = action.priorityId.map { " under priority \($0)" } ?? ""
    return Diagnostic(
      code: MergeCode.duplicateKey, severity: .warning,
      message: "\(ret.input.fileName) lists \(action.key)\(priority) more than once; every copy is merged",
      fix: "Give each action a unique reference.",
      location: action.source ?? SourceLocation(file: ret.input.file))
  }
}

/// Where new actions go: after the last master row of the same focus area
/// (same priority first), else of the same priority, else at the end.
private struct Anchors {
  private var byPriorityFocus: [String: Int] = [:]
  private var byFocus: [String: Int] = [:]
  private var byPriority: [String: Int] = [:]
  private let last: Int

  init(_ master: [Action]) {
    last = master.count - 1
    for (index, action) in master.enumerated() {
      let priority = action.priorityId ?? ""
      if let focus = action.focusRef, !focus.isEmpty {
        byPriorityFocus[priority + "\u{1F}" + focus] = index
        byFocus[focus] = index
      }
      if !priority.isEmpty { byPriority[priority] = index }
    }
  }

  func anchor(for action: Action) -> Int {
    let priority = action.priorityId ?? ""
    if let focus = action.focusRef, !focus.isEmpty {
      if let index = byPriorityFocus[priority + "\u{1F}" + focus] { return index }
      if let index = byFocus[focus] { return index }
    }
    if !priority.isEmpty, let index = byPriority[priority] { return index }
    return last
  }
}
