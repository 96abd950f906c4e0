import Diagnostics
import Testing
import TrackerModel

@Suite("Validation: status history rules")
struct ValidationStatusRuleTests {
  @Test func gapFiresOnlyBetweenTwoRatedPeriods() {
    var b = PlanBuilder()
    b.action("1.1A", row: 7, ["A", "", "G", "G"])
    b.action("1.1B", row: 8, ["", "A", "G", "G"])
    let findings = b.findings()
    #expect(findings.cells("status.gap") == ["F7"])
    #expect(findings.first { $0.code == "status.gap" }?.message == "1.1A has no status for Jan-20 between A (Dec-19) and G (Apr-21)")
  }

  @Test func missingLatestFiresOnlyOnTheLatestPeriodByDate() {
    var b = PlanBuilder()
    b.action("1.1A", row: 7, ["A", "A", "G", ""])
    b.action("1.1B", row: 8, ["", "A", "G", "G"])
    #expect(b.findings().cells("status.missing_latest") == ["H7"])
  }

  @Test func regressionWithoutNoteFiresAtTheSeedCell() {
    var b = PlanBuilder()
    b.action("3.1F", row: 9, ["A", "A", "G", "G/A"], notes: ["Apr 2021: flagged"])
    let finding = b.findings().first { $0.code == "status.regression_without_note" }
    #expect(finding?.location?.cell?.a1 == "H9")
    #expect(finding?.message == "3.1F went from G (Apr-21) to G/A (Dec-21) with no note dated in that period")
    #expect(finding?.related.map { $0.cell?.a1 } == ["G9"])
    #expect(finding?.severity == .warning)
    #expect(finding?.fix == "Add a dated note explaining why the status went down.")
  }

  @Test func regressionWithANoteInThePeriodDoesNotFire() {
    var b = PlanBuilder()
    b.action("3.1F", row: 9, ["A", "A", "G", "G/A"], notes: ["Apr 2021: fine", "Oct 2021: slipped"])
    b.action("3.1G", row: 10, ["G", "G", "G", "G"])
    #expect(!b.findings().has("status.regression_without_note"))
  }

  @Test func regressionFollowsDateOrderNotColumnOrder() {
    // Columns in the order Dec-21, Apr-21: by date Apr-21 (G) comes first, then Dec-21 (A).
    var b = PlanBuilder(periods: ["Dec-21", "Apr-21"])
    b.action("1.1A", row: 7, ["A", "G"])
    let findings = b.findings()
    #expect(findings.cells("status.regression_without_note") == ["E7"])
    #expect(findings.first?.message.contains("from G (Apr-21) to A (Dec-21)") == true)
  }

  @Test func betweenReadingCountsTheLowerRating() {
    var b = PlanBuilder()
    b.action("1.1A", row: 7, ["A", "A", "A", "A/G"])
    let moving = b.findings()
    #expect(!moving.has("status.regression_without_note"))
    b.plan.mixedStatusReading = .between
    #expect(!b.findings().has("status.regression_without_note"))
    var c = PlanBuilder()
    c.action("1.1A", row: 7, ["G", "G", "G", "G/A"], notes: [])
    c.plan.mixedStatusReading = .between
    #expect(c.findings().cells("status.regression_without_note") == ["H7"])
  }

  @Test func revertedToNotStartedFiresAfterARating() {
    var b = PlanBuilder()
    b.action("1.1A", row: 7, ["A", "Grey", "Grey", "A"], notes: ["Jan 2020: paused"])
    b.action("1.1B", row: 8, ["Grey", "Grey", "A", "G"])
    let findings = b.findings()
    #expect(findings.cells("status.reverted_to_not_started") == ["F7"])
  }

