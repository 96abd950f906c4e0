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
    guard (1...daysInMonth(date.year, date.month)).contains(date.day) else { return nil }
    var days = Double(daysFromCivil(date.year, date.month, date.day) - daysFromCivil(1899, 12, 31))
    if days >= 60 { days += 1 }  // after Excel's 1900-02-29
    return days + fraction
  }

  /// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's
  /// `days_from_civil`).
  static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  private static func daysInMonth(_ year: Int, _ month: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
