import Diagnostics

/// Ties each return row to the one master action it updates (domain.md
/// §8.2), or to none.
///
/// - **By (priority, key)** when both sides name a priority; keys compare as
///   strings, so `1.1` never equals `1.10`.
/// - **By key alone** when the return row names no priority, or one under
///   which the master does not list the key, but only when the key names one
///   action in the master.
/// - One key under several priorities with the same normalised wording is
///   **one action listed several times** (cross-listed, seed 6E in Priorities
///   2 and 6): the return row updates its own listing and every listing the
///   return does not give its own row.
/// - The same key with **different wording** is two actions: a row that
///   cannot be told apart by its priority (or, failing that, by its exact
///   normalised wording) is **ambiguous**: nothing of it is applied.
/// - Rows without a real key (`1.1#12`) match on their exact normalised
///   wording within the focus area (reported, `merge.matched_by_text`), and
///   rows with no wording at all (a continuation row: text in the notes
///   column only) on their place: the row they follow and how many such rows
///   precede them there. Nothing is ever fuzzy-matched.
struct ActionMatcher {
  /// Each master row's priority (`""` for none), read once.
  private let priorities: [String]
  /// Each master row's normalised wording, and the rows by it (on first use).
  private let wording: MasterWording
  /// Each master row's key.
  private let keys: [String]
  /// Whether each master row has a made-up key.
  private let synthetic: [Bool]
  /// Each real key of the master → its number, an index into `rowsByKey`:
  /// a return row's key is hashed once, then read by number.
  private var keyIds: [String: Int] = [:]
  /// Master rows by key number, in master order.
  private var rowsByKey: [[Int]] = []
  /// Master rows with neither key nor wording, by their place.
  private var byPlace: [String: [Int]] = [:]

  init(master: [Action]) {
    priorities = master.map { $0.priorityId ?? "" }
    wording = MasterWording(master)
    keys = master.map(\.key)
    synthetic = master.map { MergeKeys.isSynthetic($0.key) }
    for row in master.indices {
      if !synthetic[row] {
        if let id = keyIds[keys[row]] {
          rowsByKey[id].append(row)
        } else {
          keyIds[keys[row]] = rowsByKey.count
          rowsByKey.append([row])
        }
      }
    }
    for (row, place) in ActionMatcher.places(master).enumerated() {
      if let place { byPlace[place, default: []].append(row) }
    }
  }

  /// What matching one return found.
  struct Matches {
    /// (master row, contribution) pairs, in return row order.
    var pairs: [(row: Int, contribution: Contribution)] = []
    /// Return rows that match no master row (new actions).
    var unmatched: [Int] = []
    /// Return rows whose key and priority an earlier row of the same return
    /// already used for the same master rows.
    var duplicates: [Int] = []
    /// Return rows that could be more than one master action: (return row, candidate master rows).
    var ambiguous: [(action: Int, candidates: [Int])] = []
  }

  /// A return row's key, priority and the master rows it updates, to find a
  /// row that repeats an earlier one.
  private struct UseKey: Hashable {
    var key: String
    var priority: String
    var rows: [Int]
  }

  /// How one return row resolved.
  private enum Resolution {
    case rows([Int], byText: Bool)
    case none
    case ambiguous([Int])
  }

  /// Matches every row of a return.
  ///
  /// Each row's key is looked up once. Only what can change a result is
  /// gathered: the priorities a key is listed under matter only for keys the
  /// master lists more than once, and a row can repeat an earlier one only
  /// when the return carries its key more than once.
  func match(_ ret: ReturnContext) -> Matches {
    let actions = ret.input.plan.actions
    var matches = Matches()
    // Each row's key number in the master (`nil`: a made-up key, or one the master lacks).
    var ids = [Int?](repeating: nil, count: actions.count)
    // How many of the return's rows carry each key, by number and (for keys the master lacks) by key.
    var uses = [Int](repeating: 0, count: rowsByKey.count)
    var otherUses: [String: Int] = [:]
    // Every priority each key the master lists more than once is listed under in the return.
    var listed: [Int: Set<String>] = [:]
    for index in actions.indices where !MergeKeys.isSynthetic(actions[index].key) {
      guard let id = keyIds[actions[index].key] else {
        otherUses[actions[index].key, default: 0] += 1
        continue
      }
      ids[index] = id
      uses[id] += 1
      if rowsByKey[id].count > 1 { listed[id, default: []].insert(actions[index].priorityId ?? "") }
    }
    // A row is a duplicate when an earlier row with its key and priority
    // updates the same master rows (two rows for two actions, told apart by
    // their wording, are not).
    var used: Set<UseKey> = []
    let places = ActionMatcher.places(actions)
    for index in actions.indices {
      switch resolve(actions, index, id: ids[index], place: places[index], listed: ids[index].flatMap { listed[$0] } ?? []) {
      case .rows(let rows, let byText):
        let key = actions[index].key
        let repeated = ids[index].map { uses[$0] > 1 } ?? ((otherUses[key] ?? 0) > 1)
        if repeated, !used.insert(UseKey(key: key, priority: actions[index].priorityId ?? "", rows: rows)).inserted {
          matches.duplicates.append(index)
        }
        for row in rows { matches.pairs.append((row, Contribution(ret: ret.index, action: index, byText: byText))) }
      case .none: matches.unmatched.append(index)
      case .ambiguous(let candidates): matches.ambiguous.append((index, candidates))
      }
    }
    return matches
  }

