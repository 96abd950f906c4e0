/// The grammar of a review-period heading (docs/preamble-keys-periods.md), over tokens
/// rather than one spelling at a time:
///
/// ```
/// heading  := status* period status*          status words: RAG BRAG Status Rating Progress Review (+ as/at/of/for)
///           | status* "(" period ")" status*  any bracket group of status words alone is dropped
/// period   := quarter | term | range | month | day | (the byte grammars: milestone, relative, academic year)
/// quarter  := qword n year | year qword n     qword: Q, Qtr, Quarter; n 1–4
/// year     := fy | yyyy | 'yy | yy            fy: [FY] yyyy|yy (/ | - | to) yy|yyyy (the next year)
///             (an FY span is a UK financial-year quarter, a single year a calendar quarter)
/// term     := name [term] [1|2] year | year name [term] [1|2] | Term n fy | fy Term n
///             name: Autumn, Spring, Summer; n 1–3; 1|2 a half term
/// range    := month [year] (- | – | to | /) month (year | fy)  (July-Sept 2023, Nov 23 – Jan 24, Jul-Sep 2023/24)
///             (three months that make a quarter are that FY quarter)
/// month    := monthname[.] [- / ' , .] year            (Sept 2023, Jun-23, June '23, Sept. 2023)
/// day      := d[st|nd|rd|th] month year | dd/mm/yyyy | yyyy-mm-dd
/// ```
enum PeriodGrammar {
  /// One token: a lower-cased word, a number, or a mark (`/`, `-` for every
  /// dash, `'` for both apostrophes, `.`, `:`, `,`, `(` for `(`/`[`, `)`).
  struct Token: Equatable {
    enum Kind: Hashable, Sendable {
      case word(String)
      case number(Int, digits: Int)
      case mark(UInt8)
    }
    var kind: Kind
    var start: Int
    var end: Int

    var word: String? {
      if case .word(let w) = kind { return w }
      return nil
    }

    func isMark(_ c: Character) -> Bool { kind == .mark(c.asciiValue ?? 0) }
  }

  /// Words that say a column holds statuses, dropped before and after the period.
  static let statusWords: Set<String> = ["rag", "brag", "status", "rating", "rated", "progress", "review"]
  /// The status words that mark a column as a status column on their own
  /// (`Progress` may head a notes column).
  static let columnWords: Set<String> = ["rag", "brag", "status", "rating", "rated"]
  /// Link words dropped with them (`Status as at Jun-23`, `RAG for Q2 2023/24`).
  private static let linkWords: Set<String> = ["as", "at", "of", "for", "in"]

  /// Every word the grammar gives a meaning of its own (month names aside):
  /// a council word (`PeriodWords`) may not be one of them.
  static var builtInWords: Set<String> {
    statusWords.union(linkWords).union(quarterWords).union(termNames.keys).union([
      "term", "t", "fy", "to", "academic", "year", "ay", "milestone", "actual", "month", "months", "st", "nd", "rd", "th",
    ])
  }

  /// Whether a token may stand around a period without changing it: a mark,
  /// a status word or a link word (`RAG`, `as at`, `(`, `:`).
  static func isDecoration(_ token: Token) -> Bool {
    guard let word = token.word else {
      if case .mark = token.kind { return true }
      return false
    }
    return statusWords.contains(word) || linkWords.contains(word)
  }

