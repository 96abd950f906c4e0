#if canImport(Glibc)
  import Glibc
#endif
import Grid
import XLSXFormat

/// XLSX writing throughput.
///
/// - `xlsx-write-tracker OUT [ACTIONS] [LEVEL] [inline]`: the tracker-shaped
///   grid (header + ACTIONS rows x 11 text columns, default 100,000), header
///   bold, frozen and filtered.
/// - `xlsx-write-numeric OUT [ROWS] [LEVEL] [inline]`: the numeric grid
///   (ROWS x 10, default 1,000,000).
/// (`generate-tracker-csv` and `generate-numeric-csv` write the same grids
/// as CSV, so the Python peer writes exactly the same values.)
///
/// LEVEL is the zlib level (default: the writer's default, 1); `inline`
/// turns background compression off; `lean` de-duplicates only strings of
/// up to 64 bytes (`longestDeduplicatedString`). Rows are generated while
/// writing; the CPU time to generate them alone is measured first and
/// reported beside, so the writer's own CPU cost is
/// `cpu_seconds - generate_cpu_seconds`. Prints a summary and one
/// `bench=... seconds=... cpu_seconds=... rows=... peak_rss=...` line.
enum XLSXWriteBench {
  static func tracker(_ args: [String]) throws {
    guard let out = args.first else { throw BenchError.usage("xlsx-write-tracker OUT [ACTIONS] [LEVEL] [inline] [lean]") }
    let actions = args.count > 1 ? Int(args[1]) ?? 100_000 : 100_000
    let tracker = SyntheticTracker(actions: actions)
    let generate = measure {
      var bytes = 0
      for i in 0..<actions { bytes &+= tracker.row(i).reduce(0) { $0 &+ $1.utf8.count } }
      return bytes
    }
    let options = writeOptions(args)
    let start = monotonicSeconds()
    let cpuStart = cpuSeconds()
    let writer = try XLSXWriter(path: out, options: options)
    let bold = writer.addFormat(CellFormat(font: FontFormat(isBold: true)))
    try writer.beginSheet(name: "Tracker", layout: SheetLayout(frozenRows: 1, autoFilter: .header(row: 1)))
    try writer.writeRow(SyntheticTracker.header.map { .text($0) }, format: bold)
    for i in 0..<actions { try writer.writeRow(tracker.row(i).map { .text($0) }) }
    try writer.endSheet()
    let summary = try writer.finish()
    report(
      "xlsx-write-tracker", out: out, rows: actions + 1, seconds: monotonicSeconds() - start, generate: generate,
      cpu: cpuSeconds() - cpuStart, options: options,
      extra: "strings=\(summary.stringCells) items=\(summary.distinctStrings) lean=\(options.longestDeduplicatedString != nil)")
  }

  static func numeric(_ args: [String]) throws {
    guard let out = args.first else { throw BenchError.usage("xlsx-write-numeric OUT [ROWS] [LEVEL] [inline]") }
    let rows = args.count > 1 ? Int(args[1]) ?? 1_000_000 : 1_000_000
    let grid = SyntheticNumericGrid(rows: rows)
    let generate = measure {
      var checksum = 0
      for i in 0..<rows {
        for case .number(let n) in grid.row(i) { checksum &+= Int(n) }
      }
      return checksum
    }
    let options = writeOptions(args)
    let start = monotonicSeconds()
    let cpuStart = cpuSeconds()
    let writer = try XLSXWriter(path: out, options: options)
    try writer.beginSheet(name: "Numbers")
    for i in 0..<rows { try writer.writeRow(grid.row(i)) }
    try writer.endSheet()
    try writer.finish()
    report(
      "xlsx-write-numeric", out: out, rows: rows, seconds: monotonicSeconds() - start, generate: generate,
      cpu: cpuSeconds() - cpuStart, options: options, extra: "")
  }

  // MARK: Helpers

  private static func writeOptions(_ args: [String]) -> XLSXWriteOptions {
    var options = XLSXWriteOptions()
    if args.count > 2, let level = Int(args[2]) { options.compressionLevel = level }
    if args.contains("inline") { options.compressesInBackground = false }
    if args.contains("lean") { options.longestDeduplicatedString = 64 }
    return options
  }

  /// Measures the CPU time of generating the rows alone (the machine is
  /// shared, so CPU time is steadier than wall time).
  private static func measure(_ body: () -> Int) -> Double {
    let start = cpuSeconds()
    let checksum = body()
    let seconds = cpuSeconds() - start
    if checksum == -1 { print("") }  // keep the work observable
    return seconds
  }

  private static func report(
    _ name: String, out: String, rows: Int, seconds: Double, generate: Double, cpu: Double,
    options: XLSXWriteOptions, extra: String
  ) {
    var info = stat()
    let bytes = stat(out, &info) == 0 ? Int(info.st_size) : 0
    let rate = Int((Double(rows) / seconds).rounded())
    let peak = peakRSSKiB() * 1024
    print(
      "\(name): \(rows) rows in \(format(seconds)) s, CPU \(format(cpu)) s (generating them alone: CPU \(format(generate)) s) = \(rate) rows/s; "
        + "peak RSS \(peak / 1_000_000) MB; \(bytes / 1_000_000) MB file; zlib level \(options.compressionLevel), "
        + (options.compressesInBackground ? "background compression" : "inline compression"))
    print(
      "  bench=\(name) seconds=\(format(seconds)) cpu_seconds=\(format(cpu)) generate_cpu_seconds=\(format(generate)) "
        + "rows=\(rows) rows_per_s=\(rate) "
        + "peak_rss=\(peak) bytes=\(bytes) level=\(options.compressionLevel) "
        + "background=\(options.compressesInBackground) \(extra)")
  }

  private static func format(_ value: Double) -> String { String(Double(Int(value * 1000)) / 1000) }

  /// User plus system CPU time of the process, all threads (`getrusage`).
  private static func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }

  private static func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }

  /// The process's peak resident set (`VmHWM` in /proc/self/status), in KiB.
  private static func peakRSSKiB() -> Int {
    BenchProcess.peakRSSKiB()
  }
}
