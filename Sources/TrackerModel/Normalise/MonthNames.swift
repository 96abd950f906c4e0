/// Month and number names the date and label grammars accept (English, as
/// UK trackers write them).
enum MonthNames {
  /// Lower-case month names and abbreviations → month number.
  static let byName: [String: Int] = [
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
  ]

  /// Full month names, for writing (`December 2021`).
  static let full = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// Three-letter month abbreviations, for writing (`Dec-19`).
  static let short = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// `byName` keyed by the letters packed 7 bits each (no String per look-up).
  private static let byPackedName: [UInt64: Int] = {
    var table: [UInt64: Int] = [:]
    for (name, month) in byName { table[pack(Array(name.utf8), 0, name.utf8.count)] = month }
    return table
  }()

  private static func pack(_ bytes: [UInt8], _ from: Int, _ to: Int) -> UInt64 {
    var key: UInt64 = 0
    for i in from..<to { key = key << 7 | UInt64(TextBytes.lower(bytes[i]) & 0x7F) }
    return key
  }

  /// The month named by the whole letter run at `i`, and the index after it.
  static func month(_ bytes: [UInt8], _ i: Int) -> (month: Int, end: Int)? {
    guard i < bytes.count else { return nil }
    switch TextBytes.lower(bytes[i]) {
    case UInt8(ascii: "j"), UInt8(ascii: "f"), UInt8(ascii: "m"), UInt8(ascii: "a"), UInt8(ascii: "s"),
      UInt8(ascii: "o"), UInt8(ascii: "n"), UInt8(ascii: "d"):
      break
    default: return nil
    }
    let end = TextBytes.letterRunEnd(bytes, i)
    guard end - i >= 3, end - i <= 9, let m = byPackedName[pack(bytes, i, end)] else { return nil }
    return (m, end)
  }

  /// Number words one–twelve (`Work stream One`).
  static let numberWords: [String: Int] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
  ]
}
