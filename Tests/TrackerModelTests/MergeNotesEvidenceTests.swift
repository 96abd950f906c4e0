import Diagnostics
import Testing
import TrackerModel

/// Notes are append-only and de-duplicated on (date, normalised text);
/// evidence is unioned by text or E-code.
@Suite struct MergeNotesEvidenceTests {
  typealias P = MergeTestPlans
  let periods = P.seedPeriods
  let feb21 = DateValue(year: 2021, month: 2)
  let apr21 = DateValue(year: 2021, month: 4)
  let nov21 = DateValue(year: 2021, month: 11)

  func plan(_ file: String, notes: [(DateValue?, String)] = [], evidence: [String] = []) -> Plan {
    P.plan(file, periods: periods, actions: [
      P.action("3.3C", row: 10, file: file, periods: periods, statuses: ["A", "A", "G", "G"], notes: notes, evidence: evidence),
    ])
  }

  @Test func notesAreAppendedDeduplicatedAndKeepProvenance() throws {
    let m = plan("master.xlsx", notes: [(feb21, "GR sub group report this as amber."), (apr21, "Framework agreed.")])
    let r = plan("gr.csv", notes: [
      (feb21, "GR  sub group report this as Amber."), (apr21, "Framework agreed."), (nov21, "Audit complete."),
    ])
    let result = P.merge(m, [(r, "GR")])
    let notes = try #require(result.plan.actions.first?.notes)
    #expect(notes.map(\.text) == ["GR sub group report this as amber.", "Framework agreed.", "Audit complete."])
    #expect(notes[2].provenance == Provenance(file: "gr.csv", sheet: "Priority 2", cell: "I10", subGroup: "GR", period: nil))
    #expect(notes[0].provenance?.file == "master.xlsx")
    #expect(result.summary.notesAdded == 1)
    #expect(result.log.map(\.code) == [MergeCode.noteAdded])
  }

  @Test func newNotesGoInDateOrder() throws {
    let m = plan("master.xlsx", notes: [(feb21, "First."), (nov21, "Third.")])
    let r = plan("gr.csv", notes: [(feb21, "First."), (nov21, "Third."), (apr21, "Second."), (nil, "Undated remark.")])
    let result = P.merge(m, [(r, "GR")])
    #expect(result.plan.actions[0].notes.map(\.text) == ["First.", "Second.", "Third.", "Undated remark."])
  }

  @Test func sameDateDifferentTextKeepsBothAndWarns() throws {
    let m = plan("master.xlsx", notes: [(feb21, "Report drafted.")])
    let r = plan("gr.csv", notes: [(feb21, "Report drafted and approved.")])
    let result = P.merge(m, [(r, "GR")])
    #expect(result.plan.actions[0].notes.map(\.text) == ["Report drafted.", "Report drafted and approved."])
    let warning = try #require(P.with(MergeCode.noteEdited, result).first)
    #expect(warning.severity == .warning && warning.related == [P.cell("master.xlsx", "I10")])
    #expect(result.log.first?.decision == .keptBoth && result.log.first?.old == "2021-02: Report drafted.")
    #expect(result.summary.notesEdited == 1)
  }

  @Test func anExtraNoteBesideAnUnchangedOneOfTheSameDateIsNotAnEdit() {
    let m = plan("master.xlsx", notes: [(feb21, "Report drafted.")])
    let r = plan("gr.csv", notes: [(feb21, "Report drafted."), (feb21, "Also: parents consulted.")])
    let result = P.merge(m, [(r, "GR")])
    #expect(result.summary.notesEdited == 0 && result.summary.notesAdded == 1)
  }

  @Test func aNoteMissingFromAReturnStays() {
    let m = plan("master.xlsx", notes: [(feb21, "Report drafted."), (apr21, "Framework agreed.")])
    let r = plan("gr.csv", notes: [(apr21, "Framework agreed.")])
    let result = P.merge(m, [(r, "GR")])
    #expect(result.plan.actions[0].notes.map(\.text) == ["Report drafted.", "Framework agreed."])
  }

  @Test func evidenceIsUnionedInOrderAndRemovedItemsStayAndAreReported() throws {
    let m = plan("master.xlsx", evidence: ["Position Statement (GR)", "SENCO survey"])
    let r = plan("gr.csv", evidence: ["position statement (GR)", "Training log"])
    let result = P.merge(m, [(r, "GR")])
    let evidence = try #require(result.plan.actions.first?.evidence)
    #expect(evidence.map(\.text) == ["Position Statement (GR)", "SENCO survey", "Training log"])
    #expect(evidence[2].provenance?.file == "gr.csv")
    let removed = try #require(P.with(MergeCode.evidenceRemoved, result).first)
    #expect(removed.severity == .info && removed.message.contains("SENCO survey"))
    #expect(result.summary.evidenceAdded == 1 && result.summary.evidenceRemoved == 1)
  }

  @Test func evidenceMatchesOnItsECode() {
    var m = plan("master.xlsx", evidence: ["E12 SEND strategy"])
    m.actions[0].evidence[0].ref = "E12"
    var r = plan("gr.csv", evidence: ["E12 SEND Strategy 2021 (final)"])
    r.actions[0].evidence[0].ref = "e12"
    let result = P.merge(m, [(r, "GR")])
    #expect(result.plan.actions[0].evidence.count == 1 && result.summary.evidenceAdded == 0)
  }

  @Test func aReturnWithoutAnEvidenceColumnRemovesNothing() {
    let m = plan("master.xlsx", evidence: ["Position Statement (GR)"])
    let r = plan("old-template.csv")
    let result = P.merge(m, [(r, "GR")])
    #expect(result.summary.evidenceRemoved == 0)
    #expect(result.plan.actions[0].evidence.count == 1)
  }

  @Test func notesInAnAddedPeriodMoveIntoIt() throws {
    let m = plan("master.xlsx", notes: [(DateValue(year: 2022, month: 2), "Early update.")])
    var r = P.plan("gr.csv", periods: periods + [P.month(2022, 3)], actions: [
      P.action("3.3C", row: 10, file: "gr.csv", periods: periods + [P.month(2022, 3)], statuses: ["A", "A", "G", "G", "G"]),
    ])
    r.id = "gr.csv"
    let result = P.merge(m, [(r, "GR")])
    #expect(result.plan.actions[0].notes.first?.periodId == "2022-03")
  }
}
