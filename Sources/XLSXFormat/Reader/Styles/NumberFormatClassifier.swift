public import Grid

/// Decides whether a custom number format code shows a date, and which parts.
///
/// A small tokenizer over the first section of the code (before an unquoted
/// `;`) that skips what is not a date token: quoted literals (`"Q"`),
/// escaped characters (`\-`), padding and repeat characters (`_)`, `*-`),
/// bracketed sections (`[Red]`, `[$-809]`, `[>=100]`), the word `General`
/// and exponents (`E+`). Elapsed-time brackets (`[h]`, `[mm]`, `[ss]`) count
/// as time. An `m` is minutes right after an hour or right before a second,
/// otherwise a month; a month (with or without a year) but no day and no time
/// is `.month`, the shape of `Dec-19` review-period headings.
///
/// ```swift
/// NumberFormatClassifier.dateDisplay("mmm-yy")               // .month
/// NumberFormatClassifier.dateDisplay("dd/mm/yyyy hh:mm")     // .dateTime
/// NumberFormatClassifier.dateDisplay("[h]:mm")               // .time
/// NumberFormatClassifier.dateDisplay("\"Year\" 0")           // nil
/// ```
public enum NumberFormatClassifier {
  private enum Token { case year, month, day, hour, minute, second, ampm, elapsed, monthOrMinute }

  /// The date display of a format code, or nil when it shows a plain number.
  public static func dateDisplay(_ code: String) -> DateCell.Display? {
    var tokens = scan(Array(code.utf8))
    guard !tokens.isEmpty else { return nil }
    resolveMonthsAndMinutes(&tokens)
    let hasDay = tokens.contains(.day)
    let hasYear = tokens.contains(.year)
    let hasMonth = tokens.contains(.month)
    let hasTime = tokens.contains { [.hour, .minute, .second, .ampm, .elapsed].contains($0) }
    switch (hasDay || hasYear || hasMonth, hasTime) {
    case (true, true): return .dateTime
    case (false, true): return .time
    case (true, false): return hasMonth && !hasDay ? .month : .date
    case (false, false): return nil
    }
  }

  private static func scan(_ bytes: [UInt8]) -> [Token] {
    var tokens: [Token] = []
    var i = 0
    func lower(_ k: Int) -> UInt8 { k < bytes.count ? bytes[k] | 0x20 : 0 }
    while i < bytes.count {
      let byte = bytes[i]
      switch byte {
      case UInt8(ascii: ";"):
        return tokens
      case UInt8(ascii: "\""):
        i += 1
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") { i += 1 }
        i += 1
      case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
        i += 2
      case UInt8(ascii: "["):
        var end = i + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "]") { end += 1 }
        let inner = bytes[min(i + 1, bytes.count)..<min(end, bytes.count)].map { $0 | 0x20 }
        if let first = inner.first, [UInt8(ascii: "h"), UInt8(ascii: "m"), UInt8(ascii: "s")].contains(first),
          inner.allSatisfy({ $0 == first })
        {
          tokens.append(.elapsed)
        }
        i = end + 1
      default:
        let letter = byte | 0x20
        if letter == UInt8(ascii: "g"), matches(bytes, at: i, "general") {
          i += 7
          continue
        }
        if letter == UInt8(ascii: "a"), matches(bytes, at: i, "am/pm") || matches(bytes, at: i, "a/p") {
          tokens.append(.ampm)
          i += matches(bytes, at: i, "am/pm") ? 5 : 3
          continue
        }
        var length = 1
        while lower(i + length) == letter { length += 1 }
        switch letter {
        case UInt8(ascii: "y"), UInt8(ascii: "b"): tokens.append(.year)
        case UInt8(ascii: "e"):
          let next = i + 1 < bytes.count ? bytes[i + 1] : 0
          if next != UInt8(ascii: "+") && next != UInt8(ascii: "-") { tokens.append(.year) }
        case UInt8(ascii: "d"): tokens.append(.day)
        case UInt8(ascii: "h"): tokens.append(.hour)
        case UInt8(ascii: "s"): tokens.append(.second)
        case UInt8(ascii: "m"): tokens.append(length >= 3 ? .month : .monthOrMinute)
        default: break
        }
        i += length
      }
    }
    return tokens
  }

  /// An `m`/`mm` is minutes after an hour (or elapsed time) or before a
  /// second; otherwise a month.
  private static func resolveMonthsAndMinutes(_ tokens: inout [Token]) {
    for k in tokens.indices where tokens[k] == .monthOrMinute {
      let afterHour = k > 0 && (tokens[k - 1] == .hour || tokens[k - 1] == .elapsed)
      let beforeSecond = k + 1 < tokens.count && tokens[k + 1] == .second
      tokens[k] = afterHour || beforeSecond ? .minute : .month
    }
  }

  private static func matches(_ bytes: [UInt8], at start: Int, _ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard start + count <= bytes.count else { return false }
    for k in 0..<count where bytes[start + k] | 0x20 != word.utf8Start[k] | 0x20 {
      // "/" | 0x20 == "/", so the separator compares as itself.
      return false
    }
    return true
  }
}
