/// One status value as written in a tracker, with its normalised rating.
///
/// `G/A` reads as "green moving towards amber": `rating = .green`,
/// `towards = .amber`; the effective rating is `towards ?? rating`.
public struct Status: Hashable, Sendable, Codable {
  /// The text as written (trimmed of nothing).
  public var raw: String
  /// The rating the text (or fill, or legend) maps to.
  public var rating: Rating
  /// For a mixed code `X/Y`, the rating it is moving towards.
  public var towards: Rating?
  /// What the status says about completion.
  public var completion: Completion?
  /// The council's own label, e.g. `On track`.
  public var label: String?
  /// How the rating was found.
  public var origin: Origin

  /// How a status rating was found.
  public enum Origin: String, Hashable, Sendable, Codable {
    /// From the cell's text.
    case text
    /// From the cell's fill colour (no text).
    case fill
    /// Carried from another cell (an explicit "as above").
    case inherited
  }

  /// Creates a status.
  public init(
    raw: String, rating: Rating, towards: Rating? = nil, completion: Completion? = nil,
    label: String? = nil, origin: Origin = .text
  ) {
    self.raw = raw
    self.rating = rating
    self.towards = towards
    self.completion = completion
    self.label = label
    self.origin = origin
  }

  /// The rating that counts now: `towards ?? rating`.
  public var effective: Rating { towards ?? rating }

  /// Rank of the effective rating: red 1, amber 2, green 3, green+complete
  /// 4, blue 5; `nil` for grey, N/A, none and unknown.
  public var rank: Int? {
    let r = effective
    if r == .green, completion == .complete, towards == nil { return 4 }
    return r.baseRank
  }

  /// An empty cell.
  public static let empty = Status(raw: "", rating: .none)
}
