import TestSupport
import Testing
@testable import TrackerModel

/// The period-heading grammar (docs/preamble-keys-periods.md), proved on a generated cross
/// product: every spelling of each part, every separator and year form, and
/// status words before, after or round the period, each checked against the
/// window the heading names.
@Suite struct PeriodGrammarTests {
  /// Status words around a period, as councils write them (`%` is the period).
  static let wrappers = [
    "%", "RAG %", "% RAG", "RAG (%)", "% (RAG)", "Status: %", "% - Status", "BRAG rating %", "Progress %",
    "[%] RAG", "Rating – %", "RAG status %", "% RAG rating", "Status as at %", "(%)", "rag: %", "% Status.",
  ]

  static func window(_ heading: String) -> (Period.Kind, CivilDate, CivilDate, String)? {
    guard case .period(let kind, let start, let end, let id)? = PeriodLabel.parse(heading) else { return nil }
    return (kind, start, end, id)
  }

  static func lastDay(_ year: Int, _ month: Int) -> CivilDate {
    CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))
  }

  /// Every English spelling of every month × separator × year form × wrapper.
  @Test func monthsInEverySpelling() {
    var checked = 0
    for month in 1...12 {
      let full = MonthNames.full[month - 1]
      let short = MonthNames.short[month - 1]
      var names = [full, short, short + ".", full.uppercased(), short.lowercased()]
      if month == 9 { names += ["Sept", "Sept.", "SEPT"] }
      for name in names {
        for (year, form) in [(2023, "2023"), (2023, "23"), (2019, "19")] {
          for separator in ["-", " ", "/", " '", "'", "-", " - ", ", "] {
            guard !(name.hasSuffix(".") && separator == "'") else { continue }
            let period = name + separator + form
            for wrapper in Self.wrappers {
              let heading = wrapper.replacingOccurrences(of: "%", with: period)
              guard let (kind, start, end, id) = Self.window(heading) else {
                Issue.record("\"\(heading)\" not read")
                continue
              }
              #expect(kind == .month, "\(heading)")
              #expect(start == CivilDate(year: year, month: month, day: 1), "\(heading)")
              #expect(end == Self.lastDay(year, month), "\(heading)")
              #expect(id == "\(year)-\(month < 10 ? "0" : "")\(month)", "\(heading)")
              checked += 1
            }
          }
        }
      }
    }
    #expect(checked > 10_000)
  }

  /// Financial-year quarters in every quarter word, order and year form.
  @Test func financialYearQuarters() {
    let years = ["2023/24", "23/24", "2023-24", "2023/2024", "2023 to 2024", "FY23/24", "FY 2023/24", "2023–24", "2023 - 24"]
    for word in ["Q", "Q ", "Qtr ", "Qtr. ", "QTR", "Quarter ", "quarter "] {
      for n in 1...4 {
        for year in years {
          for order in [word + "\(n) " + year, year + " " + word + "\(n)", word + "\(n), " + year] {
            for wrapper in Self.wrappers {
              let heading = wrapper.replacingOccurrences(of: "%", with: order)
              guard let (kind, start, end, id) = Self.window(heading) else {
                Issue.record("\"\(heading)\" not read")
                continue
              }
              let first = CivilDate(year: 2023, month: 4, day: 1).addingMonths((n - 1) * 3)
              #expect(kind == .quarterFY, "\(heading)")
              #expect(start == first, "\(heading)")
              let last = first.addingMonths(2)
              #expect(end == Self.lastDay(last.year, last.month), "\(heading)")
              #expect(id == "2023/24-Q\(n)", "\(heading)")
            }
          }
        }
      }
    }
  }

  /// A quarter of a single year is a calendar quarter, with the id of the
  /// financial-year quarter of the same months.
  @Test func calendarQuarters() {
    for word in ["Q", "Qtr ", "Quarter "] {
      for n in 1...4 {
        for heading in [word + "\(n) 2024", "2024 " + word + "\(n)", "RAG " + word + "\(n) 2024", word + "\(n) 2024 (RAG)"] {
          guard let (kind, start, end, id) = Self.window(heading) else {
            Issue.record("\"\(heading)\" not read")
            continue
          }
          #expect(kind == .quarter, "\(heading)")
          #expect(start == CivilDate(year: 2024, month: (n - 1) * 3 + 1, day: 1), "\(heading)")
          #expect(end == Self.lastDay(2024, n * 3), "\(heading)")
          let fy = n == 1 ? "2023/24-Q4" : "2024/25-Q\(n - 1)"
          #expect(id == fy, "\(heading)")
        }
      }
    }
  }

  /// Named terms (with or without `term`, half terms), numbered terms.
  @Test func academicTerms() {
    let windows: [String: (Int, Int)] = ["Autumn": (9, 12), "Spring": (1, 3), "Summer": (4, 8)]
    let halves: [String: [(Int, Int)]] = ["Autumn": [(9, 10), (11, 12)], "Spring": [(1, 2), (3, 3)], "Summer": [(4, 5), (6, 8)]]
    for (name, (from, to)) in windows {
      let year = name == "Autumn" ? 2023 : 2024
      var forms = [name + " \(year)", name + " term \(year)", name + " Term \(year)", name.uppercased() + " \(year)",
        name + " 2023/24", name + " term 2023/24", "2023/24 " + name + " term", name + " term 2023-24"]
      forms += forms.map { "RAG " + $0 } + forms.map { $0 + " status" } + forms.map { "Status (" + $0 + ")" }
      for heading in forms {
        guard let (kind, start, end, _) = Self.window(heading) else {
          Issue.record("\"\(heading)\" not read")
          continue
        }
        #expect(kind == .term, "\(heading)")
        #expect(start == CivilDate(year: year, month: from, day: 1), "\(heading)")
        #expect(end == Self.lastDay(year, to), "\(heading)")
      }
      for half in 1...2 {
        let (hFrom, hTo) = halves[name]![half - 1]
        for heading in [name + " \(half) \(year)", name + " \(half) 2023/24", name + " term \(half) \(year)", "RAG " + name + " \(half) \(year)"] {
          guard let (kind, start, end, id) = Self.window(heading) else {
            Issue.record("\"\(heading)\" not read")
            continue
          }
          #expect(kind == .term, "\(heading)")
          #expect(start == CivilDate(year: year, month: hFrom, day: 1), "\(heading)")
          #expect(end == Self.lastDay(year, hTo), "\(heading)")
          #expect(id == "\(year)-\(name.lowercased())-\(half)", "\(heading)")
        }
      }
    }
    for (n, name) in [(1, "autumn"), (2, "spring"), (3, "summer")] {
      let year = n == 1 ? 2023 : 2024
      for heading in ["Term \(n) 2023/24", "Term \(n) 23/24", "2023/24 Term \(n)", "T\(n) 2023-24", "RAG Term \(n) 2023/24"] {
        #expect(Self.window(heading)?.3 == "\(year)-\(name)", "\(heading)")
      }
    }
  }

  /// Month ranges: every pair within a year and across the new year, with
  /// every dash and year form.
  @Test func monthRanges() {
    for first in 1...12 {
      for length in 2...6 {
        let endMonth = (first - 1 + length - 1) % 12 + 1
        let endYear = first + length - 1 > 12 ? 2024 : 2023
        let names = [(MonthNames.short[first - 1], MonthNames.short[endMonth - 1]),
          (MonthNames.full[first - 1], MonthNames.full[endMonth - 1])]
        for (a, b) in names {
          for dash in ["-", "–", " - ", " – ", " to ", "/"] {
            for year in ["\(endYear)", "\(endYear % 100)"] {
              for wrapper in ["%", "RAG %", "% RAG", "Status (%)"] {
                let heading = wrapper.replacingOccurrences(of: "%", with: a + dash + b + " " + year)
                guard let (kind, start, end, id) = Self.window(heading) else {
                  Issue.record("\"\(heading)\" not read")
                  continue
                }
                let quarter = length == 3 && (first - 1) % 3 == 0
                #expect(kind == (quarter ? .quarterFY : .months), "\(heading)")
                #expect(start == CivilDate(year: endYear - (first + length - 1 > 12 ? 1 : 0), month: first, day: 1), "\(heading)")
                #expect(end == Self.lastDay(endYear, endMonth), "\(heading)")
                if length == 3, (first - 1) % 3 == 0 {
                  #expect(id.contains("-Q"), "\(heading) has a quarter's id")
                } else {
                  #expect(id.contains(".."), "\(heading)")
                }
              }
            }
          }
        }
      }
    }
    // Both ends with a year; the same months as FY Q2 make the same period.
    #expect(Self.window("Nov 2023 to Jan 2024")?.1 == CivilDate(year: 2023, month: 11, day: 1))
    #expect(Self.window("July-Sept 2023")?.3 == Self.window("Q2 2023/24")?.3)
    #expect(Self.window("Jul–Sep 23")?.3 == Self.window("Q3 2023")?.3)
    // A quarter written as its months is that quarter, kind and all, as every other spelling of it.
    for heading in ["July-Sept 2023", "Jul–Sep 23", "Jul - Sep 2023", "July to September 2023", "Jul-Sep 2023/24",
      "RAG (Jul–Sep 23)", "Jul–Sep 23 RAG"]
    {
      let window = Self.window(heading)
      #expect(window?.0 == .quarterFY && window?.3 == "2023/24-Q2", "\(heading)")
    }
    // The months of a financial year: a span across the new year, and one after it.
    #expect(Self.window("Nov-Jan 2023/24")?.1 == CivilDate(year: 2023, month: 11, day: 1))
    #expect(Self.window("Nov-Jan 2023/24")?.2 == Self.lastDay(2024, 1))
    #expect(Self.window("Jan-Mar 23/24")?.3 == "2023/24-Q4")
    #expect(Self.window("Jan-Mar 2023/25") == nil)
  }

  /// Review days in every form.
  @Test func reviewDays() {
    for heading in ["2023-09-30", "30/09/2023", "30/09/23", "30 September 2023", "30 Sept 2023", "30th Sept. 2023",
      "30-Sep-23", "RAG 30/09/2023", "30/09/2023 RAG", "Status (2023-09-30)", "Status as at 30 September 2023"]
    {
      guard let (kind, start, end, id) = Self.window(heading) else {
        Issue.record("\"\(heading)\" not read")
        continue
      }
      #expect(kind == .date && start == end && id == "2023-09-30", "\(heading)")
    }
  }

  /// What is not a period stays `nil` (a header field, or a status column
  /// whose period is missing or not a real one).
  @Test(arguments: [
    "RAG", "Status", "RAG rating", "Q2", "Autumn term", "Progress update Jun-23", "Update Jun-23", "Term 4 2023/24",
    "Action", "Lead officer", "Due date", "Target date (month/year)", "FY 2024 Q1", "Q5 2023/24", "Jun-23 update",
    "Impact Jun-23 £", "Q2 2023/25", "31/02/2024", "June", "2023/24", "13/2023", "Comments (RAG)",
  ])
  func notAPeriod(heading: String) {
    #expect(PeriodLabel.parse(heading) == nil || {
      if case .period = PeriodLabel.parse(heading)! { return false }
      return true
    }(), "\(heading) read as \(String(describing: PeriodLabel.parse(heading)))")
  }

  @Test func statusWordsAreNoticed() {
    #expect(PeriodLabel.namesStatus("Jun-23 Rag"))
    #expect(PeriodLabel.namesStatus("RAG Q2"))
    #expect(PeriodLabel.namesStatus("Summer RATING"))
    #expect(!PeriodLabel.namesStatus("Progress update"))
    #expect(!PeriodLabel.namesStatus("Lead"))
    #expect(PeriodLabel.namesStatus("Jun-23 RAG (revised)"))
    #expect(PeriodLabel.namesStatus("Q2 RAG latest"))
    #expect(!PeriodLabel.namesStatus("Comments (RAG)"))
  }
}

