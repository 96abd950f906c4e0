/// Parses the decimal numbers of `<v>` from bytes without making a String.
///
/// Most values (`43800`, `6428.519`, `1E-3`) take the exact fast path:
/// at most 19 significant digits forming an integer below 2^53 and a power
/// of ten within ±22, which IEEE division or multiplication rounds correctly
/// (Clinger's fast path). Anything else goes to Swift's `Double(_:)`, which
/// is correctly rounded and never depends on the process locale.
enum NumberParser {
  private static let powers: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// The number in `bytes`, or nil when they are not a decimal number.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var i = 0
    let n = bytes.count
    guard n > 0 else { return nil }
    var negative = false
    if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
      negative = bytes[0] == UInt8(ascii: "-")
      i = 1
    }
    var mantissa: UInt64 = 0
    var significant = 0
    var exponent = 0
    var sawDigit = false
    while i < n, bytes[i] &- UInt8(ascii: "0") < 10 {
      sawDigit = true
      if significant < 19 {
        mantissa = mantissa * 10 + UInt64(bytes[i] &- UInt8(ascii: "0"))
        if mantissa != 0 { significant += 1 }
      } else {
        exponent += 1
        significant += 1
      }
      i += 1
    }
    if i < n, bytes[i] == UInt8(ascii: ".") {
      i += 1
      while i < n, bytes[i] &- UInt8(ascii: "0") < 10 {
        sawDigit = true
        if significant < 19 {
          mantissa = mantissa * 10 + UInt64(bytes[i] &- UInt8(ascii: "0"))
          if mantissa != 0 { significant += 1 }
          exponent -= 1
        } else {
          significant += 1
        }
        i += 1
      }
    }
    guard sawDigit else { return nil }
    if i < n, bytes[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      var expNegative = false
      if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
        expNegative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      var value = 0
      var expDigits = 0
      while i < n, bytes[i] &- UInt8(ascii: "0") < 10 {
        if value < 100_000 { value = value * 10 + Int(bytes[i] &- UInt8(ascii: "0")) }
        expDigits += 1
        i += 1
      }
      guard expDigits > 0 else { return nil }
      exponent += expNegative ? -value : value
    }
    guard i == n else { return nil }
    if significant <= 19, mantissa < 1 << 53, exponent >= -22, exponent <= 22 {
      var value = Double(mantissa)
      value = exponent < 0 ? value / powers[-exponent] : value * powers[exponent]
      return negative ? -value : value
    }
    return slowPath(bytes)
  }

  /// Long mantissas and large exponents: Swift's own parser, which is
  /// correctly rounded and independent of the C locale.
  private static func slowPath(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    Double(String(decoding: bytes, as: UTF8.self))
  }
}
