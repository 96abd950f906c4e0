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

  private let master: [Action]
  /// Each master row's priority (`""` for none), read once.
  private let priorities: [String]
  /// Whether each master row has a made-up key.
  private let synthetic: [Bool]
  /// The master row of each key, or `-(i + 1)` for a key listed more than
  /// once, whose rows are `repeated[i]` (an `Int` in the table itself: a
  /// per-key array would cost a cache miss per look-up).
  private var byKey: [String: Int] = [:]
  private var repeated: [[Int]] = []
  private var byText: [TextKey: [Int]] = [:]

  init(master: [Action]) {
    self.master = master
    priorities = master.map { $0.priorityId ?? "" }
    synthetic = master.map { MergeKeys.isSynthetic($0.key) }
    for (row, action) in master.enumerated() {
      if !MergeKeys.isSynthetic(action.key) {
        if let slot = byKey[action.key] {
          if slot >= 0 {
            byKey[action.key] = -(repeated.count + 1)
            repeated.append([slot, row])
          } else {
            repeated[-slot - 1].append(row)
          }
        } else {
          byKey[action.key] = row
        }
      }
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
    // Every priority each key is listed under in the return; keys listed
    // under one priority (nearly all) need no set.
    var firstPriority: [String: String] = [:]
    var severalPriorities: [String: Set<String>] = [:]
    var matches = Matches()
    // Indices, not elements: iterating `actions` would copy every action.
    for index in actions.indices where !MergeKeys.isSynthetic(actions[index].key) {
      let key = actions[index].key
      let priority = actions[index].priorityId ?? ""
      if let first = firstPriority[key] {
        var listed = severalPriorities[key] ?? [first]
        if listed.insert(priority).inserted {
          severalPriorities[key] = listed
        } else {
          matches.duplicates.append(index)
        }
      } else {
        firstPriority[key] = priority
      }
    }
    for index in actions.indices {
      let key = actions[index].key
      let rows = keyMatches(
        key: key, priority: actions[index].priorityId ?? "", onlyUnder: firstPriority[key], several: severalPriorities[key])
      if !rows.isEmpty {
        for row in rows { matches.pairs.append((row, Contribution(ret: ret.index, action: index, byText: false))) }
      } else if let row = textMatch(actions[index]) {
        matches.pairs.append((row, Contribution(ret: ret.index, action: index, byText: true)))
        matches.byText.append((index, row))
      } else {
        matches.unmatched.append(index)
      }
    }
    return matches
  }

  /// The master rows with the action's key, under its priority or under a
  /// priority the return does not list the key under (`onlyUnder` when the
  /// return lists it under one priority, `several` otherwise).
  private func keyMatches(key: String, priority own: String, onlyUnder: String?, several: Set<String>?) -> [Int] {
    guard !MergeKeys.isSynthetic(key), let slot = byKey[key] else { return [] }
    func matches(_ row: Int) -> Bool {
      let priority = priorities[row]
      return priority == own || !(several?.contains(priority) ?? (priority == onlyUnder))
    }
    if slot >= 0 { return matches(slot) ? [slot] : [] }
    return repeated[-slot - 1].filter(matches)
  }

  /// The single master row with the same focus area and normalised text,
  /// considered only when the return row or the master row has no ref.
  private func textMatch(_ action: Action) -> Int? {
    guard let key = ActionMatcher.textKey(action), var rows = byText[key] else { return nil }
    if !MergeKeys.isSynthetic(action.key) { rows = rows.filter { synthetic[$0] } }
    if rows.count > 1 { rows = rows.filter { priorities[$0] == action.priorityId ?? "" } }
    return rows.count == 1 ? rows[0] : nil
  }

  private static func textKey(_ action: Action) -> TextKey? {
    let text = MergeKeys.normalised(action.text)
    guard !text.isEmpty else { return nil }
    return TextKey(focusRef: action.focusRef ?? "", text: text)
  }
}
