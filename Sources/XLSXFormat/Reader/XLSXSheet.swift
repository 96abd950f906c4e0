public import Grid

/// A sheet as the workbook lists it, before its cells are read.
public struct XLSXSheet: Hashable, Sendable {
  /// What kind of sheet it is (only worksheets hold cells to read).
  public enum Kind: String, Hashable, Sendable {
    /// A grid of cells.
    case worksheet
    /// A chart on its own tab.
    case chartsheet
    /// An Excel 5 dialog sheet.
    case dialogsheet
    /// An Excel 4 macro sheet.
    case macrosheet
    /// A relationship type the reader does not know.
    case unknown
  }

  /// The tab's name.
  public var name: String
  /// Visible, hidden or very hidden.
  public var visibility: SheetVisibility
  /// The kind of sheet.
  public var kind: Kind
  /// The part holding the sheet (`xl/worksheets/sheet1.xml`), when its
  /// relationship resolves.
  public var part: String?

  /// Creates a sheet description.
  public init(name: String, visibility: SheetVisibility, kind: Kind, part: String?) {
    self.name = name
    self.visibility = visibility
    self.kind = kind
    self.part = part
  }
}

/// Which sheets to read.
public enum SheetSelection: Hashable, Sendable {
  /// Every worksheet, in workbook order.
  case all
  /// The sheet with this name (exact, else ignoring case); if none has it and
  /// the text is a whole number, the worksheet with that 1-based number.
  case name(String)
  /// The worksheet with this 1-based number, counting worksheets (hidden
  /// ones included, chart sheets not) in workbook order.
  case index(Int)
}
