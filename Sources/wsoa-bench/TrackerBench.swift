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
  /// to JSON. With RUNS > 1 each phase reports its best run.
  static func run(_ args: [String]) throws {
    guard args.count >= 2 else { throw BenchError.usage("tracker FILE OUTDIR [RUNS]") }
    let path = args[0]
    let out = args[1]
    let runs = args.count > 2 ? max(1, Int(args[2]) ?? 1) : 1
    var best = [Double](repeating: .infinity, count: 4)
    var cpu = [Double](repeating: .infinity, count: 4)
    var actions = 0
    var jsonBytes = 0
    for _ in 0..<runs {
      var t = TrackerClock.now()
      var c = Self.cpuNow()
      let workbook = try readGrid(path)
      best[0] = min(best[0], TrackerClock.now() - t)
      cpu[0] = min(cpu[0], Self.cpuNow() - c)
      t = TrackerClock.now()
      c = Self.cpuNow()
      let outcome = try Recogniser.recognise(
        workbook.grid, file: path, options: RecogniserOptions(isDelimited: workbook.isDelimited, shortRows: workbook.shortRows))
      best[1] = min(best[1], TrackerClock.now() - t)
      cpu[1] = min(cpu[1], Self.cpuNow() - c)
      actions = outcome.value.actions.count
      t = TrackerClock.now()
      c = Self.cpuNow()
      let json = out + "/bench-tracker.json"
      try TrackerWriter.write(outcome.value, findings: outcome.diagnostics, to: json, options: WriteOptions(format: .json))
      best[2] = min(best[2], TrackerClock.now() - t)
      cpu[2] = min(cpu[2], Self.cpuNow() - c)
      jsonBytes = fileSize(json)
      t = TrackerClock.now()
      c = Self.cpuNow()
      try TrackerWriter.write(
        outcome.value, findings: outcome.diagnostics, to: out + "/bench-tracker.xlsx", options: WriteOptions(format: .xlsx))
      best[3] = min(best[3], TrackerClock.now() - t)
      cpu[3] = min(cpu[3], Self.cpuNow() - c)
    }
    let toJSON = best[0] + best[1] + best[2]
    print("tracker \(path): \(actions) actions\(runs > 1 ? ", best of \(runs)" : "")")
    let cpuToJSON = cpu[0] + cpu[1] + cpu[2]
    print("  phase          wall s   cpu s")
    print("  read grid      \(TrackerClock.format(best[0]))   \(TrackerClock.format(cpu[0]))")
    print("  recognise      \(TrackerClock.format(best[1]))   \(TrackerClock.format(cpu[1]))   (domain layer)")
    print("  write JSON     \(TrackerClock.format(best[2]))   \(TrackerClock.format(cpu[2]))   (\(jsonBytes / 1_000_000) MB)")
    print("  write XLSX     \(TrackerClock.format(best[3]))   \(TrackerClock.format(cpu[3]))")
    print("  domain share of a conversion to JSON: \(Int((best[1] / toJSON * 100).rounded()))% of wall, "
      + "\(Int((cpu[1] / cpuToJSON * 100).rounded()))% of CPU; peak RSS \(TrackerClock.peakRSSMiB()) MiB")
  }

  private static func readGrid(_ path: String) throws -> (grid: Workbook, isDelimited: Bool, shortRows: [Int: Int]) {
    if path.lowercased().hasSuffix(".xlsx") { return (try XLSXReader(path: path).readWorkbook(.all), false, [:]) }
    var builder = WorkbookBuilder()
    let report = try DelimitedReader().read(contentsOf: path, into: &builder)
    return (builder.workbook, true, report.shortRows)
  }

  /// CPU seconds used by the process so far (all threads).
  static func cpuNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  private static func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
  }
}

/// Wall and CPU time, and peak memory, for the tracker benchmark.
enum TrackerClock {
  /// Monotonic seconds.
  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  /// Seconds with three decimals.
  static func format(_ seconds: Double) -> String {
    let ms = Int((seconds * 1000).rounded())
    let frac = String(ms % 1000)
    return "\(ms / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
  }

  /// Peak resident set size (VmHWM) in MiB.
  static func peakRSSMiB() -> Int {
    guard let file = fopen("/proc/self/status", "r") else { return -1 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, 256, file) != nil {
      let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if text.hasPrefix("VmHWM:") { return (Int(text.filter(\.isNumber)) ?? 0) / 1024 }
    }
    return -1
  }
}
