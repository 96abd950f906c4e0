import Diagnostics
import Testing
import TrackerModel

/// Matching actions by key (as strings), by text only as a reported
/// fallback, keys listed under two priorities, and periods by date range.
@Suite struct MergeMatchingTests {
  typealias P = MergeTestPlans
  let periods = P.seedPeriods

  @Test func keysCompareAsStringsSo1Point1NeverMatches1Point10() throws {
    let m = P.plan("master.xlsx", periods: periods, actions: [
      P.action("1.1", row: 7, file: "master.xlsx", periods: periods, statuses: ["G", "G", "G", ""]),
      P.action("1.10", row: 8, file: "master.xlsx", periods: periods, statuses: ["A", "A", "A", ""]),
    ])
    let r = P.plan("r.csv", periods: periods, actions: [
      P.action("1.10", row: 3, file: "r.csv", periods: periods, statuses: ["A", "A", "A", "R"]),
      P.action("1.1", row: 2, file: "r.csv", periods: periods, statuses: ["G", "G", "G", "B"]),
    ])
    let result = P.merge(m, [(r, nil)])
    #expect(P.codes(result.plan, "1.1")["2021-12"] == "B")
    #expect(P.codes(result.plan, "1.10")["2021-12"] == "R")
    #expect(result.plan.actions.map(\.key) == ["1.1", "1.10"])
    #expect(result.summary.conflicts == 0 && result.summary.newActions == 0)
  }

  @Test func rowWithoutRefMatchesOnExactTextInItsFocusAreaAndIsReported() throws {
    let m = P.plan("master.xlsx", periods: periods, actions: [
      P.action("1.1A", row: 7, file: "master.xlsx", periods: periods, statuses: ["G", "G", "G", ""],
        text: "Co-produce the SEND strategy"),
    ])
    var row = P.action("1.1#4", row: 4, file: "r.csv", periods: periods, statuses: ["G", "G", "G", "A"],
      text: "  co-produce   the SEND Strategy ")
    row.letter = nil
    let result = P.merge(m, [(P.plan("r.csv", periods: periods, actions: [row]), nil)])
    #expect(P.codes(result.plan, "1.1A")["2021-12"] == "A")
    let warning = try #require(P.with(MergeCode.matchedByText, result).first)
    #expect(warning.severity == .warning && warning.location == P.cell("r.csv", "B4"))
    #expect(result.summary.matchedByText == 1 && result.plan.actions.count == 1)
  }

  @Test func textIsNeverMatchedAcrossFocusAreasOrFuzzily() {
    let m = P.plan("master.xlsx", periods: periods, actions: [
      P.action("1.1A", row: 7, file: "master.xlsx", periods: periods, statuses: ["G", "G", "G", ""],
        text: "Co-produce the SEND strategy"),
    ])
    let other = P.action("1.2#4", row: 4, file: "r.csv", periods: periods, statuses: ["", "", "", "A"],
      text: "Co-produce the SEND strategy")
    let fuzzy = P.action("1.1#5", row: 5, file: "r.csv", periods: periods, statuses: ["", "", "", "A"],
      text: "Co-produce the SEND strategies")
    let result = P.merge(m, [(P.plan("r.csv", periods: periods, actions: [other, fuzzy]), nil)])
    #expect(result.summary.matchedByText == 0)
    #expect(result.summary.newActions == 2)
    #expect(P.codes(result.plan, "1.1A")["2021-12"] == "")
  }

  @Test func aRowWithARefIsNotMatchedOnTextToAnotherRef() {
    let m = P.plan("master.xlsx", periods: periods, actions: [
      P.action("1.1B", row: 7, file: "master.xlsx", periods: periods, statuses: ["G", "G", "G", ""], text: "Same words"),
    ])
    let r = P.plan("r.csv", periods: periods, actions: [
      P.action("1.1C", row: 4, file: "r.csv", periods: periods, statuses: ["", "", "", "A"], text: "Same words"),
    ])
    let result = P.merge(m, [(r, nil)])
    #expect(result.summary.matchedByText == 0 && result.summary.newActions == 1)
  }

