import Diagnostics
import Foundation
import TestSupport
import Testing
import TrackerModel

/// Issue 13: merge matches or does nothing, and its verdict on a return
/// depends on the master and that return alone. Checked over generated
/// masters (with keys duplicated under another priority with other wording,
/// cross-listed keys and continuation rows) and returns (some on a template
/// without priorities, some updating other sub-groups' actions).
@Suite struct MergeMatchingPropertyTests {
  static let seeds: [UInt64] = Array(1...40) + [0xDEAD_BEEF, 0x5EED_0001, 20_211_231]

  /// A scenario whose returns remember which master row each of their rows came from.
  struct Scenario {
    var master: MergeInput
    var returns: [MergeInput]
    /// File → return row's source row → the master row it was copied from.
    var origins: [String: [Int: Int]]
  }

  static func scenario(_ seed: UInt64) -> Scenario {
    var generator = MergePlanGenerator(seed: seed)
    let master = generator.master()
    var returns: [MergeInput] = []
    var origins: [String: [Int: Int]] = [:]
    var rng = SeededRandom(seed: seed ^ 0x5151)
    // One return per sub-group (a sub-group's returns are judged together: `merge.no_update`).
    let groups = MergePlanGenerator.subGroups.shuffled(using: &rng)
    for index in 0..<(1 + Int(rng.next() % 4)) {
      let group = groups[index]
      let file = "returns/\(index)-\(group.prefix(3)).csv"
      let plan = generator.ret(from: master, file: file)
      var rows: [Int: Int] = [:]
      for (action, origin) in zip(plan.actions, generator.origins) {
        if let origin, let row = action.source?.cell?.row { rows[row] = origin }
      }
      origins[file] = rows
      returns.append(MergeInput(plan: plan, file: file, subGroup: group, subGroupOrigin: .flag))
    }
    return Scenario(master: MergeInput(plan: master, file: "master.xlsx"), returns: returns, origins: origins)
  }

  /// The master rows that are the same action as `row`: itself and the rows
  /// listing its key under another priority with the same wording.
  static func sameAction(_ row: Int, in master: [Action]) -> Set<Int> {
    let action = master[row]
    guard !isMadeUpKey(action.key) else { return [row] }
    let wording = normalised(action.text)
    return Set(master.indices.filter { master[$0].key == action.key && normalised(master[$0].text) == wording })
  }

