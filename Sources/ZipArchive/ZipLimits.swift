/// Caps that keep a hostile archive from using unbounded time or memory.
///
/// Sizes are counted on the bytes actually inflated, never taken from the
/// archive's headers (which a zip bomb can fake). The defaults admit real
/// workbooks of several hundred megabytes of XML while stopping a bomb within
/// its first few megabytes.
public struct ZipLimits: Hashable, Sendable {
  /// Most entries an archive may list. Default 10,000 (Apache POI uses 1,000).
  public var maxEntries: Int
  /// Most bytes one entry may inflate to. Default 1 GiB.
  public var maxEntrySize: Int
  /// Most bytes all entries read may inflate to together, every read of an
  /// entry counting again. Default 1 GiB, which keeps a hostile read to a
  /// few seconds (the former 4 GiB took 15 s from a 4.5 MB file); see
  /// `docs/limits.md`.
  public var maxTotalSize: Int
  /// Smallest allowed ratio of compressed bytes read to bytes inflated, both
  /// counted so far, once an entry passes `ratioGraceSize`. Default 0.002
  /// (500:1): real XLSX parts stay well above it, while a deflate bomb runs
  /// at about 0.001 (1030:1 is deflate's maximum).
  public var minCompressionRatio: Double
  /// Inflated size below which the ratio rule does not apply. Default 1 MiB.
  public var ratioGraceSize: Int

  /// Creates limits; every parameter defaults to the documented value.
  public init(
    maxEntries: Int = 10_000, maxEntrySize: Int = 1 << 30, maxTotalSize: Int = 1 << 30,
    minCompressionRatio: Double = 0.002, ratioGraceSize: Int = 1 << 20
  ) {
    self.maxEntries = maxEntries
    self.maxEntrySize = maxEntrySize
    self.maxTotalSize = maxTotalSize
    self.minCompressionRatio = minCompressionRatio
    self.ratioGraceSize = ratioGraceSize
  }

  /// The default limits.
  public static let `default` = ZipLimits()
}
