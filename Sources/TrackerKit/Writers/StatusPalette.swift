public import TrackerModel

/// The fill and text colours of status cells in the cleaned XLSX, by rating.
///
/// The default is safe for colour-blind readers: red, amber and green differ
/// in lightness as well as hue (dark red with white text, amber with black
/// text, a bluish green with black text), blue is a true blue, and the cell
/// always keeps its letter or word, so no meaning rests on colour alone. A
/// council's own colours come from `[colours]` in `wsoa.toml`.
public struct StatusPalette: Hashable, Sendable {
  /// A fill and the text colour drawn on it, as 0xRRGGBB.
  public struct Colours: Hashable, Sendable {
    /// The cell's fill.
    public var fill: UInt32
    /// The text colour.
    public var font: UInt32

    /// Creates colours.
    public init(fill: UInt32, font: UInt32) {
      self.fill = fill
      self.font = font
    }
  }

  /// Colours by rating; a rating without an entry is not coloured.
  public var colours: [Rating: Colours]

  /// Creates a palette.
  public init(colours: [Rating: Colours]) {
    self.colours = colours
  }

  /// The default palette.
  public static let standard = StatusPalette(colours: [
    .red: Colours(fill: 0xC00000, font: 0xFFFFFF),
    .amber: Colours(fill: 0xFFB000, font: 0x000000),
    .green: Colours(fill: 0x009E73, font: 0x000000),
    .blue: Colours(fill: 0x0072B2, font: 0xFFFFFF),
    .grey: Colours(fill: 0xBFBFBF, font: 0x000000),
    .notApplicable: Colours(fill: 0xF2F2F2, font: 0x595959),
  ])

  /// The colours a status is drawn in: those of the rating it is moving
  /// towards (`G/A` is amber), or `nil` for none and unknown.
  public func colours(for status: Status) -> Colours? { colours[status.effective] }

  /// Text colour that reads on `fill`: black on light fills, white on dark
  /// ones (perceived brightness, ITU-R BT.601 weights).
  public static func readableFont(on fill: UInt32) -> UInt32 {
    let r = Double((fill >> 16) & 0xFF), g = Double((fill >> 8) & 0xFF), b = Double(fill & 0xFF)
    return 0.299 * r + 0.587 * g + 0.114 * b > 140 ? 0x000000 : 0xFFFFFF
  }
}
