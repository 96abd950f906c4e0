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
    let jsonBack = try TrackerLoader.load(json).value
    #expect(jsonBack == plan, "JSON round trip of \(source): \(PlanComparison.difference(jsonBack, plan))")

    let wide = try write("plan.csv") { PlanCSVWriter.write(plan, shape: .wide, to: $0) }
    let wideBack = try TrackerLoader.load(wide).value
    let wideSame = PlanComparison.same(wideBack, plan, .wideCSV)
    #expect(wideSame.0, "wide CSV of \(source): \(wideSame.1)")

    let xlsx = try write("plan.xlsx") { _ in }
    try TrackerWriter.write(plan, findings: [], to: xlsx, options: WriteOptions(format: .xlsx))
    let check = try SchemaCheck.run([xlsx])
    #expect(check.isAcceptable, "the cleaned XLSX of \(source): \(check.message)")
    let xlsxBack = try TrackerLoader.load(xlsx).value
    let xlsxSame = PlanComparison.same(xlsxBack, plan, .xlsx)
    #expect(xlsxSame.0, "XLSX of \(source): \(xlsxSame.1)")

    let long = try write("long.csv") { PlanCSVWriter.write(plan, shape: .long, to: $0) }
    let longBack = try TrackerLoader.load(long).value
    let longSame = PlanComparison.same(longBack, plan, .longCSV)
    #expect(longSame.0, "long CSV of \(source): \(longSame.1)")
  }

  static let fixtures = [
    "brag-fy-quarters.xlsx", "words-iso-dates.xlsx", "reordered-extra-columns.xlsx", "one-sheet-per-priority.xlsx",
    "excel-export-cp1252.csv", "unicode-text-terms.txt",
    // make_preamble_period_trackers.py
    "brag-key-position-as-at.csv", "status-key-quarters.xlsx", "key-table-terms.xlsx", "filled-key-half-terms.xlsx",
    "month-ranges.tsv",
    "unread-period-heading.tsv", "key-lines-title-as-at.csv", "swatch-words-lead-first.xlsx", "key-sheet-status-words.xlsx",
    // make_structure_trackers.py
    "repeated-merged-inherited.xlsx", "header-synonyms.csv", "header-claims.tsv", "priority-heading-rows.tsv",
  ]

  @Test(arguments: fixtures)
  func fixture(name: String) throws {
    let plan = try TrackerLoader.load(Fixtures.url("trackers/" + name).path).value
    try Self.check(plan, source: name)
  }

  @Test func seed() throws {
    let plan = try #require(SeedRecognitionTests.outcome?.value)
    try Self.check(plan, source: "the seed")
  }
}

/// Excel holds at most 32,767 characters in a cell: the cleaned XLSX refuses
/// a longer note with `output.cell_too_long`, naming the cell, and leaves no file.
@Suite struct CellLimitTests {
  @Test func aNoteOverExcelsLimitIsRefused() throws {
    var plan = try #require(SeedRecognitionTests.outcome?.value)
    plan.actions[0].notes = [ProgressNote(date: nil, text: String(repeating: "x", count: 40_000), raw: "")]
    let path = try Fixtures.scratchDirectory("wsoa-limit").appendingPathComponent("long.xlsx").path
    #expect {
      try TrackerWriter.write(plan, findings: [], to: path, options: WriteOptions(format: .xlsx))
    } throws: { error in
      guard case TrackerError.cellTooLong(_, let sheet, let cell, let length) = error else { return false }
      return sheet == "Priority 2" && cell.hasPrefix("J") && length == 40_000
        && "\(error)".contains("error[output.cell_too_long]")
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }
}
