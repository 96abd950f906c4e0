public import Diagnostics
public import Grid

/// What is known about a sheet's presentation before its rows: columns,
/// frozen panes, auto-filter, fitted widths, visibility, printing.
///
/// ```swift
/// var layout = SheetLayout(frozenRows: 1, autoFilter: .header(row: 1))
/// layout.columns = [ColumnLayout(1...1, width: 12), ColumnLayout(2...3, width: 60, format: wrapTop)]
/// layout.autoFit = AutoFit()            // other columns: fitted to their content
/// ```
public struct SheetLayout: Hashable, Sendable {
  /// Column widths, default formats and hiding, by ranges that must not overlap.
  public var columns: [ColumnLayout]
  /// Rows frozen at the top (0 = none).
  public var frozenRows: Int
  /// Columns frozen at the left (0 = none).
  public var frozenColumns: Int
  /// The auto-filter drop-downs, if any.
  public var autoFilter: AutoFilter?
  /// Fit the width of columns that have none set to their content.
  public var autoFit: AutoFit?
  /// Whether the sheet is shown (at least one sheet must be visible).
  public var visibility: SheetVisibility
  /// Whether Excel draws grid lines.
  public var showsGridLines: Bool
  /// The sheet tab's colour as 0xRRGGBB.
  public var tabColorRGB: UInt32?
  /// How the sheet prints (`nil`: Excel's defaults).
  public var printSetup: PrintSetup?

  /// Creates a layout; the default is a plain visible sheet.
  public init(
    columns: [ColumnLayout] = [], frozenRows: Int = 0, frozenColumns: Int = 0, autoFilter: AutoFilter? = nil,
    autoFit: AutoFit? = nil, visibility: SheetVisibility = .visible, showsGridLines: Bool = true,
    tabColorRGB: UInt32? = nil, printSetup: PrintSetup? = nil
  ) {
    self.columns = columns
    self.frozenRows = frozenRows
    self.frozenColumns = frozenColumns
    self.autoFilter = autoFilter
    self.autoFit = autoFit
    self.visibility = visibility
    self.showsGridLines = showsGridLines
    self.tabColorRGB = tabColorRGB
    self.printSetup = printSetup
  }
}

/// Width, default format and hiding for a range of columns.
public struct ColumnLayout: Hashable, Sendable {
  /// The 1-based columns covered.
  public var columns: ClosedRange<Int>
  /// Width in characters as Excel's Column Width dialog shows it (0 ... 255),
  /// or `nil` for the default (or a fitted width with `SheetLayout.autoFit`).
  public var width: Double?
  /// The format of empty cells in these columns.
  public var format: FormatID?
  /// Whether the columns are hidden.
  public var isHidden: Bool

  /// Creates a column layout.
  public init(_ columns: ClosedRange<Int>, width: Double? = nil, format: FormatID? = nil, isHidden: Bool = false) {
    self.columns = columns
    self.width = width
    self.format = format
    self.isHidden = isHidden
  }
}

/// Where the auto-filter drop-downs go.
public enum AutoFilter: Hashable, Sendable {
  /// A fixed range, header row first.
  case range(CellRange)
  /// From a header row down to the last row written, across the columns
  /// used: the usual table (known only when the sheet ends).
  case header(row: Int)
}

/// Bounds for widths fitted to content.
///
/// A column's width becomes its longest line of text (numbers and dates as
/// shown) plus a margin, between `minWidth` and `maxWidth` characters.
public struct AutoFit: Hashable, Sendable {
  /// The narrowest fitted width, in characters.
  public var minWidth: Double
  /// The widest fitted width, in characters; longer text is cut off or wraps.
  public var maxWidth: Double

  /// Creates bounds (defaults: 6 ... 60 characters).
  public init(minWidth: Double = 6, maxWidth: Double = 60) {
    self.minWidth = minWidth
    self.maxWidth = maxWidth
  }
}

/// Presentation of one row.
public struct RowOptions: Hashable, Sendable {
  /// Height in points, or `nil` for automatic.
  public var height: Double?
  /// Whether the row is hidden.
  public var isHidden: Bool
  /// The format of the row's empty cells.
  public var format: FormatID?

  /// Creates row options; the default is an automatic, visible row.
  public init(height: Double? = nil, isHidden: Bool = false, format: FormatID? = nil) {
    self.height = height
    self.isHidden = isHidden
    self.format = format
  }

  /// Whether these are the defaults (the row needs no attributes).
  var isDefault: Bool { height == nil && !isHidden && format == nil }
}

/// A cell placed at a column, for sparse rows (`XLSXWriter.writeRow(number:cells:)`).
public struct FormattedCell: Hashable, Sendable {
  /// 1-based column.
  public var column: Int
  /// The value.
  public var value: CellValue
  /// The format.
  public var format: FormatID

  /// Creates a placed cell.
  public init(column: Int, value: CellValue, format: FormatID = .normal) {
    self.column = column
    self.value = value
    self.format = format
  }
}
