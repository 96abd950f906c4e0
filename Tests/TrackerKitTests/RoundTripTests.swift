import AtomicOutput
import Foundation
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// Every output reads back to an identical model (as far as the format carries it).
@Suite struct RoundTripTests {
  static func write(_ name: String, _ body: (ByteSink) throws -> Void) throws -> String {
    let path = try Fixtures.scratchDirectory("wsoa-roundtrip").appendingPathComponent(name).path
    try AtomicFile.write(to: path, body)
    return path
  }

  static func check(_ plan: Plan, source: String) throws {
    let json = try write("plan.json") { PlanJSONWriter.write(plan, findings: [], to: $0) }
    #expect(try TrackerLoader.load(json).value == plan, "JSON round trip of \(source)")

    let wide = try write("plan.csv") { PlanCSVWriter.write(plan, shape: .wide, to: $0) }
    let wideBack = try TrackerLoader.load(wide).value
    #expect(PlanComparison.content(wideBack, .wideCSV) == PlanComparison.content(plan, .wideCSV), "wide CSV of \(source)")

    let long = try write("long.csv") { PlanCSVWriter.write(plan, shape: .long, to: $0) }
    let longBack = try TrackerLoader.load(long).value
    #expect(PlanComparison.content(longBack, .longCSV) == PlanComparison.content(plan, .longCSV), "long CSV of \(source)")
  }

  @Test func seed() throws {
    let plan = try #require(SeedRecognitionTests.outcome?.value)
    try Self.check(plan, source: "the seed")
  }
}
