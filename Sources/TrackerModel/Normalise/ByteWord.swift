/// Eight bytes of text at a time, as one little-endian `UInt64` (byte 0 in
/// the low bits): exact per-byte tests that mark each matching byte with
/// 0x80 and every other byte with 0, without carries between bytes. The
/// text scans (`MarkupText`, `TextBytes`, `CrossRefFinder`) use them to pass
/// ordinary words without a branch per byte.
enum ByteWord {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  static let highs: UInt64 = 0x8080_8080_8080_8080

  /// The eight bytes at `p`, in any alignment.
  @inline(__always)
  static func load(_ p: UnsafePointer<UInt8>) -> UInt64 { UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) }

  /// 0x80 in the bytes equal to `c`.
  @inline(__always)
  static func equal(_ w: UInt64, _ c: UInt8) -> UInt64 {
    let t = w ^ (ones &* UInt64(c))
    // (t & 0x7F) + 0x7F sets bit 7 unless the low bits are 0; `| t` adds a set high bit.
    return ~(((t & low7) &+ low7) | t | low7)
  }

  /// 0x80 in the bytes below 0x20 (control bytes): adding 0x60 to the low
  /// seven bits sets bit 7 from 0x20 up, and cannot carry into the next byte.
  @inline(__always)
  static func control(_ w: UInt64) -> UInt64 { ~(((w & low7) &+ (ones &* 0x60)) | w) & highs }

  /// 0x80 in the bytes of multi-byte UTF-8 characters (0x80 and above).
  @inline(__always)
  static func nonASCII(_ w: UInt64) -> UInt64 { w & highs }
}
