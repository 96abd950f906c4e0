/// Splits a progress-notes cell into dated notes on date prefixes, exactly
/// as domain.md §5.3 says:
///
/// - (a) at the start of a paragraph or line: `<date>` then `:`, `–`, `—`
///   or `-`, where `<date>` is any form `DateText` reads (`Feb 2021`,
///   `Sept 2021`, `Dec-19`, `15/11/2022`, `7 January 2025`, `2021-02-14`,
///   `Q3 2024/25`, or a bare `Q2`, which is partial);
/// - (b) anywhere: `<month-name> <yyyy>:` or `<Mmm-yy>:` (colon only).
///
/// Text before the first prefix is an undated note; undated paragraphs after
/// a dated one continue it. Dates inside sentences (`in Nov 2021`, `by Sept
/// 2021 -`) are not prefixes.
public enum NoteSplitter {
  /// The notes of one cell, and what to report about it.
  public struct Result: Hashable, Sendable {
    /// The notes, in source order.
    public var notes: [ProgressNote]
    /// Whether undated paragraphs were folded into a dated note (`note.undated`).
    public var hasUndatedContinuation: Bool
    /// Partial prefixes such as `Q2` (`note.partial_date`).
    public var partialPrefixes: [String]
    /// Why prefixes were not real dates (`date.invalid`).
    public var invalidDates: [String]
  }

  private struct Start {
    var paragraph: Int
    var at: Int
    var textStart: Int
    var reading: DateReading
    var prefix: String
  }

  /// Splits a cell.
  ///
  /// - Parameters:
  ///   - text: the cell as written.
  ///   - source: the cell, given to every note.
  ///   - words: the council's own period words (`[periods]` of `wsoa.toml`), for lines headed by a period.
  public static func split(_ text: String, source: CellRef? = nil, words: PeriodWords = PeriodWords()) -> Result {
    let markup = MarkupText(text)
    var starts: [Start] = []
    for (p, paragraph) in markup.items.enumerated() {
      let b = paragraph.bytes
      var i = 1
      if let start = lineStartPrefix(b, p, words) {
        starts.append(start)
        i = max(1, start.textStart)
      }
      // Rule (b) needs a colon after the date, so the scan stops at the last colon.
      let lastColon = TextBytes.lastIndex(of: UInt8(ascii: ":"), in: b) ?? -1
      while i < lastColon {
        if TextBytes.isLetter(b[i]), !TextBytes.isWordBefore(b, i), let start = inlinePrefix(b, i, p) {
          starts.append(start)
          i = start.textStart
          continue
        }
        i += 1
      }
    }
    var result = Result(notes: [], hasUndatedContinuation: false, partialPrefixes: [], invalidDates: [])
    let end = (markup.items.count - 1, markup.items.last?.bytes.count ?? 0)
    guard !markup.items.isEmpty else { return result }
    // Leading undated note.
    let first = starts.first.map { ($0.paragraph, $0.at) } ?? end
    var leadingLines = 0
    if let note = makeNote(markup, from: (0, 0), textFrom: (0, 0), to: first, start: nil, source: source, lineCount: &leadingLines) {
      result.notes.append(note)
    }
    for (n, start) in starts.enumerated() {
      let stop = n + 1 < starts.count ? (starts[n + 1].paragraph, starts[n + 1].at) : end
      switch start.reading {
      case .partial(let text): result.partialPrefixes.append(text)
      case .invalid(let reason): result.invalidDates.append(reason)
      case .value: break
      }
      var lineCount = 0
      let note = makeNote(
        markup, from: (start.paragraph, start.at), textFrom: (start.paragraph, start.textStart), to: stop,
        start: start, source: source, lineCount: &lineCount)
        ?? ProgressNote(date: date(of: start), text: "", raw: start.prefix, source: source, prefix: start.prefix)
      if lineCount > 1 { result.hasUndatedContinuation = true }
      result.notes.append(note)
    }
    return result
  }

  private static func date(of start: Start) -> DateValue? {
    if case .value(let d) = start.reading { return d }
    return nil
  }

  /// Rule (a): a date at the start of a line, then `:`, `–`, `—` or `-`;
  /// or a period heading (`Autumn 2022:`, `July-Sept 2023 –`) when it reads
  /// further than a date does.
  private static func lineStartPrefix(_ b: [UInt8], _ p: Int, _ words: PeriodWords) -> Start? {
    let period = periodPrefix(b, p, words)
    guard let (reading, end) = DateText.scan(b, 0) else { return period ?? partialPrefix(b, p) }
    let j = TextBytes.skipSpaces(b, end)
    let dash = TextBytes.dashLength(b, j)
    guard b.at(j) == UInt8(ascii: ":") || dash > 0 else { return period }
    let textStart = TextBytes.skipSpaces(b, j + max(1, dash))
    if let period, period.textStart > textStart { return period }
    return Start(paragraph: p, at: 0, textStart: textStart, reading: reading, prefix: TextBytes.string(b, 0, end))
  }

