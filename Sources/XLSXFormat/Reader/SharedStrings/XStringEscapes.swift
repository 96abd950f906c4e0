#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decodes OOXML's `_xHHHH_` escapes (ECMA-376 Part 1, §22.4.2.4 `ST_Xstring`),
/// which writers use for characters XML cannot carry (`_x000D_` = CR).
///
/// `_x005F_` escapes a literal underscore, so `_x005F_x0041_` decodes to the
/// text `_x0041_`. A UTF-16 surrogate pair written as two escapes becomes one
/// character; a lone surrogate becomes U+FFFD.
enum XStringEscapes {
  /// Decodes the escapes in `bytes[start...]` in place (the text only shrinks).
  static func decode(_ bytes: inout [UInt8], from start: Int) {
    guard let first = firstEscape(bytes, from: start) else { return }
    var read = first
    var write = first
    while read < bytes.count {
      if let unit = escape(bytes, at: read) {
        read += 7
        var scalar = UInt32(unit)
        if (0xD800...0xDBFF).contains(unit), let low = escape(bytes, at: read), (0xDC00...0xDFFF).contains(low) {
          scalar = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00)
          read += 7
        } else if (0xD800...0xDFFF).contains(unit) {
          scalar = 0xFFFD
        }
        write = encode(scalar, into: &bytes, at: write)
      } else {
        bytes[write] = bytes[read]
        write += 1
        read += 1
      }
    }
    bytes.removeSubrange(write...)
  }

  /// Where the first `_xHHHH_` starts, if any (memchr finds each `_`).
  private static func firstEscape(_ bytes: [UInt8], from start: Int) -> Int? {
    bytes.withUnsafeBufferPointer { buffer -> Int? in
      guard let base = buffer.baseAddress else { return nil }
      var i = start
      while i + 7 <= buffer.count {
        guard let hit = memchr(base + i, Int32(UInt8(ascii: "_")), buffer.count - 6 - i) else { return nil }
        let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if escape(bytes, at: k) != nil { return k }
        i = k + 1
      }
      return nil
    }
  }

  /// The code unit of an `_xHHHH_` escape at `i`, or nil.
  private static func escape(_ bytes: [UInt8], at i: Int) -> UInt16? {
    guard i + 7 <= bytes.count, bytes[i] == UInt8(ascii: "_"), bytes[i + 1] | 0x20 == UInt8(ascii: "x"),
      bytes[i + 6] == UInt8(ascii: "_")
    else { return nil }
    var unit: UInt16 = 0
    for k in 2..<6 {
      let byte = bytes[i + k]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      unit = unit << 4 | UInt16(digit)
    }
    return unit
  }

  /// Writes a scalar as UTF-8 at `index` (never past the escape it replaces).
  private static func encode(_ scalar: UInt32, into bytes: inout [UInt8], at index: Int) -> Int {
    var i = index
    func put(_ value: UInt32) {
      bytes[i] = UInt8(truncatingIfNeeded: value)
      i += 1
    }
    switch scalar {
    case 0..<0x80:
      put(scalar)
    case 0x80..<0x800:
      put(0xC0 | scalar >> 6)
      put(0x80 | scalar & 0x3F)
    case 0x800..<0x10000:
      put(0xE0 | scalar >> 12)
      put(0x80 | scalar >> 6 & 0x3F)
      put(0x80 | scalar & 0x3F)
    default:
      put(0xF0 | scalar >> 18)
      put(0x80 | scalar >> 12 & 0x3F)
      put(0x80 | scalar >> 6 & 0x3F)
      put(0x80 | scalar & 0x3F)
    }
    return i
  }

  /// Whether the bytes hold `_x` anywhere (memchr per `_`); false means
  /// there is certainly no escape to decode.
  static func mayContainEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress, bytes.count >= 7 else { return false }
    var i = 0
    while i < bytes.count - 1 {
      guard let hit = memchr(base + i, Int32(UInt8(ascii: "_")), bytes.count - 1 - i) else { return false }
      let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if bytes[k + 1] | 0x20 == UInt8(ascii: "x") { return true }
      i = k + 1
    }
    return false
  }

  /// The length in UTF-16 code units (as Excel counts characters) of UTF-8 bytes.
  static func utf16Length(_ bytes: some Collection<UInt8>) -> Int {
    var count = 0
    for byte in bytes {
      if byte & 0xC0 != 0x80 { count += 1 }
      if byte >= 0xF0 { count += 1 }
    }
    return count
  }
}
