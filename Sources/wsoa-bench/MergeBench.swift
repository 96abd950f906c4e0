#if canImport(Glibc)
  import Glibc
#endif
import AtomicOutput
import Diagnostics
import Foundation
import Grid
import TrackerKit
import TrackerModel

/// `merge [ACTIONS] [RETURNS] [DIR] [MERGE-RUNS]`: writes a master of ACTIONS actions
/// (10,000) and RETURNS sub-group returns (10) as CSV into DIR (a scratch
/// folder), then times reading every input into the canonical model beside
/// merging the returns into the master. Prints the best of three runs and
/// the ratio merge / read (aim: at most 0.20); MERGE-RUNS (3) more merges
/// make a profile of the merge alone. The inputs are kept and
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

    var reads: [[Plan]] = []
    let read = try best(of: 3) { reads.append(try files.map(load)) }
    let plans = reads[0]
    let master = MergeInput(plan: plans[0], file: files[0])
    // Results are kept until the end so freeing one run's result is not timed in the next.
    var results: [MergeResult] = []
    let runs = args.count > 3 ? max(1, Int(args[3]) ?? 3) : 3
    let merge = try best(of: runs) {
      let known = SubGroupName.known(in: master.plan)
      let returns = zip(files.dropFirst(), plans.dropFirst()).map { file, plan in
        SubGroupName.resolve(MergeInput(plan: plan, file: file), flag: nil, known: known)
      }
      results.append(PlanMerger.merge(master: master, returns: returns, options: MergeOptions(prefer: .master)))
    }
    guard let result = results.last else { return }
    let s = result.summary
    print("  read all inputs (CSV -> Grid -> Plan): \(format(read.wall)) wall, \(format(read.cpu)) CPU")
    print("  merge (match, resolve, assemble):      \(format(merge.wall)) wall, \(format(merge.cpu)) CPU")
    print(String(format: "  merge / read = %.3f wall, %.3f CPU  (aim <= 0.20)", merge.wall / read.wall, merge.cpu / read.cpu))
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
    _ = FileManager.default.createFile(atPath: stamp, contents: Data())
    return files
  }

  /// Wall-clock and CPU seconds (all threads) of the fastest run.
  private struct Timing {
    var wall = Double.infinity
    var cpu = Double.infinity
  }

  private static func best(of runs: Int, _ body: () throws -> Void) throws -> Timing {
    var best = Timing()
    for _ in 0..<runs {
      let cpuStart = processCPUSeconds()
      let start = ContinuousClock.now
      try body()
      let elapsed = ContinuousClock.now - start
      let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      if wall < best.wall { best = Timing(wall: wall, cpu: processCPUSeconds() - cpuStart) }
    }
    return best
  }

  /// CPU time used by the process so far (every thread), in seconds.
  private static func processCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }

  private static func format(_ seconds: Double) -> String { String(format: "%8.1f ms", seconds * 1000) }
}