  /// Cuts a heading into tokens; `nil` when it holds anything else
  /// (a symbol, a letter outside ASCII).
  static func tokens(_ s: [UInt8]) -> [Token]? {
    var out: [Token] = []
    var i = 0
    while i < s.count {
      let space = TextBytes.spaceLength(s, i)
      if space > 0 || s[i] == 10 || s[i] == 13 {
        i += max(1, space)
        continue
      }
      let dash = TextBytes.dashLength(s, i)
      if dash > 0 {
        out.append(Token(kind: .mark(UInt8(ascii: "-")), start: i, end: i + dash))
        i += dash
        continue
      }
      if s[i] == 0xE2, s.at(i + 1) == 0x80, s.at(i + 2) == 0x98 || s.at(i + 2) == 0x99 {  // ‘ ’
        out.append(Token(kind: .mark(UInt8(ascii: "'")), start: i, end: i + 3))
        i += 3
        continue
      }
      if TextBytes.isLetter(s[i]) {
        let end = TextBytes.letterRunEnd(s, i)
        out.append(Token(kind: .word(TextBytes.lowerString(s, i, end)), start: i, end: end))
        i = end
        continue
      }
      if TextBytes.isDigit(s[i]) {
        let end = TextBytes.digitRunEnd(s, i)
        guard end - i <= 8, let n = TextBytes.number(s, i, end) else { return nil }
        out.append(Token(kind: .number(n, digits: end - i), start: i, end: end))
        i = end
        continue
      }
      switch s[i] {
      case UInt8(ascii: "/"), UInt8(ascii: "'"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ","),
        UInt8(ascii: "("), UInt8(ascii: ")"):
        out.append(Token(kind: .mark(s[i]), start: i, end: i + 1))
      case UInt8(ascii: "["): out.append(Token(kind: .mark(UInt8(ascii: "(")), start: i, end: i + 1))
      case UInt8(ascii: "]"): out.append(Token(kind: .mark(UInt8(ascii: ")")), start: i, end: i + 1))
      default: return nil
      }
      i += 1
    }
    return out
  }

  /// The tokens left when status words (and the marks and link words beside
  /// them) are dropped from both ends, bracket groups of status words alone
  /// are dropped, and brackets round the whole are taken off.
  static func core(_ all: [Token]) -> [Token] {
    var t = all
    var changed = true
    var sawStatus = false
    while changed, !t.isEmpty {
      changed = false
      // A bracket group holding only status words, anywhere.
      if let open = t.firstIndex(where: { $0.isMark("(") }), let close = t[open...].firstIndex(where: { $0.isMark(")") }),
        close > open + 1, t[(open + 1)..<close].allSatisfy({ statusWords.contains($0.word ?? "") || linkWords.contains($0.word ?? "") }),
        t[(open + 1)..<close].contains(where: { statusWords.contains($0.word ?? "") })
      {
        t.removeSubrange(open...close)
        changed = true
        continue
      }
      if let w = t.first?.word, statusWords.contains(w) {
        t.removeFirst()
        sawStatus = true
        changed = true
      } else if let w = t.last?.word, statusWords.contains(w) {
        t.removeLast()
        sawStatus = true
        changed = true
      } else if sawStatus, let w = t.first?.word, linkWords.contains(w) {
        t.removeFirst()
        changed = true
      } else if let first = t.first, first.isMark(":") || first.isMark("-") || first.isMark(",") {
        t.removeFirst()
        changed = true
      } else if let last = t.last, last.isMark(":") || last.isMark("-") || last.isMark(",") || last.isMark(".") {
        t.removeLast()
        changed = true
      } else if t.count >= 2, t[0].isMark("("), t[t.count - 1].isMark(")"), !t.dropFirst().dropLast().contains(where: { $0.isMark("(") || $0.isMark(")") }) {
        t.removeFirst()
        t.removeLast()
        changed = true
      }
    }
    return t
  }

  /// Reads the token core of a heading as a period.
  static func period(_ t: [Token]) -> PeriodLabel? {
    if let found = quarter(t) ?? term(t) ?? range(t) ?? month(t) ?? day(t) { return found }
    // The months of a quarter or term in brackets: `Q1 (Apr–Jun) 2023/24`.
    guard let open = t.firstIndex(where: { $0.isMark("(") }), let close = t[open...].firstIndex(where: { $0.isMark(")") }),
      close > open + 1,
      t[(open + 1)..<close].allSatisfy({ MonthNames.byName[$0.word ?? ""] != nil || $0.isMark("-") || $0.word == "to" })
    else { return nil }
    var rest = t
    rest.removeSubrange(open...close)
    return quarter(rest) ?? term(rest)
  }

