import Diagnostics

/// The rows of the merged plan, in order, each with the return rows that
/// feed it: every master row in the master's order, and each new action
/// after the last master row of its focus area (else of its priority, else
/// at the end), in the order the returns bring them.
struct RowLayout {
  /// One row of the merged plan before merging.
  struct Slot {
    /// Where the row starts from: a master row (by index, read from the
    /// master when merged rather than copied here) or a new action's skeleton.
    enum Base {
      case master(Int)
      case new(Action)
    }

    /// The master's action, or the skeleton of a new one.
    var base: Base
    /// The return rows feeding it, in merge order.
    var contributions: [Contribution]
    /// Whether a return brought it.
    var isNew: Bool {
      if case .new = base { return true }
      return false
    }

    /// The action the row starts from.
    func action(in master: [Action]) -> Action {
      switch base {
      case .master(let row): return master[row]
      case .new(let skeleton): return skeleton
      }
    }
  }

  /// A new action being gathered across returns.
  private struct NewGroup {
    var base: Action
    var contributions: [Contribution]
    var anchor: Int
  }

  /// The rows, in output order.
  private(set) var rows: [Slot] = []

  /// Return rows that could be more than one master action: reported, and
  /// nothing of them applied (`merge.ambiguous_key`), in merge order.
  private(set) var ambiguous: [(entry: MergeLogEntry, diagnostic: Diagnostic)] = []

  init(master: [Action], returns: [ReturnContext], diagnostics: inout [Diagnostic]) {
    let matcher = ActionMatcher(master: master)
    let anchors = Anchors(master)
    var perMaster = [[Contribution]](repeating: [], count: master.count)
    var groups: [NewGroup] = []
    var groupIndex: [String: Int] = [:]
    for ret in returns {
      let matches = matcher.match(ret)
      for pair in matches.pairs {
        // Most master rows hear from every return: one allocation, not one per doubling.
        if perMaster[pair.row].isEmpty { perMaster[pair.row].reserveCapacity(returns.count) }
        perMaster[pair.row].append(pair.contribution)
      }
      // Where each matched return row went: built only for a new continuation row.
      var matchedRows: [Int: [Int]]?
      for index in matches.duplicates { diagnostics.append(RowLayout.duplicate(ret, index)) }
      for (index, candidates) in matches.ambiguous {
        ambiguous.append(RowLayout.ambiguous(ret, index, candidates.map { master[$0] }))
      }
      let places = matches.unmatched.isEmpty ? [] : ActionMatcher.places(ret.input.plan.actions)
      for index in matches.unmatched {
        let action = ret.action(index)
        let identity = RowLayout.identity(action, place: places[index], ret: ret.index, row: index)
        let contribution = Contribution(ret: ret.index, action: index, byText: false)
        if let group = groupIndex[identity] {
          groups[group].contributions.append(contribution)
        } else {
          groupIndex[identity] = groups.count
          var base = RowLayout.skeleton(action, subGroup: ret.input.subGroup)
          var anchor = anchors.anchor(for: action)
          if places[index] != nil,
            let follows = RowLayout.continuationAnchor(
              ret, index, master: master, matched: RowLayout.matchedRows(&matchedRows, matches.pairs))
          {
            // A continuation row continues the master row it follows: it sits
            // under that row's priority and focus area, so the merged plan
            // (and a workbook written from it) gives it the same place.
            anchor = follows
            base.priorityId = base.priorityId ?? master[follows].priorityId
            base.focusRef = base.focusRef ?? master[follows].focusRef
            base.subGroup = base.subGroup ?? master[follows].subGroup
          }
          groups.append(NewGroup(base: base, contributions: [contribution], anchor: anchor))
        }
      }
    }
    var byAnchor: [Int: [Int]] = [:]
    for (index, group) in groups.enumerated() { byAnchor[group.anchor, default: []].append(index) }
    rows.reserveCapacity(master.count + groups.count)
    for group in byAnchor[-1] ?? [] { rows.append(Slot(base: .new(groups[group].base), contributions: groups[group].contributions)) }
    for index in master.indices {
      rows.append(Slot(base: .master(index), contributions: perMaster[index]))
      for group in byAnchor[index] ?? [] {
        rows.append(Slot(base: .new(groups[group].base), contributions: groups[group].contributions))
      }
    }
  }

