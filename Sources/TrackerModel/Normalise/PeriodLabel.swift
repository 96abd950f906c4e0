/// What a column heading says as a review period (domain.md §5.3).
public enum PeriodLabel: Hashable, Sendable {
  /// A status-bearing review period.
  case period(kind: Period.Kind, start: CivilDate, end: CivilDate, id: String)
  /// An APP milestone or actual (`Milestone 1 – Jul 23`, `Actual Jul 23`):
  /// an impact measure column, not a status.
  case milestone(label: String, start: CivilDate, end: CivilDate)
  /// A period relative to plan approval (`6 months`); needs the approval date.
  case relative(months: Int)

  /// Reads a heading as a period label with the grammar of `PeriodGrammar`:
  /// `Dec-19`, `Sept. 2023`, `December 2021`, `July-Sept 2023`, `Q3 2024/25`,
  /// `Q2 23/24`, `Qtr 2 2023/24`, `2023/24 Q2`, `Q3 2024` (calendar),
  /// `Quarter 3 2023 to 2024`, `2021-04-30`, `30/04/2021`, `30 Sept 2023`,
  /// `21/22 academic year`, `Autumn term 2021`, `Spring 1 2024`,
  /// `Term 1 2023/24`, `Milestone 1 – Jul 23`, `6 months`, each with status
  /// words (`RAG`, `BRAG`, `Status`, `Rating`, `Progress`) before or after
  /// it, in brackets or not (`Jun-23 RAG`, `RAG (Jun-23)`, `Status: Sept 2023`).
  /// `nil` when the heading is not a period at all. `words` adds a
  /// council's own month, term, quarter and status words and whole labels
  /// (`[periods]` in `wsoa.toml`).
  public static func parse(_ text: String, words: PeriodWords = PeriodWords()) -> PeriodLabel? {
    let bytes = Array(text.utf8)
    let (a, b) = TextBytes.trimmedRange(bytes, 0, bytes.count)
    guard b > a, let read = PeriodGrammar.tokens(Array(bytes[a..<b])) else { return nil }
    let tokens = words.translated(read)
    if let label = words.label(tokens) { return label }
    let s = Array(bytes[a..<b])
    let core = PeriodGrammar.core(tokens)
    guard let first = core.first, let last = core.last else { return nil }
    let c = Array(s[first.start..<last.end])
    return milestone(c) ?? relative(c) ?? academic(c) ?? PeriodGrammar.period(core) ?? dated(c)
  }

  /// Whether a heading says it holds statuses: its first or last word is
  /// `RAG`, `BRAG`, `Status`, `Rating` or `Rated`, or such a word stands
  /// beside a month, quarter, term or year. For reporting a status column
  /// whose period cannot be read.
  public static func namesStatus(_ text: String, words: PeriodWords = PeriodWords()) -> Bool {
    guard let tokens = PeriodGrammar.tokens(Array(text.utf8)).map(words.translated) else {
      let first = text.split(separator: " ").first.map { $0.lowercased() } ?? ""
      return PeriodGrammar.columnWords.contains(first)
    }
    let words = tokens.compactMap(\.word)
    // First and last words outside brackets (`Comments (RAG)` is a comments column).
    var depth = 0
    let outside = tokens.compactMap { token -> String? in
      if token.isMark("(") { depth += 1 } else if token.isMark(")") { depth = max(0, depth - 1) }
      return depth == 0 ? token.word : nil
    }
    guard let first = outside.first, let last = outside.last else { return false }
    if PeriodGrammar.columnWords.contains(first) || PeriodGrammar.columnWords.contains(last) { return true }
    // A status word anywhere beside something dated (`Jun-23 RAG (revised)`).
    let dated = tokens.contains {
      if case .number(_, let digits) = $0.kind { return digits == 2 || digits == 4 }
      return MonthNames.byName[$0.word ?? ""] != nil || $0.word == "q" || $0.word == "quarter" || $0.word == "term"
    }
    return dated && words.contains(where: PeriodGrammar.columnWords.contains)
  }

  /// The stable id of a period window: `2019-12` (month), `2024/25-Q3`,
  /// `2021-04-30` (date), `AY2021/22`, `2021-autumn`.
  public static func id(kind: Period.Kind, start: CivilDate, end: CivilDate) -> String {
    switch kind {
    case .month: return String(start.description.prefix(7))
    case .quarterFY, .quarter:
      let fy = start.month >= 4 ? start.year : start.year - 1
      let q = (start.month + 8) % 12 / 3 + 1
      return "\(fy)/\(two(fy + 1))-Q\(q)"
    case .months:
      let count = (end.year - start.year) * 12 + end.month - start.month + 1
      if count == 1 { return id(kind: .month, start: start, end: end) }
      if count == 3, (start.month - 1) % 3 == 0 { return id(kind: .quarterFY, start: start, end: end) }
      return String(start.description.prefix(7)) + ".." + String(end.description.prefix(7))
    case .date: return end.description
    case .academicYear: return "AY\(start.year)/\(two(start.year + 1))"
    case .term:
      let name = start.month >= 9 ? "autumn" : start.month >= 4 ? "summer" : "spring"
      let full: (Int, Int) = start.month >= 9 ? (9, 12) : start.month >= 4 ? (4, 8) : (1, 3)
      if (start.month, end.month) == full { return "\(start.year)-\(name)" }
      return "\(start.year)-\(name)-\(start.month == full.0 ? 1 : 2)"
    case .milestone: return "milestone-" + end.description
    }
  }