  // MARK: years

  /// A year after `i`: an FY span (`2023/24`, `23/24`, `FY2023-24`, `2023 to 2024`)
  /// or a single year (`2023`, `'23`, `23`).
  private enum Year {
    case span(Int)
    case single(Int, twoDigit: Bool)
  }

  private static func year(_ t: [Token], _ i: Int) -> (Year, Int)? {
    var j = i
    var fy = false
    if t.word(at: j) == "fy" {
      fy = true
      j += 1
    }
    if t.mark(at: j) == "'" { j += 1 }
    guard let (first, twoDigit, afterFirst) = oneYear(t, j) else { return nil }
    if t.mark(at: afterFirst) == "/" || t.mark(at: afterFirst) == "-" || t.word(at: afterFirst) == "to",
      let (second, _, afterSecond) = oneYear(t, afterFirst + 1), second == first + 1
    {
      return (.span(first), afterSecond)
    }
    guard !fy else { return nil }  // "FY 2024" alone: which year it starts is not said
    return (.single(first, twoDigit: twoDigit), afterFirst)
  }

  private static func oneYear(_ t: [Token], _ i: Int) -> (Int, Bool, Int)? {
    guard i < t.count, case .number(let n, let digits) = t[i].kind else { return nil }
    switch digits {
    case 4 where (1900...2199).contains(n): return (n, false, i + 1)
    case 2: return (2000 + n, true, i + 1)
    default: return nil
    }
  }

  // MARK: quarters

  private static let quarterWords: Set<String> = ["q", "qtr", "quarter", "qr"]

  private static func quarterNumber(_ t: [Token], _ i: Int) -> (Int, Int)? {
    guard let w = t.word(at: i), quarterWords.contains(w) else { return nil }
    var j = i + 1
    if t.mark(at: j) == "." { j += 1 }
    guard j < t.count, case .number(let n, 1) = t[j].kind, (1...4).contains(n) else { return nil }
    return (n, j + 1)
  }

  private static func quarter(_ t: [Token]) -> PeriodLabel? {
    var found: (Int, Year, Int)?
    if let (n, j) = quarterNumber(t, 0) {
      var k = j
      if t.mark(at: k) == "," || t.mark(at: k) == "-" { k += 1 }
      if let (y, end) = year(t, k) { found = (n, y, end) }
    } else if let (y, j) = year(t, 0) {
      var k = j
      if t.mark(at: k) == "," || t.mark(at: k) == "-" { k += 1 }
      if let (n, end) = quarterNumber(t, k) { found = (n, y, end) }
    }
    guard let (n, y, end) = found, end == t.count || trailingMonths(t, end) else { return nil }
    switch y {
    case .span(let first):
      let start = CivilDate(year: first, month: 4, day: 1).addingMonths((n - 1) * 3)
      return make(.quarterFY, start, lastDay(start.addingMonths(2)))
    case .single(let year, _):
      let start = CivilDate(year: year, month: (n - 1) * 3 + 1, day: 1)
      return make(.quarter, start, lastDay(start.addingMonths(2)))
    }
  }

  /// Whether the tokens from `i` are only month names, years, dashes and
  /// brackets (`Q1 2018 - 19 April - June 2018`, `Q2 2023/24 (Jul-Sep)`).
  private static func trailingMonths(_ t: [Token], _ i: Int) -> Bool {
    var sawMonth = false
    for token in t[i...] {
      switch token.kind {
      case .word(let w):
        guard MonthNames.byName[w] != nil || w == "to" else { return false }
        if MonthNames.byName[w] != nil { sawMonth = true }
      case .number: continue
      case .mark(let m): guard m != UInt8(ascii: ":") else { return false }
      }
    }
    return sawMonth
  }

  // MARK: terms

  private static let termNames: [String: Int] = ["autumn": 0, "spring": 1, "summer": 2]

