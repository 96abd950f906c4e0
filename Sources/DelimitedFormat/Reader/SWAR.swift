/// Byte searches eight bytes at a time in a 64-bit word ("SIMD within a
/// register"), so the hot loops never look at bytes one by one.
enum SWAR {
  /// `0x01` in every byte.
  static let ones: UInt64 = 0x0101_0101_0101_0101
  /// `0x80` in every byte.
  static let highs: UInt64 = 0x8080_8080_8080_8080

  /// `byte` repeated in all eight bytes.
  @inline(__always)
  static func broadcast(_ byte: UInt8) -> UInt64 { UInt64(byte) &* ones }

  /// A word whose lowest set bit is the high bit of the first zero byte of
  /// `word` (little-endian byte order); zero when no byte is zero. Bits above
  /// the first zero byte may be spurious, so only the lowest one is meaningful.
  @inline(__always)
  static func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }

  /// The index of the first byte in `bytes[from..<to]` equal to `a`, `b` or
  /// `c` (broadcast with `broadcast(_:)`), or `to` when there is none.
  @inline(__always)
  static func firstIndex(
    of a: UInt64, _ b: UInt64, _ c: UInt64, in bytes: UnsafePointer<UInt8>, from: Int, to end: Int
  ) -> Int {
    var i = from
    while i + 16 <= end {
      let w0 = UInt64(littleEndian: UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self))
      let w1 = UInt64(littleEndian: UnsafeRawPointer(bytes + i + 8).loadUnaligned(as: UInt64.self))
      let m0 = zeroBytes(w0 ^ a) | zeroBytes(w0 ^ b) | zeroBytes(w0 ^ c)
      let m1 = zeroBytes(w1 ^ a) | zeroBytes(w1 ^ b) | zeroBytes(w1 ^ c)
      if m0 | m1 != 0 {
        return m0 != 0 ? i + m0.trailingZeroBitCount >> 3 : i + 8 + m1.trailingZeroBitCount >> 3
      }
      i += 16
    }
    let ba = UInt8(truncatingIfNeeded: a)
    let bb = UInt8(truncatingIfNeeded: b)
    let bc = UInt8(truncatingIfNeeded: c)
    while i < end {
      let x = bytes[i]
      if x == ba || x == bb || x == bc { return i }
      i += 1
    }
    return end
  }

  /// The index of the first byte in `bytes[from..<to]` equal to `a`
  /// (broadcast), or `to` when there is none.
  @inline(__always)
  static func firstIndex(of a: UInt64, in bytes: UnsafePointer<UInt8>, from: Int, to end: Int) -> Int {
    var i = from
    while i + 8 <= end {
      let w = UInt64(littleEndian: UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self))
      let m = zeroBytes(w ^ a)
      if m != 0 { return i + m.trailingZeroBitCount >> 3 }
      i += 8
    }
    let ba = UInt8(truncatingIfNeeded: a)
    while i < end {
      if bytes[i] == ba { return i }
      i += 1
    }
    return end
  }
}
