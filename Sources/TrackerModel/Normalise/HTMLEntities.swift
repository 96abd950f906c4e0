/// Decoding of the HTML character references trackers carry (`&amp;`,
/// `&#8211;`, `&#x2019;`); a bare `&` is not a reference and stays.
enum HTMLEntities {
  private static let named: [String: UInt32] = [
    "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0x20,
    "ndash": 0x2013, "mdash": 0x2014, "lsquo": 0x2018, "rsquo": 0x2019, "ldquo": 0x201C,
    "rdquo": 0x201D, "hellip": 0x2026, "pound": 0xA3, "euro": 0x20AC, "bull": 0x2022,
    "middot": 0xB7, "copy": 0xA9, "reg": 0xAE, "deg": 0xB0, "frac12": 0xBD, "eacute": 0xE9,
  ]

  /// The UTF-8 bytes of the reference starting at `i` (a `&`) and the index
  /// after its `;`, or `nil` when it is not a well-formed known reference.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> ([UInt8], Int)? {
    var j = i + 1
    guard j < bytes.count else { return nil }
    var scalar: UInt32
    if bytes[j] == UInt8(ascii: "#") {
      j += 1
      var hex = false
      if j < bytes.count, bytes[j] | 0x20 == UInt8(ascii: "x") {
        hex = true
        j += 1
      }
      let digitsStart = j
      scalar = 0
      while j < bytes.count, j - digitsStart < 7 {
        let b = bytes[j]
        if TextBytes.isDigit(b) {
          scalar = scalar * (hex ? 16 : 10) + UInt32(b - 48)
        } else if hex, (b | 0x20) >= 97, (b | 0x20) <= 102 {
          scalar = scalar * 16 + UInt32((b | 0x20) - 87)
        } else {
          break
        }
        j += 1
      }
      guard j > digitsStart else { return nil }
    } else {
      let end = TextBytes.letterRunEnd(bytes, j)
      let digitEnd = TextBytes.digitRunEnd(bytes, end)
      guard end > j, let value = named[TextBytes.lowerString(bytes, j, digitEnd)] else { return nil }
      scalar = value
      j = digitEnd
    }
    guard j < bytes.count, bytes[j] == UInt8(ascii: ";"), let u = Unicode.Scalar(scalar), scalar != 0 else {
      return nil
    }
    return (Array(String(Character(u)).utf8), j + 1)
  }
}
