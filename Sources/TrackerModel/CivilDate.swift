import Diagnostics

/// A calendar day with no time zone: year, month 1–12, day 1–31.
public struct CivilDate: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  /// The year.
  public var year: Int
  /// Month 1–12.
  public var month: Int
  /// Day 1–31.
  public var day: Int

  /// Creates a date; no validation (see `isValid`).
  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Whether the day exists in the proleptic Gregorian calendar.
  public var isValid: Bool {
    (1...12).contains(month) && day >= 1 && day <= CivilDate.daysIn(month: month, year: year)
  }

  /// Days in a month of a year.
  public static func daysIn(month: Int, year: Int) -> Int {
    GregorianCalendar.daysIn(month: month, year: year)
  }

  /// Whether a Gregorian year is a leap year.
  public static func isLeap(_ year: Int) -> Bool { GregorianCalendar.isLeap(year) }

  /// The first day of the month `months` later (negative goes back).
  public func addingMonths(_ months: Int) -> CivilDate {
    let index = year * 12 + (month - 1) + months
    let y = index >= 0 ? index / 12 : (index - 11) / 12
    return CivilDate(year: y, month: index - y * 12 + 1, day: 1)
  }

  /// Days since 1970-01-01 (negative before), for arithmetic.
  public var daysSinceEpoch: Int { GregorianCalendar.daysSince1970(year: year, month: month, day: day) }

  /// The day a number of days after 1970-01-01 (before it when negative).
  public static func fromDaysSinceEpoch(_ days: Int) -> CivilDate {
    let (year, month, day) = GregorianCalendar.date(daysSince1970: days)
    return CivilDate(year: year, month: month, day: day)
  }

  /// `yyyy-mm-dd`.
  public var description: String {
    let m = month < 10 ? "0\(month)" : "\(month)"
    let d = day < 10 ? "0\(day)" : "\(day)"
    return "\(year)-\(m)-\(d)"
  }

  /// Chronological order.
  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}
