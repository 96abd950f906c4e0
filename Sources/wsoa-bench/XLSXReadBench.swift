import AtomicOutput
import Grid
import XLSXFormat
import XMLStream
import ZipArchive

#if canImport(Glibc)
  import Glibc
#endif

/// XLSX reading benchmarks (scripts/bench/xlsx-read.sh runs them).
enum XLSXReadBench {
  /// `generate-numeric-csv OUT [ROWS]`: the mostly-numeric grid as CSV
  /// (numbers in shortest round-trip form), for the XLSX generator script.
  static func numericCSV(_ args: [String]) throws {
    guard let path = args.first else { throw BenchError.usage("generate-numeric-csv OUT [ROWS]") }
    let rows = args.count > 1 ? Int(args[1]) ?? 1_000_000 : 1_000_000
    let grid = SyntheticNumericGrid(rows: rows)
    try AtomicFile.write(to: path) { sink in
      for i in 0..<rows {
        GenerateBench.writeCSVRow(grid.row(i).map(\.displayText), to: sink)
      }
    }
  }

  /// `xlsx-floor FILE [serial|prefetch]`: inflates and SAX-parses every XML
  /// entry with a handler that does nothing: the floor under any reader.
  static func floor(_ args: [String]) throws {
    guard let path = args.first else { throw BenchError.usage("xlsx-floor FILE [serial|prefetch]") }
    let prefetch = args.count < 2 || args[1] == "prefetch"
    let parse = args.count < 2 || args[1] != "inflate"
    let start = ReadClock.now()
    let zip = try ZipReader(path: path)
    let handler = CountingHandler()
    var bytes = 0
    for entry in zip.entries where entry.name.hasSuffix(".xml") {
      let parser = try XMLPushParser(part: entry.name, handler: handler)
      try zip.read(entry, prefetch: prefetch) { chunk in
        bytes += chunk.count
        if parse { try parser.feed(chunk) }
      }
      if parse { try parser.finish() }
    }
    let seconds = ReadClock.now() - start
    print(
      "xlsx-floor \(args.count > 1 ? args[1] : "prefetch"): \(bytes) XML bytes, \(handler.elements) elements "
        + "in \(ReadClock.format(seconds)) s, peak RSS \(ReadClock.peakRSSMiB()) MiB")
  }
}

extension XLSXReadBench {
  /// `xlsx-read FILE [stream|workbook] [serial]`: reads every worksheet,
  /// either streaming rows into a consumer that touches every value, or
  /// collecting the whole `Workbook`. Prints wall time, cells/s, peak RSS.
  static func read(_ args: [String]) throws {
    guard let path = args.first else { throw BenchError.usage("xlsx-read FILE [stream|workbook] [serial]") }
    let mode = args.count > 1 ? args[1] : "stream"
    let prefetch = !args.contains("serial")
    let start = ReadClock.now()
    let cpuStart = ReadClock.cpuSeconds()
    let reader = try XLSXReader(path: path, prefetch: prefetch)
    var cells = 0
    var checksum = 0
    if mode == "workbook" {
      let book = try reader.readWorkbook()
      for sheet in book.sheets {
        for row in sheet.rows {
          cells += row.cells.count
          for cell in row.cells { checksum &+= ValueTouch.touch(cell.value) }
        }
      }
    } else {
      var consumer = TouchingConsumer()
      try reader.read(into: &consumer)
      cells = consumer.cells
      checksum = consumer.checksum
    }
    let seconds = ReadClock.now() - start
    let cpu = ReadClock.cpuSeconds() - cpuStart
    let rate = Int(Double(cells) / seconds)
    print(
      "wsoa xlsx-read \(mode)\(prefetch ? "" : " serial"): \(cells) cells in \(ReadClock.format(seconds)) s "
        + "(\(rate) cells/s), cpu \(ReadClock.format(cpu)) s, peak RSS \(ReadClock.peakRSSMiB()) MiB "
        + "[checksum \(checksum & 0xFFFF)]")
  }
}

/// Touches each value the way a converter would: text length, number bits.
enum ValueTouch {
  static func touch(_ value: CellValue) -> Int {
    switch value {
    case .text(let s): s.utf8.count
    case .number(let n): Int(truncatingIfNeeded: n.bitPattern)
    case .bool(let b): b ? 1 : 0
    case .date(let d): d.day
    case .error: 7
    case .empty: 0
    }
  }
}

/// A consumer that drops each row after touching its values.
struct TouchingConsumer: RowConsumer {
  var cells = 0
  var checksum = 0
  mutating func beginSheet(_ sheet: Sheet) {}
  mutating func consume(_ row: Row) {
    cells += row.cells.count
    for cell in row.cells { checksum &+= ValueTouch.touch(cell.value) }
  }
  mutating func endSheet(_ sheet: Sheet) {}
}

/// Counts elements; the cheapest possible handler.
final class CountingHandler: XMLEventHandler {
  var elements = 0
  var textBytes = 0
  func startElement(_ name: XMLBytes, namespace: Int, attributes: XMLAttributes) { elements += 1 }
  func endElement(_ name: XMLBytes, namespace: Int) {}
  func characters(_ text: XMLBytes) { textBytes += text.count }
}

/// Wall time and peak memory for the benchmarks.
enum ReadClock {
  /// Monotonic seconds.
  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  /// User plus system CPU seconds of the process so far (all threads).
  static func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }

  /// Seconds with three decimals.
  static func format(_ seconds: Double) -> String {
    let ms = Int((seconds * 1000).rounded())
    let frac = String(ms % 1000)
    return "\(ms / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
  }

  /// Peak resident set size (VmHWM from /proc/self/status) in MiB.
  static func peakRSSMiB() -> Int {
    guard let file = fopen("/proc/self/status", "r") else { return -1 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, 256, file) != nil {
      let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if text.hasPrefix("VmHWM:") {
        let digits = text.filter(\.isNumber)
        return (Int(digits) ?? 0) / 1024
      }
    }
    return -1
  }
}
