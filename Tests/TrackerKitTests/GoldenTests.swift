import Foundation
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// Every tracker converts to its expected `wsoa/1` JSON, and every document
/// validates against `schemas/wsoa-1.schema.json`. Run with `RECORD_GOLDEN=1`
/// to rewrite the expected files (the run then fails, so it is never silent).
@Suite struct GoldenTests {
  static let cases: [(input: String, golden: String)] = [
    ("samples/staffordshire-priority-2.tsv", "samples/staffordshire-priority-2.tsv.json"),
    ("samples/staffordshire-priority-2.xlsx", "samples/staffordshire-priority-2.json"),
  ] + (RoundTripTests.fixtures + LongLayoutTests.fixtures).map {
    ("fixtures/trackers/" + $0, "fixtures/trackers/expected/" + $0 + ".json")
  }

  /// The document for an input, with the checkout's path taken out so the
  /// expected files hold repository-relative paths.
  static func document(_ relative: String) throws -> Data {
    let root = Fixtures.repositoryRoot.path + "/"
    let outcome = try TrackerLoader.load(root + relative)
    let text = String(decoding: PlanJSONWriter.bytes(outcome.value, findings: outcome.diagnostics), as: UTF8.self)
    return Data(text.replacingOccurrences(of: root, with: "").utf8)
  }

  @Test(arguments: cases.map(\.input))
  func convertsToItsExpectedJSON(input: String) throws {
    let golden = try #require(Self.cases.first { $0.input == input }?.golden)
    let url = Fixtures.repositoryRoot.appendingPathComponent(golden)
    let actual = try Self.document(input)
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
      try actual.write(to: url)
      Issue.record("recorded \(golden); run again without RECORD_GOLDEN")
      return
    }
    let expected = try Data(contentsOf: url)
    #expect(actual == expected, "\(input) differs from \(golden); RECORD_GOLDEN=1 rewrites it after review")
  }

  @Test(arguments: cases.map(\.input))
  func documentValidatesAgainstTheSchema(input: String) throws {
    let schema = try JSONSchemaSubset(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("schemas/wsoa-1.schema.json"))
    #expect(try schema.problems(Self.document(input)) == [])
  }
}
