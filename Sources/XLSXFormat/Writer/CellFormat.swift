/// How a cell looks: font, fill, border, alignment and number format.
///
/// Register a format once with `XLSXWriter.addFormat(_:)` and pass the
/// returned `FormatID` with the cells that use it. Equal formats share one
/// entry in `xl/styles.xml`.
///
/// ```swift
/// let header = writer.addFormat(CellFormat(font: .init(isBold: true), fillRGB: 0xD9E1F2,
///                                          border: .all(.thin)))
/// let note = writer.addFormat(CellFormat(alignment: .init(vertical: .top, wrapsText: true)))
/// let month = writer.addFormat(CellFormat(numberFormat: .monthYear))   // shows Dec-19
/// ```
public struct CellFormat: Hashable, Sendable {
  /// The font.
  public var font: FontFormat
  /// A solid background colour as 0xRRGGBB, or `nil` for no fill.
  public var fillRGB: UInt32?
  /// The cell's borders.
  public var border: BorderFormat
  /// Horizontal and vertical alignment, wrapping and indent.
  public var alignment: AlignmentFormat
  /// How numbers and dates are shown.
  public var numberFormat: NumberFormat

  /// Creates a format; every part defaults to Excel's Normal style.
  public init(
    font: FontFormat = FontFormat(), fillRGB: UInt32? = nil, border: BorderFormat = BorderFormat(),
    alignment: AlignmentFormat = AlignmentFormat(), numberFormat: NumberFormat = .general
  ) {
    self.font = font
    self.fillRGB = fillRGB
    self.border = border
    self.alignment = alignment
    self.numberFormat = numberFormat
  }

  /// Excel's Normal style: Calibri 11, no fill, no border, General.
  public static let normal = CellFormat()

  /// A blue, underlined font, as Excel shows a hyperlink.
  public static let hyperlink = CellFormat(font: FontFormat(isUnderlined: true, colorRGB: 0x0563C1))
}

/// The font of a cell format.
public struct FontFormat: Hashable, Sendable {
  /// Bold.
  public var isBold: Bool
  /// Italic.
  public var isItalic: Bool
  /// Single underline.
  public var isUnderlined: Bool
  /// Text colour as 0xRRGGBB, or `nil` for the theme's text colour.
  public var colorRGB: UInt32?
  /// Size in points.
  public var size: Double
  /// Font family name.
  public var name: String

  /// Creates a font; defaults are Excel's (Calibri 11, theme colour).
  public init(
    isBold: Bool = false, isItalic: Bool = false, isUnderlined: Bool = false, colorRGB: UInt32? = nil,
    size: Double = 11, name: String = "Calibri"
  ) {
    self.isBold = isBold
    self.isItalic = isItalic
    self.isUnderlined = isUnderlined
    self.colorRGB = colorRGB
    self.size = size
    self.name = name
  }
}

/// The four borders of a cell format.
public struct BorderFormat: Hashable, Sendable {
  /// Left edge.
  public var left: BorderLine?
  /// Right edge.
  public var right: BorderLine?
  /// Top edge.
  public var top: BorderLine?
  /// Bottom edge.
  public var bottom: BorderLine?

  /// Creates borders; `nil` edges have no line.
  public init(left: BorderLine? = nil, right: BorderLine? = nil, top: BorderLine? = nil, bottom: BorderLine? = nil) {
    self.left = left
    self.right = right
    self.top = top
    self.bottom = bottom
  }

  /// The same line on all four edges.
  public static func all(_ style: BorderLine.Style, colorRGB: UInt32? = nil) -> BorderFormat {
    let line = BorderLine(style: style, colorRGB: colorRGB)
    return BorderFormat(left: line, right: line, top: line, bottom: line)
  }

  /// Whether no edge has a line.
  public var isEmpty: Bool { left == nil && right == nil && top == nil && bottom == nil }
}

/// One border edge.
public struct BorderLine: Hashable, Sendable {
  /// Line styles Excel offers (`ST_BorderStyle`).
  public enum Style: String, Hashable, Sendable, CaseIterable {
    /// Thin solid line.
    case thin
    /// Medium solid line.
    case medium
    /// Thick solid line.
    case thick
    /// Dashed line.
    case dashed
    /// Dotted line.
    case dotted
    /// Double line.
    case double
    /// Hairline.
    case hair
  }

  /// The line style.
  public var style: Style
  /// Line colour as 0xRRGGBB, or `nil` for automatic (black).
  public var colorRGB: UInt32?

  /// Creates a border line.
  public init(style: Style, colorRGB: UInt32? = nil) {
    self.style = style
    self.colorRGB = colorRGB
  }
}

/// Alignment, wrapping and indent of a cell format.
public struct AlignmentFormat: Hashable, Sendable {
  /// Horizontal alignment (`ST_HorizontalAlignment`).
  public enum Horizontal: String, Hashable, Sendable {
    /// Text left, numbers right (Excel's default).
    case general
    /// Left.
    case left
    /// Centred.
    case center
    /// Right.
    case right
    /// Justified.
    case justify
  }

  /// Vertical alignment (`ST_VerticalAlignment`).
  public enum Vertical: String, Hashable, Sendable {
    /// Top.
    case top
    /// Centred.
    case center
    /// Bottom (Excel's default).
    case bottom
  }

  /// Horizontal alignment.
  public var horizontal: Horizontal
  /// Vertical alignment.
  public var vertical: Vertical
  /// Wrap long text onto several lines.
  public var wrapsText: Bool
  /// Indent level, 0 ... 250.
  public var indent: Int

  /// Creates an alignment; defaults are Excel's (general, bottom, no wrap).
  public init(horizontal: Horizontal = .general, vertical: Vertical = .bottom, wrapsText: Bool = false, indent: Int = 0) {
    self.horizontal = horizontal
    self.vertical = vertical
    self.wrapsText = wrapsText
    self.indent = indent
  }

  /// Whether this is Excel's default alignment (no `<alignment>` needed).
  public var isDefault: Bool { self == AlignmentFormat() }
}

/// A number format code such as `0.00`, `mmm-yy` or `dd/mm/yyyy`.
///
/// Codes that Excel has built in (`0`, `0.00`, `0%`, `mmm-yy`, `@`, ...) are
/// written as their built-in id; others get ids from 164 on.
public struct NumberFormat: Hashable, Sendable, ExpressibleByStringLiteral {
  /// The format code, exactly as Excel's Custom dialog shows it.
  public var code: String

  /// Creates a format from its code.
  public init(code: String) { self.code = code }

  /// Creates a format from a string literal.
  public init(stringLiteral value: String) { self.code = value }

  /// `General`.
  public static let general = NumberFormat(code: "General")
  /// `0`.
  public static let integer = NumberFormat(code: "0")
  /// `0.00`.
  public static let twoDecimals = NumberFormat(code: "0.00")
  /// `0%`.
  public static let percent = NumberFormat(code: "0%")
  /// `@` (text).
  public static let text = NumberFormat(code: "@")
  /// `mmm-yy`: a review-period heading such as `Dec-19`.
  public static let monthYear = NumberFormat(code: "mmm-yy")
  /// `dd/mm/yyyy`: a UK date such as `01/04/2021`.
  public static let date = NumberFormat(code: "dd/mm/yyyy")
  /// `dd/mm/yyyy hh:mm`.
  public static let dateTime = NumberFormat(code: "dd/mm/yyyy hh:mm")
  /// `hh:mm:ss`.
  public static let time = NumberFormat(code: "hh:mm:ss")

  /// Whether the code is General.
  public var isGeneral: Bool { code == "General" || code.isEmpty }
}
