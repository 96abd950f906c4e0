/// A note prefix that names a period without its year (docs/preamble-keys-periods.md):
/// a quarter (`Q3`, `Qtr 3`, `Quarter 3`), a term (`Autumn`, `Spring term`,
/// `Summer 2`, `Term 1`) or a month (`March`, `Sept.`). Such a note is placed
/// in a plan's period when exactly one period can be meant.
public enum PartialPeriod: Hashable, Sendable {
  /// Quarter 1–4: of the financial year, or of the calendar year when the
  /// plan's quarters are calendar quarters.
  case quarter(Int)
  /// Term 0 autumn, 1 spring, 2 summer; a half term 1 or 2 when given.
  case term(Int, half: Int?)
  /// A month 1–12.
  case month(Int)

  /// Reads a whole prefix (`Q3`, `Autumn term`, `March`); `nil` otherwise.
  public static func read(_ text: String) -> PartialPeriod? {
    guard text.utf8.count <= 24, let tokens = PeriodGrammar.tokens(Array(text.utf8)) else { return nil }
    var t = tokens
    while let last = t.last, last.isMark(".") || last.isMark(":") { t.removeLast() }
    let words = t.map { token -> String in
      switch token.kind {
      case .word(let w): return w
      case .number(let n, _): return String(n)
      case .mark(let m): return String(UnicodeScalar(m))
      }
    }
    switch words.count {
    case 1:
      if let m = MonthNames.byName[words[0]] { return .month(m) }
      if let index = terms[words[0]] { return .term(index, half: nil) }
    case 2:
      if ["q", "qtr", "quarter"].contains(words[0]), let n = Int(words[1]), (1...4).contains(n) { return .quarter(n) }
      if ["term", "t"].contains(words[0]), let n = Int(words[1]), (1...3).contains(n) { return .term(n - 1, half: nil) }
      if let index = terms[words[0]], words[1] == "term" { return .term(index, half: nil) }
      if let index = terms[words[0]], let half = Int(words[1]), half == 1 || half == 2 { return .term(index, half: half) }
      if MonthNames.byName[words[0]] != nil, words[1] == "." { return .month(MonthNames.byName[words[0]]!) }
    case 3:
      if ["qtr", "q"].contains(words[0]), words[1] == ".", let n = Int(words[2]), (1...4).contains(n) { return .quarter(n) }
      if let index = terms[words[0]], words[1] == "term", let half = Int(words[2]), half == 1 || half == 2 {
        return .term(index, half: half)
      }
    default: break
    }
    return nil
  }

  private static let terms: [String: Int] = ["autumn": 0, "spring": 1, "summer": 2]

  /// The window this names in the year `year` (for a term or a financial
  /// quarter, the academic or financial year starting then).
  func window(_ year: Int, calendarQuarters: Bool) -> (CivilDate, CivilDate) {
    func last(_ y: Int, _ m: Int) -> CivilDate { CivilDate(year: y, month: m, day: CivilDate.daysIn(month: m, year: y)) }
    switch self {
    case .month(let m): return (CivilDate(year: year, month: m, day: 1), last(year, m))
    case .quarter(let n):
      let start = calendarQuarters
        ? CivilDate(year: year, month: (n - 1) * 3 + 1, day: 1) : CivilDate(year: year, month: 4, day: 1).addingMonths((n - 1) * 3)
      let end = start.addingMonths(2)
      return (start, last(end.year, end.month))
    case .term(let index, let half):
      let y = index == 0 ? year : year + 1
      let months: [(Int, Int)] = [(9, 12), (1, 3), (4, 8)]
      let halves: [[(Int, Int)]] = [[(9, 10), (11, 12)], [(1, 2), (3, 3)], [(4, 5), (6, 8)]]
      let (from, to) = half.map { halves[index][$0 - 1] } ?? months[index]
      return (CivilDate(year: y, month: from, day: 1), last(y, to))
    }
  }

  /// The one period of a plan this names: of every year's occurrence, only
  /// one overlaps the plan's periods (first start to last end), and it falls
  /// in one period's window. `nil` when none or several can be meant.
  public func period(in windows: PeriodWindows) -> Period? {
    guard let first = windows.ordered.first, let lastPeriod = windows.ordered.last else { return nil }
    let kinds = Set(windows.ordered.map(\.kind))
    let calendar = kinds.contains(.quarter) && !kinds.contains(.quarterFY)
    var found: [(CivilDate, CivilDate)] = []
    for year in (first.start.year - 1)...(lastPeriod.end.year + 1) {
      let (start, end) = window(year, calendarQuarters: calendar)
      if start <= lastPeriod.end, end >= first.start { found.append((start, end)) }
    }
    guard found.count == 1, let (start, end) = found.first else { return nil }
    let a = windows.periodId(for: DateValue(year: start.year, month: start.month, day: start.day))
    let b = windows.periodId(for: DateValue(year: end.year, month: end.month, day: end.day))
    guard let a, a == b else { return nil }
    return windows.ordered.first { $0.id == a }
  }
}