  @Test func oneKeyUnderTwoPrioritiesIsOneActionListedTwiceNotAConflict() {
    let m = P.plan("master.xlsx", periods: periods, actions: [
      P.action("6E", row: 15, file: "master.xlsx", periods: periods, statuses: ["A", "A", "A", "A"], priority: "2"),
      P.action("6E", row: 30, file: "master.xlsx", periods: periods, statuses: ["A", "A", "A", "A"], priority: "6"),
    ])
    // The return lists 6E only under priority 6: both listings take its update.
    let r = P.plan("r.csv", periods: periods + [P.month(2022, 3)], actions: [
      P.action("6E", row: 5, file: "r.csv", periods: periods + [P.month(2022, 3)], statuses: ["A", "A", "A", "A", "G"], priority: "6"),
    ])
    let result = P.merge(m, [(r, nil)])
    #expect(P.codes(result.plan, "6E", priority: "2")["2022-03"] == "G")
    #expect(P.codes(result.plan, "6E", priority: "6")["2022-03"] == "G")
    #expect(result.summary.conflicts == 0 && result.summary.newActions == 0)
    #expect(result.summary.updatedCells == 2)
  }

  @Test func aReturnListingTheKeyUnderBothPrioritiesUpdatesEachListing() {
    let m = P.plan("master.xlsx", periods: periods, actions: [
      P.action("6E", row: 15, file: "master.xlsx", periods: periods, statuses: ["A", "A", "A", ""], priority: "2"),
      P.action("6E", row: 30, file: "master.xlsx", periods: periods, statuses: ["A", "A", "A", ""], priority: "6"),
    ])
    let r = P.plan("r.csv", periods: periods, actions: [
      P.action("6E", row: 5, file: "r.csv", periods: periods, statuses: ["A", "A", "A", "G"], priority: "2"),
      P.action("6E", row: 9, file: "r.csv", periods: periods, statuses: ["A", "A", "A", "R"], priority: "6"),
    ])
    let result = P.merge(m, [(r, nil)])
    #expect(P.codes(result.plan, "6E", priority: "2")["2021-12"] == "G")
    #expect(P.codes(result.plan, "6E", priority: "6")["2021-12"] == "R")
    #expect(result.summary.conflicts == 0)
  }

  @Test func periodsMatchByDateRangeNotLabel() {
    let m = P.plan("master.xlsx", periods: periods, actions: [
      P.action("3.1F", row: 9, file: "master.xlsx", periods: periods, statuses: ["A", "A", "G", ""]),
    ])
    var returnPeriods = periods
    returnPeriods[3] = P.month(2021, 12, label: "December 2021")
    returnPeriods[3].id = "dec-2021-as-read"
    let r = P.plan("r.csv", periods: returnPeriods, actions: [
      P.action("3.1F", row: 9, file: "r.csv", periods: returnPeriods, statuses: ["A", "A", "G", "G/A"]),
    ])
    let result = P.merge(m, [(r, nil)])
    #expect(result.plan.periods.map(\.label) == ["Dec-19", "Jan-20", "Apr-21", "Dec-21"])
    #expect(P.codes(result.plan, "3.1F")["2021-12"] == "G/A")
    #expect(result.summary.newPeriods == 0)
  }

  @Test func newPeriodsAreAddedInDateOrderAndReported() throws {
    let m = P.plan("master.xlsx", periods: periods, actions: [
      P.action("3.1F", row: 9, file: "master.xlsx", periods: periods, statuses: ["A", "A", "G", "G"]),
    ])
    let returnPeriods = [P.month(2021, 4), P.month(2021, 8), P.month(2021, 12), P.month(2022, 3)]
    let r = P.plan("r.csv", periods: returnPeriods, actions: [
      P.action("3.1F", row: 9, file: "r.csv", periods: returnPeriods, statuses: ["G", "G", "G", "A"]),
    ])
    let result = P.merge(m, [(r, nil)])
    #expect(result.plan.periods.map(\.label) == ["Dec-19", "Jan-20", "Apr-21", "Aug-21", "Dec-21", "Mar-22"])
    #expect(result.plan.actions[0].statuses.map(\.status.raw) == ["A", "A", "G", "G", "G", "A"])
    #expect(result.plan.actions[0].statuses.map(\.periodId) == result.plan.periods.map(\.id))
    let added = P.with(MergeCode.periodAdded, result)
    #expect(added.count == 2 && added.allSatisfy { $0.severity == .info })
    #expect(result.summary.newPeriods == 2)
    // Aug-21 is now a past period: filling it is fine, no rewrite.
    #expect(result.summary.historyRewrites == 0 && result.summary.updatedCells == 2)
  }

