import Diagnostics
import TestSupport
import Testing

@testable import TrackerModel

/// `ActionMatcher` looks each return row's key up once and gathers only what
/// can change a verdict (the priorities a key is listed under only for keys
/// the master lists more than once, duplicate checks only for keys a return
/// carries more than once, places only when there are continuation rows).
/// Checked against the plain way (every key's priorities, every row's
/// duplicate check, every place spelled out) on generated masters and
/// returns with repeated rows, keys the master lacks and rows without
/// priorities.
@Suite struct ActionMatcherReferenceTests {
  static let seeds: [UInt64] = Array(1...60) + [0xDEAD_BEEF, 20_211_231]

  /// A return from the generator, then with rows repeated (the same key and
  /// priority, sometimes other wording), a key the master lacks given twice,
  /// and now and then the priority dropped from a row.
  static func returnPlan(_ generator: inout MergePlanGenerator, master: Plan, seed: UInt64, index: Int) -> Plan {
    var plan = generator.ret(from: master, file: "returns/\(index).csv")
    var rng = SeededRandom(seed: seed &* 31 &+ UInt64(index))
    guard !plan.actions.isEmpty else { return plan }
    for _ in 0..<rng.below(4) {
      var copy = plan.actions[rng.below(plan.actions.count)]
      if rng.below(3) == 0 { copy.text += " (again)" }
      plan.actions.insert(copy, at: rng.below(plan.actions.count + 1))
    }
    if rng.below(2) == 0 {
      var lacking = plan.actions[rng.below(plan.actions.count)]
      lacking.key = "99.9Z"
      plan.actions.append(lacking)
      plan.actions.insert(lacking, at: rng.below(plan.actions.count))
    }
    for row in plan.actions.indices where rng.below(10) == 0 { plan.actions[row].priorityId = nil }
    return plan
  }

  /// A verdict as plain values, to compare.
  struct Verdict: Equatable {
    var pairs: [[Int]]
    var unmatched: [Int]
    var duplicates: [Int]
    var ambiguous: [[Int]]

    init(_ matches: ActionMatcher.Matches) {
      pairs = matches.pairs.map { [$0.row, $0.contribution.ret, $0.contribution.action, $0.contribution.byText ? 1 : 0] }
      unmatched = matches.unmatched
      duplicates = matches.duplicates
      ambiguous = matches.ambiguous.map { [$0.action] + $0.candidates }
    }

    init(_ matches: PlainMatcher.Matches) {
      pairs = matches.pairs.map { [$0.row, $0.contribution.ret, $0.contribution.action, $0.contribution.byText ? 1 : 0] }
      unmatched = matches.unmatched
      duplicates = matches.duplicates
      ambiguous = matches.ambiguous.map { [$0.action] + $0.candidates }
    }
  }

  @Test func matchesAsThePlainWayDoes() {
    var duplicates = 0
    var severalRows = 0
    var lacking = 0
    for seed in Self.seeds {
      var generator = MergePlanGenerator(seed: seed)
      let master = generator.master()
      let matcher = ActionMatcher(master: master.actions)
      let plain = PlainMatcher(master: master.actions)
      #expect(ActionMatcher.places(master.actions) == PlainMatcher.places(master.actions), "seed \(seed)")
      for index in 0..<3 {
        let plan = Self.returnPlan(&generator, master: master, seed: seed, index: index)
        let ret = ReturnContext(index: index, input: MergeInput(plan: plan, file: "returns/\(index).csv"), aliases: SubGroupAliases())
        let expected = plain.match(ret)
        #expect(Verdict(matcher.match(ret)) == Verdict(expected), "seed \(seed), return \(index)")
        #expect(ActionMatcher.places(plan.actions) == PlainMatcher.places(plan.actions), "seed \(seed), return \(index)")
        duplicates += expected.duplicates.count
        severalRows += expected.pairs.count - Set(expected.pairs.map(\.contribution.action)).count
        lacking += plan.actions.filter { $0.key == "99.9Z" }.count
      }
    }
    // The shapes the shortcuts are about do occur.
    #expect(duplicates > 20)
    #expect(severalRows > 20)
    #expect(lacking > 20)
  }
}

/// The matcher written the plain way (as it was before issue 16): every
/// key's priorities gathered, every matched row checked for a duplicate,
/// every continuation row's place spelled out from a string per row.
struct PlainMatcher {
  private struct TextKey: Hashable {
    var focusRef: String
    var text: String
  }

  private struct UseKey: Hashable {
    var key: String
    var priority: String
    var rows: [Int]
  }

  private enum Resolution {
    case rows([Int], byText: Bool)
    case none
    case ambiguous([Int])
  }

  struct Matches {
    var pairs: [(row: Int, contribution: Contribution)] = []
    var unmatched: [Int] = []
    var duplicates: [Int] = []
    var ambiguous: [(action: Int, candidates: [Int])] = []
  }

