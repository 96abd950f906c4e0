import Diagnostics
import Testing
import TrackerModel

/// domain.md §8.2's status table, one test per row, plus history rewrites
/// and returns that disagree.
@Suite struct MergeStatusTests {
  typealias P = MergeTestPlans
  let periods = P.seedPeriods

  func master(_ codes: [String]) -> Plan {
    P.plan("master.xlsx", periods: periods, actions: [P.action("3.1F", row: 9, file: "master.xlsx", periods: periods, statuses: codes)])
  }

  func ret(_ file: String, _ codes: [String], periods: [Period]? = nil) -> Plan {
    let p = periods ?? self.periods
    return P.plan(file, periods: p, actions: [P.action("3.1F", row: 9, file: file, periods: p, statuses: codes)])
  }

  @Test func emptyMasterCellTakesTheReturnsValueWithProvenance() throws {
    let result = P.merge(master(["A", "A", "G", ""]), [(ret("ehcp.csv", ["A", "A", "G", "G/A"]), "EHCP")])
    let action = try #require(result.plan.actions.first)
    let dec21 = try #require(action.statuses.last)
    #expect(dec21.status.raw == "G/A")
    #expect(dec21.provenance == Provenance(file: "ehcp.csv", sheet: "Priority 2", cell: "H9", subGroup: "EHCP", period: "2021-12"))
    #expect(result.summary.updatedCells == 1)
    #expect(result.summary.conflicts == 0)
    #expect(result.log.map(\.code) == [MergeCode.statusFilled])
    #expect(result.log.first?.decision == .filled)
    #expect(!result.hasUnresolvedConflicts)
  }

  @Test func equalValuesChangeNothingEvenWhenSpelledDifferently() {
    var r = ret("ehcp.csv", ["A", "A", "G", "G"])
    r.actions[0].statuses[3].status = Status(raw: "Green", rating: .green)
    let result = P.merge(master(["A", "A", "G", "G"]), [(r, "EHCP")])
    #expect(P.codes(result.plan, "3.1F")["2021-12"] == "G")
    #expect(result.log.isEmpty)
    #expect(result.summary.updatedCells == 0)
  }

  @Test func differentValueIsAConflictThatKeepsTheMasterAndRecordsBoth() throws {
    let result = P.merge(master(["A", "A", "G", "G"]), [(ret("gr.csv", ["A", "A", "G", "A"]), "GR")])
    #expect(P.codes(result.plan, "3.1F")["2021-12"] == "G")
    let conflicts = P.with(MergeCode.statusConflict, result)
    #expect(conflicts.count == 1)
    let diagnostic = try #require(conflicts.first)
    #expect(diagnostic.severity == .warning)
    #expect(diagnostic.message.contains("\"G\"") && diagnostic.message.contains("\"A\""))
    #expect(diagnostic.location == P.cell("gr.csv", "H9"))
    #expect(diagnostic.related == [P.cell("master.xlsx", "H9")])
    let entry = try #require(result.log.first)
    #expect(entry.old == "G" && entry.new == "A" && entry.decision == .keptMaster && entry.subGroup == "GR")
    #expect(entry.source?.file == "gr.csv" && entry.source?.cell == "H9")
    #expect(result.summary.conflicts == 1 && result.summary.unresolvedConflicts == 1)
    #expect(result.hasUnresolvedConflicts)
  }

  @Test func preferMasterResolvesTheConflictWithoutChangingTheCell() {
    let result = P.merge(
      master(["A", "A", "G", "G"]), [(ret("gr.csv", ["A", "A", "G", "A"]), "GR")], options: MergeOptions(prefer: .master))
    #expect(P.codes(result.plan, "3.1F")["2021-12"] == "G")
    #expect(result.summary.conflicts == 1)
    #expect(!result.hasUnresolvedConflicts)
  }

  @Test func preferReturnTakesTheReturnsValue() throws {
    let result = P.merge(
      master(["A", "A", "G", "G"]), [(ret("gr.csv", ["A", "A", "G", "A"]), "GR")], options: MergeOptions(prefer: .return))
    let action = try #require(result.plan.actions.first)
    #expect(action.statuses[3].status.raw == "A")
    #expect(action.statuses[3].provenance?.file == "gr.csv")
    #expect(result.log.first?.decision == .tookReturn)
    #expect(result.summary.updatedCells == 1 && !result.hasUnresolvedConflicts)
  }

