/// Reads the date a tracker says it is "as at", by meaning rather than one
/// phrasing (docs/preamble-keys-periods.md):
///
/// ```
/// as-at  := … label filler* [sep] date …      sep: `:` `-` `–` `,` `=` `(`
/// label  := as at | as of | as on | position | updated | update | reviewed | review
///         | correct | accurate | current | dated | date | reporting | report | status
///         | progress | ending | ended
/// filler := at | of | on | the | end | as | date | dated | is | was | to | period | month
///         | quarter | week | w | e | c | ending | close
/// ```
///
/// The label is read from the words between the previous sentence break
/// (`;`, `|`, `.`, a line break or an earlier date) and the date, at most
/// ten of them; it may not
/// hold a word that makes the date something else (`next`, `due`, `target`,
/// `approved`, …). `date` is any form `DateText` reads (`30/09/2023`,
/// `Sept 2023`, `30th September 2023`, `Q2 2023/24`, `2023-09-30`).
///
/// ```swift
/// AsAtText.read("Position as at 30/09/2023")            // .date(2023-09-30)
/// AsAtText.read("Tracker – position at Sept 2023")      // .date(2023-09)
/// AsAtText.read("Last reviewed:")                       // .label (the date is in the next cell)
/// AsAtText.read("Next review date: 31/12/2023")         // nil
/// ```
public enum AsAtText {
  /// What a text says about the as-at date.
  public enum Reading: Hashable, Sendable {
    /// The as-at date.
    case date(DateValue)
    /// An as-at label with no date after it: the date is in the next cell.
    case label
  }

  private static let cues: Set<String> = [
    "position", "updated", "update", "reviewed", "review", "correct", "accurate", "current", "dated", "date",
    "reporting", "report", "status", "progress", "ending", "ended",
  ]
  private static let fillers: Set<String> = [
    "at", "of", "on", "the", "end", "as", "date", "dated", "is", "was", "to", "period", "month", "quarter", "week", "w",
    "e", "c", "ending", "close",
  ]
  private static let negatives: Set<String> = [
    "next", "due", "deadline", "target", "until", "approved", "approval", "published", "submitted", "expires", "expiry",
    "start", "starting", "started", "from", "meeting", "created", "issued", "inspection", "visit", "revisit", "signed",
    "completion", "complete", "completed", "planned", "born", "birth", "following", "future", "publication",
  ]

  /// Reads a cell (or a sheet name, or a title); `nil` when it states no as-at date.
  public static func read(_ text: String) -> Reading? {
    let bytes = Array(text.utf8)
    guard bytes.count <= 400 else { return nil }
    var labelStart = 0
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: ";") || b == UInt8(ascii: "|") || b == 10 || b == 13
        || (b == UInt8(ascii: ".") && (i + 1 == bytes.count || TextBytes.isSpace(bytes, i + 1)))
      {
        labelStart = i + 1
        i += 1
        continue
      }
      guard TextBytes.isAlnum(b), !TextBytes.isWordBefore(bytes, i) else {
        i += 1
        continue
      }
      if let (reading, end) = DateText.scan(bytes, i) {
        if case .value(let date) = reading, isLabel(bytes, labelStart, i, needsEnd: false) { return .date(date) }
        labelStart = end
        i = end
        continue
      }
      i = TextBytes.isLetter(b) ? TextBytes.letterRunEnd(bytes, i) : TextBytes.digitRunEnd(bytes, i)
    }
    guard isLabel(bytes, labelStart, bytes.count, needsEnd: true) else { return nil }
    // A label alone needs a strong cue or a colon: `Last updated`, `Date:`,
    // never a column header such as `Date` or `Status`.
    var end = bytes.count
    while end > 0, TextBytes.isSpace(bytes, end - 1) { end -= 1 }
    let words = TextBytes.lowerString(bytes, labelStart, bytes.count).split(whereSeparator: { !$0.isLetter }).map(String.init)
    let strong = words.contains(where: strongCues.contains) || zip(words, words.dropFirst()).contains { $0 == "as" && ["at", "of", "on"].contains($1) }
    return strong || bytes.at(end - 1) == UInt8(ascii: ":") ? .label : nil
  }

  /// Cues that make a label alone an as-at label.
  private static let strongCues: Set<String> = [
    "position", "updated", "reviewed", "correct", "accurate", "current", "reporting", "ending", "ended",
  ]

  /// Whether `bytes[from..<to]` ends with an as-at label (then only fillers
  /// and separators). With `needsEnd`, nothing but separators may follow the
  /// label's words, and the label must be all there is since the break.
  private static func isLabel(_ bytes: [UInt8], _ from: Int, _ to: Int, needsEnd: Bool) -> Bool {
    var words: [String] = []
    var i = from
    while i < to {
      if TextBytes.isLetter(bytes[i]) {
        let end = TextBytes.letterRunEnd(bytes, i)
        words.append(TextBytes.lowerString(bytes, i, min(end, to)))
        i = end
      } else if TextBytes.isDigit(bytes[i]) {
        return false  // a number between the label and the date
      } else {
        i += 1
      }
    }
    // A label is a few words, not a sentence that happens to hold "updated".
    guard !words.isEmpty, words.count <= 10, !words.contains(where: negatives.contains) else { return false }
    var k = words.count - 1
    while k >= 0, fillers.contains(words[k]), !cues.contains(words[k]) { k -= 1 }
    // "as at" / "as of" / "as on": the filler words alone make the label.
    let asAt = words.indices.contains { j in
      words[j] == "as" && j + 1 < words.count && ["at", "of", "on"].contains(words[j + 1]) && j + 1 >= k
    }
    guard (k >= 0 && cues.contains(words[k])) || asAt else { return false }
    return !needsEnd || words.count <= 6
  }
}
