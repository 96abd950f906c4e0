import DelimitedFormat
import Foundation
import Grid
import TestSupport
import Testing

/// Streaming hands out the same rows as a whole-workbook read, in order,
/// whatever the number of threads, and stops cleanly when the consumer fails.
@Suite struct StreamingTests {
  /// A file of `records` records spanning several decoding batches, with quoted
  /// line breaks, doubled quotes, blank lines and ragged rows.
  static func makeLargeFile(records: Int) throws -> (folder: URL, path: String) {
    let folder = try Fixtures.scratchDirectory()
    var text = "id,notes,status,extra\n"
    for i in 1..<records {
      switch i % 7 {
      case 0: text += "\n"
      case 1: text += "\(i),\"line one\nline two, with comma\",G,x\n"
      case 2: text += "\(i),\"say \"\"hi\"\" \(i)\",A\n"
      case 3: text += "\(i),plain \(i),R,\"\",more\n"
      default: text += "\(i),note \(String(repeating: "w", count: i % 40)),B\r\n"
      }
    }
    let path = folder.appendingPathComponent("large.csv").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return (folder, path)
  }

  struct Collector: RowConsumer {
    var events: [String] = []
    var rows: [Row] = []
    var failAt: Int?
    struct Stop: Error {}

    mutating func beginSheet(_ sheet: Sheet) { events.append("begin \(sheet.name)") }
    mutating func consume(_ row: Row) throws {
      if let failAt, row.number == failAt { throw Stop() }
      rows.append(row)
    }
    mutating func endSheet(_ sheet: Sheet) { events.append("end \(sheet.name)") }
  }

  @Test func threadsDoNotChangeTheRows() throws {
    let (folder, path) = try Self.makeLargeFile(records: 10_000)
    defer { try? FileManager.default.removeItem(at: folder) }
    let one = try DelimitedReader(options: DelimitedReadOptions(maxThreads: 1)).readWorkbook(contentsOf: path)
    let many = try DelimitedReader(options: DelimitedReadOptions(maxThreads: 4)).readWorkbook(contentsOf: path)
    #expect(one.value == many.value)
    let rows = one.value.sheets[0].rows
    #expect(rows.count == 10_000)
    #expect(rows.map(\.number) == Array(1...10_000))
    // Each record keeps its own field count (blank lines one, the header four…).
    let fields = [0: 1, 1: 4, 2: 3, 3: 5, 4: 3, 5: 3, 6: 3]
    #expect(rows.allSatisfy { $0.cells.count == ($0.number == 1 ? 4 : fields[($0.number - 1) % 7]) })
    // Lines advance by one per record, plus one for each quoted line break before it.
    #expect(rows[1].line == 2 && rows[2].line == 4 && rows[9].line == 12)
    #expect(rows[2].value(at: 2) == .text("say \"hi\" 2"))

    var streamed = Collector()
    try DelimitedReader(options: DelimitedReadOptions(maxThreads: 2)).read(contentsOf: path, into: &streamed)
    #expect(streamed.rows == rows)
    #expect(streamed.events == ["begin large", "end large"])
  }

  @Test(arguments: [1, 2, 4])
  func aFailingConsumerStopsTheRead(threads: Int) throws {
    let (folder, path) = try Self.makeLargeFile(records: 20_000)
    defer { try? FileManager.default.removeItem(at: folder) }
    var collector = Collector(failAt: 9_000)
    #expect(throws: Collector.Stop.self) {
      try DelimitedReader(options: DelimitedReadOptions(maxThreads: threads)).read(contentsOf: path, into: &collector)
    }
    #expect(collector.rows.count == 8_999)
    #expect(collector.events == ["begin large"])
  }
}
