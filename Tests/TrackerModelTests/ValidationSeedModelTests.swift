import Diagnostics
import Testing
import TrackerModel

/// The seed (domain.md §7) as the recogniser should parse it, built in code:
/// the rule findings must be exactly §7's rule-level ones, and none of its
/// must-nots.
@Suite("Validation: the seed's parse gives §7's rule findings")
struct ValidationSeedModelTests {
  static func seedPlan() -> Plan {
    var b = PlanBuilder()
    let amberMeaning = "Work In progress, and expected to be completed in time"
    b.plan.statusScheme = [
      LegendEntry(code: "Blue", rating: .blue, meaning: "outcomes agreed, and embedded and being delivered", source: b.cell("I3"), scope: .overall),
      LegendEntry(code: "Red", rating: .red, meaning: "Work in progress or not started and there are concerns", source: b.cell("I3"), scope: .overall),
      LegendEntry(code: "Amber", rating: .amber, meaning: amberMeaning, source: b.cell("I3"), scope: .overall),
      LegendEntry(code: "Green", rating: .green, meaning: "Completed.", source: b.cell("I3"), scope: .overall),
      LegendEntry(code: "Grey", rating: .grey, meaning: "work not started", source: b.cell("I3"), scope: .overall),
      LegendEntry(code: "Red", rating: .red, meaning: "Delayed", source: b.cell("E5")),
      LegendEntry(code: "Amber", rating: .amber, meaning: "In progress", source: b.cell("E5")),
      LegendEntry(code: "Green", rating: .green, meaning: "Completed", source: b.cell("E5")),
      LegendEntry(code: "Grey", rating: .grey, meaning: "not yet started", source: b.cell("E5")),
    ]
    b.plan.priorities = [
      Priority(
        id: "2", rawLabel: "Priority 2", title: "Aspirations and expectations", overallStatus: PlanBuilder.status("G/A"),
        source: b.cell("A3"), overallStatusSource: b.cell("I4"))
    ]
    b.plan.focusAreas = ["1.1", "1.2", "3.1", "3.3", "4", "5", "6"].map {
      FocusArea(ref: $0, rawRef: "Ref - \($0)", title: "t", priorityId: "2")
    }
    b.action("1.1A", row: 7, ["G", "G", "G", "G"], notes: ["Feb 2021: a", "Apr 2021: b"], leads: ["Tim Moss", "Lynn Tolley"])
    b.action("1.2C", row: 8, ["A", "A", "G", "G"], notes: ["Feb 2021: Completed (See SEND Strategy)"], leads: ["SCM SEND"])
    b.action(
      "3.1F", row: 9, ["A", "A", "G", "G/A"], notes: ["Apr 2021: EHC Sub group have flagged this as Amber and the following"],
      leads: ["Head od SEND", "Dorne Collinson"])
    b.action(
      "3.3C", row: 10, ["A", "A", "G", "G"],
      notes: ["Feb 2021: GR sub group report this as amber.", "Apr 2021: Implemented", "May 2021: All ISPGs"],
      evidence: ["Position Statement (GR)"], leads: ["Chris Rogers"])
    b.action(
      "4D", row: 12, ["R", "G", "G", "G"],
      notes: ["Oct 2019: DCOs", "Jan 2020: QA documents", "Feb 2021: See [4a above]", "December 2021: in January 2022 ... April 2022."],
      evidence: ["Position Statement (GR)"], leads: ["Lynsey Bissell", "Cathy Morris"], crossRefs: [("See [4a above]", "4A")])
    b.action("5C", row: 13, ["A", "A", "A", "G"], notes: ["Feb 2021: EYs", "Case studies", "December 2021: x"], leads: ["Julia Anderson"])
    b.action("5F", row: 14, ["A", "A", "A", "A"], notes: ["Apr 2021: SEND", "December 2021: Agreed"], evidence: ["Positive Practice"], leads: ["Cathy Morris", "Lynsey Bissell"])
    b.action("6E", row: 15, ["A", "A", "A", "A"], notes: ["SEE 6E"], evidence: [], leads: ["Karl Hobson"], crossRefs: [("SEE 6E", "6E")])
    b.action("6F", row: 16, ["A", "A", "A", "A"], notes: ["SEE 6F"], evidence: [], leads: ["Karl Hobson"], crossRefs: [("SEE 6F", "6F")])
    return b.plan
  }

  @Test func exactlyTheExpectedRuleFindings() {
    let findings = Validator.validate(Self.seedPlan(), options: ValidationOptions(today: CivilDate(year: 2026, month: 1, day: 1)))
    let got = findings.map { "\($0.code)@\($0.location?.cell?.a1 ?? "-")" }
    let expected = [
      "status.mixed@I4",
      "layout.period_gap@G6",
      "status.regression_without_note@H9",
      "status.mixed@H9",
      "status.note_disagrees@I9",
      "status.note_disagrees@I10",
      "xref.unresolved@I12",
      "note.before_first_review@I12",
      "status.stalled@H14",
      "status.stalled@H15",
      "xref.self@I15",
      "status.stalled@H16",
      "xref.self@I16",
    ]
    #expect(got == expected)
  }

  @Test func theOverallKeyDoesNotCoverPeriodStatuses() {
    // I3 (overall key) defines Blue; E5 (the period key) does not.
    var plan = Self.seedPlan()
    plan.actions[0].statuses[3].status = Status(raw: "B", rating: .blue, completion: .embedded)
    let findings = Validator.validate(plan, options: ValidationOptions(today: CivilDate(year: 2026, month: 1, day: 1)))
    let finding = findings.first { $0.code == "status.not_in_legend" }
    #expect(finding?.location?.cell?.a1 == "H7")
    #expect(finding?.message == "1.1A Dec-21: status \"B\" is Blue, which the key at E5 does not define")
  }
}
