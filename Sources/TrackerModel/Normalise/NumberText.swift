/// Reads a number typed as text in a numeric column (% complete): `62.5`,
/// `62,5`, `62,5 %`, `1,250`, `1.250,5`, `1 250`.
///
/// Which of `.` and `,` is the decimal separator is decided by the text
/// where it can be, and by the file's locale only where it cannot:
///
/// - both appear (`1.250,5`, `1,250.5`): the last is the decimal separator,
///   the other groups thousands;
/// - one appears more than once (`1.250.000`): it groups thousands;
/// - one appears once with other than three digits after it (`62,5`,
///   `0,250`, `12.75`) or before a `0` integer part: it is the decimal
///   separator, whatever the locale (a thousands separator is always
///   followed by exactly three digits);
/// - one appears once with three digits after (`1,250`, `1.250`): both
///   readings are possible; the locale decides (`,` is decimal where the
///   locale uses a decimal comma, `.` elsewhere) and the reading is
///   `ambiguous`, so the caller reports it.
///
/// Thousands groups must be three digits (`1,25,0` is not a number); a
/// space or no-break space may also group thousands (`1 250,5`). A `%`
/// before or after and surrounding spaces are ignored. Anything else
/// (`50-60`, `about half`) is not a number: the digits are never pulled
/// out of other text, which would change the value's meaning.
public enum NumberText {
  /// What the text says.
  public enum Reading: Equatable, Sendable {
    /// The value, read one way only.
    case number(Double)
    /// The value as the locale reads it, and the other reading.
    case ambiguous(Double, otherwise: Double)
    /// Not a number.
    case invalid
  }

  /// Reads `text`.
  ///
  /// - Parameter decimalComma: whether the file's locale writes decimals
  ///   with a comma (used only when the text alone cannot tell).
  public static func read(_ text: String, decimalComma: Bool) -> Reading {
    var bytes = Array(text.utf8)
    // Spaces (ASCII, no-break U+00A0, narrow no-break U+202F) become one kind.
    bytes = normaliseSpaces(bytes)
    trim(&bytes)
    if bytes.first == UInt8(ascii: "%") { bytes.removeFirst() } else if bytes.last == UInt8(ascii: "%") { bytes.removeLast() }
    trim(&bytes)
    var negative = false
    if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
      negative = sign == UInt8(ascii: "-")
      bytes.removeFirst()
    }
    guard let first = bytes.first, isDigit(first) || first == UInt8(ascii: ".") || first == UInt8(ascii: ",") else {
      return .invalid
    }
    guard bytes.allSatisfy({ isDigit($0) || $0 == 46 || $0 == 44 || $0 == 32 }) else { return .invalid }
    let points = bytes.indices.filter { bytes[$0] == 46 }
    let commas = bytes.indices.filter { bytes[$0] == 44 }
    let spaces = bytes.contains(32)
    func value(decimal: UInt8?, grouping: [UInt8]) -> Double? {
      number(bytes, decimal: decimal, grouping: grouping).map { negative ? -$0 : $0 }
    }
    let reading: Double?
    switch (points.count, commas.count) {
    case (0, 0):
      reading = value(decimal: nil, grouping: [32])
    case (_, _) where !points.isEmpty && !commas.isEmpty:
      let pointIsDecimal = points.last! > commas.last!
      let decimal: UInt8 = pointIsDecimal ? 46 : 44
      guard (pointIsDecimal ? points.count : commas.count) == 1 else { return .invalid }
      reading = value(decimal: decimal, grouping: [pointIsDecimal ? 44 : 46, 32])
    case (let p, let c) where p + c > 1:
      reading = value(decimal: nil, grouping: [p > 0 ? 46 : 44, 32])
    default:
      let separator: UInt8 = points.isEmpty ? 44 : 46
      let at = (points.first ?? commas.first)!
      let after = bytes.count - at - 1
      let before = bytes[..<at].filter(isDigit)
      let decimalReading = value(decimal: separator, grouping: [32])
      let groupingReading = value(decimal: nil, grouping: [separator, 32])
      if after != 3 || before.isEmpty || before.first == UInt8(ascii: "0") || spaces && separator == 46 {
        reading = decimalReading
      } else if let decimalReading, let groupingReading {
        let localeDecimal: UInt8 = decimalComma ? 44 : 46
        return separator == localeDecimal
          ? .ambiguous(decimalReading, otherwise: groupingReading)
          : .ambiguous(groupingReading, otherwise: decimalReading)
      } else {
        reading = decimalReading ?? groupingReading
      }
    }
    return reading.map(Reading.number) ?? .invalid
  }

  /// The value of digits with at most one `decimal` separator and
  /// thousands `grouping` separators (each followed by exactly three
  /// digits, before the decimal separator only), or nil.
  private static func number(_ bytes: [UInt8], decimal: UInt8?, grouping: [UInt8]) -> Double? {
    var plain: [UInt8] = []
    var digitsSinceGroup = 0
    var sawGroup = false
    var inFraction = false
    var integerDigits = 0
    for byte in bytes {
      if isDigit(byte) {
        plain.append(byte)
        if !inFraction {
          digitsSinceGroup += 1
          integerDigits += 1
        }
      } else if byte == decimal, !inFraction {
        if sawGroup, digitsSinceGroup != 3 { return nil }
        inFraction = true
        plain.append(UInt8(ascii: "."))
      } else if grouping.contains(byte), !inFraction {
        if integerDigits == 0 || (sawGroup ? digitsSinceGroup != 3 : digitsSinceGroup > 3) { return nil }
        sawGroup = true
        digitsSinceGroup = 0
      } else {
        return nil
      }
    }
    if !inFraction, sawGroup, digitsSinceGroup != 3 { return nil }
    guard plain.contains(where: isDigit) else { return nil }
    if plain.first == UInt8(ascii: ".") { plain.insert(UInt8(ascii: "0"), at: 0) }
    return Double(String(decoding: plain, as: UTF8.self))
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }

  private static func normaliseSpaces(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      if bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 {
        out.append(32)
        i += 1
      } else if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 {
        out.append(32)
        i += 2
      } else if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xAF {
        out.append(32)
        i += 3
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return out
  }

  private static func trim(_ bytes: inout [UInt8]) {
    while bytes.last == 32 { bytes.removeLast() }
    while bytes.first == 32 { bytes.removeFirst() }
  }
}
