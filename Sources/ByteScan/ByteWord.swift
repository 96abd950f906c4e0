/// Eight bytes of text at a time, as one little-endian `UInt64` (byte 0 in
/// the low bits): per-byte tests that mark bytes with 0x80, so scans pass
/// ordinary text without a branch per byte ("SIMD within a register").
///
/// The exact tests (`equal`, `control`, `nonASCII`) mark each matching byte
/// and no other, without carries between bytes. `zeroBytes` is the cheaper
/// classic test whose lowest mark is exact but whose higher marks may be
/// spurious: use it only to find the first match.
public enum ByteWord {
  /// `0x01` in every byte.
  public static let ones: UInt64 = 0x0101_0101_0101_0101
  /// `0x7F` in every byte.
  public static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  /// `0x80` in every byte.
  public static let highs: UInt64 = 0x8080_8080_8080_8080

  /// The eight bytes at `p`, in any alignment, as stored (little-endian on
  /// every platform Swift runs on here).
  @inlinable @inline(__always)
  public static func load(_ p: UnsafePointer<UInt8>) -> UInt64 { UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) }

  /// `byte` repeated in all eight bytes.
  @inlinable @inline(__always)
  public static func broadcast(_ byte: UInt8) -> UInt64 { UInt64(byte) &* ones }

  /// 0x80 in the bytes equal to `c`, exactly.
  @inlinable @inline(__always)
  public static func equal(_ w: UInt64, _ c: UInt8) -> UInt64 {
    let t = w ^ broadcast(c)
    // (t & 0x7F) + 0x7F sets bit 7 unless the low bits are 0; `| t` adds a set high bit.
    return ~(((t & low7) &+ low7) | t | low7)
  }

  /// 0x80 in the bytes below 0x20 (control bytes), exactly: adding 0x60 to
  /// the low seven bits sets bit 7 from 0x20 up, and cannot carry into the
  /// next byte.
  @inlinable @inline(__always)
  public static func control(_ w: UInt64) -> UInt64 { ~(((w & low7) &+ (ones &* 0x60)) | w) & highs }

  /// 0x80 in the bytes of multi-byte UTF-8 characters (0x80 and above).
  @inlinable @inline(__always)
  public static func nonASCII(_ w: UInt64) -> UInt64 { w & highs }

  /// A word whose lowest set bit is the high bit of the first zero byte of
  /// `word` (little-endian byte order); zero when no byte is zero. Bits
  /// above the first zero byte may be spurious, so only the lowest one is
  /// meaningful. `zeroBytes(w ^ broadcast(c))` finds the first `c`.
  @inlinable @inline(__always)
  public static func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }

  /// The index (0 to 7) of the byte holding the lowest mark of `marks`.
  @inlinable @inline(__always)
  public static func firstMarked(_ marks: UInt64) -> Int { marks.trailingZeroBitCount >> 3 }
}
