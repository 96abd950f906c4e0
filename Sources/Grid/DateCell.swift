/// A calendar date with an optional time of day, as read from a cell.
///
/// Kept apart from `Foundation.Date` on purpose: no time zone, no locale.
public struct DateCell: Hashable, Sendable, Codable {
  /// Year, e.g. 2021.
  public var year: Int
  /// Month 1–12.
  public var month: Int
  /// Day of month 1–31.
  public var day: Int
  /// Seconds since midnight (0 for a pure date). Fractions are kept.
  public var secondsOfDay: Double
  /// The raw Excel serial (days since the workbook's epoch), when there was one.
  public var serial: Double?
  /// What the cell's number format shows.
  public var display: Display

  /// What part of the date the source format shows.
  public enum Display: String, Hashable, Sendable, Codable {
    /// A month and year only (`mmm-yy`, `mmmm yyyy`): a review-period heading.
    case month
    /// A day (`dd/mm/yyyy`).
    case date
    /// A date and time.
    case dateTime
    /// A time of day only.
    case time
  }

  /// Creates a date cell.
  public init(
    year: Int, month: Int, day: Int, secondsOfDay: Double = 0, serial: Double? = nil,
    display: Display = .date
  ) {
    self.year = year
    self.month = month
    self.day = day
    self.secondsOfDay = secondsOfDay
    self.serial = serial
    self.display = display
  }

  /// ISO 8601: `2021-04-01`, or `2021-04-01T09:30:00` with a time, and
  /// `2021-04-01T09:30:00.250` when the time has a fraction of a second
  /// (to the millisecond, Excel's precision).
  public var isoText: String {
    var text = DateCell.pad(year, 4) + "-" + DateCell.pad(month, 2) + "-" + DateCell.pad(day, 2)
    if display == .dateTime || display == .time || secondsOfDay != 0 {
      let milliseconds = secondsOfDay.isFinite ? min(max(Int((secondsOfDay * 1000).rounded()), 0), 86_399_999) : 0
      let whole = milliseconds / 1000
      text += "T" + DateCell.pad(whole / 3600, 2) + ":" + DateCell.pad(whole / 60 % 60, 2) + ":"
        + DateCell.pad(whole % 60, 2)
      if milliseconds % 1000 != 0 { text += "." + DateCell.pad(milliseconds % 1000, 3) }
    }
    return text
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(abs(value))
    let sign = value < 0 ? "-" : ""
    return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
