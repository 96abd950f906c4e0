public import TrackerModel

/// The colours and letters of the report: a colour-blind-safe RAG/BRAG
/// palette (red, green and amber differ in lightness as well as hue, so
/// they stay apart in grey and for red–green colour blindness), always
/// with a letter, and the council's own words from the tracker's key.
public struct ReportPalette: Sendable {
  /// One rating's swatch.
  public struct Swatch: Sendable, Hashable {
    /// Background colour, `#rrggbb`.
    public var fill: String
    /// Text colour on it, `#rrggbb`.
    public var ink: String
    /// The letter shown when the cell's own text is too long to show.
    public var letter: String
    /// The CSS class of cells with this rating.
    public var cssClass: String
  }

  /// The council's words per rating, from the key over the period columns.
  public let words: [Rating: String]
  /// `name(_:)` of each rating, worked out once, in `BoardReport.ratingOrder`.
  private let names: [String]

  /// The palette with the words of `reading`'s key.
  public init(reading: LegendReading?) {
    var words: [Rating: String] = [:]
    for entry in reading?.entries ?? [] where words[entry.rating] == nil {
      let text = entry.label ?? entry.meaning
      if !text.isEmpty { words[entry.rating] = text }
    }
    self.words = words
    names = BoardReport.ratingOrder.map { rating in
      let base = rating == .none ? "No status" : rating == .unknown ? "Not in the key" : LegendReading.name(rating)
      if let word = words[rating], word.lowercased() != base.lowercased() { return base + " (" + word + ")" }
      return base
    }
  }

  /// The swatch of a rating.
  public static func swatch(_ rating: Rating) -> Swatch {
    switch rating {
    case .red: Swatch(fill: "#a50026", ink: "#ffffff", letter: "R", cssClass: "r")
    case .amber: Swatch(fill: "#fdae61", ink: "#000000", letter: "A", cssClass: "a")
    case .green: Swatch(fill: "#1a9850", ink: "#ffffff", letter: "G", cssClass: "g")
    case .blue: Swatch(fill: "#4575b4", ink: "#ffffff", letter: "B", cssClass: "b")
    case .grey: Swatch(fill: "#bababa", ink: "#000000", letter: "Gy", cssClass: "y")
    case .notApplicable: Swatch(fill: "#eeeeee", ink: "#333333", letter: "N/A", cssClass: "n")
    case .none: Swatch(fill: "#ffffff", ink: "#555555", letter: "–", cssClass: "e")
    case .unknown: Swatch(fill: "#ffffff", ink: "#000000", letter: "?", cssClass: "u")
    }
  }

  /// `Green (Completed)`: the colour's name and the council's word for it.
  public func name(_ rating: Rating) -> String { names[BoardReport.slot(rating)] }

  /// The text a status cell shows: what the officer wrote when it is short
  /// (`G`, `G/A`, `Grey`), else the rating's letter.
  public static func cellText(_ status: Status, rating: Rating) -> String {
    let raw = status.raw
    // Scalars, not characters: no grapheme breaking per cell (a line break is one of these scalars).
    let isBreak = { (scalar: Unicode.Scalar) in
      switch scalar.value {
      case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
      default: false
      }
    }
    if !raw.isEmpty, raw.unicodeScalars.count <= 4, !raw.unicodeScalars.contains(where: isBreak) { return raw }
    return swatch(rating).letter
  }
}
