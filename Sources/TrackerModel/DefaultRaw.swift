#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether a note's or evidence item's raw text is, byte for byte, the
/// one its other fields give (`Feb 2021: text`, `2. text`), so the value
/// need not keep it: a large plan has hundreds of thousands of such items,
/// each raw a string of its own otherwise. Compared in place, without
/// building the default text.
enum DefaultRaw {
  /// Whether `raw` is exactly a note's default raw (`prefix: text`, the
  /// prefix alone when the text is empty, else the text).
  static func matches(_ raw: String, prefix: String?, text: String) -> Bool {
    guard let prefix else { return sameBytes(raw, text) }
    if text.isEmpty { return sameBytes(raw, prefix) }
    return bytesEqual(raw, prefix, ": ", text)
  }

  /// Whether `raw` is exactly an evidence item's default raw (`n. text`,
  /// else the text).
  static func matches(_ raw: String, number: Int?, text: String) -> Bool {
    guard let number else { return sameBytes(raw, text) }
    return number >= 0 && bytesEqual(raw, number, text)
  }

  /// Whether two strings have the same UTF-8 bytes (not only the same
  /// characters: a raw text kept is kept exactly).
  private static func sameBytes(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    var a = a
    var b = b
    return a.withUTF8 { x in b.withUTF8 { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
  }

  /// Whether `raw`'s UTF-8 is `head`, `separator`, `tail` in a row.
  private static func bytesEqual(_ raw: String, _ head: String, _ separator: StaticString, _ tail: String) -> Bool {
    let sep = separator.utf8CodeUnitCount
    guard raw.utf8.count == head.utf8.count + sep + tail.utf8.count else { return false }
    var raw = raw
    var head = head
    var tail = tail
    return raw.withUTF8 { r in
      head.withUTF8 { h in
        tail.withUTF8 { t in
          guard let rb = r.baseAddress else { return h.isEmpty && t.isEmpty && sep == 0 }
          if h.count > 0, memcmp(rb, h.baseAddress!, h.count) != 0 { return false }
          if memcmp(rb + h.count, separator.utf8Start, sep) != 0 { return false }
          return t.count == 0 || memcmp(rb + h.count + sep, t.baseAddress!, t.count) == 0
        }
      }
    }
  }

  /// Whether `raw`'s UTF-8 is the decimal `number`, `. `, then `tail`.
  private static func bytesEqual(_ raw: String, _ number: Int, _ tail: String) -> Bool {
    var digits = 1
    var n = number
    while n >= 10 {
      n /= 10
      digits += 1
    }
    guard raw.utf8.count == digits + 2 + tail.utf8.count else { return false }
    var raw = raw
    var tail = tail
    return raw.withUTF8 { r in
      var v = number
      for k in stride(from: digits - 1, through: 0, by: -1) {
        guard r[k] == 48 + UInt8(v % 10) else { return false }
        v /= 10
      }
      guard r[digits] == UInt8(ascii: "."), r[digits + 1] == 32 else { return false }
      return tail.withUTF8 { t in t.count == 0 || memcmp(r.baseAddress! + digits + 2, t.baseAddress!, t.count) == 0 }
    }
  }
}
