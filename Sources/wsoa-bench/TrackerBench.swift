import AtomicOutput
import DelimitedFormat
import Diagnostics
import Grid
import TrackerKit
import TrackerModel
import XLSXFormat

#if canImport(Glibc)
  import Glibc
#endif

/// Tracker conversion benchmarks (scripts/bench/tracker.sh runs them).
enum TrackerBench {
  /// `tracker FILE OUTDIR [RUNS]`: converts a tracker in-process and prints
  /// each phase: reading the grid, recognising it (the domain layer), writing
  /// JSON, writing the cleaned XLSX, and the domain's share of a conversion
  /// to JSON. With RUNS > 1 each phase reports its best run. Freeing the
  /// grid is timed on its own line: `wsoa` does it on a background thread
  /// while it writes, so it belongs to no phase.
  static func run(_ args: [String]) throws {
    guard args.count >= 2 else { throw BenchError.usage("tracker FILE OUTDIR [RUNS]") }
    let path = args[0]
    let out = args[1]
    let runs = args.count > 2 ? max(1, Int(args[2]) ?? 1) : 1
    var best = [Double](repeating: .infinity, count: 5)
    var cpu = [Double](repeating: .infinity, count: 5)
    var actions = 0
    var jsonBytes = 0
    for _ in 0..<runs {
      var t = BenchProcess.now()
      var c = BenchProcess.cpuSeconds()
      // Optional, so the grid is freed exactly where it is set to nil (a
      // plain constant may be freed right after its last use, inside the
      // recognise timing).
      var workbook: (grid: Workbook, isDelimited: Bool, shortRows: [Int: Int])? = try readGrid(path)
      best[0] = min(best[0], BenchProcess.now() - t)
      cpu[0] = min(cpu[0], BenchProcess.cpuSeconds() - c)
      t = BenchProcess.now()
      c = BenchProcess.cpuSeconds()
      let outcome = try Recogniser.recognise(
        workbook!.grid, file: path,
        options: RecogniserOptions(isDelimited: workbook!.isDelimited, shortRows: workbook!.shortRows))
      best[1] = min(best[1], BenchProcess.now() - t)
      cpu[1] = min(cpu[1], BenchProcess.cpuSeconds() - c)
      t = BenchProcess.now()
      c = BenchProcess.cpuSeconds()
      workbook = nil
      best[4] = min(best[4], BenchProcess.now() - t)
      cpu[4] = min(cpu[4], BenchProcess.cpuSeconds() - c)
      actions = outcome.value.actions.count
      t = BenchProcess.now()
      c = BenchProcess.cpuSeconds()
      let json = out + "/bench-tracker.json"
      try TrackerWriter.write(outcome.value, findings: outcome.diagnostics, to: json, options: WriteOptions(format: .json))
      best[2] = min(best[2], BenchProcess.now() - t)
      cpu[2] = min(cpu[2], BenchProcess.cpuSeconds() - c)
      jsonBytes = fileSize(json)
      t = BenchProcess.now()
      c = BenchProcess.cpuSeconds()
      try TrackerWriter.write(
        outcome.value, findings: outcome.diagnostics, to: out + "/bench-tracker.xlsx", options: WriteOptions(format: .xlsx))
      best[3] = min(best[3], BenchProcess.now() - t)
      cpu[3] = min(cpu[3], BenchProcess.cpuSeconds() - c)
    }
    let toJSON = best[0] + best[1] + best[2]
    print("tracker \(path): \(actions) actions\(runs > 1 ? ", best of \(runs)" : "")")
    let cpuToJSON = cpu[0] + cpu[1] + cpu[2]
    print("  phase          wall s   cpu s")
    print("  read grid      \(BenchProcess.format(best[0]))   \(BenchProcess.format(cpu[0]))")
    print("  recognise      \(BenchProcess.format(best[1]))   \(BenchProcess.format(cpu[1]))   (domain layer)")
    print("  write JSON     \(BenchProcess.format(best[2]))   \(BenchProcess.format(cpu[2]))   (\(jsonBytes / 1_000_000) MB)")
    print("  write XLSX     \(BenchProcess.format(best[3]))   \(BenchProcess.format(cpu[3]))")
    print("  free grid      \(BenchProcess.format(best[4]))   \(BenchProcess.format(cpu[4]))   (wsoa: background, while writing)")
    print("  domain share of a conversion to JSON: \(Int((best[1] / toJSON * 100).rounded()))% of wall, "
      + "\(Int((cpu[1] / cpuToJSON * 100).rounded()))% of CPU; peak RSS \(BenchProcess.peakRSSMiB()) MiB")
  }

  private static func readGrid(_ path: String) throws -> (grid: Workbook, isDelimited: Bool, shortRows: [Int: Int]) {
    if path.lowercased().hasSuffix(".xlsx") { return (try XLSXReader(path: path).readWorkbook(.all), false, [:]) }
    var builder = WorkbookBuilder()
    let report = try DelimitedReader().read(contentsOf: path, into: &builder)
    return (builder.workbook, true, report.shortRows)
  }

  private static func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
  }
}

