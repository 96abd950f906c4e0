import Diagnostics
import TestSupport
import Testing
import TrackerModel

/// A large merge's rows are merged on several threads; the result (plan,
/// log, findings, counts and per-return summaries) is the one a single
/// thread gives, whatever the master and returns hold.
@Suite struct MergeThreadsTests {
  @Test(arguments: [1, 2, 3] as [UInt64])
  func aLargeMergeGivesTheSameResultOnOneThreadAndOnSeveral(seed: UInt64) {
    var generator = MergePlanGenerator(seed: seed)
    let master = generator.master(rows: PlanMerger.parallelThreshold + 700)
    #expect(master.actions.count >= PlanMerger.parallelThreshold)
    var returns: [MergeInput] = []
    for (index, group) in MergePlanGenerator.subGroups.enumerated() {
      let file = "returns/\(index).csv"
      returns.append(
        MergeInput(plan: generator.ret(from: master, file: file), file: file, subGroup: group, subGroupOrigin: .flag))
    }
    var options = MergeOptions(prefer: seed == 2 ? .return : nil, acceptLeads: seed == 3, acceptText: seed == 3)
    let threaded = PlanMerger.merge(master: MergeInput(plan: master, file: "master.xlsx"), returns: returns, options: options)
    options.allowsThreads = false
    let single = PlanMerger.merge(master: MergeInput(plan: master, file: "master.xlsx"), returns: returns, options: options)
    // The merge did something on every kind of row, so the comparison covers it.
    #expect(single.summary.updatedCells > 0)
    #expect(single.summary.newActions > 0)
    #expect(single.summary.conflicts > 0)
    #expect(!single.log.isEmpty)
    let same = threaded == single
    #expect(same)
    #expect(threaded.log.count == single.log.count)
    #expect(threaded.diagnostics.count == single.diagnostics.count)
  }
}