  /// Each matched return row's master rows, worked out on first use.
  private static func matchedRows(
    _ cache: inout [Int: [Int]]?, _ pairs: [(row: Int, contribution: Contribution)]
  ) -> [Int: [Int]] {
    if let cache { return cache }
    var rows: [Int: [Int]] = [:]
    for pair in pairs { rows[pair.contribution.action, default: []].append(pair.row) }
    cache = rows
    return rows
  }

  /// Where a new continuation row goes: after the master row that the row it
  /// follows in the return was matched to, and after that row's own
  /// continuation rows, so that the merged plan gives it the same place.
  private static func continuationAnchor(
    _ ret: ReturnContext, _ index: Int, master: [Action], matched: [Int: [Int]]
  ) -> Int? {
    let actions = ret.input.plan.actions
    let priority = actions[index].priorityId
    var previous = index - 1
    while previous >= 0,
      actions[previous].priorityId != priority
        || (MergeKeys.isSynthetic(actions[previous].key) && MergeKeys.isBlank(actions[previous].text))
    {
      previous -= 1
    }
    guard previous >= 0, let rows = matched[previous], var anchor = rows.first(where: { master[$0].priorityId == priority }) ?? rows.first
    else { return nil }
    while anchor + 1 < master.count, master[anchor + 1].priorityId == master[anchor].priorityId,
      MergeKeys.isSynthetic(master[anchor + 1].key), MergeKeys.isBlank(master[anchor + 1].text)
    {
      anchor += 1
    }
    return anchor
  }

  /// What makes two returns' new rows the same new action: the key and
  /// priority, or for a row without a ref its focus area, wording and priority.
  /// A row with neither (a continuation row) is identified by its place.
  private static func identity(_ action: Action, place: String?, ret: Int, row: Int) -> String {
    let priority = action.priorityId ?? ""
    if !MergeKeys.isSynthetic(action.key) { return "k\u{1F}\(action.key)\u{1F}\(priority)" }
    if let place { return "c\u{1F}\(priority)\u{1F}\(place)" }
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

  /// `merge.ambiguous_key`: a return row that could be any of several master
  /// actions (one key, different wording) and was therefore not applied.
  private static func ambiguous(
    _ ret: ReturnContext, _ index: Int, _ candidates: [Action]
  ) -> (entry: MergeLogEntry, diagnostic: Diagnostic) {
    let action = ret.action(index)
    let priority = action.priorityId.map { " under priority \($0)" } ?? " (no priority)"
    let listed = candidates.map { candidate in
      let under = candidate.priorityId.map { " under priority \($0)" } ?? ""
      let cell = candidate.source.map { " (\($0))" } ?? ""
      return "\(candidate.key)\(under)\(cell) \"\(ambiguousExcerpt(candidate.text))\""
    }
    let who = ret.input.subGroup.map { "\($0) (\(ret.input.fileName))" } ?? ret.input.fileName
    let entry = MergeLogEntry(
      code: MergeCode.ambiguousKey, action: action.key, priorityId: action.priorityId, field: .action,
      old: candidates.map { "\($0.key) \($0.priorityId.map { "(priority \($0))" } ?? "")" }.joined(separator: "; "),
      new: action.text, source: ret.provenance(action.source), subGroup: ret.input.subGroup, decision: .reported)
    let diagnostic = Diagnostic(
      code: MergeCode.ambiguousKey, severity: .warning,
      message: "\(who) row \(action.key)\(priority) \"\(ambiguousExcerpt(action.text))\" could be any of "
        + "\(listed.joined(separator: " or ")); nothing from it was applied",
      fix: "Give the row the priority and wording of the action it updates (or correct the duplicated ref in the master).",
      location: action.source ?? SourceLocation(file: ret.input.file), related: candidates.compactMap(\.source))
    return (entry, diagnostic)
  }

  /// The first 60 characters of an action's wording, for messages.
  private static func ambiguousExcerpt(_ text: String) -> String {
    let trimmed = MergeKeys.trimmed(text)
    return trimmed.count > 60 ? String(trimmed.prefix(57)) + "..." : trimmed
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
