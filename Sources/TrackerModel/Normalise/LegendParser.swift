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
  ///   - labelled: the text is known to be (part of) a key, as one line of a
  ///     key under a `Key` label is: code letters and status words count as
  ///     they do after `Key:`.
  public static func parse(
    _ text: String, scope: LegendEntry.Scope, source: CellRef? = nil, minimumEntries: Int = 2, labelled: Bool = false
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
    markers = withCodeLetters(markers, bytes, labelled: labelled, minimum: minimumEntries)
    var wordCodes = false
    if markers.count < minimumEntries {
      markers = wordMarkers(bytes, labelled: labelled)
      wordCodes = true
    }
    guard markers.count >= minimumEntries else { return nil }
    var entries: [LegendEntry] = []
    for (n, marker) in markers.enumerated() {
      let stop = n + 1 < markers.count ? markers[n + 1].start : bytes.count
      let meaning = trimMeaning(TextBytes.string(bytes, marker.meaningStart, max(marker.meaningStart, stop)))
      var entry = Self.entry(code: marker.colour, rating: marker.rating, meaning: meaning, scope: scope, source: source)
      if wordCodes {
        // A status word is its own label, and says its own completion
        // (`Complete`); a colour written in lower case (`green = Complete`)
        // is a code like `Green`, labelled by its meaning.
        if colours[TextBytes.lowerString(Array(marker.colour.utf8), 0, marker.colour.utf8.count)] == nil {
          entry.label = marker.colour
        }
        if let (_, done) = StatusVocabulary.words[StatusVocabulary.normalisedKey(marker.colour)], let done { entry.completion = done }
      }
      entries.append(entry)
    }
    // Colours with no meaning at all are statuses (`GREEN/AMBER`), not a key.
    guard entries.contains(where: { $0.meaning.utf8.contains(where: TextBytes.isLetter) }) else { return nil }
    var heading = Substring(trimMeaning(TextBytes.string(bytes, 0, markers[0].start)))
    while let last = heading.last, last == ":" || last == "-" || last == "=" || last == " " { heading.removeLast() }
    return Legend(heading: String(heading), entries: entries)
  }

  /// One key entry: a code (`Blue`, `B`, `On track`) and what it means; the
  /// label is a meaning of up to four words; completion as the meaning says.
  /// Key tables and coloured swatches build their entries with it too.
  public static func entry(
    code: String, rating: Rating, meaning: String, scope: LegendEntry.Scope, source: CellRef? = nil
  ) -> LegendEntry {
    let meaning = trimMeaning(meaning)
    return LegendEntry(
      code: code, rating: rating, label: label(for: meaning), meaning: meaning, completion: completion(rating, meaning),
      source: source, scope: scope)
  }

  /// Words before a key that say it is one (`BRAG key:`, `Legend`, `RAG:`).
  private static let keyWords: Set<String> = ["key", "legend", "rag", "brag", "status", "rating", "ratings", "codes", "code"]

  private static let codeLetters: [UInt8: Rating] = [
    UInt8(ascii: "R"): .red, UInt8(ascii: "A"): .amber, UInt8(ascii: "G"): .green, UInt8(ascii: "B"): .blue,
  ]

  /// The separator after a code at `i` (`=`, `:`, a dash), and where the meaning starts.
  private static func separator(_ bytes: [UInt8], _ i: Int) -> (UInt8, Int)? {
    let j = TextBytes.skipSpaces(bytes, i)
    let dash = TextBytes.dashLength(bytes, j)
    let b = bytes.at(j)
    guard dash > 0 || b == UInt8(ascii: ":") || b == UInt8(ascii: "=") else { return nil }
    return (dash > 0 ? UInt8(ascii: "-") : b, TextBytes.skipSpaces(bytes, j + max(1, dash)))
  }

  /// Adds code letters (`B = Complete, R = Off track`) to the colour
  /// markers: a capital R, A, G or B alone, then `=`, `:` or a dash, counted
  /// when the separator is `=`, the key is labelled (`BRAG key:`) or three
  /// letters are there. `B = Blue – done` is one entry.
  private static func withCodeLetters(_ colours: [Marker], _ bytes: [UInt8], labelled known: Bool, minimum: Int) -> [Marker] {
    var letters: [(Marker, UInt8)] = []
    var i = 0
    while i < bytes.count {
      if let rating = codeLetters[bytes[i]], !TextBytes.isWordBefore(bytes, i), !TextBytes.isWordAt(bytes, i + 1),
        bytes.at(i + 1) != UInt8(ascii: "/"), bytes.at(i - 1) != UInt8(ascii: "/"), let (sep, meaning) = separator(bytes, i + 1)
      {
        letters.append((Marker(start: i, meaningStart: meaning, colour: TextBytes.string(bytes, i, i + 1), rating: rating), sep))
      }
      i += 1
    }
    guard !letters.isEmpty else { return colours }
    let firstStart = min(letters[0].0.start, colours.first?.start ?? Int.max)
    let labelled = known || TextBytes.lowerString(bytes, 0, firstStart).split(whereSeparator: { !$0.isLetter }).contains { keyWords.contains(String($0)) }
    guard labelled || letters.count >= 3 || letters.allSatisfy({ $0.1 == UInt8(ascii: "=") }), letters.count >= min(2, minimum) else { return colours }
    var all = letters.map(\.0)
    for colour in colours {
      // `B = Blue – done`: the colour word is the letter's, its separator the meaning's.
      if let k = all.firstIndex(where: { $0.meaningStart == colour.start && $0.rating == colour.rating }) {
        all[k].meaningStart = colour.meaningStart
      } else if !all.contains(where: { $0.start == colour.start }) {
        all.append(colour)
      }
    }
    return all.sorted { $0.start < $1.start }
  }

  /// Status words as codes (`Status key: Complete – finished; On track – …`):
  /// a phrase of the status vocabulary, then a separator, when the key is
  /// labelled or every separator is `=`.
  private static func wordMarkers(_ bytes: [UInt8], labelled known: Bool) -> [Marker] {
    var found: [(Marker, UInt8)] = []
    var i = 0
    while i < bytes.count {
      guard TextBytes.isLetter(bytes[i]), !TextBytes.isWordBefore(bytes, i) else {
        i += 1
        continue
      }
      // The longest phrase of up to four words that the vocabulary knows.
      var end = i
      var best: (Int, Rating)? = nil
      for _ in 0..<4 {
        let wordEnd = TextBytes.letterRunEnd(bytes, end)
        guard wordEnd > end else { break }
        if let (rating, _) = StatusVocabulary.words[StatusVocabulary.normalisedKey(TextBytes.string(bytes, i, wordEnd))],
          wordEnd - i > 1
        {
          best = (wordEnd, rating)
        }
        end = TextBytes.skipSpaces(bytes, wordEnd)
        if TextBytes.dashLength(bytes, end) == 1, TextBytes.isLetter(bytes.at(end + 1)) { end += 1 }  // "off-track"
        guard end < bytes.count, TextBytes.isLetter(bytes[end]) else { break }
      }
      if let (phraseEnd, rating) = best, let (sep, meaning) = separator(bytes, phraseEnd) {
        found.append((Marker(start: i, meaningStart: meaning, colour: TextBytes.string(bytes, i, phraseEnd), rating: rating), sep))
        i = meaning
        continue
      }
      i = TextBytes.letterRunEnd(bytes, i)
    }
    guard let first = found.first else { return [] }
    let labelled = known || TextBytes.lowerString(bytes, 0, first.0.start).split(whereSeparator: { !$0.isLetter }).contains { keyWords.contains(String($0)) }
    guard labelled || found.allSatisfy({ $0.1 == UInt8(ascii: "=") }) else { return [] }
    return found.map(\.0)
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
    while let last = s.last, last == "," || last == ";" || last == " " || last == "|" { s.removeLast() }
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