  private static func two(_ year: Int) -> String {
    let n = year % 100
    return n < 10 ? "0\(n)" : "\(n)"
  }

  /// A month, quarter or day heading.
  private static func dated(_ s: [UInt8]) -> PeriodLabel? {
    guard let (reading, end) = DateText.scan(s, 0), case .value(let date) = reading else { return nil }
    // A UK FY quarter may be followed by its months ("Q1 2018 - 19 April - June 2018").
    guard end == s.count || (date.precision == .quarter && trailingMonthRange(s, end)) else { return nil }
    switch date.precision {
    case .month: return make(.month, date.firstDay, date.lastDay)
    case .quarter: return make(.quarterFY, date.firstDay, date.lastDay)
    case .day: return make(.date, date.firstDay, date.lastDay)
    case .year: return nil
    }
  }

  private static func make(_ kind: Period.Kind, _ start: CivilDate, _ end: CivilDate) -> PeriodLabel {
    .period(kind: kind, start: start, end: end, id: id(kind: kind, start: start, end: end))
  }

  /// Whether the rest is only month names, dashes, years and brackets.
  private static func trailingMonthRange(_ s: [UInt8], _ i: Int) -> Bool {
    var j = i
    var sawMonth = false
    while j < s.count {
      if TextBytes.isSpace(s, j) || TextBytes.dashLength(s, j) > 0 || s[j] == UInt8(ascii: "(")
        || s[j] == UInt8(ascii: ")") || s[j] == UInt8(ascii: ",")
      {
        j += max(1, TextBytes.dashLength(s, j), TextBytes.spaceLength(s, j))
      } else if let (_, end) = MonthNames.month(s, j) {
        sawMonth = true
        j = end
      } else if TextBytes.isDigit(s[j]) {
        j = TextBytes.digitRunEnd(s, j)
      } else {
        return false
      }
    }
    return sawMonth
  }

  /// `Milestone n – Mmm yy`, `Actual Mmm yy`.
  private static func milestone(_ s: [UInt8]) -> PeriodLabel? {
    var j: Int
    if TextBytes.hasPrefixCI(s, 0, "milestone") {
      j = TextBytes.skipSpaces(s, 9)
      j = TextBytes.digitRunEnd(s, j)
    } else if TextBytes.hasPrefixCI(s, 0, "actual") {
      j = 6
    } else {
      return nil
    }
    j = TextBytes.skipSpaces(s, j)
    if TextBytes.dashLength(s, j) > 0 { j += TextBytes.dashLength(s, j) } else if s.at(j) == UInt8(ascii: ":") { j += 1 }
    j = TextBytes.skipSpaces(s, j)
    guard let (reading, end) = DateText.scan(s, j), end == s.count, case .value(let d) = reading else { return nil }
    return .milestone(label: TextBytes.string(s, 0, s.count), start: d.firstDay, end: d.lastDay)
  }

  /// `3 months`, `6 Months`.
  private static func relative(_ s: [UInt8]) -> PeriodLabel? {
    let end = TextBytes.digitRunEnd(s, 0)
    guard end > 0, end <= 2, let n = TextBytes.number(s, 0, end) else { return nil }
    let j = TextBytes.skipSpaces(s, end)
    guard TextBytes.hasPrefixCI(s, j, "month") else { return nil }
    var k = j + 5
    if s.at(k) | 0x20 == UInt8(ascii: "s") { k += 1 }
    return k == s.count ? .relative(months: n) : nil
  }

  /// `21/22 academic year`, `Academic year 2021/22`, `AY 21/22`.
  private static func academic(_ s: [UInt8]) -> PeriodLabel? {
    var j = 0
    var sawWord = false
    if TextBytes.hasPrefixCI(s, 0, "academic year") {
      j = TextBytes.skipSpaces(s, 13)
      sawWord = true
    } else if TextBytes.hasPrefixCI(s, 0, "ay"), !TextBytes.isLetter(s.at(2)) {
      j = TextBytes.skipSpaces(s, 2)
      sawWord = true
    }
    guard let (first, firstEnd) = DateText.year(s, j, allowTwoDigits: true) else { return nil }
    var k = firstEnd
    guard s.at(k) == UInt8(ascii: "/") || TextBytes.dashLength(s, k) > 0 else { return nil }
    k += max(1, TextBytes.dashLength(s, k))
    guard let (second, secondEnd) = DateText.year(s, k, allowTwoDigits: true), second == first + 1 else { return nil }
    k = TextBytes.skipSpaces(s, secondEnd)
    if TextBytes.hasPrefixCI(s, k, "academic year") {
      k += 13
      sawWord = true
    }
    guard sawWord, k == s.count else { return nil }
    return make(.academicYear, CivilDate(year: first, month: 9, day: 1), CivilDate(year: second, month: 8, day: 31))
  }
}
