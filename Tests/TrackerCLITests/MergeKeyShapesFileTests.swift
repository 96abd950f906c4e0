import Diagnostics
import Foundation
import TestSupport
import Testing
import TrackerKit
import TrackerModel
import XLSXFormat

/// Issue 13 on real files: a master holding a key for two actions (other
/// wording under another priority), a cross-listed action and a return with a
/// continuation row, merged into XLSX by the real writer and re-merged: each
/// value lands in its own action, and re-merging the merged workbook gives the
/// same bytes (one "Merge log" sheet, replaced).
@Suite(.serialized) struct MergeKeyShapesFileTests {
  /// The cross-listed fixture (6E under Priorities 2 and 6) plus 3.1F under
  /// Priority 2 and, with other wording, under Priority 6.
  static func master() throws -> Plan {
    var plan = try TrackerLoader.load(Fixtures.url("validate/ref.cross_listed.fires.json").path).value
    for (priority, text) in [("2", "Review plans with families"), ("6", "Audit EHC plans every quarter")] {
      var action = plan.actions[0]
      action.key = "3.1F"
      action.focusRef = "3.1"
      action.letter = "F"
      action.rawRef = "F."
      action.priorityId = priority
      action.text = text
      action.notes = []
      plan.actions.insert(action, at: priority == "2" ? 0 : plan.actions.count)
    }
    for priority in ["2", "6"] {
      plan.focusAreas.append(FocusArea(ref: "3.1", rawRef: "Ref - 3.1", title: "Co-production", priorityId: priority))
    }
    return plan
  }

  static let returnTSV = """
    Focus Area (Intent)\tActions (Implementation)\tLead\tJun-21\tSep-21\tDec-21\tMar-22\tJun-22\tProgress update\tEvidence
    Ref - 3.1 Co-production\tF. Review plans with families\tJo Bloggs\tA\tA\tG\tG\tG\tJun 2022: Families invited.\t1. Terms of reference
    Ref - 6 Graduated response\tE. Co-produce the graduated response toolkit\tJo Bloggs\tA\tA\tG\tG\tB\tJun 2022: Toolkit published.\t1. Terms of reference
    \t\t\t\t\t\t\t\tJun 2022: More schools use the toolkit.\t

    """

  @Test func eachValueLandsInItsOwnActionAndReMergingGivesTheSameBytes() throws {
    let scratch = try MergeScratch()
    try TrackerWriter.write(
      Self.master(), findings: [], to: scratch.dir.appendingPathComponent("two-priorities.json").path,
      options: WriteOptions(format: .json))
    try Data(Self.returnTSV.utf8).write(to: scratch.dir.appendingPathComponent("gr-return.tsv"))
    var reports: [[String: Int]] = []
    var input = "two-priorities.json"
    for round in 1...3 {
      let output = "round\(round).xlsx"
      let result = try scratch.merge([input, "gr-return.tsv", "-o", output, "--prefer", "master", "--report", "r\(round).json"])
      #expect(result.status == 0, "round \(round): \(result.stderr)")
      reports.append(try #require(try scratch.json("r\(round).json")["counts"] as? [String: Int]))
      input = output
    }
    let merged = try TrackerLoader.load(scratch.dir.appendingPathComponent("round1.xlsx").path).value
    func latest(_ key: String, _ priority: String) -> String? {
      merged.actions.first { $0.key == key && $0.priorityId == priority }?.statuses.first { $0.periodId == "2022-06" }?.status.raw
    }
    // The return (no priorities) names 3.1F by Priority 2's wording: Priority 6's 3.1F is another action.
    #expect(latest("3.1F", "2") == "G" && (latest("3.1F", "6") ?? "") == "")
    let other = try #require(merged.actions.first { $0.key == "3.1F" && $0.priorityId == "6" })
    #expect(other.notes.isEmpty)
    // 6E is one action listed twice: both listings show the update.
    #expect(latest("6E", "2") == "B" && latest("6E", "6") == "B")
    #expect(reports[0]["ambiguousKeys"] == 0 && reports[0]["conflicts"] == 0)
    for counts in reports.dropFirst() {
      #expect(counts["newActions"] == 0 && counts["notesAdded"] == 0 && counts["updatedCells"] == 0 && counts["newPeriods"] == 0)
    }
    let sheets = try XLSXReader(path: scratch.dir.appendingPathComponent("round3.xlsx").path).readWorkbook().sheets.map(\.name)
    #expect(sheets.filter { $0.hasPrefix("Merge log") } == ["Merge log"])
    #expect(try scratch.data("round2.xlsx") == scratch.data("round3.xlsx"))
  }
}
