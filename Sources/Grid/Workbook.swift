/// A format-neutral workbook: sheets of typed cells, plus the cell styles
/// that cells refer to by index.
public struct Workbook: Hashable, Sendable {
  /// Sheets in workbook order (worksheets only; chart sheets are listed in
  /// `skippedSheets`).
  public var sheets: [Sheet]
  /// Cell styles; `Cell.style` indexes this array. Index 0 is the default.
  public var styles: [CellStyle]
  /// Names of sheets that were listed but hold no cells to read (chart sheets).
  public var skippedSheets: [String]

  /// Creates a workbook.
  public init(sheets: [Sheet] = [], styles: [CellStyle] = [CellStyle()], skippedSheets: [String] = []) {
    self.sheets = sheets
    self.styles = styles.isEmpty ? [CellStyle()] : styles
    self.skippedSheets = skippedSheets
  }

  /// The style of a cell, or the default when the index is out of range.
  public func style(of cell: Cell) -> CellStyle {
    styles.indices.contains(cell.style) ? styles[cell.style] : styles[0]
  }
}

/// The parts of a cell's formatting that carry meaning for readers of a
/// tracker (a filled status cell without text still says something).
public struct CellStyle: Hashable, Sendable {
  /// The solid fill colour as 0xRRGGBB, when the cell has one.
  public var fillRGB: UInt32?
  /// Whether the font is bold.
  public var isBold: Bool
  /// The number format code (`mmm-yy`), when not General.
  public var numberFormat: String?

  /// Creates a style.
  public init(fillRGB: UInt32? = nil, isBold: Bool = false, numberFormat: String? = nil) {
    self.fillRGB = fillRGB
    self.isBold = isBold
    self.numberFormat = numberFormat
  }
}
