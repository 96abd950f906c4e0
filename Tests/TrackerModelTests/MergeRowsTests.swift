import Diagnostics
import Testing
import TrackerModel

/// Leads, wording and due dates; new actions; actions not updated; updates
/// outside a sub-group's remit; sub-group names.
@Suite struct MergeRowsTests {
  typealias P = MergeTestPlans
  let periods = P.seedPeriods

  func one(_ file: String, leads: [String] = ["Tim Moss", "Lynn Tolley"], text: String? = nil, due: DateValue? = nil, subGroup: String? = nil, codes: [String] = ["G", "G", "G", "G"]) -> Plan {
    P.plan(file, periods: periods, actions: [
      P.action("1.1A", row: 7, file: file, periods: periods, statuses: codes, text: text, subGroup: subGroup, leads: leads, due: due),
    ])
  }

  @Test func leadChangesAreReportedAndKeptUnlessAccepted() throws {
    let m = one("master.xlsx")
    let reordered = one("a.csv", leads: ["lynn tolley", "Tim  Moss"])
    #expect(P.merge(m, [(reordered, nil)]).log.isEmpty)
    let changed = one("b.csv", leads: ["Karl Hobson"])
    let kept = P.merge(m, [(changed, nil)])
    #expect(kept.plan.actions[0].leads.map(\.name) == ["Tim Moss", "Lynn Tolley"])
    let warning = try #require(P.with(MergeCode.leadChanged, kept).first)
    #expect(warning.severity == .warning && warning.message.contains("Karl Hobson"))
    let accepted = P.merge(m, [(changed, nil)], options: MergeOptions(acceptLeads: true))
    #expect(accepted.plan.actions[0].leads.map(\.name) == ["Karl Hobson"])
    #expect(accepted.log.first?.decision == .accepted && accepted.summary.governanceAccepted == 1)
  }

  @Test func anEmptyLeadInAReturnSaysNothing() {
    let result = P.merge(one("master.xlsx"), [(one("a.csv", leads: []), nil)])
    #expect(result.log.isEmpty)
  }

  @Test func wordingChangesAreReportedAndAcceptedOnlyWithTheFlag() {
    let m = one("master.xlsx", text: "Define roles and responsibilities")
    let r = one("a.csv", text: "Define roles, responsibilities and governance")
    let kept = P.merge(m, [(r, nil)])
    #expect(kept.plan.actions[0].text == "Define roles and responsibilities")
    #expect(P.with(MergeCode.textChanged, kept).count == 1)
    let accepted = P.merge(m, [(r, nil)], options: MergeOptions(acceptText: true))
    #expect(accepted.plan.actions[0].text == "Define roles, responsibilities and governance")
  }

  @Test func dueDateChangesAreReportedAndAcceptedOnlyWithTheFlag() {
    let m = one("master.xlsx", due: DateValue(year: 2025, month: 5))
    let r = one("a.csv", due: DateValue(year: 2025, month: 9))
    let kept = P.merge(m, [(r, nil)])
    #expect(kept.plan.actions[0].dueDate == DateValue(year: 2025, month: 5))
    #expect(P.with(MergeCode.dueChanged, kept).count == 1)
    let accepted = P.merge(m, [(r, nil)], options: MergeOptions(acceptDue: true))
    #expect(accepted.plan.actions[0].dueDate == DateValue(year: 2025, month: 9))
  }

  @Test func newActionsAreAddedAfterTheirFocusAreaAndReported() throws {
    let m = P.plan("master.xlsx", periods: periods, actions: [
      P.action("1.1A", row: 7, file: "master.xlsx", periods: periods, statuses: ["G", "G", "G", "G"]),
      P.action("1.2C", row: 8, file: "master.xlsx", periods: periods, statuses: ["A", "A", "G", "G"]),
    ])
    let r = P.plan("ehcp.csv", periods: periods, actions: [
      P.action("1.1B", row: 3, file: "ehcp.csv", periods: periods, statuses: ["", "", "", "A"], notes: [(DateValue(year: 2021, month: 11), "Started.")]),
    ])
    let result = P.merge(m, [(r, "EHCP")])
    #expect(result.plan.actions.map(\.key) == ["1.1A", "1.1B", "1.2C"])
    let added = result.plan.actions[1]
    #expect(added.statuses.map(\.status.raw) == ["", "", "", "A"])
    #expect(added.statuses[3].provenance?.file == "ehcp.csv")
    #expect(added.notes.first?.provenance?.file == "ehcp.csv")
    #expect(added.subGroup == "EHCP")
    let warning = try #require(P.with(MergeCode.newAction, result).first)
    #expect(warning.severity == .warning && warning.location == P.cell("ehcp.csv", "B3"))
    #expect(result.summary.newActions == 1)
    #expect(result.log.first { $0.code == MergeCode.newAction }?.actionIndex == 1)
  }

  @Test func theSameNewActionFromTwoReturnsIsAddedOnce() {
    let m = one("master.xlsx")
    let a = P.plan("a.csv", periods: periods, actions: [P.action("9Z", row: 3, file: "a.csv", periods: periods, statuses: ["", "", "", "A"])])
    let b = P.plan("b.csv", periods: periods, actions: [P.action("9Z", row: 5, file: "b.csv", periods: periods, statuses: ["", "", "", "R"])])
    let result = P.merge(m, [(a, nil), (b, nil)])
    #expect(result.plan.actions.map(\.key) == ["1.1A", "9Z"])
    #expect(result.summary.newActions == 1 && result.summary.conflicts == 1)
  }