  @Test func anOverlappingUnequalPeriodIsAMismatchAndKeptAsItsOwnColumn() throws {
    let m = P.plan("master.xlsx", periods: periods, actions: [
      P.action("3.1F", row: 9, file: "master.xlsx", periods: periods, statuses: ["A", "A", "G", "G"]),
    ])
    let q3 = P.quarter(3, 2021)
    let r = P.plan("r.csv", periods: [q3], actions: [
      P.action("3.1F", row: 9, file: "r.csv", periods: [q3], statuses: ["A"]),
    ])
    let result = P.merge(m, [(r, nil)])
    let mismatch = try #require(P.with(MergeCode.periodMismatch, result).first)
    #expect(mismatch.severity == .warning && mismatch.message.contains("Dec-21"))
    #expect(result.plan.periods.map(\.label) == ["Dec-19", "Jan-20", "Apr-21", "Q3 2021/22", "Dec-21"])
    #expect(P.codes(result.plan, "3.1F")["2021-Q3"] == "A")
    #expect(result.summary.periodMismatches == 1)
  }

  @Test func aDuplicatedKeyInOneReturnIsReportedAndBothCopiesMerge() {
    let m = P.plan("master.xlsx", periods: periods, actions: [
      P.action("4D", row: 10, file: "master.xlsx", periods: periods, statuses: ["R", "G", "G", ""]),
    ])
    let r = P.plan("r.csv", periods: periods, actions: [
      P.action("4D", row: 3, file: "r.csv", periods: periods, statuses: ["R", "G", "G", "G"]),
      P.action("4D", row: 4, file: "r.csv", periods: periods, statuses: ["R", "G", "G", "A"]),
    ])
    let result = P.merge(m, [(r, nil)])
    #expect(P.with(MergeCode.duplicateKey, result).count == 1)
    #expect(result.summary.conflicts == 1)
    #expect(P.codes(result.plan, "4D")["2021-12"] == "")
  }
}

extension MergeMatchingTests {
  @Test func messagesNameThePriorityOnlyForAKeyListedUnderSeveral() {
    let m = P.plan("master.xlsx", periods: periods, actions: [
      P.action("6E", row: 15, file: "master.xlsx", periods: periods, statuses: ["A", "A", "A", "A"], priority: "2"),
      P.action("6E", row: 30, file: "master.xlsx", periods: periods, statuses: ["A", "A", "A", "A"], priority: "6"),
      P.action("4D", row: 12, file: "master.xlsx", periods: periods, statuses: ["R", "G", "G", "G"], priority: "2"),
    ])
    let r = P.plan("r.csv", periods: periods, actions: [
      P.action("6E", row: 5, file: "r.csv", periods: periods, statuses: ["A", "A", "A", "G"], priority: "6"),
      P.action("4D", row: 6, file: "r.csv", periods: periods, statuses: ["R", "G", "G", "A"], priority: "2"),
    ])
    let messages = P.with(MergeCode.statusConflict, P.merge(m, [(r, nil)])).map(\.message)
    #expect(messages.count == 3)
    #expect(messages.contains { $0.hasPrefix("6E (priority 2) Dec-21") } && messages.contains { $0.hasPrefix("6E (priority 6) Dec-21") })
    #expect(messages.contains { $0.hasPrefix("4D Dec-21") })
  }
}

