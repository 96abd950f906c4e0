/// What a date expression in a tracker says.
public enum DateReading: Hashable, Sendable {
  /// A date at some precision (day, month, UK financial-year quarter, year).
  case value(DateValue)
  /// Shaped like a date but impossible (`31/02/2023`) or US-only
  /// (`12/31/2023`); the reason names the text.
  case invalid(reason: String)
  /// A date without its year (`Q2`).
  case partial(text: String)
}

/// The date grammar of domain.md §5.3: `Mmm-yy`, `Mmm yy`, `Mmm yyyy`,
/// `Month yyyy`, `Sept yyyy`, `d Month yyyy` (`7th January 2025`),
/// `dd/mm/yyyy` (UK order), `yyyy-mm-dd`, `yyyy-mm`, `Qn yyyy/yy`,
/// `Quarter n yyyy to yyyy`, and a bare `Qn` (partial). Two-digit years are
/// 20yy.
///
/// ```swift
/// DateText.parse("Feb 2021")      // .value(2021-02, month)
/// DateText.parse("Q3 2024/25")    // .value(2024-10, quarter)  (1 Oct–31 Dec 2024)
/// DateText.parse("31/02/2023")    // .invalid
/// ```
public enum DateText {
  /// Reads a whole string as a date (surrounding spaces and a trailing `.`
  /// ignored); `nil` when it is not a date expression at all.
  public static func parse(_ text: String) -> DateReading? {
    let bytes = Array(text.utf8)
    var (a, b) = TextBytes.trimmedRange(bytes, 0, bytes.count)
    if b > a, bytes[b - 1] == UInt8(ascii: ".") { b -= 1 }
    guard b > a, let (reading, end) = scan(Array(bytes[a..<b]), 0), end == b - a else { return nil }
    return reading
  }

  /// Scans a date expression starting exactly at `i`; returns it and the
  /// index after it. The expression must end at a word boundary.
  static func scan(_ bytes: [UInt8], _ i: Int) -> (DateReading, Int)? {
    guard i < bytes.count else { return nil }
    let result: (DateReading, Int)?
    if TextBytes.isDigit(bytes[i]) {
      result = scanISO(bytes, i) ?? scanNumeric(bytes, i) ?? scanDayMonthYear(bytes, i)
    } else {
      result = scanQuarter(bytes, i) ?? scanMonthYear(bytes, i)
    }
    guard let (reading, end) = result, !TextBytes.isWordAt(bytes, end) else { return nil }
    return (reading, end)
  }

  /// `yyyy-mm-dd` or `yyyy-mm`.
  private static func scanISO(_ bytes: [UInt8], _ i: Int) -> (DateReading, Int)? {
    guard let y = TextBytes.number(bytes, i, i + 4), i + 7 <= bytes.count, bytes[i + 4] == UInt8(ascii: "-"),
      let m = TextBytes.number(bytes, i + 5, i + 7), !TextBytes.isDigit(bytes.at(i + 7))
    else { return nil }
    if bytes.at(i + 7) == UInt8(ascii: "-"), let d = TextBytes.number(bytes, i + 8, i + 10),
      !TextBytes.isDigit(bytes.at(i + 10))
    {
      return (day(y, m, d, TextBytes.string(bytes, i, i + 10)), i + 10)
    }
    guard (1...12).contains(m) else { return nil }
    return (.value(DateValue(year: y, month: m)), i + 7)
  }

  /// `dd/mm/yyyy`, `d/m/yy`, also with `.` or `-` (UK order).
  private static func scanNumeric(_ bytes: [UInt8], _ i: Int) -> (DateReading, Int)? {
    let dEnd = TextBytes.digitRunEnd(bytes, i)
    guard dEnd - i <= 2, dEnd < bytes.count else { return nil }
    let sep = bytes[dEnd]
    guard sep == UInt8(ascii: "/") || sep == UInt8(ascii: ".") || sep == UInt8(ascii: "-") else { return nil }
    let mEnd = TextBytes.digitRunEnd(bytes, dEnd + 1)
    guard mEnd - dEnd - 1 >= 1, mEnd - dEnd - 1 <= 2, bytes.at(mEnd) == sep else { return nil }
    let yEnd = TextBytes.digitRunEnd(bytes, mEnd + 1)
    let yLen = yEnd - mEnd - 1
    guard yLen == 2 || yLen == 4, let d = TextBytes.number(bytes, i, dEnd),
      let m = TextBytes.number(bytes, dEnd + 1, mEnd), var y = TextBytes.number(bytes, mEnd + 1, yEnd)
    else { return nil }
    if yLen == 2 { y += 2000 }
    let text = TextBytes.string(bytes, i, yEnd)
    if m > 12, d <= 12, CivilDate(year: y, month: d, day: m).isValid {
      return (.invalid(reason: "\"\(text)\" reads only as a US month/day date"), yEnd)
    }
    return (day(y, m, d, text), yEnd)
  }

  /// `7th January 2025`, `31 March 2025`, `1-Mar-2021`.
  private static func scanDayMonthYear(_ bytes: [UInt8], _ i: Int) -> (DateReading, Int)? {
    let dEnd = TextBytes.digitRunEnd(bytes, i)
    guard dEnd - i <= 2, let d = TextBytes.number(bytes, i, dEnd) else { return nil }
    var j = dEnd
    for suffix: StaticString in ["st", "nd", "rd", "th"] where TextBytes.hasPrefixCI(bytes, j, suffix) {
      j += 2
      break
    }
    let afterDay = TextBytes.skipSpaces(bytes, j)
    if afterDay == j {
      guard bytes.at(j) == UInt8(ascii: "-") else { return nil }
      j += 1
    } else {
      j = afterDay
    }
    guard let (m, mEnd) = MonthNames.month(bytes, j) else { return nil }
    var k = TextBytes.skipSpaces(bytes, mEnd)
    if k == mEnd, bytes.at(k) == UInt8(ascii: "-") { k += 1 }
    guard let (y, yEnd) = year(bytes, k, allowTwoDigits: true) else { return nil }
    return (day(y, m, d, TextBytes.string(bytes, i, yEnd)), yEnd)
  }

