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
    let month = precision != .year ? self.month : nil
    let day = precision == .day ? self.day : nil
    // Years 0-9999 and two-digit months and days (every real date) are
    // written straight into the string: merge spells out a date key for
    // every dated note it compares.
    if (0...9999).contains(year), (0...99).contains(month ?? 0), (0...99).contains(day ?? 0) {
      let yearDigits = year >= 1000 ? 4 : year >= 100 ? 3 : year >= 10 ? 2 : 1
      let count = yearDigits + (month == nil ? 0 : 3) + (day == nil ? 0 : 3)
      return String(unsafeUninitializedCapacity: count) { out in
        var value = year
        for at in stride(from: yearDigits - 1, through: 0, by: -1) {
          out[at] = UInt8(ascii: "0") + UInt8(value % 10)
          value /= 10
        }
        if let month { DateValue.writePart(month, into: out, at: yearDigits) }
        if let day { DateValue.writePart(day, into: out, at: yearDigits + (month == nil ? 0 : 3)) }
        return count
      }
    }
    var text = String(year)
    if let month { text += "-" + (month < 10 ? "0" : "") + String(month) }
    if let day { text += "-" + (day < 10 ? "0" : "") + String(day) }
    return text
  }

  /// Writes `-` and a two-digit number (0-99) at a position.
  private static func writePart(_ value: Int, into out: UnsafeMutableBufferPointer<UInt8>, at: Int) {
    out[at] = UInt8(ascii: "-")
    out[at + 1] = UInt8(ascii: "0") + UInt8(value / 10)
    out[at + 2] = UInt8(ascii: "0") + UInt8(value % 10)
  }

  /// Orders by first day, then by last day.
  public static func < (lhs: DateValue, rhs: DateValue) -> Bool {
    (lhs.firstDay, lhs.lastDay) < (rhs.firstDay, rhs.lastDay)
  }
}