  private static func term(_ t: [Token]) -> PeriodLabel? {
    // Term n fy | fy Term n
    if let (index, end) = numberedTerm(t, 0), let (y, yEnd) = year(t, end), yEnd == t.count, case .span(let first) = y {
      return termPeriod(index, half: nil, academicStart: first)
    }
    if let (y, j) = year(t, 0), case .span(let first) = y, let (index, end) = numberedTerm(t, j), end == t.count {
      return termPeriod(index, half: nil, academicStart: first)
    }
    // name [term] [1|2] year | year name [term] [1|2]
    if let (index, half, end) = namedTerm(t, 0), let (y, yEnd) = year(t, end), yEnd == t.count {
      return named(index, half, y)
    }
    if let (y, j) = year(t, 0), let (index, half, end) = namedTerm(t, j), end == t.count {
      return named(index, half, y)
    }
    return nil
  }

  private static func named(_ index: Int, _ half: Int?, _ y: Year) -> PeriodLabel? {
    switch y {
    case .span(let first): return termPeriod(index, half: half, academicStart: first)
    case .single(let year, let twoDigit):
      guard !twoDigit || half == nil else { return nil }
      return termPeriod(index, half: half, academicStart: index == 0 ? year : year - 1)
    }
  }

  private static func namedTerm(_ t: [Token], _ i: Int) -> (Int, Int?, Int)? {
    guard let w = t.word(at: i), let index = termNames[w] else { return nil }
    var j = i + 1
    if t.word(at: j) == "term" { j += 1 }
    var half: Int?
    if j < t.count, case .number(let n, 1) = t[j].kind, n == 1 || n == 2 {
      half = n
      j += 1
      if t.word(at: j) == "term" { j += 1 }
    }
    if t.mark(at: j) == "," || t.mark(at: j) == "-" { j += 1 }
    return (index, half, j)
  }

  private static func numberedTerm(_ t: [Token], _ i: Int) -> (Int, Int)? {
    guard let w = t.word(at: i), w == "term" || w == "t" else { return nil }
    guard i + 1 < t.count, case .number(let n, 1) = t[i + 1].kind, (1...3).contains(n) else { return nil }
    var j = i + 2
    if t.mark(at: j) == "," || t.mark(at: j) == "-" { j += 1 }
    return (n - 1, j)
  }

  /// Term `index` (0 autumn, 1 spring, 2 summer) of the academic year
  /// starting in September of `academicStart`; a half term when `half` is set.
  /// Windows: Autumn Sep–Dec (halves Sep–Oct, Nov–Dec), Spring Jan–Mar
  /// (Jan–Feb, Mar), Summer Apr–Aug (Apr–May, Jun–Aug).
  private static func termPeriod(_ index: Int, half: Int?, academicStart: Int) -> PeriodLabel {
    let year = index == 0 ? academicStart : academicStart + 1
    let months: [(Int, Int)] = [(9, 12), (1, 3), (4, 8)]
    let halves: [[(Int, Int)]] = [[(9, 10), (11, 12)], [(1, 2), (3, 3)], [(4, 5), (6, 8)]]
    let (from, to) = half.map { halves[index][$0 - 1] } ?? months[index]
    return make(.term, CivilDate(year: year, month: from, day: 1), lastDay(CivilDate(year: year, month: to, day: 1)))
  }

  // MARK: months

  private static func monthName(_ t: [Token], _ i: Int) -> (Int, Int)? {
    guard let w = t.word(at: i), let m = MonthNames.byName[w] else { return nil }
    return (m, t.mark(at: i + 1) == "." ? i + 2 : i + 1)
  }

  /// `Sept 2023`, `Jun-23`, `June '23`, `Jun/23`, `Sept. 2023`, `June, 2023`.
  private static func monthYear(_ t: [Token], _ i: Int) -> (Int, Int, Int)? {
    guard let (m, j) = monthName(t, i) else { return nil }
    var k = j
    if let mark = t.mark(at: k), mark == "-" || mark == "/" || mark == "," || mark == "'" { k += 1 }
    if t.mark(at: k) == "'" { k += 1 }
    guard let (y, _, end) = oneYear(t, k) else { return nil }
    return (m, y, end)
  }

