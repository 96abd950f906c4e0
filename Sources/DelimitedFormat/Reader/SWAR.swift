/// Byte searches 32 bytes at a time in vector registers (`SIMD32`), then
/// eight at a time in a 64-bit word ("SIMD within a register") for the
/// tail, so the hot loops never look at bytes one by one.
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
    let va = SIMD32<UInt8>(repeating: UInt8(truncatingIfNeeded: a))
    let vb = SIMD32<UInt8>(repeating: UInt8(truncatingIfNeeded: b))
    let vc = SIMD32<UInt8>(repeating: UInt8(truncatingIfNeeded: c))
    while i + 32 <= end {
      let v = UnsafeRawPointer(bytes + i).loadUnaligned(as: SIMD32<UInt8>.self)
      let hits = (v .== va) .| (v .== vb) .| (v .== vc)
      if let at = firstSet(hits) { return i + at }
      i += 32
    }
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
    let va = SIMD32<UInt8>(repeating: UInt8(truncatingIfNeeded: a))
    while i + 32 <= end {
      let v = UnsafeRawPointer(bytes + i).loadUnaligned(as: SIMD32<UInt8>.self)
      if let at = firstSet(v .== va) { return i + at }
      i += 32
    }
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

  /// The index of the first true lane of `mask`, or nil when none is:
  /// the lanes (all-ones or zero bytes) are read as four 64-bit words, so
  /// the test is a few vector ORs rather than a loop over 32 lanes.
  @inline(__always)
  static func firstSet(_ mask: SIMDMask<SIMD32<Int8>>) -> Int? {
    let lanes = unsafeBitCast(mask, to: SIMD4<UInt64>.self)
    let any = (lanes[0] | lanes[1]) | (lanes[2] | lanes[3])
    guard any != 0 else { return nil }
    for k in 0..<4 where lanes[k] != 0 {
      return k << 3 + UInt64(littleEndian: lanes[k]).trailingZeroBitCount >> 3
    }
    return nil
  }
}
