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
    scan(Array(text.utf8))?.reading
  }

  /// The text without its as-at phrase, for a cell that is both the title
  /// and the as-at date: `SEND WSoA tracker – position at Sept 2023` →
  /// `SEND WSoA tracker`, `Progress tracker (as at 30/09/2023)` → `Progress
  /// tracker`, `Updated Sept 2023: Local area SEND plan` → `Local area SEND
  /// plan`. The phrase is the date with the words before it that make the
  /// label (fillers, the cue, `last`/`latest`/`most recent`, and for `as at`
  /// a strong cue such as `position` before it); the separators it leaves at
  /// the seam (`–`, `,`, `:`, brackets) go with it. `nil` when the text states
  /// no as-at date or is nothing but the phrase. A label whose date is in the
  /// next cell (`SEND tracker – position at`) is cut out the same way.
  public static func withoutPhrase(_ text: String) -> String? {
    let bytes = Array(text.utf8)
    guard let found = scan(bytes) else { return nil }
    var before = found.phrase.lowerBound
    while before > 0 {
      if seamBytes.contains(bytes[before - 1]) {
        before -= 1
      } else if before >= 3, TextBytes.dashLength(bytes, before - 3) == 3 {
        before -= 3
      } else {
        break
      }
    }
    var after = found.phrase.upperBound
    while after < bytes.count, bytes[after] != UInt8(ascii: "("), seamBytes.contains(bytes[after]) || bytes[after] == UInt8(ascii: ")") || TextBytes.dashLength(bytes, after) > 0 {
      after += max(1, TextBytes.dashLength(bytes, after))
    }
    let (a, b) = TextBytes.trimmedRange(bytes, 0, before)
    let (c, d) = TextBytes.trimmedRange(bytes, after, bytes.count)
    let head = TextBytes.string(bytes, a, b)
    let tail = TextBytes.string(bytes, c, d)
    let joined = [head, tail].filter { !$0.isEmpty }.joined(separator: " ")
    return joined.isEmpty ? nil : joined
  }

  /// Separators that may be left at the seam where a phrase was cut out.
  private static let seamBytes: Set<UInt8> = [32, 9, 10, 13, UInt8(ascii: "-"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: "|")]

  /// The reading and the byte range of the phrase stating it (label and
  /// date; the label alone for `.label`).
  private static func scan(_ bytes: [UInt8]) -> (reading: Reading, phrase: Range<Int>)? {
    guard bytes.count <= 400 else { return nil }
    var labelStart = 0
    // A spaced dash followed by words, an opening bracket, a comma or a
    // colon starts a clause (`Tracker – position at …`, `Tracker (correct as
    // of …)`): the label may be read from there when the whole is too long.
    var clauseStarts: [Int] = []
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: ";") || b == UInt8(ascii: "|") || b == 10 || b == 13
        || (b == UInt8(ascii: ".") && (i + 1 == bytes.count || TextBytes.isSpace(bytes, i + 1)))
      {
        labelStart = i + 1
        clauseStarts = []
        i += 1
        continue
      }
      let dash = TextBytes.dashLength(bytes, i)
      if dash > 0, i > 0, TextBytes.isSpace(bytes, i - 1), TextBytes.isLetter(bytes.at(TextBytes.skipSpaces(bytes, i + dash))) {
        clauseStarts.append(i + dash)
        i += dash
        continue
      }
      if b == UInt8(ascii: "(") || b == UInt8(ascii: ",") || b == UInt8(ascii: ":") { clauseStarts.append(i + 1) }
      guard TextBytes.isAlnum(b), !TextBytes.isWordBefore(bytes, i) else {
        i += 1
        continue
      }
      if let (reading, end) = DateText.scan(bytes, i) {
        if case .value(let date) = reading,
          ([labelStart] + clauseStarts).contains(where: { isLabel(bytes, $0, i, needsEnd: false) })
        {
          return (.date(date), phraseStart(bytes, labelStart, i)..<end)
        }
        labelStart = end
        clauseStarts = []
        i = end
        continue
      }
      i = TextBytes.isLetter(b) ? TextBytes.letterRunEnd(bytes, i) : TextBytes.digitRunEnd(bytes, i)
    }
    if !isLabel(bytes, labelStart, bytes.count, needsEnd: true) {
      guard let start = clauseStarts.last(where: { isLabel(bytes, $0, bytes.count, needsEnd: true) }) else { return nil }
      labelStart = start
    }
    // A label alone needs a strong cue or a colon: `Last updated`, `Date:`,
    // never a column header such as `Date` or `Status`.
    var end = bytes.count
    while end > 0, TextBytes.isSpace(bytes, end - 1) { end -= 1 }
    let words = TextBytes.lowerString(bytes, labelStart, bytes.count).split(whereSeparator: { !$0.isLetter }).map(String.init)
    let strong = words.contains(where: strongCues.contains) || zip(words, words.dropFirst()).contains { $0 == "as" && ["at", "of", "on"].contains($1) }
    return strong || bytes.at(end - 1) == UInt8(ascii: ":") ? (.label, phraseStart(bytes, labelStart, end)..<bytes.count) : nil
  }

  /// Where the label before a date at `to` starts: back over fillers; then
  /// the cue (for `as at`, only a strong cue or `data`, `figures`,
  /// `information`, `status`, `progress`: `Progress report as at` keeps
  /// `Progress report`), with fillers and `last`, `latest`, `most`, `recent`
  /// before it (`Date of update`, `Last updated`).
  private static func phraseStart(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Int {
    var words: [(start: Int, word: String)] = []
    var i = from
    while i < to {
      if TextBytes.isLetter(bytes[i]), !TextBytes.isWordBefore(bytes, i) {
        let end = TextBytes.letterRunEnd(bytes, i)
        words.append((i, TextBytes.lowerString(bytes, i, min(end, to))))
        i = end
      } else {
        i += 1
      }
    }
    var k = words.count
    var asAt = false
    while k > 0, fillers.contains(words[k - 1].word), !cues.contains(words[k - 1].word) {
      if words[k - 1].word == "as", k < words.count, ["at", "of", "on"].contains(words[k].word) { asAt = true }
      k -= 1
    }
    if k > 0, asAt ? strongCues.contains(words[k - 1].word) || asAtSubjects.contains(words[k - 1].word) : cues.contains(words[k - 1].word) {
      k -= 1
      while k > 0, modifiers.contains(words[k - 1].word) || fillers.contains(words[k - 1].word) { k -= 1 }
    }
    return k < words.count ? words[k].start : to
  }

  /// What may be "as at" a date besides a strong cue (`Data as at`).
  private static let asAtSubjects: Set<String> = ["data", "figures", "information", "status", "progress"]

  /// Words that may stand before a cue within the label (`Last updated`).
  private static let modifiers: Set<String> = ["last", "latest", "most", "recent"]

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
