import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// The merge log sheet, the text report and the JSON report, from a small
/// merge built in code.
@Suite struct MergeReportTests {
  static func result() -> MergeResult {
    let dec21 = Period(
      id: "2021-12", label: "Dec-21", kind: .month, start: CivilDate(year: 2021, month: 12, day: 1),
      end: CivilDate(year: 2021, month: 12, day: 31))
    func plan(_ file: String, _ raw: String, note: String, month: Int) -> Plan {
      let status = Status(raw: raw, rating: raw == "G" ? .green : .amber)
      let action = Action(
        key: "3.1F", focusRef: "3.1", priorityId: "2", letter: "F", text: "Action", subGroup: "EHC Sub group",
        statuses: [PeriodStatus(periodId: "2021-12", status: status, source: SourceLocation(file: file, sheet: "Priority 2", cell: CellAddress(a1: "H9")))],
        notes: [ProgressNote(date: DateValue(year: 2021, month: month), text: note, raw: note)])
      return Plan(id: file, periods: [dec21], actions: [action])
    }
    return PlanMerger.merge(
      master: MergeInput(plan: plan("master.xlsx", "G", note: "Agreed.", month: 11), file: "master.xlsx"),
      returns: [MergeInput(plan: plan("ehcp.csv", "A", note: "=HYPERLINK(\"x\")", month: 12), file: "ehcp.csv", subGroup: "EHCP", subGroupOrigin: .flag)])
  }

  @Test func theMergeLogSheetHasOneTextRowPerEntryAndHighlightsConflicts() throws {
    let result = Self.result()
    let sheet = MergeLogSheet.sheet(result.log, headerStyle: 1, conflictStyle: 2)
    #expect(sheet.name == "Merge log")
    #expect(sheet.rows.count == result.log.count + 1)
    #expect(sheet.rows[0].cells.map(\.value.displayText) == MergeLogSheet.header)
    let conflict = try #require(sheet.rows.first { $0.value(at: 10) == .text("merge.status_conflict") })
    #expect(conflict.cells.allSatisfy { $0.style == 2 })
    #expect(conflict.cells.map(\.value.displayText).prefix(9) == [
      "3.1F", "2", "Dec-21", "status", "G", "A", "ehcp.csv!'Priority 2'!H9", "EHCP", "kept master",
    ])
    let note = try #require(sheet.rows.first { $0.value(at: 10) == .text("merge.note_added") })
    #expect(note.value(at: 6) == .text("2021-12: =HYPERLINK(\"x\")"))  // text, never a formula
    #expect(note.cells.allSatisfy { $0.style == 0 })
  }

  @Test func theTextReportListsDiagnosticsThenCounts() {
    let text = MergeTextReport.render(Self.result(), master: "master.xlsx", output: "merged.xlsx")
    #expect(text.hasPrefix("ehcp.csv:'Priority 2'!H9: warning[merge.status_conflict]: 3.1F Dec-21: the master has \"G\", EHCP (ehcp.csv) has \"A\"; kept the master's value (unresolved)\n"))
    #expect(text.contains("merged 1 return into master.xlsx -> merged.xlsx\n  ehcp.csv: EHCP (from --sub-group), 1 action\n"))
    #expect(text.contains("  conflicts              1 (1 unresolved)\n"))
    #expect(text.hasSuffix("rerun with --prefer master or --prefer return to resolve them\n"))
  }

  @Test func theJSONReportMatchesItsSchemaAndSortsItsKeys() throws {
    let document = MergeReportDocument(
      result: Self.result(), options: MergeOptions(), master: "master.xlsx", output: "merged.xlsx", tool: "wsoa test",
      exitStatus: 1)
    let data = Data(document.bytes())
    let schema = try JSONSchemaSubset(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("schemas/merge-report.schema.json"))
    #expect(try schema.problems(data) == [])
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.hasPrefix("{\n  \"counts\": {"))
    #expect(text.contains("\"source\": \"ehcp.csv!'Priority 2'!H9\""))
    // The one JSON style of every report: the same inputs, the same bytes.
    #expect(document.bytes() == Array(data))
  }

  @Test func longLogValuesAreClippedToExcelsCellLimit() throws {
    var result = Self.result()
    result.log[0].new = String(repeating: "x", count: 40_000)
    let sheet = MergeLogSheet.sheet(result.log)
    let cell = sheet.rows[1].value(at: 6).displayText
    #expect(cell.utf16.count <= 32_767 && cell.hasSuffix("[…]"))
  }
}
