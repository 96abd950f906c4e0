import Testing
@testable import TrackerModel

/// As-at dates, keys and note prefixes read by meaning (docs/preamble-keys-periods.md),
/// proved on generated phrasings rather than a list of examples.
@Suite struct PreambleMeaningTests {
  static let labels = [
    "As at", "as of", "Position as at", "Position at", "Status as at", "Correct as of", "Correct as at", "Updated",
    "Last updated", "Last reviewed", "Reviewed", "Data as at", "Progress as at", "Reporting period", "Period ending",
    "Date of update", "Date", "Current position", "Position at end of", "Accurate as at", "Tracker – position at",
    "SEND WSoA progress tracker, position as at",
  ]
  static let separators = [" ", ": ", " - ", " – ", ", ", ":", " = ", " (", ": the "]
  static let dates: [(String, DateValue)] = [
    ("30/09/2023", DateValue(year: 2023, month: 9, day: 30)), ("30 September 2023", DateValue(year: 2023, month: 9, day: 30)),
    ("30th Sept 2023", DateValue(year: 2023, month: 9, day: 30)), ("2023-09-30", DateValue(year: 2023, month: 9, day: 30)),
    ("Sept 2023", DateValue(year: 2023, month: 9)), ("September 2023", DateValue(year: 2023, month: 9)),
    ("Sep-23", DateValue(year: 2023, month: 9)), ("Q2 2023/24", DateValue(year: 2023, month: 7, precision: .quarter)),
    ("1/10/23", DateValue(year: 2023, month: 10, day: 1)),
  ]

  @Test func asAtLabelsSeparatorsAndDates() {
    var checked = 0
    for label in Self.labels {
      for separator in Self.separators {
        for (text, value) in Self.dates {
          for tail in ["", ")", " (draft)", ". Next review date: 31/12/2023"] {
            let cell = label + separator + text + tail
            #expect(AsAtText.read(cell) == .date(value), "\"\(cell)\"")
            checked += 1
          }
        }
      }
    }
    #expect(checked > 5000)
  }

  @Test(arguments: [
    "Next review date: 31/12/2023", "Due date 31/03/2024", "Target date: March 2024", "Plan approved 12/01/2022",
    "Published 30/09/2023", "Meeting date: 14/11/2023", "31/03/2024", "Sept 2023", "Revisit date 2024-02-01",
    "Start date: 01/04/2023", "Priority 2: Children wait 18 weeks", "Date", "Status", "Inspection date: 12/06/2022",
    "Deadline 30/09/2023", "Completed by 30/09/2023", "Plans are updated in March 2024",
    "All EHCPs reviewed by 31/03/2024", "Families told us the Local Offer is not kept current and is hard to use 2023",
  ])
  func notAsAt(text: String) {
    #expect(AsAtText.read(text) == nil, "\"\(text)\" read as \(String(describing: AsAtText.read(text)))")
  }

  /// A title that carries the as-at date reads as the date and the title
  /// without the phrase, for every title length, phrasing, joiner and date.
  @Test func titleWithTheAsAtPhraseTakenOut() {
    let titles = [
      "SEND WSoA tracker", "Northshire Local Area SEND Written Statement of Action – progress tracker",
      "Eastmoor Council SEND improvement plan monitoring report for the partnership board", "Progress tracker",
    ]
    let phrases = ["position at", "Position as at", "correct as of", "last updated", "Updated:", "as at", "data as at"]
    var checked = 0
    for title in titles {
      for phrase in phrases {
        for (date, value) in Self.dates {
          for (open, close) in [(" – ", ""), (" - ", ""), (", ", ""), (" (", ")"), (": ", "")] {
            let cell = title + open + phrase + " " + date + close
            #expect(AsAtText.read(cell) == .date(value), "\"\(cell)\"")
            #expect(AsAtText.withoutPhrase(cell) == title, "\"\(cell)\"")
            checked += 1
          }
          // The phrase first, the title after it.
          let first = phrase.prefix(1).uppercased() + phrase.dropFirst() + " " + date + ": " + title
          #expect(AsAtText.withoutPhrase(first) == title, "\"\(first)\"")
        }
      }
    }
    #expect(checked > 1000)
    // `Progress report as at`: `report` is the title's, not the label's.
    #expect(AsAtText.withoutPhrase("WSoA progress report as at 30/09/2023") == "WSoA progress report")
    #expect(AsAtText.withoutPhrase("SEND tracker – position at") == "SEND tracker")
    #expect(AsAtText.withoutPhrase("SEND tracker (draft)") == nil)
  }

  @Test func labelsWithTheDateElsewhere() {
    for label in ["Position as at", "Last updated:", "Last reviewed", "Date:", "Correct as of", "Status as at:", "As at"] {
      #expect(AsAtText.read(label) == .label, "\"\(label)\"")
    }
  }

