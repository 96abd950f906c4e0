public import Diagnostics

/// Bounds a reader enforces so that a hostile or broken file fails fast with
/// a clear error instead of exhausting memory. The defaults are Excel's own
/// limits, so every grid we accept is one Excel could hold.
///
/// ```swift
/// var limits = DelimitedLimits()
/// limits.maxRows = 10_000
/// ```
public struct DelimitedLimits: Hashable, Sendable {
  /// Largest file accepted, in bytes. Default 2 GiB (a UTF-8 or
  /// Windows-1252 file is read in chunks, never whole).
  public var maxFileBytes: Int
  /// Largest UTF-16 file (or text already in memory) accepted, in bytes:
  /// such text is transcoded to UTF-8 whole, in memory. Default 256 MiB,
  /// which with its UTF-8 copy and cells stays under about 1 GiB.
  public var maxWholeTextBytes: Int
  /// The read's work budget: most cells, one per field of every record
  /// (short rows are not padded). Default 16,000,000, as
  /// `XLSXLimits.maxCells`; tracker commands read with 4,000,000.
  /// See `docs/limits.md`.
  public var maxCells: Int
  /// Most records (rows) accepted. Default 1,048,576 (Excel's rows per sheet).
  public var maxRows: Int
  /// Most fields in one record. Default 16,384 (Excel's columns, `XFD`).
  public var maxColumns: Int
  /// Most characters (UTF-16 code units, as Excel counts) in one field.
  /// Default 32,767 (Excel's characters per cell).
  public var maxFieldCharacters: Int

  /// Creates limits; every argument defaults to Excel's limit.
  public init(
    maxFileBytes: Int = 2 << 30, maxRows: Int = ExcelLimits.maxRows,
    maxColumns: Int = ExcelLimits.maxColumns, maxFieldCharacters: Int = ExcelLimits.maxCellCharacters,
    maxWholeTextBytes: Int = 256 << 20, maxCells: Int = 16_000_000
  ) {
    self.maxFileBytes = maxFileBytes
    self.maxWholeTextBytes = maxWholeTextBytes
    self.maxCells = maxCells
    self.maxRows = maxRows
    self.maxColumns = maxColumns
    self.maxFieldCharacters = maxFieldCharacters
  }
}
