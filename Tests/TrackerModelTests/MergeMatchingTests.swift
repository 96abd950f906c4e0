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
