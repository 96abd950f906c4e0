import Diagnostics

/// Finds, for each return row, the master row(s) it updates: by normalised
/// key (compared as strings, so `1.1` never equals `1.10`), and only for rows
/// without a ref by exact normalised text within the same focus area.
///
/// One key under two priorities is one action listed twice: a return row
/// updates the master rows with its key under its own priority, and also
/// those under priorities where the return does not list the key at all.
struct ActionMatcher {
  /// A row's text identity within its focus area.
  private struct TextKey: Hashable {
    var focusRef: String
    var text: String
  }

  /// A key as listed under one priority.
  private struct KeyUnderPriority: Hashable {
    var key: String
    var priority: String?
  }

  private let master: [Action]
  private var byKey: [String: [Int]] = [:]
  private var byText: [TextKey: [Int]] = [:]

  init(master: [Action]) {
    self.master = master
    for (row, action) in master.enumerated() {
      if !MergeKeys.isSynthetic(action.key) { byKey[action.key, default: []].append(row) }
      if let key = ActionMatcher.textKey(action) { byText[key, default: []].append(row) }
    }
  }

  /// What matching one return found.
  struct Matches {
    /// (master row, contribution) pairs, in return row order.
    var pairs: [(row: Int, contribution: Contribution)] = []
    /// Return rows that match no master row (new actions).
    var unmatched: [Int] = []
    /// Return rows matched on text: (return row, master row).
    var byText: [(action: Int, row: Int)] = []
    /// Return rows whose key (and priority) an earlier row of the same return already used.
    var duplicates: [Int] = []
  }

  /// Matches every row of a return.
  func match(_ ret: ReturnContext) -> Matches {
    let actions = ret.input.plan.actions
    var prioritiesByKey: [String: Set<String>] = [:]
    for action in actions where !MergeKeys.isSynthetic(action.key) {
      prioritiesByKey[action.key, default: []].insert(action.priorityId ?? "")
    }
    var matches = Matches()
    var seen: Set<KeyUnderPriority> = []
    for (index, action) in actions.enumerated() {
      if !MergeKeys.isSynthetic(action.key), !seen.insert(KeyUnderPriority(key: action.key, priority: action.priorityId)).inserted {
        matches.duplicates.append(index)
      }
      let rows = keyMatches(action, listedUnder: prioritiesByKey[action.key] ?? [])
      if !rows.isEmpty {
        for row in rows { matches.pairs.append((row, Contribution(ret: ret.index, action: index, byText: false))) }
      } else if let row = textMatch(action) {
        matches.pairs.append((row, Contribution(ret: ret.index, action: index, byText: true)))
        matches.byText.append((index, row))
      } else {
        matches.unmatched.append(index)
      }
    }
    return matches
  }

  private func keyMatches(_ action: Action, listedUnder priorities: Set<String>) -> [Int] {
    guard !MergeKeys.isSynthetic(action.key), let rows = byKey[action.key] else { return [] }
    let own = action.priorityId ?? ""
    return rows.filter { row in
      let priority = master[row].priorityId ?? ""
      return priority == own || !priorities.contains(priority)
    }
  }

  /// The single master row with the same focus area and normalised text,
  /// considered only when the return row or the master row has no ref.
  private func textMatch(_ action: Action) -> Int? {
    guard let key = ActionMatcher.textKey(action), var rows = byText[key] else { return nil }
    if !MergeKeys.isSynthetic(action.key) { rows = rows.filter { MergeKeys.isSynthetic(master[$0].key) } }
    if rows.count > 1 {
      let samePriority = rows.filter { master[$0].priorityId == action.priorityId }
      rows = samePriority
    }
    return rows.count == 1 ? rows[0] : nil
  }

  private static func textKey(_ action: Action) -> TextKey? {
    let text = MergeKeys.normalised(action.text)
    guard !text.isEmpty else { return nil }
    return TextKey(focusRef: action.focusRef ?? "", text: text)
  }
}
