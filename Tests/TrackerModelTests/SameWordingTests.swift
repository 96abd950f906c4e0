import TestSupport
import Testing

@testable import TrackerModel

/// `MergeKeys.sameWording` compares wordings as `normalised` would, without
/// building them: it must agree with comparing the normalised texts on every
/// pair, whatever the case, spacing, quotes, dashes or characters.
@Suite struct SameWordingTests {
  static let pieces = [
    "Co-produce", "co-produce", "CO-PRODUCE", "the", "The", "SEND", "send", "local", "offer", "a", "A",
    " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{00A0}", "\u{2003}", "‘", "’", "'", "“", "”", "\"",
    "–", "—", "-", "\u{2212}", "É", "é", "İ", "\u{212A}", "k", "K", "ß", "📎", ".", ",", "",
  ]

  /// A text of 0-8 pieces, often starting or ending with whitespace.
  static func text(_ random: inout SeededRandom) -> String {
    (0..<random.below(9)).map { _ in pieces[random.below(pieces.count)] }.joined()
  }

  @Test func agreesWithComparingTheNormalisedTexts() {
    var random = SeededRandom(seed: 0x5A3E)
    var same = 0
    for _ in 0..<40_000 {
      let a = Self.text(&random)
      // Half the pairs are variants of one another (case, spacing), so many normalise alike.
      let b = random.below(2) == 0 ? Self.text(&random) : Self.variant(of: a, &random)
      let expected = MergeKeys.normalised(a) == MergeKeys.normalised(b)
      if expected { same += 1 }
      #expect(MergeKeys.sameWording(a, b) == expected, "\(a.debugDescription) vs \(b.debugDescription)")
      #expect(MergeKeys.sameWording(b, a) == expected)
    }
    #expect(same > 5_000)
  }

  /// `a` with its case changed and whitespace added, doubled or swapped.
  static func variant(of a: String, _ random: inout SeededRandom) -> String {
    var out = ""
    if random.below(3) == 0 { out += [" ", "\t", "\n"][random.below(3)] }
    for character in a {
      switch random.below(6) {
      case 0: out += character.uppercased()
      case 1: out += character.lowercased()
      case 2 where character.isWhitespace: out += [" ", "  ", "\t", "\n "][random.below(4)]
      default: out.append(character)
      }
    }
    if random.below(3) == 0 { out += [" ", "\r\n"][random.below(2)] }
    return out
  }
}
