public import Diagnostics
public import XMLStream
public import ZipArchive

/// Caps on what one workbook may make the reader do, on top of the zip caps.
/// Each has a safe default; every cap passed is a specific `XLSXError`.
public struct XLSXLimits: Hashable, Sendable {
  /// Entry count, inflated sizes and the compression-ratio rule.
  public var zip: ZipLimits
  /// Attributes per element and namespace declarations per part, checked
  /// before libxml2 parses them.
  public var xml: XMLLimits
  /// The read's work budget: most cells and records over the whole
  /// workbook, counting each `<c>`, each row (hidden or empty ones too),
  /// each merged range, each column a `<col>` range covers, each
  /// shared-string item (empty `<si/>` too), style record (`<numFmt>`,
  /// `<font>`, `<fill>`, `<xf>`, `<rgbColor>`), relationship (8 each: it
  /// holds three strings) and `<sheet>` entry, and each read of a worksheet part (a part listed by several
  /// sheets is charged for every read). Default 16,000,000: a read that
  /// keeps the whole workbook stays under about 1 GiB (a million rows of
  /// ten numbers take 472 MiB). Tracker commands, whose work per cell is
  /// larger, read with `tracker` (4,000,000). See `docs/limits.md`.
  public var maxCells: Int
  /// Most characters (UTF-16 code units, as Excel counts) in one cell.
  /// Default Excel's own limit, 32,767.
  public var maxCellCharacters: Int
  /// Most bytes of text the cells of one read may deliver (a cell that uses
  /// a shared string counts its length each time, so shared-string
  /// amplification is bounded); also the most the shared-strings table may
  /// hold. Default 256 MiB, twice the text of a 100,000-action tracker.
  public var maxTotalTextBytes: Int

  /// Creates limits; every parameter defaults to the documented value.
  public init(
    zip: ZipLimits = .default, xml: XMLLimits = .default, maxCells: Int = 16_000_000,
    maxCellCharacters: Int = ExcelLimits.maxCellCharacters, maxTotalTextBytes: Int = 256 << 20
  ) {
    self.zip = zip
    self.xml = xml
    self.maxCells = maxCells
    self.maxCellCharacters = maxCellCharacters
    self.maxTotalTextBytes = maxTotalTextBytes
  }

  /// The default limits.
  public static let `default` = XLSXLimits()

  /// The limits tracker commands (convert, validate, merge) read with: a
  /// work budget of 4,000,000 cells, since recognising and writing a
  /// tracker costs about 2.6 µs and 160 bytes a cell.
  public static let tracker = XLSXLimits(maxCells: 4_000_000)
}
