import Diagnostics
import Grid

/// Excel's 1900 date system for writing: a date becomes the number of days
/// since 1899-12-31, counting the non-existent 1900-02-29 that Excel keeps
/// for Lotus compatibility (so 1900-03-01 is 61), plus the time of day as a
/// fraction (ECMA-376 Part 1, 18.17.4.1).
enum ExcelSerialDate {
  /// The serial for a date cell, or `nil` when Excel cannot show it.
  ///
  /// 1899-12-31 is serial 0 (Excel shows it as "1900-01-00"; readers report
  /// it for serials below 1, such as a time of day), and a time-only cell
  /// dated before 1900 becomes just the fraction of a day.
  static func serial(of date: DateCell) -> Double? {
    guard date.secondsOfDay.isFinite, date.secondsOfDay >= 0, date.secondsOfDay < 86_400 else { return nil }
    let fraction = date.secondsOfDay / 86_400
    if date.display == .time && date.year < 1900 { return fraction }
    if date.year == 1899 && date.month == 12 && date.day == 31 { return fraction }
    guard (1900...9999).contains(date.year), (1...12).contains(date.month) else { return nil }
    if date.year == 1900 && date.month == 2 && date.day == 29 { return 60 + fraction }
    guard (1...GregorianCalendar.daysIn(month: date.month, year: date.year)).contains(date.day) else { return nil }
    var days = Double(
      GregorianCalendar.daysSince1970(year: date.year, month: date.month, day: date.day)
        - GregorianCalendar.daysSince1970(year: 1899, month: 12, day: 31))
    if days >= 60 { days += 1 }  // after Excel's 1900-02-29
    return days + fraction
  }
}