  static func normalised(_ text: String) -> String {
    text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The row number of a provenance's cell (`B12` → 12).
  static func row(_ provenance: Provenance?) -> Int? {
    guard let cell = provenance?.cell else { return nil }
    return Int(cell.drop { $0.isLetter })
  }

  /// The scenarios hold every shape the properties are about.
  @Test func theScenariosHoldEveryShape() {
    var total = MergeSummary()
    var continuations = 0
    var crossListed = 0
    var otherWording = 0
    var disjointRewrites = 0
    for seed in Self.seeds {
      let scenario = Self.scenario(seed)
      let result = PlanMerger.merge(master: scenario.master, returns: scenario.returns)
      total.add(result.summary)
      continuations += result.diagnostics.filter { $0.code == MergeCode.matchedByText && $0.message.contains("continuation") }.count
      let actions = scenario.master.plan.actions
      for (index, action) in actions.enumerated() where !isMadeUpKey(action.key) {
        let same = Self.sameAction(index, in: actions)
        if same.count > 1 { crossListed += 1 }
        if actions.contains(where: { $0.key == action.key && !same.contains(actions.firstIndex(of: $0)!) }) { otherWording += 1 }
      }
      let disjoint = Self.disjoint(scenario)
      disjointRewrites += PlanMerger.merge(master: disjoint.master, returns: disjoint.returns).summary.historyRewrites
    }
    #expect(total.ambiguousKeys > 0)
    #expect(total.outOfRemit > 0 && total.newPeriods > 0 && total.matchedByText > 0)
    #expect(continuations > 0 && crossListed > 0 && otherWording > 0 && disjointRewrites > 0)
  }

  @Test(arguments: seeds)
  func noValueLandsInAnActionItWasNotMatchedTo(seed: UInt64) {
    let scenario = Self.scenario(seed)
    let master = scenario.master.plan.actions
    let masterRows = Dictionary(master.indices.map { (master[$0].source, $0) }, uniquingKeysWith: { a, _ in a })
    for options in MergeGuaranteeTests.optionSets {
      let result = PlanMerger.merge(master: scenario.master, returns: scenario.returns, options: options)
      for action in result.plan.actions {
        // A new action (from a return) is reported; a master row is known by its source.
        guard let row = action.source.flatMap({ masterRows[$0] }), action.key == master[row].key else { continue }
        let allowed = Self.sameAction(row, in: master)
        let provenances =
          action.statuses.compactMap(\.provenance) + action.notes.compactMap(\.provenance)
          + action.evidence.compactMap(\.provenance)
        for provenance in provenances where provenance.file != scenario.master.file {
          guard let from = Self.row(provenance).flatMap({ scenario.origins[provenance.file]?[$0] }) else { continue }
          let what = "\(provenance.file) row \(Self.row(provenance) ?? 0) (master row \(from), \(master[from].key))"
          #expect(allowed.contains(from), "seed \(seed): \(what) landed in \(action.key) priority \(action.priorityId ?? "-")")
        }
      }
    }
  }

  @Test(arguments: seeds)
  func anAmbiguousRowAppliesNothingAndNamesItsCandidates(seed: UInt64) {
    let scenario = Self.scenario(seed)
    let result = PlanMerger.merge(master: scenario.master, returns: scenario.returns)
    let ambiguous = result.diagnostics.filter { $0.code == MergeCode.ambiguousKey }
    #expect(ambiguous.count == result.summary.ambiguousKeys)
    let used = Set(
      result.plan.actions.flatMap { action in
        (action.statuses.compactMap(\.provenance) + action.notes.compactMap(\.provenance)
          + action.evidence.compactMap(\.provenance)).map { "\($0.file)|\(Self.row($0) ?? 0)" }
      })
    for finding in ambiguous {
      #expect(finding.severity == .warning && finding.related.count >= 2, "seed \(seed): \(finding.message)")
      let place = "\(finding.location?.file ?? "")|\(finding.location?.cell?.row ?? 0)"
      #expect(!used.contains(place), "seed \(seed): the ambiguous row \(place) was applied")
    }
  }

  /// Every note and evidence item of every return is in the merged tracker,
  /// unless its row was reported ambiguous (applied nowhere, by design).
  @Test(arguments: seeds)
  func nothingIsLostButWhatIsReportedAmbiguous(seed: UInt64) {
    let scenario = Self.scenario(seed)
    let result = PlanMerger.merge(master: scenario.master, returns: scenario.returns)
    let ambiguous = Set(
      result.diagnostics.filter { $0.code == MergeCode.ambiguousKey }.map {
        "\($0.location?.file ?? "")|\($0.location?.cell?.row ?? 0)"
      })
    let notes = Set(result.plan.actions.flatMap { $0.notes.map(MergeGuaranteeTests.noteID) })
    let evidence = Set(result.plan.actions.flatMap { $0.evidence.map(MergeGuaranteeTests.evidenceID) })
    for ret in scenario.returns {
      for action in ret.plan.actions where !ambiguous.contains("\(ret.file)|\(action.source?.cell?.row ?? 0)") {
        #expect(Set(action.notes.map(MergeGuaranteeTests.noteID)).isSubset(of: notes), "seed \(seed): note lost")
        #expect(Set(action.evidence.map(MergeGuaranteeTests.evidenceID)).isSubset(of: evidence), "seed \(seed): evidence lost")
      }
    }
    #expect(result.plan.actions.count >= scenario.master.plan.actions.count)
  }

  /// Merging a tracker with itself changes nothing and adds nothing, whatever
  /// duplicated, cross-listed or keyless rows it holds.
  @Test(arguments: seeds)
  func selfMergeIsANoOp(seed: UInt64) {
    let scenario = Self.scenario(seed)
    let alone = PlanMerger.merge(master: scenario.master, returns: [])
    let selfMerged = PlanMerger.merge(
      master: scenario.master, returns: [MergeInput(plan: scenario.master.plan, file: "copy.xlsx")])
    let s = selfMerged.summary
    #expect(s.newActions == 0 && s.updatedCells == 0 && s.conflicts == 0, "seed \(seed): \(s)")
    #expect(s.notesAdded == 0 && s.evidenceAdded == 0 && s.governanceChanges == 0 && s.notesEdited == 0)
    let same = selfMerged.plan.actions == alone.plan.actions
    #expect(same, "seed \(seed): merging the master with itself changed it")
  }

  /// Returns that each change their own set of actions (and each add their
  /// own periods) give, merged together in any order, exactly the findings
  /// and counts each gives alone, and the same merged rows.
  @Test(arguments: seeds)
  func theVerdictOnAReturnDoesNotDependOnTheOthers(seed: UInt64) {
    let scenario = Self.disjoint(Self.scenario(seed))
    let master = scenario.master
    func findings(_ result: MergeResult) -> [String] {
      result.diagnostics.filter { $0.code != MergeCode.noReturn }
        .map { "\($0.code)|\($0.severity)|\($0.location.map { "\($0)" } ?? "")|\($0.message)" }.sorted()
    }
    let alone = scenario.returns.map { PlanMerger.merge(master: master, returns: [$0]) }
    var rng = SeededRandom(seed: seed &* 7)
    for order in [scenario.returns, scenario.returns.reversed(), scenario.returns.shuffled(using: &rng)] {
      let together = PlanMerger.merge(master: master, returns: order)
      #expect(findings(together) == alone.flatMap(findings).sorted(), "seed \(seed): findings depend on the other returns")
      var sum = MergeSummary()
      for result in alone { sum.add(result.summary) }
      #expect(Self.sameCounts(together.summary, sum), "seed \(seed): counts depend on the other returns")
      // Each master row merged with all returns is what its one changing return made of it.
      for (index, action) in master.plan.actions.enumerated() {
        let merged = together.plan.actions.first { $0.source == action.source && $0.key == action.key }
        let changers = alone.filter { result in
          result.log.contains { $0.actionIndex != nil && result.plan.actions[$0.actionIndex!].source == action.source }
        }
        guard let merged, changers.count == 1,
          let single = changers[0].plan.actions.first(where: { $0.source == action.source && $0.key == action.key })
        else { continue }
        #expect(Self.content(merged) == Self.content(single), "seed \(seed): row \(index) depends on the other returns")
      }
    }
  }

  /// Counts compared field by field, leaving out missing returns (which
  /// depend on the set of returns by definition).
  static func sameCounts(_ a: MergeSummary, _ b: MergeSummary) -> Bool {
    a.updatedCells == b.updatedCells && a.conflicts == b.conflicts && a.historyRewrites == b.historyRewrites
      && a.newPeriods == b.newPeriods && a.newActions == b.newActions && a.missingUpdates == b.missingUpdates
      && a.notesAdded == b.notesAdded && a.notesEdited == b.notesEdited && a.evidenceAdded == b.evidenceAdded
      && a.evidenceRemoved == b.evidenceRemoved && a.governanceChanges == b.governanceChanges
      && a.outOfRemit == b.outOfRemit && a.matchedByText == b.matchedByText && a.ambiguousKeys == b.ambiguousKeys
      && a.periodMismatches == b.periodMismatches && a.unresolvedConflicts == b.unresolvedConflicts
  }

  /// What a merged row holds, leaving out where notes sit among periods
  /// (a period another return adds may take a note into its window).
  static func content(_ action: Action) -> String {
    let statuses = action.statuses.filter { !$0.status.raw.isEmpty }.map {
      "\($0.periodId)=\($0.status.raw)@\($0.provenance?.file ?? "")!\($0.provenance?.cell ?? "")"
    }
    let notes = action.notes.map { "\($0.date.map(\.description) ?? "-"):\($0.text)@\($0.provenance?.file ?? "")" }
    let evidence = action.evidence.map { "\($0.text)@\($0.provenance?.file ?? "")" }
    return [statuses, notes, evidence, [action.text, action.leads.map(\.name).joined(separator: ";")]]
      .map { $0.joined(separator: "|") }.joined(separator: "\n")
  }

  /// The scenario made so that no two returns change the same action or add
  /// the same period: each master row may be changed only by the return it is
  /// dealt to (the others copy it as the master has it, blank in periods the
  /// master lacks), new actions get keys of their own, and a period a return
  /// adds is dropped from later returns.
  static func disjoint(_ scenario: Scenario) -> Scenario {
    var result = scenario
    let master = scenario.master.plan
    let masterPeriods = Set(master.periods.map { "\($0.start)-\($0.end)" })
    var added: Set<String> = []
    for (n, input) in scenario.returns.enumerated() {
      var plan = input.plan
      let origins = scenario.origins[input.file] ?? [:]
      // Periods another return already adds are dropped here.
      let dropped = Set(plan.periods.filter { period in
        let range = "\(period.start)-\(period.end)"
        return !masterPeriods.contains(range) && added.contains(range)
      }.map(\.id))
      plan.periods.removeAll { dropped.contains($0.id) }
      for period in plan.periods { added.insert("\(period.start)-\(period.end)") }
      let own = Set(plan.periods.map(\.id))
      let hasEvidence = plan.actions.contains { !$0.evidence.isEmpty }
      for index in plan.actions.indices {
        plan.actions[index].statuses.removeAll { !own.contains($0.periodId) }
        guard let row = plan.actions[index].source?.cell?.row else { continue }
        guard let origin = origins[row] else {
          // A new action: a key no other return (nor the master) uses.
          plan.actions[index].key = "9\(n).\(index)Z"
          continue
        }
        // Rows of one action (cross-listed) go to the same return.
        let dealt = sameAction(origin, in: master.actions).min()! % scenario.returns.count == n
        if dealt { continue }
        var copy = master.actions[origin]
        copy.priorityId = plan.actions[index].priorityId
        copy.source = plan.actions[index].source
        copy.statuses = plan.periods.enumerated().map { column, period in
          let status = master.actions[origin].statuses.first { $0.periodId == period.id }?.status ?? .empty
          let letter = ["E", "F", "G", "H", "K", "L", "M", "N"][column % 8]
          return PeriodStatus(periodId: period.id, status: status, source: MergeTestPlans.cell(input.file, "\(letter)\(row)"))
        }
        copy.notes = copy.notes.map { var note = $0; note.source = plan.actions[index].source; return note }
        copy.evidence = hasEvidence ? copy.evidence.map { var item = $0; item.source = plan.actions[index].source; return item } : []
        plan.actions[index] = copy
      }
      result.returns[n].plan = plan
    }
    return result
  }
}
