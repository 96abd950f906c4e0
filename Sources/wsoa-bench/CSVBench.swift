#if canImport(Glibc)
  import Glibc
#endif
import AtomicOutput
import DelimitedFormat
import Diagnostics
import Grid

/// CSV/TSV throughput: `csv-read FILE [THREADS]` streams rows into a counting
/// consumer; `csv-read-workbook FILE [THREADS]` builds the whole workbook;
/// `csv-write FILE OUT` reads FILE (untimed) and times writing it to OUT.
/// Each prints MB/s, rows/s and the process's peak RSS (run one per process).
enum CSVBench {
  static func read(_ args: [String]) throws {
    guard let path = args.first else { throw BenchError.usage("csv-read FILE [THREADS]") }
    let reader = DelimitedReader(options: DelimitedReadOptions(maxThreads: args.count > 1 ? Int(args[1]) : nil))
    var counter = CountingConsumer()
    let clock = BenchClock()
    let report = try reader.read(contentsOf: path, into: &counter)
    let (seconds, cpu) = (clock.seconds, clock.cpuSeconds)
    precondition(counter.rows == report.rowCount)
    BenchReport.print(
      "csv-read", path: path, bytes: fileSize(path), rows: counter.rows, seconds: seconds, cpu: cpu,
      extra: "\(counter.cells) cells, \(report.encoding), \(report.delimiter)")
  }

  static func readWorkbook(_ args: [String]) throws {
    guard let path = args.first else { throw BenchError.usage("csv-read-workbook FILE [THREADS]") }
    let reader = DelimitedReader(options: DelimitedReadOptions(maxThreads: args.count > 1 ? Int(args[1]) : nil))
    let clock = BenchClock()
    let workbook = try reader.readWorkbook(contentsOf: path).value
    let (seconds, cpu) = (clock.seconds, clock.cpuSeconds)
    let rows = workbook.sheets.first?.rows.count ?? 0
    BenchReport.print(
      "csv-read-workbook", path: path, bytes: fileSize(path), rows: rows, seconds: seconds, cpu: cpu, extra: "")
  }

  static func write(_ args: [String]) throws {
    guard args.count >= 2 else { throw BenchError.usage("csv-write FILE OUT") }
    let sheet = try DelimitedReader().readWorkbook(contentsOf: args[0]).value.sheets[0]
    let options = DelimitedWriteOptions(guardsFormulas: true)
    // Serialising alone (a plain file, no fsync), as Python's csv.writer does.
    let plain = args[1] + ".plain"
    var clock = BenchClock()
    let fd = open(plain, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw BenchError.usage("cannot create \(plain)") }
    let sink = ByteSink(fileDescriptor: fd)
    var writer = DelimitedWriter(sink: sink, options: options)
    writer.beginSheet(sheet)
    for row in sheet.rows { writer.consume(row) }
    try sink.flush(path: plain)
    close(fd)
    BenchReport.print(
      "csv-write", path: plain, bytes: fileSize(plain), rows: sheet.rows.count, seconds: clock.seconds,
      cpu: clock.cpuSeconds, extra: "no fsync")
    unlink(plain)
    // The product's way: temporary file, fsync, rename, fsync of the folder.
    clock = BenchClock()
    try DelimitedWriter.write(sheet, to: args[1], options: options)
    BenchReport.print(
      "csv-write-atomic", path: args[1], bytes: fileSize(args[1]), rows: sheet.rows.count, seconds: clock.seconds,
      cpu: clock.cpuSeconds, extra: "temp file + fsync + rename")
  }

  private static func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
  }
}

/// Counts what streams past, touching every cell so nothing is optimised away.
struct CountingConsumer: RowConsumer {
  var rows = 0
  var cells = 0
  var textBytes = 0

  mutating func beginSheet(_ sheet: Sheet) {}
  mutating func consume(_ row: Row) {
    rows += 1
    for cell in row.cells {
      if case .text(let text) = cell.value {
        cells += 1
        textBytes &+= text.utf8.count
      }
    }
  }
  mutating func endSheet(_ sheet: Sheet) {}
}

/// A monotonic stopwatch, also counting the process's CPU time (all threads).
struct BenchClock {
  private var start = BenchClock.now()
  private var startCPU = BenchClock.cpuNow()
  var seconds: Double { BenchClock.now() - start }
  var cpuSeconds: Double { BenchClock.cpuNow() - startCPU }
  static func cpuNow() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
      + Double(usage.ru_stime.tv_usec) / 1e6
  }
  static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }
}

/// Prints one benchmark line: human figures, then `key=value` pairs for scripts.
enum BenchReport {
  static func print(
    _ name: String, path: String, bytes: Int, rows: Int, seconds: Double, cpu: Double, extra: String
  ) {
    let mb = Double(bytes) / 1e6
    let peak = peakRSSBytes()
    let line =
      "\(name): \(format(mb)) MB, \(rows) rows in \(format(seconds, 3)) s = \(format(mb / seconds)) MB/s, "
      + "\(Int(Double(rows) / seconds)) rows/s; peak RSS \(format(Double(peak) / 1e6)) MB "
      + "(\(format(Double(peak) / Double(max(bytes, 1)), 2))x file); CPU \(format(cpu, 3)) s"
      + (extra.isEmpty ? "" : "; \(extra)")
    Swift.print(line)
    Swift.print("  bench=\(name) seconds=\(seconds) cpu=\(cpu) bytes=\(bytes) rows=\(rows) peak_rss=\(peak)")
  }

  /// `VmHWM` from /proc/self/status, in bytes (0 where unavailable).
  static func peakRSSBytes() -> Int {
    BenchProcess.peakRSSKiB() * 1024
  }

  static func format(_ value: Double, _ decimals: Int = 1) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = String(rounded)
    if let dot = text.firstIndex(of: ".") {
      let have = text.distance(from: dot, to: text.endIndex) - 1
      if have < decimals { text += String(repeating: "0", count: decimals - have) }
    }
    return text
  }
}