  private static func month(_ t: [Token]) -> PeriodLabel? {
    guard let (m, y, end) = monthYear(t, 0), end == t.count else { return nil }
    let start = CivilDate(year: y, month: m, day: 1)
    return make(.month, start, lastDay(start))
  }

  /// `July-Sept 2023`, `Jul–Sep 23`, `Nov 2023 to Jan 2024`, `Jun/Jul 2023`,
  /// `Jul-Sep 2023/24` (the months of a financial year). Three months that
  /// make a quarter are that quarter: the UK financial-year quarter
  /// (`quarterFY`) as `Q2 2023/24` reads, since its id is that quarter's
  /// whichever way the heading says it; other spans are `months`.
  private static func range(_ t: [Token]) -> PeriodLabel? {
    var from: (m: Int, y: Int?, end: Int)
    if let (m, y, end) = monthYear(t, 0) {
      from = (m, y, end)
    } else if let (m, end) = monthName(t, 0) {
      from = (m, nil, end)
    } else {
      return nil
    }
    guard t.mark(at: from.end) == "-" || t.mark(at: from.end) == "/" || t.word(at: from.end) == "to" else { return nil }
    var y1: Int
    var y2: Int
    let m2: Int
    if let (m, y, end) = monthYear(t, from.end + 1), end == t.count {
      (m2, y2) = (m, y)
      y1 = from.y ?? (from.m <= m2 ? y2 : y2 - 1)
    } else if from.y == nil, let (m, j) = monthName(t, from.end + 1), let (y, end) = year(t, j), end == t.count,
      case .span(let first) = y
    {
      // The months of a financial year (April to March).
      m2 = m
      y1 = from.m >= 4 ? first : first + 1
      y2 = m2 >= 4 ? first : first + 1
    } else {
      return nil
    }
    let start = CivilDate(year: y1, month: from.m, day: 1)
    let last = CivilDate(year: y2, month: m2, day: 1)
    let months = (y2 - y1) * 12 + (m2 - from.m)
    guard months >= 0, months < 12 else { return nil }
    let kind: Period.Kind = months == 0 ? .month : months == 2 && (from.m - 1) % 3 == 0 ? .quarterFY : .months
    return make(kind, start, lastDay(last))
  }

  // MARK: days

  /// `30 Sept 2023`, `1st October 2023`, `30-Sep-23`; numeric and ISO days
  /// through `DateText`.
  private static func day(_ t: [Token]) -> PeriodLabel? {
    guard let first = t.first, case .number(let d, let digits) = first.kind, digits <= 2 else { return nil }
    var j = 1
    if let w = t.word(at: j), ["st", "nd", "rd", "th"].contains(w) { j += 1 }
    if t.mark(at: j) == "-" || t.mark(at: j) == "/" { j += 1 }
    guard let (m, y, end) = monthYear(t, j), end == t.count else { return nil }
    let date = CivilDate(year: y, month: m, day: d)
    guard date.isValid else { return nil }
    return make(.date, date, date)
  }

  static func make(_ kind: Period.Kind, _ start: CivilDate, _ end: CivilDate) -> PeriodLabel {
    .period(kind: kind, start: start, end: end, id: PeriodLabel.id(kind: kind, start: start, end: end))
  }

  static func lastDay(_ month: CivilDate) -> CivilDate {
    CivilDate(year: month.year, month: month.month, day: CivilDate.daysIn(month: month.month, year: month.year))
  }
}

extension Array where Element == PeriodGrammar.Token {
  fileprivate func word(at i: Int) -> String? { i >= 0 && i < count ? self[i].word : nil }

  fileprivate func mark(at i: Int) -> Character? {
    guard i >= 0, i < count, case .mark(let m) = self[i].kind else { return nil }
    return Character(Unicode.Scalar(m))
  }
}
