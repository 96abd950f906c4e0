/// Counts the bytes actually inflated from one entry and enforces the
/// per-entry cap, the running total cap and the compression-ratio rule.
struct InflateMeter {
  let archive: String
  let entry: String
  let limits: ZipLimits
  /// The archive's bytes as libzip reads them.
  let source: CountingSource
  /// `source.bytesRead` when the entry was opened.
  let readBefore: Int
  /// Bytes inflated by earlier entries.
  let totalBefore: Int
  /// Bytes inflated from this entry so far.
  private(set) var inflated = 0

  init(archive: String, entry: ZipEntry, source: CountingSource, limits: ZipLimits, totalBefore: Int) {
    self.archive = archive
    self.entry = entry.name
    self.limits = limits
    self.source = source
    self.readBefore = source.bytesRead
    self.totalBefore = totalBefore
  }

  /// Compressed bytes libzip has read for this entry so far (with its local header).
  var compressed: Int { source.bytesRead - readBefore }

  /// Accounts for `count` more inflated bytes.
  ///
  /// - Throws: `ZipError.entryTooLarge`, `.totalTooLarge` or
  ///   `.suspiciousCompressionRatio` once a cap is passed.
  mutating func add(_ count: Int) throws(ZipError) {
    inflated += count
    if inflated > limits.maxEntrySize {
      throw .entryTooLarge(archive: archive, entry: entry, limit: limits.maxEntrySize)
    }
    if totalBefore + inflated > limits.maxTotalSize {
      throw .totalTooLarge(archive: archive, entry: entry, limit: limits.maxTotalSize)
    }
    if inflated > limits.ratioGraceSize,
      Double(compressed) < Double(inflated) * limits.minCompressionRatio
    {
      throw .suspiciousCompressionRatio(
        archive: archive, entry: entry, compressed: compressed, inflated: inflated)
    }
  }
}