  /// What a return row's key, priority and text say (its fields read in
  /// place: copying an `Action` retains every string in it). `id` is its
  /// key's number in the master; `listed`, the priorities the return lists
  /// that key under (needed only when the master lists it more than once).
  private func resolve(_ actions: [Action], _ index: Int, id: Int?, place: String?, listed: Set<String>) -> Resolution {
    let key = actions[index].key
    if MergeKeys.isSynthetic(key) {
      if let place {
        var candidates = byPlace[place] ?? []
        if candidates.count > 1, let own = actions[index].priorityId { candidates = candidates.filter { priorities[$0] == own } }
        return rows(candidates, byText: true)
      }
      return textMatch(actions[index], anyKey: true)
    }
    guard let id else { return textMatch(actions[index], anyKey: false) }
    let candidates = rowsByKey[id]
    // A key the master lists once names that row, whatever the priority.
    if candidates.count == 1 { return .rows(candidates, byText: false) }
    let own = actions[index].priorityId ?? ""
    let written = actions[index].text
    let text = { MergeKeys.normalised(written) }
    let under = own.isEmpty ? [] : candidates.filter { priorities[$0] == own }
    if !under.isEmpty {
      guard let chosen = oneAction(under, text: text) else { return .ambiguous(under) }
      // The cross-listed siblings the return does not list itself.
      let same = wording.text(chosen[0])
      let siblings = candidates.filter { wording.text($0) == same && !chosen.contains($0) && !listed.contains(priorities[$0]) }
      return .rows((chosen + siblings).sorted(), byText: false)
    }
    guard let chosen = oneAction(candidates, text: text) else { return .ambiguous(candidates) }
    let unlisted = chosen.filter { !listed.contains(priorities[$0]) }
    return .rows(unlisted.isEmpty ? chosen : unlisted, byText: false)
  }

  /// The rows of one action among master rows sharing a key: all of them when
  /// they share one wording (one action, perhaps cross-listed), else those
  /// with the return row's exact normalised wording; `nil` when none has it.
  private func oneAction(_ rows: [Int], text: () -> String) -> [Int]? {
    let first = wording.text(rows[0])
    if rows.allSatisfy({ wording.text($0) == first }) { return rows }
    let own = text()
    let same = rows.filter { wording.text($0) == own }
    return same.isEmpty ? nil : same
  }

  /// A row without a usable key matched on its exact normalised wording in
  /// its focus area: to rows without a key only when it has a real key
  /// (`anyKey` false), to any row otherwise. Several candidates narrow to its
  /// priority; one key listed several times with this wording is one action.
  private func textMatch(_ action: Action, anyKey: Bool) -> Resolution {
    let text = MergeKeys.normalised(action.text)
    guard !text.isEmpty, var candidates = wording.rows(focusRef: action.focusRef ?? "", text: text) else { return .none }
    if !anyKey { candidates = candidates.filter { synthetic[$0] } }
    if candidates.count > 1, let own = action.priorityId, case let under = candidates.filter({ priorities[$0] == own }),
      !under.isEmpty
    {
      candidates = under
    }
    return rows(candidates, byText: true)
  }

  private func rows(_ candidates: [Int], byText: Bool) -> Resolution {
    if candidates.isEmpty { return .none }
    if candidates.count == 1 { return .rows(candidates, byText: byText) }
    let key = keys[candidates[0]]
    if !synthetic[candidates[0]], candidates.allSatisfy({ keys[$0] == key && wording.text($0) == wording.text(candidates[0]) }) {
      return .rows(candidates, byText: byText)
    }
    return .ambiguous(candidates)
  }

  /// For each row with neither a real key nor any wording (a continuation
  /// row), its place: the row it follows (the nearest earlier row of the same
  /// priority that has a key or wording) and how many such rows precede it
  /// there; `nil` for every other row. The same layout gives the same places
  /// whatever the row numbers, with or without priorities (a row followed
  /// under several priorities is told apart by the priority when there is one).
  static func places(_ actions: [Action]) -> [String?] {
    var places = [String?](repeating: nil, count: actions.count)
    guard actions.indices.contains(where: { isContinuation(actions, $0) }) else { return places }
    // The row each priority's continuation rows follow, by index: its
    // identity is spelled out only when a continuation row needs it.
    var anchor: [String: Int] = [:]
    var count: [String: Int] = [:]
    for index in actions.indices {
      let priority = actions[index].priorityId ?? ""
      if isContinuation(actions, index) {
        let n = count[priority, default: 0] + 1
        count[priority] = n
        places[index] = "\(anchor[priority].map { identity(actions[$0]) } ?? "")\u{1F}\(n)"
      } else {
        anchor[priority] = index
        count[priority] = 0
      }
    }
    return places
  }

  /// Whether a row has neither a real key nor any wording (read in place).
  private static func isContinuation(_ actions: [Action], _ index: Int) -> Bool {
    MergeKeys.isSynthetic(actions[index].key) && MergeKeys.isBlank(actions[index].text)
  }

  /// How a continuation row's place names the row it follows: its key, or
  /// for a row without one its focus area and normalised wording.
  private static func identity(_ action: Action) -> String {
    MergeKeys.isSynthetic(action.key)
      ? "t:\(action.focusRef ?? "")\u{1F}\(MergeKeys.normalised(action.text))" : "k:\(action.key)"
  }
}
