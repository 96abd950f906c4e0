/// The top level of a plan: a priority, area of significant weakness or workstream.
public struct Priority: Hashable, Sendable, Codable {
  /// Normalised id: `2` for `Priority 2`, `1` for `ASW 1` or `Work stream One`.
  public var id: String
  /// The label as written (`Priority 2`).
  public var rawLabel: String?
  /// The title (`Aspirations and expectations ... are not routinely high enough.`).
  public var title: String
  /// Further description paragraphs.
  public var description: String?
  /// The vision statement, when given.
  public var vision: String?
  /// The priority's overall status, when given.
  public var overallStatus: Status?
  /// Where the priority's heading was.
  public var source: CellRef?
  /// The cell holding the overall status (seed I4), when there is one.
  public var overallStatusSource: CellRef?
  /// The "as at" date the priority's own sheet states, when a workbook has
  /// one sheet per priority and it differs from the plan's (`Plan.asAt`).
  public var asAt: DateValue?

  /// Creates a priority.
  public init(
    id: String, rawLabel: String? = nil, title: String, description: String? = nil,
    vision: String? = nil, overallStatus: Status? = nil, source: CellRef? = nil,
    overallStatusSource: CellRef? = nil, asAt: DateValue? = nil
  ) {
    self.overallStatusSource = overallStatusSource
    self.asAt = asAt
    self.id = id
    self.rawLabel = rawLabel
    self.title = title
    self.description = description
    self.vision = vision
    self.overallStatus = overallStatus
    self.source = source
  }
}

/// A numbered outcome under a priority (`Ref - 1.1 Roles and responsibilities ...`).
public struct FocusArea: Hashable, Sendable, Codable {
  /// Normalised ref: `1.1`, `4`.
  public var ref: String
  /// The ref as written: `Ref -1.2`.
  public var rawRef: String
  /// The title after the ref.
  public var title: String
  /// The priority it sits under.
  public var priorityId: String?
  /// Where it was.
  public var source: CellRef?
  /// The same heading repeated lower down the table (the actions below each
  /// sit under this area), in row order.
  public var repeatedAt: [CellRef]

  /// Creates a focus area.
  public init(
    ref: String, rawRef: String, title: String, priorityId: String? = nil, source: CellRef? = nil, repeatedAt: [CellRef] = []
  ) {
    self.ref = ref
    self.rawRef = rawRef
    self.title = title
    self.priorityId = priorityId
    self.source = source
    self.repeatedAt = repeatedAt
  }

  private enum CodingKeys: String, CodingKey {
    case ref, rawRef, title, priorityId, source, repeatedAt
  }

  /// Decodes a focus area; a missing `repeatedAt` is empty.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    ref = try c.decode(String.self, forKey: .ref)
    rawRef = try c.decode(String.self, forKey: .rawRef)
    title = try c.decode(String.self, forKey: .title)
    priorityId = try c.decodeIfPresent(String.self, forKey: .priorityId)
    source = try c.decodeIfPresent(CellRef.self, forKey: .source)
    repeatedAt = try c.decodeIfPresent([CellRef].self, forKey: .repeatedAt) ?? []
  }

  /// Encodes a focus area; an empty `repeatedAt` is left out (as the
  /// `wsoa/1` writer does).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(ref, forKey: .ref)
    try c.encode(rawRef, forKey: .rawRef)
    try c.encode(title, forKey: .title)
    try c.encodeIfPresent(priorityId, forKey: .priorityId)
    try c.encodeIfPresent(source, forKey: .source)
    if !repeatedAt.isEmpty { try c.encode(repeatedAt, forKey: .repeatedAt) }
  }
}
