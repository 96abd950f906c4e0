import Testing
@testable import TrackerModel

@Suite struct MarkupTextTests {
  @Test func paragraphsFromTagsKeepBareAmpersand() {
    let text = MarkupText(SeedCells["A4"])
    #expect(text.paragraphs.count == 1)
    #expect(text.paragraphs[0].contains("the C&F Act/ CoP/"))
    #expect(!text.paragraphs[0].contains("<p>"))
  }

  @Test func entitiesDecodedOnlyInMarkup() {
    #expect(MarkupText("<p>A &amp; B &#8211; C&D &nbsp;E</p>").paragraphs == ["A & B – C&D E"])
    #expect(MarkupText("A &amp; B").paragraphs == ["A &amp; B"])
  }

  @Test func breaksAndOtherTags() {
    #expect(MarkupText("one<br/>two<br>three <b>bold</b>").paragraphs == ["one", "two", "three bold"])
    #expect(MarkupText("line one\r\nline two\n\n  spaced   out ").paragraphs == ["line one", "line two", "spaced out"])
    #expect(MarkupText("a < b and c > d").paragraphs == ["a < b and c > d"])
  }

  @Test func rawSliceMapsBack() {
    let text = MarkupText("<p>Feb 2021: x &amp; y</p>")
    #expect(text.rawSlice(from: (0, 0), to: (0, text.items[0].bytes.count)) == "Feb 2021: x &amp; y")
  }
}
