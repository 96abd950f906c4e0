import AtomicOutput
import Diagnostics
import Foundation
import Testing
@testable import TrackerKit

/// `JSONOutput.writeElements` writes a long array in batches on several
/// threads, a window at a time, joining each window while the next is
/// written; the bytes must be exactly those of writing the elements one by
/// one, whatever the batch size, layout or destination.
@Suite struct JSONBatchTests {
  /// Elements of varied length, some with text to escape, written with a
  /// scratch value that must stay the batch's own.
  static func document(count: Int, batch: Int, pretty: Bool, sink: ByteSink? = nil) -> [UInt8] {
    var out = JSONOutput(sink: sink, pretty: pretty)
    out.beginObject()
    out.key("values")
    out.beginArray()
    out.writeElements(count: count, batch: batch, scratch: { [UInt8]() }) { i, out, scratch in
      scratch.removeAll(keepingCapacity: true)
      scratch.append(contentsOf: "item \(i) \"quoted\"\n".utf8)
      out.beginObject()
      out.key("index")
      out.int(i)
      out.key("text")
      out.string(String(decoding: scratch, as: UTF8.self) + String(repeating: "é", count: i % 13))
      out.endObject()
    }
    out.endArray()
    out.endObject()
    out.flush()
    return out.collected
  }

  @Test(arguments: [(1_000, 7), (1_000, 250), (4_001, 1_000), (27, 2)], [true, false])
  func batchesWriteTheOneByOneBytes(_ sizes: (count: Int, batch: Int), pretty: Bool) {
    let one = Self.document(count: sizes.count, batch: Int.max / 8, pretty: pretty)
    let batched = Self.document(count: sizes.count, batch: sizes.batch, pretty: pretty)
    // Compared as a flag: a failure's message would otherwise print both documents.
    let same = batched == one
    #expect(batched.count == one.count)
    #expect(same, "first difference at byte \(zip(batched, one).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(batched.count, one.count))")
    #expect((try? JSONSerialization.jsonObject(with: Data(one))) != nil)
  }

  @Test func batchesJoinedToAFileWriteTheOneByOneBytes() throws {
    let one = Self.document(count: 3_000, batch: Int.max / 8, pretty: true)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-batches-\(UUID().uuidString).json").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try AtomicFile.write(to: path) { sink in _ = Self.document(count: 3_000, batch: 11, pretty: true, sink: sink) }
    let same = Array(try #require(FileManager.default.contents(atPath: path))) == one
    #expect(same)
  }

  /// The validate report's findings, each with its own location bytes per batch.
  @Test func findingsInBatchesWriteTheOneByOneBytes() {
    let findings = (0..<5_000).map { n in
      Diagnostic(
        code: n % 3 == 0 ? "ref.duplicate" : "note.undated", severity: n % 3 == 0 ? .error : .info, message: "finding \(n)",
        fix: n % 2 == 0 ? "Fix it." : nil,
        location: SourceLocation(file: n % 5 == 0 ? "b.xlsx" : "a.csv", sheet: n % 5 == 0 ? "Q3" : nil, cell: CellAddress(row: n + 1, column: n % 9), line: n % 5 == 0 ? nil : n + 2),
        related: n % 4 == 0 ? [SourceLocation(file: "a.csv", cell: CellAddress(row: 2, column: 1), line: 3)] : [])
    }
    func written(batch: Int) -> [UInt8] {
      var out = JSONOutput(sink: nil, pretty: true)
      out.beginObject()
      out.key("findings")
      ValidationReportJSON.findings(findings, &out, batch: batch)
      out.endObject()
      return out.collected
    }
    let same = written(batch: 13) == written(batch: Int.max / 8)
    #expect(same)
  }
}
