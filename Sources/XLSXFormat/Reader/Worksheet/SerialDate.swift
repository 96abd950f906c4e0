import Diagnostics
public import Grid

/// Converts Excel date serials to calendar dates (ECMA-376 Part 1,
/// §18.17.4.1), keeping the serial.
///
/// 1900 system: serial 1 is 1900-01-01 and, as in Lotus 1-2-3, 1900 counts
/// as a leap year, so serial 60 is the fictitious 1900-02-29 and serials from
/// 61 on are days since 1899-12-30; serial 0 (what Excel shows as
/// "1900-01-00", and the day of a pure time) is dated 1899-12-31.
/// 1904 system: serial 0 is 1904-01-01. The largest serial is
/// 2,958,465 (9999-12-31) in the 1900 system; negative or larger serials are
/// not dates (the caller keeps the number). Times are rounded to the
/// millisecond.
public enum SerialDate {
  /// The largest serial Excel shows as a date (9999-12-31 in the 1900 system).
  public static let maxSerial1900 = 2_958_465.0

  /// The date of a serial, or nil when it is outside Excel's date range.
  public static func date(serial: Double, uses1904: Bool, display: DateCell.Display) -> DateCell? {
    let limit = uses1904 ? maxSerial1900 - 1462 : maxSerial1900
    guard serial.isFinite, serial >= 0, serial < limit + 1 else { return nil }
    var days = Int(serial.rounded(.down))
    var milliseconds = ((serial - Double(days)) * 86_400_000).rounded()
    if milliseconds >= 86_400_000 {
      days += 1
      milliseconds = 0
    }
    let (year, month, day): (Int, Int, Int)
    if uses1904 {
      (year, month, day) = GregorianCalendar.date(daysSince1970: days + daysFrom1970To1904)
    } else if days == 60 {
      (year, month, day) = (1900, 2, 29)
    } else {
      let offset = days < 60 ? days - 1 : days - 2
      (year, month, day) = GregorianCalendar.date(daysSince1970: offset + daysFrom1970To1900)
    }
    return DateCell(
      year: year, month: month, day: day, secondsOfDay: milliseconds / 1000, serial: serial, display: display)
  }

  /// Days from 1970-01-01 to 1900-01-01 and 1904-01-01.
  private static let daysFrom1970To1900 = -25_567
  private static let daysFrom1970To1904 = -24_107
}