/// Issue 13: a return's data goes only into the action it is matched to;
/// the verdict on a return depends on the master and that return alone.
extension MergeMatchingTests {
  /// 3.1F under priority 2 and, mistyped, under priority 3 with other wording.
  func twoActionsOneKey() -> Plan {
    P.plan("master.xlsx", periods: periods, actions: [
      P.action("3.1F", row: 9, file: "master.xlsx", periods: periods, statuses: ["A", "A", "G", ""],
        text: "Review plans with families", priority: "2", notes: [(DateValue(year: 2021, month: 4), "Started")],
        evidence: ["Minutes"]),
      P.action("3.1F", row: 30, file: "master.xlsx", periods: periods, statuses: ["G", "G", "G", ""],
        text: "Audit EHC plans every quarter", priority: "3", notes: [(DateValue(year: 2021, month: 4), "Audit done")],
        evidence: ["Audit report"]),
    ])
  }

  @Test func aKeyUnderTwoPrioritiesWithOtherWordingIsTwoActions() throws {
    let m = twoActionsOneKey()
    var row = P.action("3.1F", row: 4, file: "r.csv", periods: periods, statuses: ["A", "A", "R", "A"],
      text: "Review plans with families", priority: "2",
      notes: [(DateValue(year: 2021, month: 4), "Started"), (DateValue(year: 2021, month: 12), "Families invited")],
      evidence: ["Minutes", "Invitation letter"])
    row.leads = [Lead(raw: "Someone Else", name: "Someone Else")]
    let result = P.merge(m, [(P.plan("r.csv", periods: periods, actions: [row]), nil)])
    #expect(P.codes(result.plan, "3.1F", priority: "2")["2021-12"] == "A")
    #expect(P.codes(result.plan, "3.1F", priority: "3") == P.codes(m, "3.1F", priority: "3"))
    let other = try #require(result.plan.actions.first { $0.priorityId == "3" })
    #expect(other.notes.map(\.text) == ["Audit done"] && other.evidence.map(\.text) == ["Audit report"])
    #expect(other.leads == m.actions[1].leads)
    // One conflict (Apr-21 G → R) on priority 2's row, none on priority 3's.
    #expect(result.summary.conflicts == 1 && result.log.filter { $0.priorityId == "3" }.isEmpty)
  }

