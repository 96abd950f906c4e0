import Diagnostics
import Testing
import TrackerModel

@Suite("Validation: note date rules")
struct ValidationNoteRuleTests {
  let today = CivilDate(year: 2022, month: 6, day: 1)

  @Test func beforeFirstReviewIsInfoAndAttributed() {
    var b = PlanBuilder()
    b.action("4D", row: 12, ["R", "G", "G", "G"], notes: ["Oct 2019: started", "Jan 2020: done"])
    b.action("4E", row: 13, ["G", "G", "G", "G"], notes: ["Dec 2019: fine"])
    let findings = b.findings()
    #expect(findings.cells("note.before_first_review") == ["I12"])
    let finding = findings.first { $0.code == "note.before_first_review" }
    #expect(finding?.severity == .info)
    #expect(finding?.fix == nil)
    #expect(finding?.message == "note dated \"Oct 2019\" is before the first review period Dec-19; attributed to Dec-19")
  }

  @Test func afterLastReviewButNotFuture() {
    var b = PlanBuilder()
    b.action("1.1A", row: 7, ["G", "G", "G", "G"], notes: ["Dec 2021: ok", "Mar 2022: later"])
    let findings = b.findings()
    #expect(findings.cells("note.after_last_review") == ["I7"])
    #expect(!findings.has("note.future"))
  }

  @Test func futureUsesAsOfThenToday() {
    var b = PlanBuilder()
    b.action("1.1A", row: 7, ["G", "G", "G", "G"], notes: ["Dec 2021: ok", "Mar 2022: later"])
    var options = ValidationOptions(asOf: CivilDate(year: 2022, month: 1, day: 15), today: today)
    let findings = b.findings(options)
    #expect(findings.cells("note.future") == ["I7"])
    #expect(!findings.has("note.after_last_review"))
    options.asOf = nil
    #expect(!b.findings(options).has("note.future"))
    b.plan.asAt = DateValue(year: 2022, month: 2)
    #expect(b.findings(options).has("note.future"))
  }

  @Test func outOfOrderInOneCell() {
    var b = PlanBuilder()
    b.action("1.1A", row: 7, ["G", "G", "G", "G"], notes: ["Apr 2021: b", "Feb 2021: a"])
    b.action("1.1B", row: 8, ["G", "G", "G", "G"], notes: ["Feb 2021: a", "Apr 2021: b", "Apr 2021: c"])
    let findings = b.findings()
    #expect(findings.cells("note.out_of_order") == ["I7"])
    #expect(findings.first { $0.code == "note.out_of_order" }?.message
      == "note dated \"Feb 2021\" comes after the note dated \"Apr 2021\" in this cell")
  }
}
