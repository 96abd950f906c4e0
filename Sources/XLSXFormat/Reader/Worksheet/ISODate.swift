import Grid

/// Parses the ISO 8601 text of `t="d"` cells: `2021-04-01`,
/// `2021-04-01T09:30:00`, `2021-04-01T09:30:00.250Z`, `09:30:00` (a time
/// alone sits on 1899-12-31, day 0 as for serials).
///
/// A zone suffix (`Z`, `+01:00`) is accepted and ignored: the wall-clock
/// time is kept, as Excel shows it. The cell keeps no serial.
enum ISODate {
  /// The date, or nil when the text is not ISO 8601.
  static func parse(_ bytes: [UInt8], display format: DateCell.Display?) -> DateCell? {
    var i = 0
    func number(_ digits: Int) -> Int? {
      guard i + digits <= bytes.count else { return nil }
      var value = 0
      for _ in 0..<digits {
        let digit = bytes[i] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        value = value * 10 + Int(digit)
        i += 1
      }
      return value
    }
    func expect(_ byte: Character) -> Bool {
      guard i < bytes.count, bytes[i] == byte.asciiValue else { return false }
      i += 1
      return true
    }
    var year = 1899, month = 12, day = 31
    var hasDate = false
    if bytes.count >= 10, bytes[4] == UInt8(ascii: "-") {
      guard let y = number(4), expect("-"), let m = number(2), expect("-"), let d = number(2),
        (1...12).contains(m), (1...31).contains(d)
      else { return nil }
      (year, month, day, hasDate) = (y, m, d, true)
      if i == bytes.count {
        return DateCell(year: year, month: month, day: day, display: format ?? .date)
      }
      guard expect("T") || expect(" ") else { return nil }
    }
    guard let hour = number(2), expect(":"), let minute = number(2), hour < 24, minute < 60 else { return nil }
    var seconds = 0.0
    if expect(":") {
      guard let s = number(2), s < 61 else { return nil }
      seconds = Double(s)
      if expect(".") {
        var scale = 0.1
        while i < bytes.count, bytes[i] &- UInt8(ascii: "0") < 10 {
          seconds += Double(bytes[i] &- UInt8(ascii: "0")) * scale
          scale /= 10
          i += 1
        }
      }
    }
    if i < bytes.count, !zoneSuffix(bytes[i...]) { return nil }
    let time = Double(hour * 3600 + minute * 60) + seconds
    return DateCell(
      year: year, month: month, day: day, secondsOfDay: time, display: format ?? (hasDate ? .dateTime : .time))
  }

  private static func zoneSuffix(_ rest: ArraySlice<UInt8>) -> Bool {
    if rest.elementsEqual("Z".utf8) { return true }
    guard let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return false }
    return rest.dropFirst().allSatisfy { $0 &- UInt8(ascii: "0") < 10 || $0 == UInt8(ascii: ":") }
  }
}