  @Test func redWithoutNoteFiresButNotOnARegressionCell() {
    var b = PlanBuilder()
    b.action("4D", row: 12, ["R", "G", "G", "G"])  // red, no note at all
    b.action("4E", row: 13, ["R", "G", "G", "G"], notes: ["Oct 2019: started late"])  // note before first review counts
    b.action("4F", row: 14, ["G", "G", "G", "R"])  // a regression into red: reported once, as the regression
    let findings = b.findings()
    #expect(findings.cells("status.red_without_note") == ["E12"])
    #expect(findings.cells("status.regression_without_note") == ["H14"])
  }

  @Test func stalledFiresAfterFourConsecutivePeriods() {
    var b = PlanBuilder()
    b.action("5C", row: 13, ["A", "A", "A", "G"])
    b.action("5F", row: 14, ["A", "A", "A", "A"])
    b.action("6E", row: 15, ["R", "R", "R", "R"], notes: ["Dec 2019: x", "Jan 2020: x", "Apr 2021: x", "Dec 2021: x"])
    b.action("6G", row: 16, ["A", "A", "", "A"])
    let findings = b.findings()
    #expect(findings.cells("status.stalled") == ["H14", "H15"])
    #expect(findings.first { $0.code == "status.stalled" }?.related.map { $0.cell?.a1 } == ["E14", "F14", "G14"])
    var options = ValidationOptions(today: CivilDate(year: 2022, month: 1, day: 1))
    options.stalledPeriods = 5
    #expect(!b.findings(options).has("status.stalled"))
  }
}

@Suite("Validation: status value rules")
struct ValidationStatusValueRuleTests {
  @Test func mixedSaysWhichReadingWasUsed() {
    var b = PlanBuilder()
    b.action("3.1F", row: 9, ["A", "A", "G", "G/A"], notes: ["Dec 2021: x"])
    b.action("3.1G", row: 10, ["A", "A", "G", "G"])
    let moving = b.findings().filter { $0.code == "status.mixed" }
    #expect(moving.map { $0.location?.cell?.a1 } == ["H9"])
    #expect(moving.first?.message == "3.1F Dec-21: \"G/A\" read as Green moving towards Amber (counts as Amber)")
    b.plan.mixedStatusReading = .between
    #expect(b.findings().first { $0.code == "status.mixed" }?.message.contains("between Green and Amber") == true)
  }

  @Test func mixedOverallStatusOfAPriority() {
    var b = PlanBuilder()
    b.plan.priorities = [
      Priority(id: "2", title: "P2", overallStatus: PlanBuilder.status("G/A"), source: b.cell("A3"), overallStatusSource: b.cell("I4"))
    ]
    #expect(b.findings().cells("status.mixed") == ["I4"])
  }

  @Test func notInLegendFiresForAColourTheKeyOmits() {
    var b = PlanBuilder()
    b.plan.statusScheme = [.red, .amber, .green].map {
      LegendEntry(code: LegendReading.name($0), rating: $0, meaning: "x", source: b.cell("E5"))
    }
    b.action("1.1A", row: 7, ["A", "G", "G", "B"], evidence: ["Report"])
    b.action("1.1B", row: 8, ["A", "A", "G", "G"])
    let findings = b.findings()
    #expect(findings.cells("status.not_in_legend") == ["H7"])
    #expect(findings.first { $0.code == "status.not_in_legend" }?.message.contains("the key at E5 does not define") == true)
  }

  @Test func noLegendNoLegendFindings() {
    var b = PlanBuilder()
    b.action("1.1A", row: 7, ["A", "G", "G", "B"])
    #expect(!b.findings().has("status.not_in_legend"))
  }

  @Test func noteDisagreesWithTheStatusOfItsPeriod() {
    var b = PlanBuilder()
    b.action("3.1F", row: 9, ["A", "A", "G", "G"], notes: ["Apr 2021: EHC Sub group have flagged this as Amber"])
    b.action("3.3C", row: 10, ["A", "A", "G", "G"], notes: ["Feb 2021: the Green Paper was read; rated green"])
    b.action("3.3D", row: 11, ["A", "A", "A", "G"], notes: ["Feb 2021: report this as amber"])
    let findings = b.findings()
    #expect(findings.cells("status.note_disagrees") == ["I9"])
  }
}
