/// One status value as written in a tracker, with its normalised rating.
///
/// `G/A` reads as "green moving towards amber": `rating = .green`,
/// `towards = .amber`; the effective rating is `towards ?? rating`.
///
/// Its fields are kept out of line, in one shared, immutable record (copied
/// on write): a plan holds a status for every action and period (2.4 million
/// for 100,000 actions over 24 months), nearly all of them one of a few
/// readings a recogniser has cached, which then share one record; a status
/// is 8 bytes instead of 48.
public struct Status: Hashable, Sendable, Codable {
  /// The fields, as a status had them inline (and codes them, so the JSON
  /// form is the same).
  private struct Fields: Hashable, Sendable, Codable {
    var raw: String
    var rating: Rating
    var towards: Rating?
    var completion: Completion?
    var label: String?
    var origin: Origin
  }

  private final class Storage: Sendable {
    let fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var storage: Storage

  /// The text as written (trimmed of nothing).
  public var raw: String {
    get { storage.fields.raw }
    set { update { $0.raw = newValue } }
  }
  /// The rating the text (or fill, or legend) maps to.
  public var rating: Rating {
    get { storage.fields.rating }
    set { update { $0.rating = newValue } }
  }
  /// For a mixed code `X/Y`, the rating it is moving towards.
  public var towards: Rating? {
    get { storage.fields.towards }
    set { update { $0.towards = newValue } }
  }
  /// What the status says about completion.
  public var completion: Completion? {
    get { storage.fields.completion }
    set { update { $0.completion = newValue } }
  }
  /// The council's own label, e.g. `On track`.
  public var label: String? {
    get { storage.fields.label }
    set { update { $0.label = newValue } }
  }
  /// How the rating was found.
  public var origin: Origin {
    get { storage.fields.origin }
    set { update { $0.origin = newValue } }
  }

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
    storage = Storage(Fields(raw: raw, rating: rating, towards: towards, completion: completion, label: label, origin: origin))
  }

  private mutating func update(_ change: (inout Fields) -> Void) {
    var fields = storage.fields
    change(&fields)
    storage = Storage(fields)
  }

  public static func == (lhs: Status, rhs: Status) -> Bool {
    lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(storage.fields)
  }

  public init(from decoder: any Decoder) throws {
    storage = Storage(try Fields(from: decoder))
  }

  public func encode(to encoder: any Encoder) throws {
    try storage.fields.encode(to: encoder)
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