  @Test func actionsMissingFromTheOwningSubGroupsReturnAreReported() throws {
    let m = P.plan("master.xlsx", periods: periods, actions: [
      P.action("5C", row: 13, file: "master.xlsx", periods: periods, statuses: ["A", "A", "A", "G"], subGroup: "SEND IPG"),
      P.action("5F", row: 14, file: "master.xlsx", periods: periods, statuses: ["A", "A", "A", "A"], subGroup: "SEND IPG"),
      P.action("6E", row: 15, file: "master.xlsx", periods: periods, statuses: ["A", "A", "A", "A"], subGroup: "SEND IPG"),
      P.action("1.1A", row: 7, file: "master.xlsx", periods: periods, statuses: ["G", "G", "G", "G"], subGroup: "Joint Comm"),
    ])
    let next = periods + [P.month(2022, 3)]
    let r = P.plan("sipg.csv", periods: next, actions: [
      P.action("5C", row: 3, file: "sipg.csv", periods: next, statuses: ["A", "A", "A", "G", "G"]),
      P.action("5F", row: 4, file: "sipg.csv", periods: next, statuses: ["A", "A", "A", "A", ""]),
    ])
    let result = P.merge(m, [(r, "SIPG")])
    let missing = P.with(MergeCode.noUpdate, result)
    #expect(missing.map(\.severity) == [.info, .warning])
    #expect(missing[0].message.hasPrefix("5F") && missing[1].message.hasPrefix("6E"))
    #expect(result.summary.missingUpdates == 2)
    #expect(P.with(MergeCode.noReturn, result).map(\.message) == ["Joint Comm owns actions in the master but sent no return"])
  }

  @Test func updatingAnotherSubGroupsActionIsOutOfRemit() throws {
    let m = P.plan("master.xlsx", periods: periods, actions: [
      P.action("3.3C", row: 10, file: "master.xlsx", periods: periods, statuses: ["A", "A", "G", ""], subGroup: "GR sub group"),
      P.action("4D", row: 11, file: "master.xlsx", periods: periods, statuses: ["R", "G", "G", ""], subGroup: "EHC Sub group"),
    ])
    let r = P.plan("ehcp.csv", periods: periods, actions: [
      P.action("3.3C", row: 3, file: "ehcp.csv", periods: periods, statuses: ["A", "A", "G", "R"]),
      P.action("4D", row: 4, file: "ehcp.csv", periods: periods, statuses: ["R", "G", "G", "G"]),
    ])
    let result = P.merge(m, [(r, "EHCP")])
    let warnings = P.with(MergeCode.outOfRemit, result)
    #expect(warnings.count == 1)
    #expect(warnings.first?.message == "EHCP (ehcp.csv) updates 3.3C, which belongs to GR sub group")
    #expect(warnings.first?.location == P.cell("ehcp.csv", "B3"))
    #expect(result.summary.outOfRemit == 1)
  }

  @Test func subGroupNamesCompareThroughTheAliasTable() {
    #expect(SubGroupName.same("GR sub group", "Graduated Response sub group"))
    #expect(SubGroupName.same("EHCP", "EHC Sub group"))
    #expect(SubGroupName.same("SEND IPG", "SIPG") && SubGroupName.same("IPG Group", "SEND IPG"))
    #expect(!SubGroupName.same("GR sub group", "EHCP"))
    #expect(SubGroupName.canonical("GR") != SubGroupName.canonical("Grey"))
  }

  @Test func subGroupFromFileNameFlagOrColumn() {
    let known = ["Joint Comm", "EHC Sub group", "Graduated Response sub group", "SEND IPG"]
    #expect(SubGroupName.fromFileName("returns/2022-03_GR-return.xlsx", known: known) == "Graduated Response sub group")
    #expect(SubGroupName.fromFileName("EHCP return March.csv", known: known) == "EHC Sub group")
    #expect(SubGroupName.fromFileName("joint comm.tsv", known: known) == "Joint Comm")
    #expect(SubGroupName.fromFileName("sipg.xlsx", known: known) == "SEND IPG")
    #expect(SubGroupName.fromFileName("march-return.xlsx", known: known) == nil)
    #expect(SubGroupName.fromFileName("GR and EHCP.xlsx", known: known) == nil)  // two groups: ambiguous

    let master = P.plan("m.xlsx", periods: periods, actions: [
      P.action("1.1A", row: 7, file: "m.xlsx", periods: periods, statuses: [], subGroup: "EHC Sub group"),
    ])
    let column = P.plan("x.csv", periods: periods, actions: [
      P.action("1.1A", row: 3, file: "x.csv", periods: periods, statuses: [], subGroup: "GR sub group"),
    ])
    let byColumn = SubGroupName.resolve(MergeInput(plan: column, file: "x.csv"), flag: nil, master: master)
    #expect(byColumn.subGroup == "GR sub group" && byColumn.subGroupOrigin == .column)
    let byName = SubGroupName.resolve(MergeInput(plan: column, file: "ehcp.csv"), flag: nil, master: master)
    #expect(byName.subGroup == "EHC Sub group" && byName.subGroupOrigin == .fileName)
    let byFlag = SubGroupName.resolve(MergeInput(plan: column, file: "ehcp.csv"), flag: "SPG", master: master)
    #expect(byFlag.subGroup == "SPG" && byFlag.subGroupOrigin == .flag)
  }
}
