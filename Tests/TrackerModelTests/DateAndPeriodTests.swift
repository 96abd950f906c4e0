import Testing
@testable import TrackerModel

@Suite struct DateAndPeriodTests {
  @Test(arguments: [
    ("Feb 2021", DateValue(year: 2021, month: 2)),
    ("Dec-19", DateValue(year: 2019, month: 12)),
    ("Jul 23", DateValue(year: 2023, month: 7)),
    ("Sept 2021", DateValue(year: 2021, month: 9)),
    ("December 2021", DateValue(year: 2021, month: 12)),
    ("31 March 2025", DateValue(year: 2025, month: 3, day: 31)),
    ("7th January 2025", DateValue(year: 2025, month: 1, day: 7)),
    ("15/11/2022", DateValue(year: 2022, month: 11, day: 15)),
    ("2021-04-30", DateValue(year: 2021, month: 4, day: 30)),
    ("Q3 2024/25", DateValue(year: 2024, month: 10, precision: .quarter)),
    ("Q4 2024-25", DateValue(year: 2025, month: 1, precision: .quarter)),
    ("Quarter 3 2023 to 2024", DateValue(year: 2023, month: 10, precision: .quarter)),
  ])
  func dates(text: String, expected: DateValue) {
    #expect(DateText.parse(text) == .value(expected))
  }

  @Test func impossibleAndUSDatesAreInvalid() {
    guard case .invalid = DateText.parse("31/02/2023") else { Issue.record("31/02/2023 accepted"); return }
    guard case .invalid = DateText.parse("12/31/2023") else { Issue.record("12/31/2023 accepted"); return }
    #expect(DateText.parse("Q2") == .partial(text: "Q2"))
    #expect(DateText.parse("Lead October") == nil)
  }

  @Test func fyQuarterWindow() {
    guard case .period(let kind, let start, let end, let id) = PeriodLabel.parse("Q3 2024/25") else {
      Issue.record("not a period"); return
    }
    #expect(kind == .quarterFY)
    #expect(start == CivilDate(year: 2024, month: 10, day: 1))
    #expect(end == CivilDate(year: 2024, month: 12, day: 31))
    #expect(id == "2024/25-Q3")
    guard case .period(_, let s4, let e4, _) = PeriodLabel.parse("Q4 2024/25") else { Issue.record("Q4"); return }
    #expect(s4 == CivilDate(year: 2025, month: 1, day: 1) && e4 == CivilDate(year: 2025, month: 3, day: 31))
    guard case .period(.quarterFY, let s1, _, _) = PeriodLabel.parse("Q1 2018 - 19 April - June 2018") else {
      Issue.record("Q1 with months"); return
    }
    #expect(s1 == CivilDate(year: 2018, month: 4, day: 1))
  }

  @Test(arguments: [
    ("Dec-19", Period.Kind.month, "2019-12"), ("December 2021", .month, "2021-12"), ("RAG Jan-20", .month, "2020-01"),
    ("Status: Apr 2021", .month, "2021-04"), ("2021-04-30", .date, "2021-04-30"), ("30/04/2021", .date, "2021-04-30"),
    ("21/22 academic year", .academicYear, "AY2021/22"), ("Academic year 2022/23", .academicYear, "AY2022/23"),
    ("Autumn term 2021", .term, "2021-autumn"), ("Spring 2022", .term, "2022-spring"),
    ("Quarter 3 2023 to 2024", .quarterFY, "2023/24-Q3"),
  ])
  func periodLabels(text: String, kind: Period.Kind, id: String) {
    guard case .period(let k, _, _, let i) = PeriodLabel.parse(text) else {
      Issue.record("\(text) not a period"); return
    }
    #expect(k == kind)
    #expect(i == id)
  }

  @Test func nonPeriodHeadings() {
    for text in ["Lead October", "Evidence (Impact)", "RAG ??", "Status", "2021", "Actions"] {
      #expect(PeriodLabel.parse(text) == nil, "\(text)")
    }
    #expect(PeriodLabel.parse("6 months") == .relative(months: 6))
    guard case .milestone = PeriodLabel.parse("Milestone 1 – Jul 23") else { Issue.record("milestone"); return }
  }

  @Test func windowsAttributeSeedNotes() {
    let periods = ["Dec-19", "Jan-20", "Apr-21", "Dec-21"].map { label -> Period in
      guard case .period(let kind, let start, let end, let id) = PeriodLabel.parse(label) else {
        return Period(id: "?", label: label, kind: .month, start: CivilDate(year: 1, month: 1, day: 1), end: CivilDate(year: 1, month: 1, day: 1))
      }
      return Period(id: id, label: label, kind: kind, start: start, end: end)
    }
    let windows = PeriodWindows(periods.reversed())
    #expect(windows.periodId(for: DateValue(year: 2019, month: 10)) == "2019-12")
    #expect(windows.periodId(for: DateValue(year: 2021, month: 2)) == "2021-04")
    #expect(windows.periodId(for: DateValue(year: 2021, month: 5)) == "2021-12")
    #expect(windows.periodId(for: DateValue(year: 2022, month: 1)) == nil)
    #expect(windows.window(of: "2021-04")?.after == CivilDate(year: 2020, month: 1, day: 31))
  }
}
