/// A cell format registered with one `XLSXWriter` (`addFormat(_:)`): the
/// index of its `<xf>` in `cellXfs`.
public struct FormatID: Hashable, Sendable, CustomStringConvertible {
  /// The `cellXfs` index (0 = Normal).
  public let index: Int

  init(index: Int) { self.index = index }

  /// Excel's Normal style, always present.
  public static let normal = FormatID(index: 0)

  /// `format #n`.
  public var description: String { "format #\(index)" }
}

/// The look a conditional-formatting rule applies when it matches (a
/// "differential format", `<dxf>`): only the parts set here change.
///
/// ```swift
/// let green = DifferentialFormat(fillRGB: 0xC6EFCE, fontColorRGB: 0x006100)
/// ```
public struct DifferentialFormat: Hashable, Sendable {
  /// Background colour as 0xRRGGBB.
  public var fillRGB: UInt32?
  /// Text colour as 0xRRGGBB.
  public var fontColorRGB: UInt32?
  /// Bold on (`true`), off (`false`) or unchanged (`nil`).
  public var isBold: Bool?

  /// Creates a differential format.
  public init(fillRGB: UInt32? = nil, fontColorRGB: UInt32? = nil, isBold: Bool? = nil) {
    self.fillRGB = fillRGB
    self.fontColorRGB = fontColorRGB
    self.isBold = isBold
  }
}
