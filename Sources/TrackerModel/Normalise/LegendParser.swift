/// Reads a status key such as the seed's E5 (`Progress Red - Delayed Amber –
/// In progress Green - Completed Grey - not yet started`) or I3, a BRAG key
/// (`G Green On track B Blue Completed, finished and handed over`), or a
/// words key in capitals (`GREEN ON TRACK ORANGE AT RISK`).
///
/// A colour word counts as a marker when it is capitalised and followed by a
/// separator (`-`, `–`, `—`, `:`, `=`), or preceded by its code letter
/// (`G Green`), or the whole key is in capitals. The meaning runs to the next
/// marker; a short meaning (up to four words) is also the entry's label.
public enum LegendParser {
  /// A parsed key: the words before the first colour, and the entries.
  public struct Legend: Hashable, Sendable {
    /// The text before the first colour (`Progress`), trimmed; may be empty.
    public var heading: String
    /// The entries in order.
    public var entries: [LegendEntry]
  }

  private static let colours: [String: Rating] = [
    "red": .red, "amber": .amber, "orange": .amber, "green": .green, "blue": .blue, "grey": .grey,
    "gray": .grey, "purple": .blue,
  ]

  private struct Marker {
    var start: Int
    var meaningStart: Int
    var colour: String
    var rating: Rating
  }

  /// Parses a key, or returns `nil` when it has fewer than `minimumEntries` colours.
  ///
  /// - Parameters:
  ///   - text: the key's clean text (markup already removed).
  ///   - scope: which statuses the key governs.
  ///   - source: the cell holding it.
  ///   - minimumEntries: how many colours make a key (2 for a key in one cell).
  public static func parse(
    _ text: String, scope: LegendEntry.Scope, source: CellRef? = nil, minimumEntries: Int = 2
  ) -> Legend? {
    let bytes = Array(text.utf8)
    let shouting = isMostlyUpperCase(bytes)
    var markers: [Marker] = []
    var i = 0
    while i < bytes.count {
      guard TextBytes.isLetter(bytes[i]), !TextBytes.isWordBefore(bytes, i) else {
        i += 1
        continue
      }
      let end = TextBytes.letterRunEnd(bytes, i)
      let word = TextBytes.lowerString(bytes, i, end)
      if let rating = colours[word], bytes[i] >= 65, bytes[i] <= 90, !TextBytes.isWordAt(bytes, end) {
        var j = TextBytes.skipSpaces(bytes, end)
        var separated = false
        let dash = TextBytes.dashLength(bytes, j)
        if dash > 0 || bytes.at(j) == UInt8(ascii: ":") || bytes.at(j) == UInt8(ascii: "=") {
          separated = true
          j = TextBytes.skipSpaces(bytes, j + max(1, dash))
        }
        var start = i
        var coded = false
        if i >= 2, bytes[i - 1] == 32, TextBytes.lower(bytes[i - 2]) == bytes[i] | 0x20,
          !TextBytes.isWordBefore(bytes, i - 2)
        {
          coded = true
          start = i - 2
        }
        if separated || coded || shouting {
          markers.append(Marker(start: start, meaningStart: j, colour: TextBytes.string(bytes, i, end), rating: rating))
        }
      }
      i = max(end, i + 1)
    }
    guard markers.count >= minimumEntries else { return nil }
    var entries: [LegendEntry] = []
    for (n, marker) in markers.enumerated() {
      let stop = n + 1 < markers.count ? markers[n + 1].start : bytes.count
      let meaning = trimMeaning(TextBytes.string(bytes, marker.meaningStart, max(marker.meaningStart, stop)))
      entries.append(
        LegendEntry(
          code: marker.colour, rating: marker.rating, label: label(for: meaning), meaning: meaning,
          completion: completion(marker.rating, meaning), source: source, scope: scope))
    }
    // Colours with no meaning at all are statuses (`GREEN/AMBER`), not a key.
    guard entries.contains(where: { $0.meaning.utf8.contains(where: TextBytes.isLetter) }) else { return nil }
    let heading = TextBytes.string(bytes, 0, markers[0].start).collapsedWhitespace
    return Legend(heading: trimMeaning(heading), entries: entries)
  }

  private static func isMostlyUpperCase(_ bytes: [UInt8]) -> Bool {
    var upper = 0
    var lower = 0
    for b in bytes {
      if b >= 65, b <= 90 { upper += 1 } else if b >= 97, b <= 122 { lower += 1 }
    }
    return upper > 8 && lower * 4 < upper
  }

  private static func trimMeaning(_ text: String) -> String {
    var s = Substring(text.collapsedWhitespace)
    while let last = s.last, last == "," || last == ";" || last == " " { s.removeLast() }
    return String(s)
  }

  /// A meaning of up to four words, without its full stop.
  private static func label(for meaning: String) -> String? {
    var s = Substring(meaning)
    while s.last == "." { s.removeLast() }
    let words = s.split(separator: " ")
    guard !words.isEmpty, words.count <= 4 else { return nil }
    return String(s)
  }

  /// What the meaning says about completion: green "Completed…" is complete,
  /// blue is embedded (unless it only says "not started").
  static func completion(_ rating: Rating, _ meaning: String) -> Completion? {
    let key = StatusVocabulary.normalisedKey(meaning)
    switch rating {
    case .blue: return .embedded
    case .green:
      for start in ["complete", "completed", "done", "achieved", "finished"] where key == start || key.hasPrefix(start + " ") || key.hasPrefix(start + ",") {
        return .complete
      }
      return nil
    default: return nil
    }
  }
}
