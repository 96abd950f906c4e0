/// Where a merged value came from.
///
/// Its names are kept out of line (one reference, copied on write), so the
/// `provenance` every status, note and evidence item has room for costs 8
/// bytes, not 80, on the plans that never set it (all but a merge's).
public struct Provenance: Hashable, Sendable, Codable {
  private final class Names: Sendable {
    let file: String
    let sheet: String?
    let cell: String?
    let subGroup: String?
    let period: String?

    init(file: String, sheet: String?, cell: String?, subGroup: String?, period: String?) {
      self.file = file
      self.sheet = sheet
      self.cell = cell
      self.subGroup = subGroup
      self.period = period
    }
  }

  private var names: Names

  /// The file it came from.
  public var file: String {
    get { names.file }
    set { update(file: newValue) }
  }
  /// The sheet.
  public var sheet: String? {
    get { names.sheet }
    set { update(sheet: .some(newValue)) }
  }
  /// The cell, A1.
  public var cell: String? {
    get { names.cell }
    set { update(cell: .some(newValue)) }
  }
  /// The sub-group that sent it.
  public var subGroup: String? {
    get { names.subGroup }
    set { update(subGroup: .some(newValue)) }
  }
  /// The period it concerns.
  public var period: String? {
    get { names.period }
    set { update(period: .some(newValue)) }
  }

  /// Replaces the shared names with a copy that differs in the fields given
  /// (copy on write: other values holding the old names keep them).
  private mutating func update(
    file: String? = nil, sheet: String?? = nil, cell: String?? = nil, subGroup: String?? = nil, period: String?? = nil
  ) {
    names = Names(
      file: file ?? names.file, sheet: sheet ?? names.sheet, cell: cell ?? names.cell,
      subGroup: subGroup ?? names.subGroup, period: period ?? names.period)
  }

  /// Creates a provenance record.
  public init(file: String, sheet: String? = nil, cell: String? = nil, subGroup: String? = nil, period: String? = nil) {
    names = Names(file: file, sheet: sheet, cell: cell, subGroup: subGroup, period: period)
  }

  public static func == (lhs: Provenance, rhs: Provenance) -> Bool {
    lhs.names === rhs.names
      || (lhs.file == rhs.file && lhs.sheet == rhs.sheet && lhs.cell == rhs.cell && lhs.subGroup == rhs.subGroup
        && lhs.period == rhs.period)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(file)
    hasher.combine(sheet)
    hasher.combine(cell)
    hasher.combine(subGroup)
    hasher.combine(period)
  }

  private enum CodingKeys: String, CodingKey {
    case file, sheet, cell, subGroup, period
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      file: try c.decode(String.self, forKey: .file), sheet: try c.decodeIfPresent(String.self, forKey: .sheet),
      cell: try c.decodeIfPresent(String.self, forKey: .cell), subGroup: try c.decodeIfPresent(String.self, forKey: .subGroup),
      period: try c.decodeIfPresent(String.self, forKey: .period))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(file, forKey: .file)
    try c.encodeIfPresent(sheet, forKey: .sheet)
    try c.encodeIfPresent(cell, forKey: .cell)
    try c.encodeIfPresent(subGroup, forKey: .subGroup)
    try c.encodeIfPresent(period, forKey: .period)
  }
}
