import Testing
@testable import TrackerModel

@Suite struct StatusAndLegendTests {
  @Test(arguments: [
    ("G", Rating.green, nil as Rating?, nil as Completion?, true),
    (" a ", .amber, nil, nil, false), ("ON TRACK", .green, nil, nil, false), ("Off-track", .red, nil, nil, false),
    ("Complete", .green, nil, .complete, true), ("BAU", .blue, nil, .embedded, false), ("B", .blue, nil, .embedded, true),
    ("Gray", .grey, nil, nil, false), ("n/a", .notApplicable, nil, nil, false), ("G/A", .green, .amber, nil, true),
    ("Amber/Green", .amber, .green, nil, false), ("R-A", .red, .amber, nil, false),
  ])
  func vocabulary(raw: String, rating: Rating, towards: Rating?, completion: Completion?, canonical: Bool) {
    let reading = StatusVocabulary.read(raw)
    #expect(reading.status.rating == rating)
    #expect(reading.status.towards == towards)
    #expect(reading.status.completion == completion)
    #expect(reading.isCanonical == canonical)
    #expect(reading.status.raw == raw)
  }

  @Test func grIsNotGreyAndUnknownKeepsRaw() {
    #expect(StatusVocabulary.read("GR").status.rating == .unknown)
    #expect(StatusVocabulary.read("Pink").status.rating == .unknown)
    #expect(StatusVocabulary.read("").status.rating == .none)
  }

  @Test func seedLegendE5() throws {
    let legend = try #require(LegendParser.parse(SeedCells["E5"], scope: .periods))
    #expect(legend.heading == "Progress")
    #expect(legend.entries.map(\.rating) == [.red, .amber, .green, .grey])
    #expect(legend.entries.map(\.label) == ["Delayed", "In progress", "Completed", "not yet started"])
    #expect(legend.entries[2].completion == .complete)
    // With the key, "G" is green and complete, "Delayed" is red.
    let g = StatusVocabulary.read("G", legend: legend.entries).status
    #expect(g.completion == .complete && g.label == "Completed" && g.code == "G")
    #expect(StatusVocabulary.read("Delayed", legend: legend.entries).status.rating == .red)
  }

  @Test func seedLegendI3() throws {
    let text = MarkupText(SeedCells["I3"]).text
    let legend = try #require(LegendParser.parse(text, scope: .overall))
    #expect(legend.entries.map(\.rating) == [.blue, .red, .amber, .green, .grey])
    #expect(legend.entries[0].completion == .embedded)
    #expect(legend.entries[2].completion == nil)  // "expected to be completed in time" is not complete
    #expect(legend.entries[3].completion == .complete)
    #expect(legend.heading == "Overall Status of the Priority Area")
  }

  @Test func bragAndShoutedKeys() throws {
    let brag = try #require(LegendParser.parse("G Green On track B Blue Completed, finished and handed over", scope: .periods))
    #expect(brag.entries.map(\.rating) == [.green, .blue])
    #expect(brag.entries[0].label == "On track")
    let words = try #require(LegendParser.parse("GRAY NOT STARTED GREEN ON TRACK ORANGE AT RISK RED OFF TRACK", scope: .periods))
    #expect(words.entries.map(\.rating) == [.grey, .green, .amber, .red])
  }

  /// A mixed status in capitals (an overall status cell) names colours but
  /// gives none a meaning: it is a status, not a key (found by the zoo).
  @Test(arguments: ["GREEN/AMBER", "RED / AMBER", "Green - Amber", "AMBER-GREEN"])
  func coloursWithoutMeaningsAreNoKey(_ text: String) {
    #expect(LegendParser.parse(text, scope: .overall) == nil)
    #expect(StatusVocabulary.read(text).status.towards != nil)
  }
}