  /// One-line keys: code letters, colour words, status words; every label
  /// and separator.
  @Test func oneLineKeys() throws {
    let codes = [("B", Rating.blue, "Complete and embedded"), ("R", .red, "Off track"), ("A", .amber, "At risk"), ("G", .green, "On track")]
    for label in ["BRAG key: ", "Status key: ", "Key: ", "RAG: ", "Legend - ", "RAG key "] {
      for separator in [" = ", " - ", ": ", " – ", "="] {
        for joiner in [", ", "; ", " | ", " "] {
          let text = label + codes.map { $0.0 + separator + $0.2 }.joined(separator: joiner)
          let legend = try #require(LegendParser.parse(text, scope: .periods), "\(text)")
          #expect(legend.entries.map(\.code) == codes.map(\.0), "\(text)")
          #expect(legend.entries.map(\.rating) == codes.map(\.1), "\(text)")
          #expect(legend.entries.map(\.label) == codes.map(\.2), "\(text)")
          #expect(legend.entries[0].completion == .embedded, "\(text)")
        }
      }
    }
    // Without a label, `=` or three codes still make a key; two dashed letters do not.
    #expect(LegendParser.parse("R = Off track, G = On track", scope: .periods)?.entries.count == 2)
    #expect(LegendParser.parse("B - Complete, G - On track, A - At risk", scope: .periods)?.entries.count == 3)
    #expect(LegendParser.parse("Plan A - the first option; Plan B - the fallback", scope: .periods) == nil)
    // A letter then its colour word is one entry.
    let both = try #require(LegendParser.parse("RAG: R = Red - delayed, A = Amber - at risk, G = Green - on track", scope: .periods))
    #expect(both.entries.map(\.code) == ["R", "A", "G"] && both.entries[0].meaning == "delayed")
    // Colour words with a label, as before.
    let colours = try #require(LegendParser.parse("RAG: Red – delayed; Amber – some slippage; Green – on track", scope: .periods))
    #expect(colours.entries.map(\.rating) == [.red, .amber, .green] && colours.heading == "RAG")
    // Status words as codes.
    let words = try #require(LegendParser.parse("Status key: Complete – finished; On track – progressing; Off-track – will miss", scope: .periods))
    #expect(words.entries.map(\.code) == ["Complete", "On track", "Off-track"])
    #expect(words.entries.map(\.rating) == [.green, .green, .red])
    #expect(words.entries[0].completion == .complete)
    #expect(StatusVocabulary.read("on track", legend: words.entries).status.label == "On track")
    #expect(LegendParser.parse("Complete – finished; On track – progressing", scope: .periods) == nil)
  }

  @Test(arguments: [
    ("Q3", PartialPeriod.quarter(3)), ("Qtr 2", .quarter(2)), ("Quarter 4", .quarter(4)), ("Autumn", .term(0, half: nil)),
    ("Spring term", .term(1, half: nil)), ("Summer 2", .term(2, half: 2)), ("Term 1", .term(0, half: nil)),
    ("March", .month(3)), ("Sept", .month(9)), ("Sept.", .month(9)),
  ])
  func partialPrefixes(text: String, expected: PartialPeriod) {
    #expect(PartialPeriod.read(text) == expected)
    let split = NoteSplitter.split(text + ": something happened")
    #expect(split.notes.map(\.prefix) == [text.hasSuffix(".") ? text : text], "\(text)")
    #expect(split.notes.first?.text == "something happened")
  }

  /// A quarter of one year is a calendar quarter, in notes and dates too.
  @Test func calendarQuarterDates() {
    #expect(DateText.parse("Q3 2024") == .value(DateValue(year: 2024, month: 7, precision: .quarter)))
    #expect(DateText.parse("Q3 2024/25") == .value(DateValue(year: 2024, month: 10, precision: .quarter)))
    let notes = NoteSplitter.split("Q3 2024 – contract signed\nQ4 2024: first families seen").notes
    #expect(notes.map(\.date) == [DateValue(year: 2024, month: 7, precision: .quarter), DateValue(year: 2024, month: 10, precision: .quarter)])
  }

  @Test func notAPartialPrefix() {
    #expect(NoteSplitter.split("May – need to revisit the plan").notes.first?.undated == true)
    #expect(NoteSplitter.split("May: revisited").notes.first?.prefix == "May")
    #expect(NoteSplitter.split("Autumnal colours").notes.first?.undated == true)
    #expect(PartialPeriod.read("Q5") == nil && PartialPeriod.read("Term 4") == nil && PartialPeriod.read("Action") == nil)
  }

  /// Placed when exactly one period of the plan is meant; otherwise not.
  @Test func placementNeedsExactlyOnePeriod() {
    func plan(_ labels: [String]) -> PeriodWindows {
      PeriodWindows(labels.compactMap { label -> Period? in
        guard case .period(let kind, let start, let end, let id)? = PeriodLabel.parse(label) else { return nil }
        return Period(id: id, label: label, kind: kind, start: start, end: end)
      })
    }
    let fy = plan(["Q1 2023/24", "Q2 2023/24", "Q3 2023/24", "Q4 2023/24"])
    #expect(PartialPeriod.quarter(3).period(in: fy)?.id == "2023/24-Q3")
    #expect(PartialPeriod.month(2).period(in: fy)?.id == "2023/24-Q4")
    #expect(PartialPeriod.term(0, half: nil).period(in: fy) == nil)  // Sep–Dec spans Q2 and Q3
    let twoYears = plan(["Q1 2023/24", "Q4 2024/25"])
    #expect(PartialPeriod.quarter(3).period(in: twoYears) == nil)
    let calendar = plan(["Q1 2024", "Q2 2024", "Q3 2024"])
    #expect(PartialPeriod.quarter(3).period(in: calendar)?.label == "Q3 2024")
    let months = plan(["Dec-19", "Jan-20", "Apr-21", "Dec-21"])
    #expect(PartialPeriod.month(3).period(in: months) == nil)  // March 2020 and March 2021
    #expect(PartialPeriod.quarter(1).period(in: plan([])) == nil)
    let terms = plan(["Autumn 2022", "Spring 2023", "Summer 2023"])
    #expect(PartialPeriod.term(2, half: nil).period(in: terms)?.id == "2023-summer")
    var action = Action(key: "1A", text: "x", notes: NoteSplitter.split("Q3: done\nQ9 nothing").notes)
    action.attributeNotes(to: fy)
    #expect(action.notes.map(\.periodId) == ["2023/24-Q3"])
  }
}
