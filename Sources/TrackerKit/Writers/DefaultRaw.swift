import TrackerModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether a note's or evidence item's `raw` is exactly its `defaultRaw`
/// (so JSON leaves it out), answered by comparing bytes in place instead of
/// building `prefix + ": " + text` for every note of a large plan. When the
/// bytes differ it falls back to `String` equality, so the answer is always
/// that of `raw == defaultRaw` (which also holds for canonically equivalent
/// spellings).
enum DefaultRaw {
  /// `note.raw == note.defaultRaw`.
  static func matches(_ note: borrowing ProgressNote) -> Bool {
    guard let prefix = note.prefix else { return note.raw == note.text }
    if note.text.isEmpty { return note.raw == prefix }
    if bytesEqual(note.raw, prefix, ": ", note.text) { return true }
    return note.raw == note.defaultRaw
  }

  /// `item.raw == item.defaultRaw`.
  static func matches(_ item: borrowing EvidenceItem) -> Bool {
    guard let number = item.number else { return item.raw == item.text }
    if number >= 0, bytesEqual(item.raw, number, item.text) { return true }
    return item.raw == item.defaultRaw
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
