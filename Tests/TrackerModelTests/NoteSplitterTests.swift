import Testing
@testable import TrackerModel

@Suite struct NoteSplitterTests {
  @Test("the seed's notes cells give 2, 1, 1, 3, 4, 2, 2, 0, 0 dated notes (domain.md §7)")
  func seedNoteCounts() {
    let rows = [7, 8, 9, 10, 12, 13, 14, 15, 16]
    let counts = rows.map { row in NoteSplitter.split(SeedCells["I\(row)"]).notes.filter { $0.date != nil }.count }
    #expect(counts == [2, 1, 1, 3, 4, 2, 2, 0, 0])
  }

  @Test func seedRow12DatesAndPrefixInsideParagraph() {
    let notes = NoteSplitter.split(SeedCells["I12"]).notes
    #expect(notes.map { $0.date?.description } == ["2019-10", "2020-01", "2021-02", "2021-12"])
    #expect(notes[2].text == "See [4a above]")
    #expect(notes[2].prefix == "Feb 2021")
    // "January 2022" and "April 2022" sit inside a sentence: not prefixes.
    #expect(notes[3].text.contains("multi agency auditing in January 2022."))
    #expect(notes[3].raw.hasPrefix("December 2021: Co-Produced"))
  }

  @Test func seedRow13KeepsSeptAndNovInsideTextAndFoldsCaseStudies() {
    let result = NoteSplitter.split(SeedCells["I13"])
    #expect(result.notes.count == 2)
    #expect(result.notes[0].text.contains("by Sept 2021 - 1/3 of SCC"))
    #expect(result.notes[0].text.contains("in Nov 2021. Three issues"))
    #expect(result.notes[0].text.contains("\nCase studies to be undertaken"))
    #expect(result.hasUndatedContinuation)
    #expect(result.notes[1].date == DateValue(year: 2021, month: 12))
  }

  @Test func undatedCellIsOneUndatedNote() {
    let result = NoteSplitter.split("SEE 6E")
    #expect(result.notes.count == 1)
    #expect(result.notes[0].undated)
    #expect(result.notes[0].text == "SEE 6E")
  }

  @Test func leadingUndatedTextThenDatedLines() {
    let result = NoteSplitter.split("Overview first.\n15/11/2022 - met the board\n2023-01-04: signed off")
    #expect(result.notes.count == 3)
    #expect(result.notes[0].undated)
    #expect(result.notes[1].date == DateValue(year: 2022, month: 11, day: 15))
    #expect(result.notes[1].text == "met the board")
    #expect(result.notes[2].date == DateValue(year: 2023, month: 1, day: 4))
  }

  @Test func partialAndInvalidPrefixes() {
    let result = NoteSplitter.split("Q2: started\n31/02/2023: impossible\nQ3 2024/25 - quarter note")
    #expect(result.partialPrefixes == ["Q2"])
    #expect(result.invalidDates.count == 1)
    #expect(result.notes.count == 3)
    #expect(result.notes[0].date == nil && !result.notes[0].undated && result.notes[0].prefix == "Q2")
    #expect(result.notes[2].date == DateValue(year: 2024, month: 10, precision: .quarter))
  }

  @Test func dashOnlyCountsAtLineStart() {
    let inline = NoteSplitter.split("Work is due by Sept 2021 - then review")
    #expect(inline.notes.count == 1 && inline.notes[0].undated)
    let lineStart = NoteSplitter.split("Sept 2021 - then review")
    #expect(lineStart.notes.count == 1 && lineStart.notes[0].date == DateValue(year: 2021, month: 9))
  }

  @Test func dayMonthYearPrefixIsOneNote() {
    let result = NoteSplitter.split("7th June 2023: all hubs open.")
    #expect(result.notes.count == 1)
    #expect(result.notes[0].date == DateValue(year: 2023, month: 6, day: 7))
    #expect(result.notes[0].text == "all hubs open.")
  }

  /// A period heading at the start of a line dates its note as the period
  /// dates an update (`Period.noteDate`): a term or a span by its last day,
  /// a quarter written as its months as that quarter; longer than a date
  /// reading (`Nov 2023 - Jan 2024:` is the span, not November).
  @Test func periodHeadingPrefixes() {
    let result = NoteSplitter.split(
      "Autumn 2022: sites chosen.\nSpring term 2023 – five hubs open.\nJuly-Sept 2023: all open.\n"
        + "Nov 2023 - Jan 2024: reviewed.\nTerm 3 2023/24: closed.")
    #expect(result.notes.map(\.prefix) == ["Autumn 2022", "Spring term 2023", "July-Sept 2023", "Nov 2023 - Jan 2024", "Term 3 2023/24"])
    #expect(result.notes.map(\.date) == [
      DateValue(year: 2022, month: 12, day: 31), DateValue(year: 2023, month: 3, day: 31),
      DateValue(year: 2023, month: 7, precision: .quarter), DateValue(year: 2024, month: 1, day: 31),
      DateValue(year: 2024, month: 8, day: 31),
    ])
    #expect(result.notes.map(\.text) == ["sites chosen.", "five hubs open.", "all open.", "reviewed.", "closed."])
    // Not periods: status words alone, a year, a sentence with a dash.
    for text in ["Status: on track", "2023: a good year", "Summer 2023 was busy - see notes", "Progress - see the board"] {
      #expect(NoteSplitter.split(text).notes.first?.undated == true, "\(text)")
    }
  }

  /// A council's own period words (`[periods]`) date a line headed by a
  /// period as the built-in words do; without them the line stays undated.
  @Test func councilPeriodWordsDatePrefixes() {
    var words = PeriodWords()
    let defined = [words.define(term: "Michaelmas", as: "autumn"), words.define(month: "Ionawr", as: 1)]
    #expect(defined == [true, true])
    let text = "Michaelmas 2022: sites chosen.\nIonawr 2023: five hubs open."
    let council = NoteSplitter.split(text, words: words)
    let builtIn = NoteSplitter.split("Autumn 2022: sites chosen.\nJanuary 2023: five hubs open.")
    #expect(council.notes.map(\.prefix) == ["Michaelmas 2022", "Ionawr 2023"])
    #expect(council.notes.map(\.date) == builtIn.notes.map(\.date))
    #expect(council.notes.first?.date == DateValue(year: 2022, month: 12, day: 31))
    #expect(council.notes.map(\.text) == ["sites chosen.", "five hubs open."])
    // Without the council's words the autumn-term line is not dated as a term.
    #expect(!NoteSplitter.split(text).notes.contains { $0.date == DateValue(year: 2022, month: 12, day: 31) })
  }

  @Test func inlineMmmYyColonCounts() {
    let result = NoteSplitter.split("First part. Dec-21: second part")
    #expect(result.notes.map(\.text) == ["First part.", "second part"])
  }
}
