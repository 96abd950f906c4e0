import Diagnostics
import Foundation
import TestSupport
import Testing
import TrackerModel

/// The merge guarantees (domain.md §8.2, security.md §4), checked as
/// properties over seeded random trackers and returns: nothing is lost, the
/// order of returns does not matter, re-merging changes nothing, and the
/// inputs are left as they were.
@Suite struct MergeGuaranteeTests {
  static let seeds: [UInt64] = Array(1...40) + [0xDEAD_BEEF, 0x5EED_0001, 20_211_231]
  static let optionSets = [
    MergeOptions(), MergeOptions(prefer: .master),
    MergeOptions(prefer: .return, acceptLeads: true, acceptText: true, acceptDue: true),
  ]

  /// A master and 1–4 returns from a seed, each return with a sub-group.
  static func scenario(_ seed: UInt64) -> (master: MergeInput, returns: [MergeInput]) {
    var generator = MergePlanGenerator(seed: seed)
    let master = generator.master()
    var returns: [MergeInput] = []
    var rng = SeededRandom(seed: seed ^ 0xABCD)
    for index in 0..<(1 + Int(rng.next() % 4)) {
      let group = MergePlanGenerator.subGroups[Int(rng.next() % UInt64(MergePlanGenerator.subGroups.count))]
      let file = "returns/\(index)-\(group.prefix(3)).csv"
      let plan = generator.ret(from: master, file: file)
      returns.append(MergeInput(plan: plan, file: file, subGroup: rng.next() % 5 == 0 ? nil : group, subGroupOrigin: .flag))
    }
    return (MergeInput(plan: master, file: "master.xlsx"), returns)
  }

  @Test(arguments: seeds)
  func noRowNoteOrEvidenceItemIsEverLost(seed: UInt64) throws {
    let (master, returns) = Self.scenario(seed)
    for options in Self.optionSets {
      let result = PlanMerger.merge(master: master, returns: returns, options: options)
      let merged = result.plan
      // A row that could be more than one master action applies nothing (reported).
      let ambiguous = Set(
        result.diagnostics.filter { $0.code == MergeCode.ambiguousKey }.map {
          "\($0.location?.file ?? "")|\($0.location?.cell?.row ?? 0)"
        })
      #expect(merged.actions.count >= master.plan.actions.count)
      // Master rows keep their order and identity.
      var cursor = merged.actions.makeIterator()
      for action in master.plan.actions {
        var found = false
        while let next = cursor.next() {
          if next.key == action.key && next.priorityId == action.priorityId { found = true; break }
        }
        #expect(found, "seed \(seed): master row \(action.key) lost")
      }
      for (index, action) in master.plan.actions.enumerated() {
        let out = try #require(merged.actions.first { $0.key == action.key && $0.priorityId == action.priorityId && $0.source == action.source })
        #expect(Set(action.notes.map(Self.noteID)).isSubset(of: Set(out.notes.map(Self.noteID))), "seed \(seed) row \(index): note lost")
        #expect(Set(action.evidence.map(Self.evidenceID)).isSubset(of: Set(out.evidence.map(Self.evidenceID))), "seed \(seed): evidence lost")
        if options.prefer != .return {
          for status in action.statuses where !status.status.raw.isEmpty {
            #expect(out.status(for: status.periodId)?.status == status.status, "seed \(seed): master status changed")
          }
        }
      }
      // Every return note and evidence item is in the merged tracker.
      let allNotes = Set(merged.actions.flatMap { $0.notes.map(Self.noteID) })
      let allEvidence = Set(merged.actions.flatMap { $0.evidence.map(Self.evidenceID) })
      for ret in returns {
        for action in ret.plan.actions where !ambiguous.contains("\(ret.file)|\(action.source?.cell?.row ?? 0)") {
          #expect(Set(action.notes.map(Self.noteID)).isSubset(of: allNotes), "seed \(seed): return note lost")
          #expect(Set(action.evidence.map(Self.evidenceID)).isSubset(of: allEvidence), "seed \(seed): return evidence lost")
        }
      }
      // Provenance on every non-empty status, note and evidence item.
      for action in merged.actions {
        #expect(action.statuses.allSatisfy { $0.status.raw.isEmpty || $0.provenance != nil })
        #expect(action.notes.allSatisfy { $0.provenance != nil } && action.evidence.allSatisfy { $0.provenance != nil })
        #expect(action.statuses.map(\.periodId) == merged.periods.map(\.id))
      }
    }
  }

  @Test(arguments: seeds)
  func theOrderOfReturnsDoesNotChangeAByte(seed: UInt64) throws {
    let (master, returns) = Self.scenario(seed)
    var rng = SeededRandom(seed: seed &* 31)
    for options in Self.optionSets {
      let reference = PlanMerger.merge(master: master, returns: returns, options: options)
      let shuffled = PlanMerger.merge(master: master, returns: returns.shuffled(using: &rng), options: options)
      let reversed = PlanMerger.merge(master: master, returns: returns.reversed(), options: options)
      let sameShuffled = shuffled == reference
      let sameReversed = reversed == reference
      let sameBytes = try Self.json(shuffled.plan) == Self.json(reference.plan)
      #expect(sameShuffled && sameReversed && sameBytes, "seed \(seed): the result depends on the order of returns")
    }
  }

