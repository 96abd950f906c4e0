import Testing

@testable import TrackerModel

/// A council's own period words (`[periods]` in `wsoa.toml`): each reads
/// exactly as the built-in word it stands for, in every heading shape and
/// with every status wrapper the built-in grammar accepts.
@Suite struct PeriodWordsTests {
  /// Expects `define` to have returned `accepted`.
  static func check(_ accepted: Bool, _ result: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result == accepted, sourceLocation: sourceLocation)
  }

  static let words: PeriodWords = {
    var words = PeriodWords()
    for (word, month) in [("Ionawr", 1), ("Chwefror", 2), ("Mawrth", 3), ("Ebrill", 4), ("Medi", 9), ("Rhag", 12)] {
      Self.check(true, words.define(month: word, as: month))
    }
    Self.check(true, words.define(term: "Michaelmas", as: "autumn"))
    Self.check(true, words.define(term: "Lent", as: "spring"))
    Self.check(true, words.define(term: "Trinity", as: "summer"))
    Self.check(true, words.define(quarterWord: "Chwarter"))
    Self.check(true, words.define(statusWord: "Position"))
    Self.check(true, words.define(label: "Baseline", as: PeriodLabel.parse("2021-12-31")!))
    Self.check(true, words.define(label: "Review 1", as: PeriodLabel.parse("Q1 2023/24")!))
    return words
  }()

  /// Council headings and the built-in heading each must equal.
  static let pairs: [(String, String)] = [
    ("Ionawr 2024", "January 2024"), ("Ionawr-24", "Jan-24"), ("Medi '23", "Sep '23"), ("Rhag. 2021", "Dec. 2021"),
    ("Ionawr - Mawrth 2024", "Jan - Mar 2024"), ("Chwefror to Ebrill 2024", "Feb to Apr 2024"),
    ("30 Medi 2023", "30 Sep 2023"), ("1st Ebrill 2022", "1st April 2022"), ("Michaelmas 2023", "Autumn 2023"),
    ("Lent term 2024", "Spring term 2024"), ("Trinity 2 2024", "Summer 2 2024"), ("2023/24 Lent", "2023/24 Spring"),
    ("Chwarter 2 2023/24", "Quarter 2 2023/24"), ("2022/23 Chwarter 3", "2022/23 Quarter 3"),
    ("Chwarter 4 (Ionawr-Mawrth) 2023/24", "Quarter 4 (Jan-Mar) 2023/24"), ("Position Jun-23", "Status Jun-23"),
  ]

  @Test func everyCouncilWordReadsAsItsBuiltInWordInEveryWrapper() {
    var checked = 0
    for wrapper in PeriodGrammarTests.wrappers {
      for (council, builtIn) in Self.pairs {
        let heading = wrapper.replacingOccurrences(of: "%", with: council)
        let expected = PeriodLabel.parse(wrapper.replacingOccurrences(of: "%", with: builtIn))
        guard case .period? = expected else { continue }  // a shape the wrapper does not take
        #expect(PeriodLabel.parse(heading, words: Self.words) == expected, "\(heading)")
        checked += 1
      }
    }
    #expect(checked > 200)
  }

  @Test func withoutTheWordsTheHeadingsAreNotPeriods() {
    for (council, _) in Self.pairs where !council.hasPrefix("Position") {
      if case .period? = PeriodLabel.parse(council) { Issue.record("\(council) read without the council's words") }
    }
    for label in ["Baseline", "Review 1 RAG"] { #expect(PeriodLabel.parse(label) == nil) }
  }

  @Test func labelsMatchWholeHeadingsWithStatusWordsAround() {
    let review = PeriodLabel.parse("Q1 2023/24")
    for heading in ["Review 1", "REVIEW  1", "Review 1 RAG", "RAG (Review 1)", "Status: Review 1", "Position review 1"] {
      #expect(PeriodLabel.parse(heading, words: Self.words) == review, "\(heading)")
    }
    #expect(PeriodLabel.parse("Baseline", words: Self.words) == PeriodLabel.parse("2021-12-31"))
    for heading in ["Review 10", "Review 1 notes", "Baseline plan", "Pre-baseline"] {
      #expect(PeriodLabel.parse(heading, words: Self.words) == nil, "\(heading)")
    }
  }

  @Test func statusWordsNameAStatusColumn() {
    #expect(PeriodLabel.namesStatus("Position", words: Self.words))
    #expect(!PeriodLabel.namesStatus("Position"))
  }

  @Test func aWordTheGrammarKnowsOrOneAlreadyGivenIsRefused() {
    var words = PeriodWords()
    Self.check(false, words.define(month: "Mar", as: 5))
    Self.check(false, words.define(term: "Spring", as: "summer"))
    Self.check(false, words.define(quarterWord: "Qtr"))
    Self.check(false, words.define(statusWord: "RAG"))
    Self.check(false, words.define(statusWord: "term"))
    Self.check(false, words.define(month: "Ion awr", as: 1))
    Self.check(false, words.define(month: "Février", as: 2))
    Self.check(false, words.define(month: "Ionawr", as: 13))
    Self.check(false, words.define(term: "Hilary", as: "winter"))
    Self.check(true, words.define(month: "Ionawr", as: 1))
    Self.check(true, words.define(month: "IONAWR", as: 1))  // the same meaning again
    Self.check(false, words.define(term: "Ionawr", as: "spring"))
    Self.check(false, words.define(label: "--", as: PeriodLabel.parse("Jun-23")!))
    Self.check(false, words.define(label: "Baseline", as: .relative(months: 6)))
    Self.check(true, words.define(label: "Baseline", as: PeriodLabel.parse("Jun-23")!))
    #expect(PeriodWords().isEmpty && !words.isEmpty)
  }
}