  @Test func emptyReturnCellKeepsTheMastersValue() {
    let result = P.merge(master(["A", "A", "G", "G"]), [(ret("gr.csv", ["", "", "", ""]), "GR")])
    #expect(P.codes(result.plan, "3.1F") == ["2019-12": "A", "2020-01": "A", "2021-04": "G", "2021-12": "G"])
    #expect(result.summary.conflicts == 0 && result.log.isEmpty)
  }

  @Test func changingAPastPeriodIsAHistoryRewrite() throws {
    let result = P.merge(master(["R", "G", "G", "G"]), [(ret("gr.csv", ["A", "G", "G", "G"]), "GR")])
    let rewrite = try #require(P.with(MergeCode.historyRewrite, result).first)
    #expect(rewrite.message.contains("Dec-19"))
    #expect(rewrite.location == P.cell("gr.csv", "E9"))
    #expect(P.with(MergeCode.statusConflict, result).isEmpty)
    #expect(result.summary.historyRewrites == 1 && result.summary.conflicts == 1)
    #expect(P.codes(result.plan, "3.1F")["2019-12"] == "R")
  }

  @Test func fillingAnEmptyPastCellIsNotARewrite() {
    let result = P.merge(master(["", "G", "G", "G"]), [(ret("gr.csv", ["A", "G", "G", "G"]), "GR")])
    #expect(P.codes(result.plan, "3.1F")["2019-12"] == "A")
    #expect(result.summary.historyRewrites == 0 && result.summary.updatedCells == 1)
  }

  @Test func twoReturnsDisagreeingOnAnEmptyCellIsOneConflictListingBoth() throws {
    let result = P.merge(
      master(["A", "A", "G", ""]), [(ret("gr.csv", ["A", "A", "G", "A"]), "GR"), (ret("ehcp.csv", ["A", "A", "G", "R"]), "EHCP")])
    let conflicts = P.with(MergeCode.statusConflict, result)
    #expect(conflicts.count == 1)
    let message = try #require(conflicts.first?.message)
    #expect(message.contains("EHCP (ehcp.csv) has \"R\"") && message.contains("GR (gr.csv) has \"A\""))
    #expect(conflicts.first?.related == [P.cell("master.xlsx", "H9"), P.cell("gr.csv", "H9")])
    #expect(result.summary.conflicts == 1)
    #expect(result.log.filter(\.isConflict).map(\.new) == ["R", "A"])  // EHCP sorts before GR
    #expect(P.codes(result.plan, "3.1F")["2021-12"] == "")
  }

  @Test func twoReturnsAgreeingOnAnEmptyCellFillItOnce() {
    let result = P.merge(
      master(["A", "A", "G", ""]), [(ret("gr.csv", ["A", "A", "G", "A"]), "GR"), (ret("ehcp.csv", ["A", "A", "G", "A"]), "EHCP")])
    #expect(P.codes(result.plan, "3.1F")["2021-12"] == "A")
    #expect(result.summary.updatedCells == 1 && result.summary.conflicts == 0)
  }

  @Test func preferReturnChoosesTheOwningSubGroupsValue() throws {
    var m = master(["A", "A", "G", ""])
    m.actions[0].subGroup = "GR sub group"
    let result = P.merge(
      m, [(ret("gr.csv", ["A", "A", "G", "A"]), "Graduated Response"), (ret("ehcp.csv", ["A", "A", "G", "R"]), "EHCP")],
      options: MergeOptions(prefer: .return))
    #expect(P.codes(result.plan, "3.1F")["2021-12"] == "A")
    let decisions = result.log.filter(\.isConflict).map { "\($0.subGroup ?? ""):\($0.decision.rawValue)" }
    // The owning sub-group's return is applied first (issue 13 item 3), so its entry comes first.
    #expect(decisions == ["Graduated Response:took return", "EHCP:took another return"])
  }

  @Test func fillColourWithoutTextIsAValue() {
    var r = ret("gr.xlsx", ["A", "A", "G", ""])
    r.actions[0].statuses[3].status = Status(raw: "", rating: .green, origin: .fill)
    let result = P.merge(master(["A", "A", "G", ""]), [(r, "GR")])
    #expect(result.plan.actions[0].statuses[3].status.rating == .green)
    #expect(result.log.first?.new == "(green fill)")
  }

  @Test func everyNonEmptyMasterStatusGetsProvenance() {
    let result = P.merge(master(["A", "", "G", "G"]), [])
    let provenance = result.plan.actions[0].statuses.map { $0.provenance?.cell }
    #expect(provenance == ["E9", nil, "G9", "H9"])
    #expect(result.plan.actions[0].statuses[0].provenance?.file == "master.xlsx")
  }
}
