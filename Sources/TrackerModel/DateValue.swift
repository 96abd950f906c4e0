/// A calendar date known to some precision (year, quarter, month or day).
///
/// `Feb 2021` is `DateValue(year: 2021, month: 2)` with `.month` precision;
/// comparisons use the whole window at that precision (`firstDay...lastDay`).
public struct DateValue: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  /// The year (four digits).
  public var year: Int
  /// Month 1–12, when known.
  public var month: Int?
  /// Day 1–31, when known.
  public var day: Int?
  /// How much of the date is known.
  public var precision: Precision

  /// How precisely a date is known.
  public enum Precision: String, Hashable, Sendable, Codable {
    /// A whole year.
    case year
    /// A UK financial-year quarter; `month` is the quarter's first month.
    case quarter
    /// A month.
    case month
    /// A day.
    case day
  }

  /// Creates a date value; precision follows from what is given unless set.
  public init(year: Int, month: Int? = nil, day: Int? = nil, precision: Precision? = nil) {
    self.year = year
    self.month = month
    self.day = day
    self.precision = precision ?? (day != nil ? .day : month != nil ? .month : .year)
  }

  /// The first day of the window.
  public var firstDay: CivilDate {
    CivilDate(year: year, month: month ?? 1, day: precision == .day ? (day ?? 1) : 1)
  }

  /// The last day of the window.
  public var lastDay: CivilDate {
    switch precision {
    case .day: return CivilDate(year: year, month: month ?? 1, day: day ?? 1)
    case .month:
      let m = month ?? 12
      return CivilDate(year: year, month: m, day: CivilDate.daysIn(month: m, year: year))
    case .quarter:
      let first = CivilDate(year: year, month: month ?? 1, day: 1)
      let end = first.addingMonths(2)
      return CivilDate(year: end.year, month: end.month, day: CivilDate.daysIn(month: end.month, year: end.year))
    case .year: return CivilDate(year: year, month: 12, day: 31)
    }
  }

  /// ISO form at its precision: `2021`, `2021-02`, `2021-02-14`; quarters as their first month.
  public var description: String {
    var text = String(year)
    if let month, precision != .year { text += "-" + (month < 10 ? "0" : "") + String(month) }
    if let day, precision == .day { text += "-" + (day < 10 ? "0" : "") + String(day) }
    return text
  }

  /// Orders by first day, then by last day.
  public static func < (lhs: DateValue, rhs: DateValue) -> Bool {
    (lhs.firstDay, lhs.lastDay) < (rhs.firstDay, rhs.lastDay)
  }
}
