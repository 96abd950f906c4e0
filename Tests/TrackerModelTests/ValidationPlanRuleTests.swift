import Diagnostics
import Testing
@testable import TrackerModel

@Suite("Validation: refs, periods, evidence, leads, cross-references, due dates")
struct ValidationPlanRuleTests {
  @Test func duplicateRefUnderOnePriorityIsAnError() {
    var b = PlanBuilder()
    b.action("1.1A", row: 7, ["G", "G", "G", "G"])
    b.action("1.1A", row: 8, ["G", "G", "G", "G"])
    b.action("6E", row: 9, ["G", "G", "G", "G"], priority: "2")
    b.action("6E", row: 10, ["G", "G", "G", "G"], priority: "6")  // one action listed under two priorities
    let findings = b.findings()
    #expect(findings.cells("ref.duplicate") == ["B8"])
    let finding = findings.first { $0.code == "ref.duplicate" }
    #expect(finding?.severity == .error)
    #expect(finding?.message == "two actions have the reference \"1.1A\" (rows 7 and 8)")
    #expect(finding?.related.map { $0.cell?.a1 } == ["B7"])
  }

  /// domain.md §6: the same key with other wording is a duplicate under any
  /// priorities; with the same wording under another priority it is one
  /// action cross-listed (info).
  @Test func duplicateRefAcrossPrioritiesAndCrossListing() {
    var b = PlanBuilder()
    b.action("3.1F", row: 7, ["G", "G", "G", "G"], priority: "2")
    let other = b.action("3.1F", row: 8, ["G", "G", "G", "G"], priority: "3")
    b.plan.actions[other].text = "Audit EHC plans"
    b.action("6E", row: 9, ["G", "G", "G", "G"], priority: "2")
    b.action("6E", row: 10, ["G", "G", "G", "G"], priority: "6")
    let findings = b.findings()
    #expect(findings.cells("ref.duplicate") == ["B8"])
    #expect(findings.first { $0.code == "ref.duplicate" }?.message
      == "two actions have the reference \"3.1F\" under priorities 2 and 3 and different wording (rows 7 and 8)")
    #expect(findings.cells("ref.cross_listed") == ["B10"])
    let crossListed = findings.first { $0.code == "ref.cross_listed" }
    #expect(crossListed?.severity == .info && crossListed?.related.map { $0.cell?.a1 } == ["B9"])
  }

  @Test func areaMismatchAgainstFocusArea() {
    var b = PlanBuilder()
    b.action("4.2B", row: 7, ["G", "G", "G", "G"], focus: "3.1")
    b.action("3.1C", row: 8, ["G", "G", "G", "G"], focus: "3.1")
    b.action("3.1#9", row: 9, ["G", "G", "G", "G"], focus: "3.1")
    #expect(b.findings().cells("ref.area_mismatch") == ["B7"])
  }

  @Test func areaMismatchAgainstPriorityOnlyWhenThePlanNumbersByPriority() {
    var b = PlanBuilder()
    for (row, key) in ["1.1", "1.2", "1.3"].enumerated() {
      let index = b.action(key, row: 7 + row, ["G", "G", "G", "G"], priority: "1")
      b.plan.actions[index].focusRef = nil
    }
    let stray = b.action("2.4", row: 10, ["G", "G", "G", "G"], priority: "1")
    b.plan.actions[stray].focusRef = nil
    #expect(b.findings().cells("ref.area_mismatch") == ["B10"])
    // The seed: focus areas 1.1 ... 6 under Priority 2 follow another numbering; no finding.
    var seed = PlanBuilder()
    seed.action("1.1A", row: 7, ["G", "G", "G", "G"], priority: "2")
    seed.action("3.1F", row: 9, ["G", "G", "G", "G"], priority: "2")
    #expect(!seed.findings().has("ref.area_mismatch"))
  }

  @Test func periodGapOverAYear() {
    var b = PlanBuilder()
    b.action("1.1A", row: 7, ["G", "G", "G", "G"])
    let findings = b.findings()
    #expect(findings.cells("layout.period_gap") == ["G6"])
    #expect(findings.first { $0.code == "layout.period_gap" }?.message.hasPrefix("15 months between review periods Jan-20 and Apr-21") == true)
    var quarterly = PlanBuilder(periods: ["Jun-21", "Sep-21", "Dec-21", "Mar-22"])
    quarterly.action("1.1A", row: 7, ["G", "G", "G", "G"])
    #expect(!quarterly.findings().has("layout.period_gap"))
    var options = ValidationOptions(today: CivilDate(year: 2022, month: 1, day: 1))
    options.periodGapMonths = 6
    #expect(b.findings(options).cells("layout.period_gap") == ["G6", "H6"])
  }

  @Test func evidenceMissingForCompleteUsesTheLegend() {
    var b = PlanBuilder()
    b.action("1.1A", row: 7, ["A", "A", "G", "B"], evidence: [])
    b.action("1.1B", row: 8, ["A", "A", "G", "Complete"], evidence: [])
    b.action("1.1C", row: 9, ["A", "A", "G", "G"], evidence: [])  // Green = on track without a key
    b.action("1.1D", row: 10, ["A", "A", "G", "B"], evidence: ["Report"])
    #expect(b.findings().cells("evidence.missing_for_complete") == ["H7", "H8"])
    b.plan.statusScheme = [LegendEntry(code: "Green", rating: .green, meaning: "Completed.", source: b.cell("I3"))]
    let keyed = b.findings().filter { $0.code == "evidence.missing_for_complete" }
    #expect(keyed.map { $0.location?.cell?.a1 } == ["H7", "H8", "H9"])
    #expect(keyed.last?.message == "1.1C is G in Dec-21 (the key defines Green as complete) but lists no evidence")
  }

  @Test func evidenceLogReferences() {
    var b = PlanBuilder()
    b.plan.evidenceLog = [
      EvidenceDoc(code: "E1", title: "ToR", source: b.cell("A20")),
      EvidenceDoc(code: "E2", title: "Minutes", source: b.cell("A21")),
    ]
    b.action("1.1A", row: 7, ["G", "G", "G", "G"], evidence: ["E1", "E9"])
    let findings = b.findings()
    #expect(findings.cells("evidence.ref_unresolved") == ["J7"])
    #expect(findings.cells("evidence.unreferenced") == ["A21"])
    var clean = PlanBuilder()
    clean.action("1.1A", row: 7, ["G", "G", "G", "G"], evidence: ["E1", "E9"])  // no log: nothing to check against
    #expect(!clean.findings().has("evidence.ref_unresolved"))
  }

  @Test func leadMissingOrPlaceholderButNotARole() {
    var b = PlanBuilder()
    b.action("1.1A", row: 7, ["G", "G", "G", "G"], leads: [])
    b.action("1.1B", row: 8, ["G", "G", "G", "G"], leads: ["TBC"])
    b.action("1.2C", row: 9, ["G", "G", "G", "G"], leads: ["SCM SEND"])
    let findings = b.findings()
    #expect(findings.cells("lead.missing") == ["C7", "C8"])
    #expect(findings.first { $0.location?.cell?.a1 == "C8" }?.message == "1.1B has only a placeholder lead \"TBC\"")
  }

  @Test func similarLeadNamesAreSuggestedOnce() {
    var b = PlanBuilder()
    b.action("1.1A", row: 7, ["G", "G", "G", "G"], leads: ["Head of SEND", "Tim Moss"])
    b.action("1.1B", row: 8, ["G", "G", "G", "G"], leads: ["Head od SEND", "SPG"])
    b.action("1.1C", row: 9, ["G", "G", "G", "G"], leads: ["head od send", "SEN", "Lynn Tolley"])
    let findings = b.findings().filter { $0.code == "lead.similar_names" }
    #expect(findings.map { $0.location?.cell?.a1 } == ["C8"])
    #expect(findings.first?.message == "lead \"Head od SEND\" is close to \"Head of SEND\" (1 character different): possible typo")
  }

  @Test func nearDuplicatesMatchesAllPairsOnRandomNames() {
    var rng = SystemRandomNumberGenerator()
    let letters = Array("abcde ")
    var names = Set<String>()
    while names.count < 120 { names.insert(String((0..<Int.random(in: 4...11, using: &rng)).map { _ in letters.randomElement(using: &rng)! })) }
    let list = Array(names)
    let fast = Set(NearDuplicates.pairs(list).map { "\($0.0)-\($0.1)" })
    var slow = Set<String>()
    for i in list.indices {
      for j in list.indices where i < j {
        let limit = min(NearDuplicates.allowedDistance(list[i].count), NearDuplicates.allowedDistance(list[j].count))
        let d = NearDuplicates.levenshtein(Array(list[i].unicodeScalars), Array(list[j].unicodeScalars), limit: 99)
        if d > 0, d <= limit { slow.insert("\(i)-\(j)") }
      }
    }
    #expect(fast == slow)
  }

  @Test func crossReferences() {
    var b = PlanBuilder()
    b.action("4D", row: 12, ["G", "G", "G", "G"], crossRefs: [("See [4a above]", "4A")])
    b.action("6E", row: 15, ["A", "A", "A", "A"], crossRefs: [("SEE 6E", "6E")])
    b.action("6F", row: 16, ["A", "A", "A", "A"], crossRefs: [("SEE 4D", "4D"), ("see 4", "4")])
    b.plan.focusAreas = [FocusArea(ref: "4", rawRef: "Ref - 4", title: "EHC plans", source: b.cell("A12"))]
    let findings = b.findings()
    #expect(findings.cells("xref.unresolved") == ["I12"])
    #expect(findings.first { $0.code == "xref.unresolved" }?.message == "\"See [4a above]\" points to 4A, which is not an action in this workbook")
    #expect(findings.cells("xref.self") == ["I15"])
    #expect(findings.cells("xref.resolved") == ["I16", "I16"])
    var external = PlanBuilder()
    let index = external.action("4D", row: 12, ["G", "G", "G", "G"], crossRefs: [("See 9Z", "9Z")])
    external.plan.actions[index].crossRefs[0].resolution = .external
    #expect(!external.findings().has("xref.unresolved"))
  }

  @Test func overdueAgainstAsOfOrLatestPeriod() {
    var b = PlanBuilder()
    b.action("1.1A", row: 7, ["A", "A", "A", "A"], due: DateValue(year: 2021, month: 5))
    b.action("1.1B", row: 8, ["A", "A", "A", "B"], due: DateValue(year: 2021, month: 5))
    b.action("1.1C", row: 9, ["A", "A", "A", "A"], due: DateValue(year: 2021, month: 12))
    let findings = b.findings()
    #expect(findings.cells("action.overdue") == ["B7"])
    let options = ValidationOptions(asOf: CivilDate(year: 2022, month: 1, day: 31), today: CivilDate(year: 2022, month: 1, day: 31))
    #expect(b.findings(options).cells("action.overdue") == ["B7", "B9"])
  }

  @Test func cellTooLongForXLSX() {
    var b = PlanBuilder()
    let index = b.action("1.1A", row: 7, ["G", "G", "G", "G"], notes: ["Apr 2021: short"])
    b.plan.actions[index].notes.append(
      ProgressNote(date: nil, text: "", raw: String(repeating: "é", count: 32_000), source: b.cell("I7")))
    b.plan.actions[index].notes.append(
      ProgressNote(date: nil, text: "", raw: String(repeating: "x", count: 800), source: b.cell("I7")))
    let findings = b.findings()
    #expect(findings.cells("output.cell_too_long") == ["I7"])
    #expect(findings.first { $0.code == "output.cell_too_long" }?.severity == .error)
    #expect(CellLengthCheck.check(String(repeating: "x", count: 32_767), at: nil, what: "x") == nil)
    #expect(CellLengthCheck.check(String(repeating: "😀", count: 16_384), at: nil, what: "x") != nil)
  }

  /// Evidence items (or notes) from several rows, each short enough, are
  /// too long together in the one cell the cleaned workbook writes them to;
  /// reported once, at the first item (the builder's, J7), and not when they fit.
  @Test func cellTooLongForPartsTheCleanedWorkbookJoins() {
    for (count, fires) in [(16_400, true), (16_000, false)] {
      var b = PlanBuilder()
      let index = b.action("1.1A", row: 7, ["G", "G", "G", "G"])
      for row in [8, 9] {
        let text = String(repeating: "m", count: count)
        b.plan.actions[index].evidence.append(EvidenceItem(number: row - 7, text: text, raw: "\(row - 7). " + text, source: b.cell("J\(row)")))
      }
      #expect(b.findings().cells("output.cell_too_long") == (fires ? ["J7"] : []), "\(count)")
    }
  }

  @Test func policySwitchesOffAndRegrades() {
    var b = PlanBuilder()
    b.action("5F", row: 14, ["A", "A", "A", "A"])
    b.action("1.1A", row: 7, ["A", "", "G", "G"])
    var options = ValidationOptions(today: CivilDate(year: 2022, month: 1, day: 1))
    options.policy.disable("status.stalled")
    options.policy.regrade("status.gap", to: .error)
    let findings = b.findings(options)
    #expect(!findings.has("status.stalled"))
    #expect(findings.first { $0.code == "status.gap" }?.severity == .error)
  }

  @Test func findingsAreSortedByLocation() {
    var b = PlanBuilder()
    b.action("5F", row: 14, ["A", "A", "A", "A"], leads: [])
    b.action("1.1A", row: 7, ["A", "", "G", ""])
    let rows = b.findings().compactMap { $0.location?.cell }
    #expect(rows == rows.sorted())
  }

  @Test func everyRuleCodeIsInTheCatalogue() {
    for code in Validator.codes {
      #expect(RuleCatalogue.info(code) != nil, "\(code) missing from the catalogue")
    }
    let ruleCodes = Set(RuleCatalogue.all.filter { $0.source == .rule || $0.source == .writer }.map(\.code))
    #expect(ruleCodes == Set(Validator.codes))
  }
}
