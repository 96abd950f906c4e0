public import Diagnostics

/// How a sheet prints: paper, orientation, fitting, the rows repeated on
/// every page, the print area and the page header and footer.
///
/// ```swift
/// var layout = SheetLayout()
/// layout.printSetup = PrintSetup(
///   orientation: .landscape, paper: .a4, fitToPagesWide: 1, repeatedRows: 5...6, area: .used,
///   header: HeaderFooterText(left: [.text("Priority 2")], right: [.text("As at Dec-21")]),
///   footer: HeaderFooterText(center: [.text("Page "), .pageNumber, .text(" of "), .pageCount]))
/// ```
public struct PrintSetup: Hashable, Sendable {
  /// Portrait or landscape.
  public enum Orientation: String, Hashable, Sendable {
    case portrait, landscape
  }

  /// Paper sizes by Excel's `paperSize` number.
  public enum Paper: Int, Hashable, Sendable {
    case letter = 1
    case a3 = 8
    case a4 = 9
  }

  /// Which cells print.
  public enum Area: Hashable, Sendable {
    /// Every cell written (known when the sheet ends).
    case used
    /// A fixed range.
    case range(CellRange)
  }

  /// Portrait or landscape.
  public var orientation: Orientation
  /// The paper.
  public var paper: Paper
  /// Shrink to this many pages wide (`nil`: print at 100 %).
  public var fitToPagesWide: Int?
  /// With `fitToPagesWide`, at most this many pages tall (0: as many as needed).
  public var fitToPagesTall: Int
  /// Rows printed at the top of every page (`_xlnm.Print_Titles`).
  public var repeatedRows: ClosedRange<Int>?
  /// The print area (`_xlnm.Print_Area`), or `nil` for Excel's default.
  public var area: Area?
  /// The page header.
  public var header: HeaderFooterText?
  /// The page footer.
  public var footer: HeaderFooterText?

  /// Creates a print setup; the default is Excel's (portrait, A4, 100 %).
  public init(
    orientation: Orientation = .portrait, paper: Paper = .a4, fitToPagesWide: Int? = nil, fitToPagesTall: Int = 0,
    repeatedRows: ClosedRange<Int>? = nil, area: Area? = nil, header: HeaderFooterText? = nil,
    footer: HeaderFooterText? = nil
  ) {
    self.orientation = orientation
    self.paper = paper
    self.fitToPagesWide = fitToPagesWide
    self.fitToPagesTall = fitToPagesTall
    self.repeatedRows = repeatedRows
    self.area = area
    self.header = header
    self.footer = footer
  }
}

/// A page header or footer: left, centre and right sections of text and
/// fields, written in Excel's `&L…&C…&R…` codes (an `&` in text is doubled).
public struct HeaderFooterText: Hashable, Sendable {
  /// A piece of a section.
  public enum Part: Hashable, Sendable {
    /// Text as given.
    case text(String)
    /// The page number (`&P`).
    case pageNumber
    /// The number of pages (`&N`).
    case pageCount
    /// The sheet's name (`&A`).
    case sheetName
  }

  /// The left section.
  public var left: [Part]
  /// The centre section.
  public var center: [Part]
  /// The right section.
  public var right: [Part]

  /// Excel's limit on a header's or footer's codes, in characters.
  public static let maxLength = 255

  /// Creates a header or footer.
  public init(left: [Part] = [], center: [Part] = [], right: [Part] = []) {
    self.left = left
    self.center = center
    self.right = right
  }

  /// The text as Excel stores it: `&LPriority 2&CPage &P of &N`.
  public var codes: String {
    var out = ""
    for (code, parts) in [("&L", left), ("&C", center), ("&R", right)] where !parts.isEmpty {
      out += code
      for part in parts {
        switch part {
        case .text(let text): out += text.split(separator: "&", omittingEmptySubsequences: false).joined(separator: "&&")
        case .pageNumber: out += "&P"
        case .pageCount: out += "&N"
        case .sheetName: out += "&A"
        }
      }
    }
    return out
  }
}