  /// The longest period heading (`PeriodLabel`: a term, a month range, a
  /// quarter) at the start of a line before `:` or a spaced dash, within
  /// the first 40 bytes; its note is dated as the period dates a note.
  private static func periodPrefix(_ b: [UInt8], _ p: Int, _ words: PeriodWords) -> Start? {
    guard TextBytes.isAlnum(b.at(0)) else { return nil }
    var found: Start?
    var j = 1
    while j < min(b.count, 40) {
      let dash = TextBytes.dashLength(b, j)
      let colon = b[j] == UInt8(ascii: ":")
      if colon || (dash > 0 && TextBytes.isSpace(b, j - 1)) {
        let (a, e) = TextBytes.trimmedRange(b, 0, j)
        if e > a, case .period(let kind, let start, let end, _)? = PeriodLabel.parse(TextBytes.string(b, a, e), words: words) {
          found = Start(
            paragraph: p, at: 0, textStart: TextBytes.skipSpaces(b, j + max(1, dash)),
            reading: .value(Period.noteDate(kind: kind, start: start, end: end)), prefix: TextBytes.string(b, a, e))
        }
        if colon { break }
      }
      j += max(1, dash)
    }
    return found
  }

  /// Rule (a) with a period named without its year (`Qtr 3:`, `Autumn term –`,
  /// `March:`; `PartialPeriod`); `May` needs a colon (`May – …` is a sentence).
  private static func partialPrefix(_ b: [UInt8], _ p: Int) -> Start? {
    guard TextBytes.isLetter(b.at(0)) else { return nil }
    var end = 0
    while end < b.count, end < 24, TextBytes.isAlnum(b[end]) || b[end] == 32 || b[end] == UInt8(ascii: ".") { end += 1 }
    let (_, wordEnd) = TextBytes.trimmedRange(b, 0, end)
    let j = TextBytes.skipSpaces(b, end)
    let dash = TextBytes.dashLength(b, j)
    guard b.at(j) == UInt8(ascii: ":") || dash > 0 else { return nil }
    let text = TextBytes.string(b, 0, wordEnd)
    guard let partial = PartialPeriod.read(text), !(partial == .month(5) && dash > 0) else { return nil }
    let textStart = TextBytes.skipSpaces(b, j + max(1, dash))
    return Start(paragraph: p, at: 0, textStart: textStart, reading: .partial(text: text), prefix: text)
  }

  /// Rule (b): `<month-name> <yyyy>:` or `<Mmm-yy>:` anywhere.
  private static func inlinePrefix(_ b: [UInt8], _ i: Int, _ p: Int) -> Start? {
    // Cheap shape test first: a 3–9 letter word, then `-` or a space, then a digit.
    let run = TextBytes.letterRunEnd(b, i)
    guard run - i >= 3, run - i <= 9 else { return nil }
    let next = b.at(run)
    guard (next == UInt8(ascii: "-") && TextBytes.isDigit(b.at(run + 1)))
      || (next == 32 && TextBytes.isDigit(b.at(TextBytes.skipSpaces(b, run))))
    else { return nil }
    guard let (month, mEnd) = MonthNames.month(b, i) else { return nil }
    var yearEnd: Int
    var year: Int
    if b.at(mEnd) == UInt8(ascii: "-"), mEnd - i == 3, let (y, e) = DateText.year(b, mEnd + 1, allowTwoDigits: true),
      e - mEnd - 1 == 2
    {
      (year, yearEnd) = (y, e)
    } else {
      let s = TextBytes.skipSpaces(b, mEnd)
      guard s > mEnd, let (y, e) = DateText.year(b, s, allowTwoDigits: false) else { return nil }
      (year, yearEnd) = (y, e)
    }
    let colon = TextBytes.skipSpaces(b, yearEnd)
    guard b.at(colon) == UInt8(ascii: ":") else { return nil }
    return Start(
      paragraph: p, at: i, textStart: TextBytes.skipSpaces(b, colon + 1),
      reading: .value(DateValue(year: year, month: month)), prefix: TextBytes.string(b, i, yearEnd))
  }

  private static func makeNote(
    _ markup: MarkupText, from: (Int, Int), textFrom: (Int, Int), to: (Int, Int), start: Start?, source: CellRef?,
    lineCount: inout Int
  ) -> ProgressNote? {
    var lines: [String] = []
    var lastEnd: (Int, Int)? = nil
    var firstPos: (Int, Int)? = nil
    for p in textFrom.0...to.0 where p < markup.items.count {
      let b = markup.items[p].bytes
      let a = p == textFrom.0 ? textFrom.1 : 0
      let e = p == to.0 ? to.1 : b.count
      guard a < e else { continue }
      let (ta, tb) = TextBytes.trimmedRange(b, a, e)
      guard ta < tb else { continue }
      lines.append(TextBytes.string(b, ta, tb))
      if firstPos == nil { firstPos = (p, ta) }
      lastEnd = (p, tb)
    }
    lineCount = lines.count
    guard let lastEnd else { return nil }
    let rawFrom = start == nil ? (firstPos ?? from) : from
    let raw = markup.rawSlice(from: rawFrom, to: lastEnd)
    return ProgressNote(
      date: start.flatMap(date(of:)), text: lines.count == 1 ? lines[0] : lines.joined(separator: "\n"), raw: raw, source: source,
      prefix: start?.prefix)
  }
}
