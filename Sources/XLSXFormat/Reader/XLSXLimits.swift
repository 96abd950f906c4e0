public import Diagnostics
public import ZipArchive

/// Caps on what one workbook may make the reader do, on top of the zip caps.
/// Each has a safe default; every cap passed is a specific `XLSXError`.
public struct XLSXLimits: Hashable, Sendable {
  /// Entry count, inflated sizes and the compression-ratio rule.
  public var zip: ZipLimits
  /// Most `<c>` elements read over the whole workbook (each merged range
  /// counts as one too). Default 25,000,000.
  public var maxCells: Int
  /// Most characters (UTF-16 code units, as Excel counts) in one cell.
  /// Default Excel's own limit, 32,767.
  public var maxCellCharacters: Int
  /// Most bytes of text the cells of one read may deliver (a cell that uses
  /// a shared string counts its length each time, so shared-string
  /// amplification is bounded); also the most the shared-strings table may
  /// hold. Default 512 MiB, four times the text of a 100,000-action tracker.
  public var maxTotalTextBytes: Int

  /// Creates limits; every parameter defaults to the documented value.
  public init(
    zip: ZipLimits = .default, maxCells: Int = 25_000_000,
    maxCellCharacters: Int = ExcelLimits.maxCellCharacters, maxTotalTextBytes: Int = 512 << 20
  ) {
    self.zip = zip
    self.maxCells = maxCells
    self.maxCellCharacters = maxCellCharacters
    self.maxTotalTextBytes = maxTotalTextBytes
  }

  /// The default limits.
  public static let `default` = XLSXLimits()
}