  /// `Dec-19`, `Dec 19`, `Dec 2019`, `December 2021`, `Sept 2021`.
  private static func scanMonthYear(_ bytes: [UInt8], _ i: Int) -> (DateReading, Int)? {
    guard let (m, mEnd) = MonthNames.month(bytes, i) else { return nil }
    var k = mEnd
    if bytes.at(k) == UInt8(ascii: ".") { k += 1 }  // "Sept. 2021"
    let spaced = TextBytes.skipSpaces(bytes, k)
    if spaced == k {
      guard bytes.at(k) == UInt8(ascii: "-") || bytes.at(k) == UInt8(ascii: "'") else { return nil }
      k += 1
    } else {
      k = spaced
    }
    guard let (y, yEnd) = year(bytes, k, allowTwoDigits: true) else { return nil }
    return (.value(DateValue(year: y, month: m)), yEnd)
  }

  /// `Q3 2024/25`, `Q3 2024-25`, `Q3 2024/2025`, `Q1 2018 - 19`,
  /// `Quarter 3 2023 to 2024`, `Q3 FY2024/25` (financial year); `Q3 2024`
  /// (calendar: Jul–Sep 2024); a bare `Q2` is partial.
  private static func scanQuarter(_ bytes: [UInt8], _ i: Int) -> (DateReading, Int)? {
    var j: Int
    if TextBytes.hasPrefixCI(bytes, i, "quarter") {
      j = TextBytes.skipSpaces(bytes, i + 7)
    } else if bytes[i] | 0x20 == UInt8(ascii: "q") {
      j = i + 1
    } else {
      return nil
    }
    guard j < bytes.count, bytes[j] >= UInt8(ascii: "1"), bytes[j] <= UInt8(ascii: "4"),
      !TextBytes.isDigit(bytes.at(j + 1))
    else { return nil }
    let q = Int(bytes[j] - 48)
    let qEnd = j + 1
    var k = TextBytes.skipSpaces(bytes, qEnd)
    if TextBytes.hasPrefixCI(bytes, k, "fy") { k = TextBytes.skipSpaces(bytes, k + 2) }
    if let (first, firstEnd) = year(bytes, k, allowTwoDigits: false) {
      if let secondEnd = secondYear(bytes, firstEnd, first) {
        let start = CivilDate(year: first, month: 4, day: 1).addingMonths((q - 1) * 3)
        return (.value(DateValue(year: start.year, month: start.month, precision: .quarter)), secondEnd)
      }
      // One year, no "FY": a calendar quarter (`Q3 2024` = Jul–Sep 2024).
      if !TextBytes.hasPrefixCI(bytes, TextBytes.skipSpaces(bytes, qEnd), "fy"), !TextBytes.isDigit(bytes.at(firstEnd)),
        bytes.at(firstEnd) != UInt8(ascii: "/")
      {
        return (.value(DateValue(year: first, month: (q - 1) * 3 + 1, precision: .quarter)), firstEnd)
      }
    }
    return (.partial(text: TextBytes.string(bytes, i, qEnd)), qEnd)
  }

  /// The end of the second year of a financial-year span after `first`
  /// (`/25`, `-25`, `/2025`, ` - 19`, ` to 2024`), if it follows.
  private static func secondYear(_ bytes: [UInt8], _ i: Int, _ first: Int) -> Int? {
    var j = TextBytes.skipSpaces(bytes, i)
    if bytes.at(j) == UInt8(ascii: "/") {
      j += 1
    } else if TextBytes.dashLength(bytes, j) > 0 {
      j += TextBytes.dashLength(bytes, j)
    } else if TextBytes.hasPrefixCI(bytes, j, "to"), !TextBytes.isWordAt(bytes, j + 2) {
      j += 2
    } else {
      return nil
    }
    j = TextBytes.skipSpaces(bytes, j)
    guard let (second, end) = year(bytes, j, allowTwoDigits: true), second == first + 1 else { return nil }
    return end
  }

  /// A four-digit year, or a two-digit one (→ 20yy), ending at a non-digit.
  static func year(_ bytes: [UInt8], _ i: Int, allowTwoDigits: Bool) -> (Int, Int)? {
    let end = TextBytes.digitRunEnd(bytes, i)
    guard let n = TextBytes.number(bytes, i, end) else { return nil }
    switch end - i {
    case 4 where n >= 1900 && n <= 2199: return (n, end)
    case 2 where allowTwoDigits: return (2000 + n, end)
    default: return nil
    }
  }

  private static func day(_ y: Int, _ m: Int, _ d: Int, _ text: String) -> DateReading {
    let date = CivilDate(year: y, month: m, day: d)
    guard date.isValid else { return .invalid(reason: "\"\(text)\" is not a real date") }
    return .value(DateValue(year: y, month: m, day: d))
  }
}

extension Array where Element == UInt8 {
  /// The byte at `i`, or 0 past the end.
  @inline(__always) func at(_ i: Int) -> UInt8 { i >= 0 && i < count ? self[i] : 0 }
}
