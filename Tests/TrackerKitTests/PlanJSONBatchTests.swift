import AtomicOutput
import Diagnostics
import Foundation
import Testing
import TrackerKit
import TrackerModel

/// A large plan's actions are written in batches on several threads and
/// joined; the document must be byte for byte what writing them one after
/// another gives. A plan of the seed's nine actions repeated 600 times (5,400
/// actions: several windows of batches, the last one partial) must hold
/// exactly the seed document's `actions` text repeated, in both layouts.
@Suite struct PlanJSONBatchTests {
  var seed: Outcome<Plan> { SeedRecognitionTests.outcome ?? Outcome(value: Plan(id: "missing")) }

  @Test(arguments: [true, false])
  func batchedActionsMatchTheOneByOneText(pretty: Bool) throws {
    let small = seed.value
    try #require(small.actions.count == 9)
    var large = small
    large.actions = Array(repeating: small.actions, count: 600).flatMap { $0 }
    let one = String(decoding: PlanJSONWriter.bytes(small, findings: seed.diagnostics, pretty: pretty), as: UTF8.self)
    let many = String(decoding: PlanJSONWriter.bytes(large, findings: seed.diagnostics, pretty: pretty), as: UTF8.self)
    let (head, elements, tail) = try #require(Self.splitActions(one, pretty: pretty))
    let expected = head + Array(repeating: elements, count: 600).joined(separator: ",") + tail
    #expect(many.utf8.count == expected.utf8.count)
    #expect(many == expected)
  }

  /// Written to a file, the windows' buffers are joined to the sink while
  /// the next window is written: the file must hold the collected bytes.
  @Test(arguments: [true, false])
  func batchedActionsWrittenToAFileMatchTheCollectedBytes(pretty: Bool) throws {
    var large = seed.value
    try #require(large.actions.count == 9)
    large.actions = Array(repeating: large.actions, count: 1_500).flatMap { $0 }
    let collected = PlanJSONWriter.bytes(large, findings: seed.diagnostics, pretty: pretty)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-batch-\(UUID().uuidString).json").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    try #require(fd >= 0)
    let sink = ByteSink(fileDescriptor: fd)
    PlanJSONWriter.write(large, findings: seed.diagnostics, to: sink, pretty: pretty)
    try sink.flush(path: path)
    close(fd)
    let written = try #require(FileManager.default.contents(atPath: path))
    #expect(written.count == collected.count)
    #expect(Array(written) == collected)
  }

  /// The document around the `actions` array's elements, and the elements
  /// (each with the line break and indent before it, when pretty).
  static func splitActions(_ text: String, pretty: Bool) -> (String, String, String)? {
    let open = pretty ? "\"actions\": [" : "\"actions\":["
    guard let start = text.range(of: open)?.upperBound,
      let next = text.range(of: "\"evidenceLog\"", range: start..<text.endIndex)?.lowerBound,
      let close = text[start..<next].lastIndex(of: "]")
    else { return nil }
    var end = close
    while end > start, text[text.index(before: end)] == " " || text[text.index(before: end)] == "\n" {
      end = text.index(before: end)
    }
    return (String(text[..<start]), String(text[start..<end]), String(text[end...]))
  }
}
