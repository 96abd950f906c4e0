import TestSupport
import Testing

@testable import TrackerKit

/// `RowHeightEstimate.lineCount` measures every text cell of a cleaned
/// tracker; it scans bytes. These tests hold it to the rule written the
/// plain way (paragraphs, words, scalars), on many generated texts.
@Suite struct RowHeightLineCountTests {
  /// The wrapping rule, as its documentation states it: each line-feed
  /// paragraph starts a line; words (split at spaces) fill a line while they
  /// fit with one space before them; a word wider than a line fills whole
  /// lines first; characters are Unicode scalars.
  static func reference(_ text: String, width: Int) -> Int {
    var lines = 0
    for paragraph in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
      var used = 0
      var paragraphLines = 1
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        var length = word.count
        if used > 0, used + 1 + length <= width {
          used += 1 + length
          continue
        }
        if used > 0 { paragraphLines += 1 }
        while length > width {
          length -= width
          paragraphLines += 1
        }
        used = length
      }
      lines += paragraphLines
    }
    return max(1, lines)
  }

  /// Pieces texts are made of: words of every length, runs of spaces, line
  /// feeds (single, double, leading, trailing), CR LF, tabs, and characters
  /// of two, three and four UTF-8 bytes, combining marks and emoji.
  static let pieces = [
    "a", "to", "the", "action", "co-production", "responsibilities", String(repeating: "x", count: 45), " ", "  ",
    "\n", "\n\n", "\r\n", "\t", "é", "café", "Ελληνικά", "日本語のテキスト", "👩‍👩‍👧", "e\u{301}", "—", "Feb 2021:",
  ]

  static func text(_ random: inout SeededRandom) -> String {
    var text = ""
    for _ in 0..<random.below(40) { text += pieces[random.below(pieces.count)] }
    return text
  }

  @Test func theByteScanCountsTheLinesTheRuleGives() {
    var random = SeededRandom(seed: 20_261_207)
    for _ in 0..<20_000 {
      let text = Self.text(&random)
      let width = 1 + random.below(60)
      #expect(
        RowHeightEstimate.lineCount(text, charactersPerLine: width) == Self.reference(text, width: width),
        "\(text.debugDescription) at \(width)")
    }
  }

  @Test(arguments: [
    ("", 10, 1), ("one", 10, 1), ("\n", 10, 2), ("a\n", 10, 2), ("\nb", 10, 2), ("a b c", 3, 2),
    ("abcdefghij", 4, 3), ("abcd efgh", 4, 2), ("abcd efgh", 9, 1), ("   ", 1, 1), ("é é é é", 3, 2),
  ])
  func examples(text: String, width: Int, lines: Int) {
    #expect(RowHeightEstimate.lineCount(text, charactersPerLine: width) == lines)
    #expect(Self.reference(text, width: width) == lines)
  }
}