  @Test func aRowThatCouldBeEitherActionAppliesNothingAndNamesBoth() throws {
    let m = twoActionsOneKey()
    let row = P.action("3.1F", row: 4, file: "r.csv", periods: periods, statuses: ["A", "A", "G", "G"],
      text: "Review plans (reworded)", priority: nil, notes: [(DateValue(year: 2021, month: 12), "New note")],
      evidence: ["New item"])
    let result = P.merge(m, [(P.plan("r.csv", periods: periods, actions: [row]), "EHCP")])
    let finding = try #require(P.with(MergeCode.ambiguousKey, result).first)
    #expect(finding.severity == .warning && finding.location == P.cell("r.csv", "B4"))
    #expect(finding.message.contains("priority 2") && finding.message.contains("priority 3"))
    #expect(finding.related == [P.cell("master.xlsx", "B9"), P.cell("master.xlsx", "B30")])
    #expect(result.plan.actions.map(\.notes) == m.actions.map(\.notes).map { notes in
      notes.map { var n = $0; n.provenance = Provenance(file: "master.xlsx", sheet: "Priority 2", cell: "I\($0.source!.cell!.row)"); return n }
    })
    #expect(result.plan.actions.allSatisfy { $0.statuses.last?.status.raw == "" })
    #expect(result.summary.ambiguousKeys == 1 && result.summary.newActions == 0 && result.log.count == 1)
    // Without a priority but with one action's exact wording, the row is that action.
    let exact = P.action("3.1F", row: 4, file: "r.csv", periods: periods, statuses: ["", "", "", "G"],
      text: "audit EHC plans every  quarter", priority: nil)
    let matched = P.merge(m, [(P.plan("r.csv", periods: periods, actions: [exact]), nil)])
    #expect(P.codes(matched.plan, "3.1F", priority: "3")["2021-12"] == "G")
    #expect(P.codes(matched.plan, "3.1F", priority: "2")["2021-12"] == "")
  }

  @Test func aReturnWithoutPrioritiesListingBothActionsOfAKeyUpdatesEachByItsWording() {
    let m = twoActionsOneKey()
    let r = P.plan("r.csv", periods: periods, actions: [
      P.action("3.1F", row: 4, file: "r.csv", periods: periods, statuses: ["A", "A", "G", "G"],
        text: "Review plans with families", priority: nil),
      P.action("3.1F", row: 5, file: "r.csv", periods: periods, statuses: ["G", "G", "G", "B"],
        text: "Audit EHC plans every quarter", priority: nil),
    ])
    let result = P.merge(m, [(r, nil)])
    #expect(P.codes(result.plan, "3.1F", priority: "2")["2021-12"] == "G")
    #expect(P.codes(result.plan, "3.1F", priority: "3")["2021-12"] == "B")
    #expect(P.with(MergeCode.duplicateKey, result).isEmpty && result.summary.conflicts == 0)
  }

  @Test func mergingATrackerWithItselfChangesNothingWhateverItsKeys() {
    var m = twoActionsOneKey()
    m.actions += [
      P.action("6E", row: 15, file: "master.xlsx", periods: periods, statuses: ["A", "A", "A", "A"], priority: "2",
        notes: [(nil, "SEE 6E")]),
      P.action("6E", row: 40, file: "master.xlsx", periods: periods, statuses: ["A", "A", "A", "A"], priority: "6",
        notes: [(DateValue(year: 2021, month: 12), "Toolkit drafted")]),
    ]
    var continuation = P.action("3.1#10", row: 10, file: "master.xlsx", periods: periods, statuses: ["", "", "", ""],
      text: "", priority: "2", notes: [(DateValue(year: 2021, month: 12), "Continued in the notes column")])
    continuation.letter = nil
    m.actions.insert(continuation, at: 1)
    let alone = P.merge(m, [])
    let result = P.merge(m, [(m, nil)])
    #expect(result.plan.actions == alone.plan.actions)
    let s = result.summary
    #expect(s.conflicts == 0 && s.newActions == 0 && s.notesAdded == 0 && s.evidenceAdded == 0 && s.updatedCells == 0)
    #expect(P.with(MergeCode.newAction, result).isEmpty && P.with(MergeCode.noteEdited, result).isEmpty)
  }

  @Test func aContinuationRowIsMatchedByItsPlaceAndANewOneIsAddedOnce() throws {
    var continuation = P.action("3.1#10", row: 10, file: "master.xlsx", periods: periods, statuses: ["", "", "", ""],
      text: "", notes: [(DateValue(year: 2021, month: 4), "More")])
    continuation.letter = nil
    let m = P.plan("master.xlsx", periods: periods, actions: [
      P.action("3.1F", row: 9, file: "master.xlsx", periods: periods, statuses: ["A", "A", "G", ""]), continuation,
      P.action("4D", row: 11, file: "master.xlsx", periods: periods, statuses: ["R", "G", "G", ""]),
    ])
    // The return's layout has other row numbers, an extra note on the
    // continuation row, and a second continuation row after 4D.
    var same = P.action("3.1#5", row: 5, file: "r.csv", periods: periods, statuses: ["", "", "", ""], text: "",
      notes: [(DateValue(year: 2021, month: 4), "More"), (DateValue(year: 2021, month: 12), "Even more")])
    same.letter = nil
    var extra = P.action("4#7", row: 7, file: "r.csv", periods: periods, statuses: ["", "", "", ""], text: "",
      notes: [(DateValue(year: 2021, month: 12), "4D goes on")])
    extra.letter = nil
    let r = P.plan("r.csv", periods: periods, actions: [
      P.action("3.1F", row: 4, file: "r.csv", periods: periods, statuses: ["A", "A", "G", ""]), same,
      P.action("4D", row: 6, file: "r.csv", periods: periods, statuses: ["R", "G", "G", ""]), extra,
    ])
    let once = P.merge(m, [(r, nil)])
    #expect(once.plan.actions.map(\.key) == ["3.1F", "3.1#10", "4D", "4#7"])
    #expect(once.plan.actions[1].notes.map(\.text) == ["More", "Even more"])
    #expect(once.summary.newActions == 1)
    let twice = PlanMerger.merge(master: MergeInput(plan: once.plan, file: "master.xlsx"), returns: [MergeInput(plan: r, file: "r.csv")])
    #expect(twice.plan.actions == once.plan.actions && twice.summary.newActions == 0 && twice.summary.notesAdded == 0)
  }

  @Test func aPastPeriodIsPastForTheMasterAndThatReturnNotForPeriodsOthersAdd() throws {
    let m = P.plan("master.xlsx", periods: periods, actions: [
      P.action("3.1F", row: 9, file: "master.xlsx", periods: periods, statuses: ["A", "A", "G", "A"], subGroup: "EHCP"),
      P.action("4D", row: 10, file: "master.xlsx", periods: periods, statuses: ["R", "G", "G", ""], subGroup: "GR"),
    ])
    // EHCP changes the current period (Dec-21): a conflict, not a rewrite.
    let ehcp = P.plan("ehcp.csv", periods: periods, actions: [
      P.action("3.1F", row: 4, file: "ehcp.csv", periods: periods, statuses: ["A", "A", "G", "G"]),
    ])
    // GR reports on Mar-22, which the master does not have yet.
    let later = periods + [P.month(2022, 3)]
    let gr = P.plan("gr.csv", periods: later, actions: [
      P.action("4D", row: 4, file: "gr.csv", periods: later, statuses: ["R", "G", "G", "", "G"]),
    ])
    let alone = P.merge(m, [(ehcp, "EHCP")])
    let together = P.merge(m, [(ehcp, "EHCP"), (gr, "GR")])
    for result in [alone, together] {
      #expect(P.with(MergeCode.statusConflict, result).count == 1)
      #expect(P.with(MergeCode.historyRewrite, result).isEmpty && result.summary.historyRewrites == 0)
    }
    // GR's return does not update 3.1F, and EHCP's is not "missing" its current period because GR added one.
    #expect(P.with(MergeCode.noUpdate, together).isEmpty && P.with(MergeCode.noUpdate, alone).isEmpty)
  }

  @Test func theOwnersReturnIsAppliedFirstSoItIsTheProvenance() throws {
    var m = P.plan("master.xlsx", periods: periods, actions: [
      P.action("3.1F", row: 9, file: "master.xlsx", periods: periods, statuses: ["A", "A", "G", ""]),
    ])
    m.actions[0].subGroup = "SPG"
    // "Admissions" sorts before "SPG": applied in sub-group order it would fill the cell first.
    let note = (DateValue(year: 2021, month: 12), "Plan agreed")
    let other = P.plan("adm.csv", periods: periods, actions: [
      P.action("3.1F", row: 4, file: "adm.csv", periods: periods, statuses: ["A", "A", "G", "G"], notes: [note]),
    ])
    let owner = P.plan("spg.csv", periods: periods, actions: [
      P.action("3.1F", row: 6, file: "spg.csv", periods: periods, statuses: ["A", "A", "G", "G"], notes: [note]),
    ])
    let result = P.merge(m, [(other, "Admissions"), (owner, "SPG")])
    let status = try #require(result.plan.actions[0].statuses.last)
    #expect(status.provenance?.file == "spg.csv" && status.provenance?.subGroup == "SPG")
    #expect(result.plan.actions[0].notes.first { $0.text == "Plan agreed" }?.provenance?.file == "spg.csv")
    // The out-of-remit return is reported whether or not the owner's return is there.
    #expect(P.with(MergeCode.outOfRemit, result).count == 1)
    #expect(P.with(MergeCode.outOfRemit, P.merge(m, [(other, "Admissions")])).count == 1)
  }
}