  @Test(arguments: seeds)
  func mergingTheSameReturnsAgainChangesNothing(seed: UInt64) throws {
    let (master, returns) = Self.scenario(seed)
    for options in Self.optionSets {
      let once = PlanMerger.merge(master: master, returns: returns, options: options)
      let twice = PlanMerger.merge(master: MergeInput(plan: once.plan, file: "master.xlsx"), returns: returns, options: options)
      let samePlan = twice.plan == once.plan
      let sameBytes = try Self.json(twice.plan) == Self.json(once.plan)
      #expect(samePlan && sameBytes, "seed \(seed): merge(merge(M, R), R) != merge(M, R)")
      let s = twice.summary
      #expect(s.newActions == 0 && s.newPeriods == 0 && s.notesAdded == 0 && s.evidenceAdded == 0)
      #expect(s.updatedCells == 0 && s.governanceAccepted == 0)
      // Each return applied on its own, then again, is also a fixed point.
      for ret in returns {
        let single = PlanMerger.merge(master: master, returns: [ret], options: options)
        let again = PlanMerger.merge(master: MergeInput(plan: single.plan, file: "master.xlsx"), returns: [ret], options: options)
        let same = again.plan == single.plan
        #expect(same, "seed \(seed): re-merging \(ret.file) changed the plan")
      }
    }
  }

  @Test(arguments: seeds.prefix(10))
  func theSameReturnGivenTwiceIsAppliedOnce(seed: UInt64) throws {
    let (master, returns) = Self.scenario(seed)
    let once = PlanMerger.merge(master: master, returns: returns)
    let doubled = PlanMerger.merge(master: master, returns: returns + returns)
    let same = doubled.plan == once.plan && doubled.log == once.log
    #expect(same, "seed \(seed): a return given twice was applied twice")
    #expect(doubled.returns.filter(\.skipped).count == returns.count)
  }

  /// The same bytes under another name (a link or a copy: the caller's
  /// SHA-256 is the same) are one return; a return whose own bytes differ is
  /// applied even when its plan lists the same source files (a `wsoa/1`
  /// return made from the same workbook).
  @Test(arguments: seeds.prefix(10))
  func theSameBytesUnderAnotherNameAreAppliedOnce(seed: UInt64) throws {
    let (master, plain) = Self.scenario(seed)
    let returns = plain.enumerated().map { index, ret in
      var ret = ret
      ret.sha256 = String(repeating: "\(index)", count: 64)
      return ret
    }
    let once = PlanMerger.merge(master: master, returns: returns)
    let copies = returns.map { ret in
      var copy = ret
      copy.file = "copies/" + ret.fileName.replacingOccurrences(of: ".csv", with: " copy.csv")
      return copy
    }
    let doubled = PlanMerger.merge(master: master, returns: returns + copies)
    // Values, not provenance: the copy's name may sort before the original's.
    let values = { (result: MergeResult) in result.plan.actions.map { $0.statuses.map { "\($0.periodId)=\($0.status.raw)" } } }
    #expect(values(doubled) == values(once), "seed \(seed)")
    #expect(doubled.plan.actions.map { $0.notes.count } == once.plan.actions.map { $0.notes.count }, "seed \(seed)")
    #expect(doubled.returns.filter(\.skipped).count == returns.count, "seed \(seed)")
    #expect(doubled.diagnostics.filter { $0.code == MergeCode.duplicateReturn }.count == returns.count)
    // Other bytes: applied, whatever the plan says it was made from.
    let other = returns.map { ret in
      var other = ret
      other.file = "other/" + ret.fileName
      other.sha256 = String(repeating: "f", count: 64)
      other.plan.sources = returns[0].plan.sources
      return other
    }
    let both = PlanMerger.merge(master: master, returns: [returns[0], other[0]])
    #expect(both.returns.allSatisfy { !$0.skipped }, "seed \(seed)")
  }

  @Test(arguments: seeds.prefix(10))
  func theInputsAreLeftAsTheyWere(seed: UInt64) {
    let (master, returns) = Self.scenario(seed)
    let masterCopy = master
    let returnsCopy = returns
    _ = PlanMerger.merge(master: master, returns: returns, options: MergeOptions(prefer: .return, acceptLeads: true))
    let unchanged = master == masterCopy && returns == returnsCopy
    #expect(unchanged, "seed \(seed): merge modified its inputs")
  }

  @Test func theGeneratorExercisesEveryRule() {
    var total = MergeSummary()
    for seed in Self.seeds {
      let (master, returns) = Self.scenario(seed)
      total.add(PlanMerger.merge(master: master, returns: returns).summary)
    }
    #expect(total.updatedCells > 0 && total.conflicts > 0 && total.historyRewrites > 0)
    #expect(total.newPeriods > 0 && total.newActions > 0 && total.missingUpdates > 0)
    #expect(total.notesAdded > 0 && total.notesEdited > 0 && total.evidenceAdded > 0 && total.evidenceRemoved > 0)
    #expect(total.governanceChanges > 0 && total.outOfRemit > 0 && total.matchedByText > 0)
  }

  static func noteID(_ note: ProgressNote) -> String {
    "\(note.date.map(\.description) ?? "-")|\(note.text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " "))"
  }

  static func evidenceID(_ item: EvidenceItem) -> String {
    item.ref ?? item.text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  static func json(_ plan: Plan) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(plan)
  }
}

extension MergeSummary {
  mutating func add(_ other: MergeSummary) {
    updatedCells += other.updatedCells
    conflicts += other.conflicts
    historyRewrites += other.historyRewrites
    newPeriods += other.newPeriods
    newActions += other.newActions
    missingUpdates += other.missingUpdates
    notesAdded += other.notesAdded
    notesEdited += other.notesEdited
    evidenceAdded += other.evidenceAdded
    evidenceRemoved += other.evidenceRemoved
    governanceChanges += other.governanceChanges
    outOfRemit += other.outOfRemit
    matchedByText += other.matchedByText
    unresolvedConflicts += other.unresolvedConflicts
    periodMismatches += other.periodMismatches
    ambiguousKeys += other.ambiguousKeys
  }
}
