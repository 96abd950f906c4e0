/// ASCII letter tests and case folding on UTF-8 bytes: every byte that is
/// not an ASCII capital stays as it is, so multi-byte characters pass
/// through untouched and no Unicode case tables are loaded.
public enum ASCIICase {
  /// Whether `b` is an ASCII digit.
  @inlinable @inline(__always)
  public static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

  /// Whether `b` is an ASCII letter, either case.
  @inlinable @inline(__always)
  public static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }

  /// Whether `b` is an ASCII capital (A to Z).
  @inlinable @inline(__always)
  public static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }

  /// `b` lowered when it is an ASCII capital, else `b`.
  @inlinable @inline(__always)
  public static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }

  /// `text` with ASCII capitals lowered and every other byte as it is.
  @inlinable
  public static func lowercased(_ text: String) -> String {
    String(decoding: text.utf8.map(lower), as: UTF8.self)
  }

  /// Whether `text` starts with the lower-case ASCII `prefix`, ignoring the
  /// ASCII case of `text`.
  @inlinable
  public static func hasPrefix(_ text: String, lowercasePrefix prefix: String) -> Bool {
    var bytes = text.utf8.makeIterator()
    for p in prefix.utf8 {
      guard let b = bytes.next(), lower(b) == p else { return false }
    }
    return true
  }
}
