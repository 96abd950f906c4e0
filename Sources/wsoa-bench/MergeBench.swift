import AtomicOutput
import Diagnostics
import Foundation
import Grid
import TrackerKit
import TrackerModel

/// `merge [ACTIONS] [RETURNS] [DIR]`: writes a master of ACTIONS actions
/// (10,000) and RETURNS sub-group returns (10) as CSV into DIR (a scratch
/// folder), then times reading every input into the canonical model beside
/// merging the returns into the master. Prints the best of three runs and
/// the ratio merge / read (aim: at most 0.20). The inputs are kept and
/// reused by the next run with the same sizes.
enum MergeBench {
  static func run(_ args: [String]) throws {
    let actions = args.count > 0 ? Int(args[0]) ?? 10_000 : 10_000
    let returnCount = args.count > 1 ? Int(args[1]) ?? 10 : 10
    let dir = args.count > 2 ? args[2] : NSTemporaryDirectory() + "wsoa-bench-merge"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let files = try generate(actions: actions, returns: returnCount, in: dir)
    let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
    print("merge: \(actions)-action master + \(returnCount) returns (\(files.count) CSV files, \(bytes / 1_000_000) MB) in \(dir)")

    var plans: [Plan] = []
    let read = try best(of: 3) { plans = try files.map(load) }
    let master = MergeInput(plan: plans[0], file: files[0])
    var result: MergeResult?
    let merge = try best(of: 3) {
      let returns = zip(files.dropFirst(), plans.dropFirst()).map { file, plan in
        SubGroupName.resolve(MergeInput(plan: plan, file: file), flag: nil, master: master.plan)
      }
      result = PlanMerger.merge(master: master, returns: returns, options: MergeOptions(prefer: .master))
    }
    guard let result else { return }
    let s = result.summary
    print("  read all inputs (CSV -> Grid -> Plan): \(format(read))")
    print("  merge (match, resolve, assemble):      \(format(merge))")
    print(String(format: "  merge / read = %.3f  (aim <= 0.20)", merge / read))
    print("  merged: \(result.plan.actions.count) actions, \(result.plan.periods.count) periods; updated cells \(s.updatedCells), "
      + "conflicts \(s.conflicts) (\(s.historyRewrites) history rewrites), notes added \(s.notesAdded), "
      + "evidence added \(s.evidenceAdded), out of remit \(s.outOfRemit), log entries \(result.log.count)")
  }

  /// Reads one CSV file into the canonical model, as `wsoa merge` does.
  static func load(_ path: String) throws -> Plan {
    try TrackerLoader.load(path).value
  }

  private static func generate(actions: Int, returns: Int, in dir: String) throws -> [String] {
    let trackers = SyntheticMergeTrackers(actions: actions, returns: returns)
    let master = dir + "/master.csv"
    let stamp = dir + "/generated-\(actions)-\(returns)"
    let names = [master] + (0..<returns).map { dir + "/return-" + SyntheticMergeTrackers.group($0).lowercased().replacingOccurrences(of: " ", with: "-") + ".csv" }
    if FileManager.default.fileExists(atPath: stamp), names.allSatisfy(FileManager.default.fileExists) { return names }
    for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name.hasPrefix("generated-") {
      try FileManager.default.removeItem(atPath: dir + "/" + name)
    }
    try AtomicFile.write(to: master) { sink in
      GenerateBench.writeCSVRow(trackers.masterHeader, to: sink)
      for i in 0..<actions { GenerateBench.writeCSVRow(trackers.masterRow(i), to: sink) }
    }
    var files = [master]
    for k in 0..<returns {
      let path = dir + "/return-" + SyntheticMergeTrackers.group(k).lowercased().replacingOccurrences(of: " ", with: "-") + ".csv"
      try AtomicFile.write(to: path) { sink in
        GenerateBench.writeCSVRow(trackers.returnHeader, to: sink)
        for i in 0..<actions { GenerateBench.writeCSVRow(trackers.returnRow(i, of: k), to: sink) }
      }
      files.append(path)
    }
    FileManager.default.createFile(atPath: stamp, contents: Data())
    return files
  }

  private static func best(of runs: Int, _ body: () throws -> Void) throws -> Double {
    var best = Double.infinity
    for _ in 0..<runs {
      let start = ContinuousClock.now
      try body()
      let elapsed = ContinuousClock.now - start
      best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return best
  }

  private static func format(_ seconds: Double) -> String { String(format: "%8.1f ms", seconds * 1000) }
}