  private let priorities: [String]
  private let texts: [String]
  private let keys: [String]
  private let synthetic: [Bool]
  private var byKey: [String: [Int]] = [:]
  private var byText: [TextKey: [Int]] = [:]
  private var byPlace: [String: [Int]] = [:]

  init(master: [Action]) {
    priorities = master.map { $0.priorityId ?? "" }
    texts = master.map { MergeKeys.normalised($0.text) }
    keys = master.map(\.key)
    synthetic = master.map { MergeKeys.isSynthetic($0.key) }
    for row in master.indices {
      if !synthetic[row] { byKey[keys[row], default: []].append(row) }
      if !texts[row].isEmpty { byText[TextKey(focusRef: master[row].focusRef ?? "", text: texts[row]), default: []].append(row) }
    }
    for (row, place) in PlainMatcher.places(master).enumerated() {
      if let place { byPlace[place, default: []].append(row) }
    }
  }

  func match(_ ret: ReturnContext) -> Matches {
    let actions = ret.input.plan.actions
    var listed: [String: Set<String>] = [:]
    var matches = Matches()
    for action in actions where !MergeKeys.isSynthetic(action.key) {
      listed[action.key, default: []].insert(action.priorityId ?? "")
    }
    var used: Set<UseKey> = []
    let places = PlainMatcher.places(actions)
    for index in actions.indices {
      let action = actions[index]
      switch resolve(action, place: places[index], listed: listed[action.key] ?? []) {
      case .rows(let rows, let byText):
        if !MergeKeys.isSynthetic(action.key),
          !used.insert(UseKey(key: action.key, priority: action.priorityId ?? "", rows: rows)).inserted
        {
          matches.duplicates.append(index)
        }
        for row in rows { matches.pairs.append((row, Contribution(ret: ret.index, action: index, byText: byText))) }
      case .none: matches.unmatched.append(index)
      case .ambiguous(let candidates): matches.ambiguous.append((index, candidates))
      }
    }
    return matches
  }

  private func resolve(_ action: Action, place: String?, listed: Set<String>) -> Resolution {
    if MergeKeys.isSynthetic(action.key) {
      if let place {
        var candidates = byPlace[place] ?? []
        if candidates.count > 1, let own = action.priorityId { candidates = candidates.filter { priorities[$0] == own } }
        return rows(candidates, byText: true)
      }
      return textMatch(action, anyKey: true)
    }
    guard let candidates = byKey[action.key] else { return textMatch(action, anyKey: false) }
    let own = action.priorityId ?? ""
    let under = own.isEmpty ? [] : candidates.filter { priorities[$0] == own }
    if !under.isEmpty {
      guard let chosen = oneAction(under, text: MergeKeys.normalised(action.text)) else { return .ambiguous(under) }
      let wording = texts[chosen[0]]
      let siblings = candidates.filter { texts[$0] == wording && !chosen.contains($0) && !listed.contains(priorities[$0]) }
      return .rows((chosen + siblings).sorted(), byText: false)
    }
    guard let chosen = oneAction(candidates, text: MergeKeys.normalised(action.text)) else { return .ambiguous(candidates) }
    let unlisted = chosen.filter { !listed.contains(priorities[$0]) }
    return .rows(unlisted.isEmpty ? chosen : unlisted, byText: false)
  }

  private func oneAction(_ rows: [Int], text: String) -> [Int]? {
    if rows.allSatisfy({ texts[$0] == texts[rows[0]] }) { return rows }
    let same = rows.filter { texts[$0] == text }
    return same.isEmpty ? nil : same
  }

  private func textMatch(_ action: Action, anyKey: Bool) -> Resolution {
    let text = MergeKeys.normalised(action.text)
    guard !text.isEmpty, var candidates = byText[TextKey(focusRef: action.focusRef ?? "", text: text)] else { return .none }
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
    if !synthetic[candidates[0]], candidates.allSatisfy({ keys[$0] == key && texts[$0] == texts[candidates[0]] }) {
      return .rows(candidates, byText: byText)
    }
    return .ambiguous(candidates)
  }

  static func places(_ actions: [Action]) -> [String?] {
    var anchor: [String: String] = [:]
    var count: [String: Int] = [:]
    var places = [String?](repeating: nil, count: actions.count)
    for (index, action) in actions.enumerated() {
      let priority = action.priorityId ?? ""
      let synthetic = MergeKeys.isSynthetic(action.key)
      if synthetic, MergeKeys.isBlank(action.text) {
        let n = count[priority, default: 0] + 1
        count[priority] = n
        places[index] = "\(anchor[priority] ?? "")\u{1F}\(n)"
      } else {
        anchor[priority] =
          synthetic ? "t:\(action.focusRef ?? "")\u{1F}\(MergeKeys.normalised(action.text))" : "k:\(action.key)"
        count[priority] = 0
      }
    }
    return places
  }
}
