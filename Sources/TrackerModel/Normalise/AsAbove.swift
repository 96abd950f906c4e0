/// A cell that says its value is the previous row's: `As above`, `Ditto`,
/// `"` (a ditto mark), `Same as above`, `See above`, `As per above`, in any
/// case, spacing and trailing punctuation (`AS ABOVE.`, `(ditto)`). Any
/// column whose value can be inherited (lead, sub-group, evidence, due date)
/// reads it the same way.
public enum AsAbove {
  /// The phrases, as `StatusVocabulary.normalisedKey` leaves them.
  static let phrases: Set<String> = [
    "as above", "ditto", "see above", "same as above", "as per above", "\"", "\"\"", "''", "\u{201C}", "\u{201D}",
    "\u{3003}", "do", "as previous", "same as previous",
  ]

  /// Whether a cell's text says `As above`.
  public static func says(_ text: String) -> Bool {
    guard mayBe(text.utf8) else { return false }
    var key = Substring(StatusVocabulary.normalisedKey(text))
    let wrapping: Set<Character> = ["(", ")", "[", "]", "!", ",", ";", ":", "*"]
    while let first = key.first, wrapping.contains(first) { key = key.dropFirst() }
    while let last = key.last, wrapping.contains(last) || last == "." { key = key.dropLast() }
    let phrase = String(key).trimmingSpaces
    // `do` only with its abbreviation dot (`Do.`): a plain "Do" is too common a word.
    if phrase == "do" { return text.trimmingSpaces.lowercased() == "do." }
    return phrases.contains(phrase)
  }

  /// False only when the text cannot normalise to a phrase: it has more
  /// than sixteen ASCII bytes that normalising keeps. Spares a long cell the
  /// full normalisation.
  static func mayBe(_ bytes: some Sequence<UInt8>) -> Bool {
    var kept = 0
    for b in bytes where b < 0x80 {
      switch b {
      case 32, 9, 10, 13, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."): continue
      default:
        kept += 1
        if kept > 16 { return false }
      }
    }
    return true
  }
}
