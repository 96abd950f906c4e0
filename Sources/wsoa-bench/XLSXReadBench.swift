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
    let start = BenchProcess.now()
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
    let seconds = BenchProcess.now() - start
    print(
      "xlsx-floor \(args.count > 1 ? args[1] : "prefetch"): \(bytes) XML bytes, \(handler.elements) elements "
        + "in \(BenchProcess.format(seconds)) s, peak RSS \(BenchProcess.peakRSSMiB()) MiB")
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
    let start = BenchProcess.now()
    let cpuStart = BenchProcess.cpuSeconds()
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
    let seconds = BenchProcess.now() - start
    let cpu = BenchProcess.cpuSeconds() - cpuStart
    let rate = Int(Double(cells) / seconds)
    print(
      "wsoa xlsx-read \(mode)\(prefetch ? "" : " serial"): \(cells) cells in \(BenchProcess.format(seconds)) s "
        + "(\(rate) cells/s), cpu \(BenchProcess.format(cpu)) s, peak RSS \(BenchProcess.peakRSSMiB()) MiB "
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