/// Random headings and preamble cells built from the grammars' own pieces
/// never crash a reader, and every period read has its start on or before
/// its end and an id that its window alone decides.
@Suite struct PeriodGrammarFuzzTests {
  static let pieces = [
    "Q", "Qtr", "Quarter", "2", "4", "5", "23/24", "2023/24", "2024", "23", "'23", "Jun", "Sept.", "September", "Dec",
    "Autumn", "Spring", "Summer", "term", "Term", "1", "3", "RAG", "Status", "Rating", "(", ")", "[", "]", "-", "–",
    "to", "/", ":", ",", ".", "FY", "as at", "Position", "Updated", "30/09/2023", "31/02/2024", "2023-09-30", "B =",
    "G -", "Key", "On track", "Complete", "£", "é", "\n", "  ", "",
  ]

  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func randomHeadings(seed: UInt64) {
    var rng = SeededRandom(seed: seed)
    for _ in 0..<3000 {
      let count = Int(rng.next() % 7) + 1
      let text = (0..<count).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
        .joined(separator: rng.next() % 3 == 0 ? "" : " ")
      if case .period(let kind, let start, let end, let id)? = PeriodLabel.parse(text) {
        #expect(start <= end, "\(text)")
        #expect(id == PeriodLabel.id(kind: kind, start: start, end: end), "\(text)")
      }
      _ = AsAtText.read(text)
      _ = PartialPeriod.read(text)
      _ = LegendParser.parse(text, scope: .periods)
      _ = NoteSplitter.split(text + ": x")
      _ = PeriodLabel.namesStatus(text)
    }
  }
}
