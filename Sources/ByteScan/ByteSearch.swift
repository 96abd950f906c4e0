/// Byte searches 32 bytes at a time in vector registers (`SIMD32`), then
/// eight at a time in a 64-bit word (`ByteWord`) for the tail, so the hot
/// loops never look at bytes one by one.
public enum ByteSearch {
  /// The index of the first byte in `bytes[from..<to]` equal to `a`, `b` or
  /// `c` (broadcast with `ByteWord.broadcast(_:)`), or `to` when there is none.
  @inlinable @inline(__always)
  public static func firstIndex(
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
      let w0 = UInt64(littleEndian: ByteWord.load(bytes + i))
      let w1 = UInt64(littleEndian: ByteWord.load(bytes + i + 8))
      let m0 = ByteWord.zeroBytes(w0 ^ a) | ByteWord.zeroBytes(w0 ^ b) | ByteWord.zeroBytes(w0 ^ c)
      let m1 = ByteWord.zeroBytes(w1 ^ a) | ByteWord.zeroBytes(w1 ^ b) | ByteWord.zeroBytes(w1 ^ c)
      if m0 | m1 != 0 {
        return m0 != 0 ? i + ByteWord.firstMarked(m0) : i + 8 + ByteWord.firstMarked(m1)
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
  @inlinable @inline(__always)
  public static func firstIndex(of a: UInt64, in bytes: UnsafePointer<UInt8>, from: Int, to end: Int) -> Int {
    var i = from
    let va = SIMD32<UInt8>(repeating: UInt8(truncatingIfNeeded: a))
    while i + 32 <= end {
      let v = UnsafeRawPointer(bytes + i).loadUnaligned(as: SIMD32<UInt8>.self)
      if let at = firstSet(v .== va) { return i + at }
      i += 32
    }
    while i + 8 <= end {
      let w = UInt64(littleEndian: ByteWord.load(bytes + i))
      let m = ByteWord.zeroBytes(w ^ a)
      if m != 0 { return i + ByteWord.firstMarked(m) }
      i += 8
    }
    let ba = UInt8(truncatingIfNeeded: a)
    while i < end {
      if bytes[i] == ba { return i }
      i += 1
    }
    return end
  }

  /// The index of the first byte in `bytes[from..<to]` that is a control
  /// byte (below 0x20) or equal to `a` or `b`, or `to` when there is none
  /// (what a JSON string must escape, with `"` and `\\`). Reads only
  /// `bytes[0..<to]`: once fewer than 32 bytes are left, the last eight of
  /// the buffer are tested as one word (marks before `from` dropped), so a
  /// short tail costs one word test rather than a loop over its bytes.
  @inlinable @inline(__always)
  public static func firstIndex(
    ofControlOr a: UInt8, _ b: UInt8, in bytes: UnsafePointer<UInt8>, from: Int, to end: Int
  ) -> Int {
    var i = from
    let controls = SIMD32<UInt8>(repeating: 0x20)
    let va = SIMD32<UInt8>(repeating: a)
    let vb = SIMD32<UInt8>(repeating: b)
    while i + 32 <= end {
      let v = UnsafeRawPointer(bytes + i).loadUnaligned(as: SIMD32<UInt8>.self)
      if let at = firstSet((v .< controls) .| (v .== va) .| (v .== vb)) { return i + at }
      i += 32
    }
    guard i < end else { return end }
    @inline(__always) func marks(_ w: UInt64) -> UInt64 {
      ByteWord.control(w) | ByteWord.equal(w, a) | ByteWord.equal(w, b)
    }
    if end >= 8 {
      while i + 8 <= end {
        let m = marks(UInt64(littleEndian: ByteWord.load(bytes + i)))
        if m != 0 { return i + ByteWord.firstMarked(m) }
        i += 8
      }
      guard i < end else { return end }
      // The buffer's last eight bytes; those before `i` are already clean or before `from`.
      let start = end - 8
      let m = marks(UInt64(littleEndian: ByteWord.load(bytes + start))) & (~0 &<< UInt64((i - start) << 3))
      return m != 0 ? start + ByteWord.firstMarked(m) : end
    }
    while i < end {
      let x = bytes[i]
      if x < 0x20 || x == a || x == b { return i }
      i += 1
    }
    return end
  }

  /// The index of the first true lane of `mask`, or nil when none is:
  /// the lanes (all-ones or zero bytes) are read as four 64-bit words, so
  /// the test is a few vector ORs rather than a loop over 32 lanes.
  @inlinable @inline(__always)
  public static func firstSet(_ mask: SIMDMask<SIMD32<Int8>>) -> Int? {
    let lanes = unsafeBitCast(mask, to: SIMD4<UInt64>.self)
    let any = (lanes[0] | lanes[1]) | (lanes[2] | lanes[3])
    guard any != 0 else { return nil }
    for k in 0..<4 where lanes[k] != 0 {
      return k << 3 + ByteWord.firstMarked(UInt64(littleEndian: lanes[k]))
    }
    return nil
  }
}
