/// A lettered (or numbered) task under a focus area, with everything a
/// tracker records about it.
public struct Action: Hashable, Sendable, Codable {
  /// Normalised key: focus ref + letter (`3.1F`, `4D`), or `<focusRef>#<row>`
  /// when the action has neither.
  public var key: String
  /// The focus area's normalised ref, when known.
  public var focusRef: String?
  /// The priority it belongs to, when known.
  public var priorityId: String?
  /// The action letter (`F`), when it has one.
  public var letter: String?
  /// The ref or letter as written (`F.`, `3.2(b)`).
  public var rawRef: String
  /// The cell the key was read from: the ref cell, else the action cell
  /// whose letter or number it took; `nil` when the key was made up.
  public var refSource: CellRef?
  /// The action's wording, without its letter.
  public var text: String
  /// The action cell.
  public var textSource: CellRef?
  /// Responsible leads, in order (placeholders such as `TBC` dropped).
  public var leads: [Lead]
  /// The lead cell as written, when it had text.
  public var leadsRaw: String?
  /// Accountable officers (SRO), in order.
  public var accountable: [Lead]
  /// The owning sub-group, when known.
  public var subGroup: String?
  /// The sub-group cell (the cell an `As above` resolved to, when it said so).
  public var subGroupSource: CellRef?
  /// Impact measures / success criteria, one per paragraph.
  public var impact: [String]
  /// The impact cell as written, when it had text.
  public var impactRaw: String?
  /// The impact cell.
  public var impactSource: CellRef?
  /// Due date, when given.
  public var dueDate: DateValue?
  /// Raw due-date text, when given.
  public var dueRaw: String?
  /// The due-date cell (the cell an `As above` resolved to, when it said so).
  public var dueSource: CellRef?
  /// Percentage complete (0–100), when given.
  public var percentComplete: Double?
  /// The percent-complete cell.
  public var percentSource: CellRef?
  /// One status per period, blanks included, in period order.
  public var statuses: [PeriodStatus]
  /// Dated progress notes, in source order.
  public var notes: [ProgressNote]
  /// Evidence items, in source order.
  public var evidence: [EvidenceItem]
  /// Cross-references found in notes and evidence.
  public var crossRefs: [CrossRef]
  /// Every unmapped column, verbatim, keyed by its header.
  public var extra: [ExtraField]
  /// The row the action was read from (its first cell).
  public var source: CellRef?
  /// Where each merged value came from (merge only).
  public var provenance: [Provenance]

  /// Creates an action.
  public init(
    key: String, focusRef: String? = nil, priorityId: String? = nil, letter: String? = nil,
    rawRef: String = "", text: String, leads: [Lead] = [], accountable: [Lead] = [],
    subGroup: String? = nil, impact: [String] = [], dueDate: DateValue? = nil, dueRaw: String? = nil,
    percentComplete: Double? = nil, statuses: [PeriodStatus] = [], notes: [ProgressNote] = [],
    evidence: [EvidenceItem] = [], crossRefs: [CrossRef] = [], extra: [ExtraField] = [],
    source: CellRef? = nil, provenance: [Provenance] = [], leadsRaw: String? = nil, impactRaw: String? = nil
  ) {
    self.key = key
    self.focusRef = focusRef
    self.priorityId = priorityId
    self.letter = letter
    self.rawRef = rawRef
    self.text = text
    self.leads = leads
    self.leadsRaw = leadsRaw
    self.accountable = accountable
    self.subGroup = subGroup
    self.impact = impact
    self.impactRaw = impactRaw
    self.dueDate = dueDate
    self.dueRaw = dueRaw
    self.percentComplete = percentComplete
    self.statuses = statuses
    self.notes = notes
    self.evidence = evidence
    self.crossRefs = crossRefs
    self.extra = extra
    self.source = source
    self.provenance = provenance
  }

  /// The cell a finding about the whole action names: the ref cell, else
  /// the action cell, else the row (domain.md §6: findings point at the
  /// cell that holds the value they are about).
  public var keyCell: CellRef? { refSource ?? textSource ?? source }

  /// `source` (the row) as a finding's related cell, when the finding names
  /// another cell of the row.
  public var rowRelated: [CellRef] {
    guard let source, source != keyCell else { return [] }
    return [source]
  }

  /// The status recorded for a period id, if the action has that period.
  public func status(for periodId: String) -> PeriodStatus? {
    statuses.first { $0.periodId == periodId }
  }
}

/// An unmapped column's value, kept verbatim.
public struct ExtraField: Hashable, Sendable, Codable {
  /// The column's header as written.
  public var column: String
  /// The cell's text.
  public var value: String
  /// Where it was.
  public var source: CellRef?

  /// Creates an extra field.
  public init(column: String, value: String, source: CellRef? = nil) {
    self.column = column
    self.value = value
    self.source = source
  }
}

/// A person, role or organisation responsible for an action.
public struct Lead: Hashable, Sendable, Codable {
  /// The text as written for this lead.
  public var raw: String
  /// Trimmed, whitespace collapsed; typos are never corrected.
  public var name: String
  /// What kind of lead it is, when it can be told.
  public var kind: Kind?
  /// Where it was.
  public var source: CellRef?

  /// What kind of lead.
  public enum Kind: String, Hashable, Sendable, Codable {
    /// A named person.
    case person
    /// A role (`SCM SEND`, `Head of SEND`).
    case role
    /// An organisation or group.
    case org
  }

  /// Creates a lead.
  public init(raw: String, name: String, kind: Kind? = nil, source: CellRef? = nil) {
    self.raw = raw
    self.name = name
    self.kind = kind
    self.source = source
  }
}

/// The status an action has for one period.
public struct PeriodStatus: Hashable, Sendable, Codable {
  /// The period's id.
  public var periodId: String
  /// The status.
  public var status: Status
  /// The status cell.
  public var source: CellRef?
  /// Where a merged value came from.
  public var provenance: Provenance?

  /// Creates a period status.
  public init(periodId: String, status: Status, source: CellRef? = nil, provenance: Provenance? = nil) {
    self.periodId = periodId
    self.status = status
    self.source = source
    self.provenance = provenance
  }
}

/// One dated (or undated) progress note, split out of a notes cell.
public struct ProgressNote: Hashable, Sendable, Codable {
  /// The date prefix, when the note has one.
  public var date: DateValue?
  /// The period the note falls in (derived from the date windows).
  public var periodId: String?
  /// The note's text without its date prefix, HTML removed; paragraphs
  /// joined with line breaks.
  public var text: String {
    willSet { keepRaw() }
    didSet { dropDefaultRaw() }
  }
  /// The note's text exactly as in the cell, from its date prefix (or first
  /// word) to its last character, markup included.
  public var raw: String {
    get { storedRaw ?? defaultRaw }
    set {
      storedRaw = newValue
      dropDefaultRaw()
    }
  }
  /// The date prefix as written (`Feb 2021`, `Q2`), when the note has one;
  /// set without `date` when the prefix is partial (`Q2`) or impossible.
  public var prefix: String? {
    willSet { keepRaw() }
    didSet { dropDefaultRaw() }
  }
  /// Whether the note has no date prefix.
  public var undated: Bool
  /// The notes cell.
  public var source: CellRef?
  /// Where a merged note came from.
  public var provenance: Provenance?
  /// `raw` when it is not exactly `defaultRaw`, byte for byte; most notes
  /// are written `prefix: text`, and keep no second copy of their text.
  private var storedRaw: String?

  /// Creates a note.
  public init(
    date: DateValue?, periodId: String? = nil, text: String, raw: String, source: CellRef? = nil,
    provenance: Provenance? = nil, prefix: String? = nil
  ) {
    self.date = date
    self.periodId = periodId
    self.text = text
    self.prefix = prefix
    self.storedRaw = DefaultRaw.matches(raw, prefix: prefix, text: text) ? nil : raw
    self.undated = date == nil && prefix == nil
    self.source = source
    self.provenance = provenance
  }

  /// Whether `raw` is exactly `defaultRaw`, byte for byte (writers leave it
  /// out of JSON then).
  public var hasDefaultRaw: Bool { storedRaw == nil }

  /// The length of `raw` in UTF-8 bytes, without building it.
  public var rawUTF8Count: Int {
    if let storedRaw { return storedRaw.utf8.count }
    guard let prefix else { return text.utf8.count }
    return text.isEmpty ? prefix.utf8.count : prefix.utf8.count + 2 + text.utf8.count
  }

  /// Before the text or prefix changes: `raw` stays what it was.
  private mutating func keepRaw() {
    if storedRaw == nil { storedRaw = defaultRaw }
  }

  /// After a change: `raw` is not kept when it is the default.
  private mutating func dropDefaultRaw() {
    if let kept = storedRaw, DefaultRaw.matches(kept, prefix: prefix, text: text) { storedRaw = nil }
  }
}

/// One item of an action's evidence list.
public struct EvidenceItem: Hashable, Sendable, Codable {
  /// The item's number in a numbered list (`2.`), when numbered.
  public var number: Int? {
    willSet { keepRaw() }
    didSet { dropDefaultRaw() }
  }
  /// The item's text.
  public var text: String {
    willSet { keepRaw() }
    didSet { dropDefaultRaw() }
  }
  /// An evidence-log code (`E12`), when the item cites one.
  public var ref: String?
  /// What the item resolved to (`As above` → the previous row's evidence cell).
  public var resolvedTo: CellRef?
  /// The item as written.
  public var raw: String {
    get { storedRaw ?? defaultRaw }
    set {
      storedRaw = newValue
      dropDefaultRaw()
    }
  }
  /// The evidence cell.
  public var source: CellRef?
  /// Where a merged item came from.
  public var provenance: Provenance?
  /// `raw` when it is not exactly `defaultRaw`, byte for byte; most items
  /// are written `n. text` or as their text, and keep no second copy of it.
  private var storedRaw: String?

  /// Creates an evidence item.
  public init(
    number: Int? = nil, text: String, ref: String? = nil, resolvedTo: CellRef? = nil, raw: String,
    source: CellRef? = nil, provenance: Provenance? = nil
  ) {
    self.number = number
    self.text = text
    self.ref = ref
    self.resolvedTo = resolvedTo
    self.storedRaw = DefaultRaw.matches(raw, number: number, text: text) ? nil : raw
    self.source = source
    self.provenance = provenance
  }

  /// Whether `raw` is exactly `defaultRaw`, byte for byte (writers leave it
  /// out of JSON then).
  public var hasDefaultRaw: Bool { storedRaw == nil }

  /// The length of `raw` in UTF-8 bytes, without building it.
  public var rawUTF8Count: Int {
    if let storedRaw { return storedRaw.utf8.count }
    guard let number else { return text.utf8.count }
    return String(number).utf8.count + 2 + text.utf8.count
  }

  /// Before the number or text changes: `raw` stays what it was.
  private mutating func keepRaw() {
    if storedRaw == nil { storedRaw = defaultRaw }
  }

  /// After a change: `raw` is not kept when it is the default.
  private mutating func dropDefaultRaw() {
    if let kept = storedRaw, DefaultRaw.matches(kept, number: number, text: text) { storedRaw = nil }
  }
}

/// A pointer from a note or evidence item to another action (`SEE 6E`).
public struct CrossRef: Hashable, Sendable, Codable {
  /// The cell holding the reference.
  public var fromCell: CellRef?
  /// The reference as written.
  public var text: String
  /// The normalised target key (`6E`, `4A`, `4.2`).
  public var targetKey: String
  /// Whether the target was found.
  public var resolution: Resolution

  /// How a cross-reference resolved.
  public enum Resolution: String, Hashable, Sendable, Codable {
    /// The target action exists in the workbook.
    case resolved
    /// The reference points at its own action.
    case `self`
    /// No such action in the workbook.
    case unresolved
    /// Outside what was read (validating one sheet alone).
    case external
  }

  /// Creates a cross-reference.
  public init(fromCell: CellRef?, text: String, targetKey: String, resolution: Resolution) {
    self.fromCell = fromCell
    self.text = text
    self.targetKey = targetKey
    self.resolution = resolution
  }
}

extension ProgressNote {
  /// The raw text a note written as `prefix: text` (or `text` alone) has;
  /// writers may leave `raw` out of JSON when it is exactly this.
  public var defaultRaw: String {
    guard let prefix else { return text }
    return text.isEmpty ? prefix : prefix + ": " + text
  }

  /// The note as a line of a tracker's notes cell, as the cleaned workbook
  /// and CSV write it: `Feb 2021: text` (the date's text when there is no
  /// prefix), an undated note bare.
  public var trackerLine: String {
    guard let prefix = prefix ?? date?.trackerText else { return text }
    return text.isEmpty ? prefix + ":" : prefix + ": " + text
  }

  /// Decodes a note; a missing `raw` is `defaultRaw`.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    date = try c.decodeIfPresent(DateValue.self, forKey: .date)
    periodId = try c.decodeIfPresent(String.self, forKey: .periodId)
    text = try c.decode(String.self, forKey: .text)
    prefix = try c.decodeIfPresent(String.self, forKey: .prefix)
    undated = try c.decode(Bool.self, forKey: .undated)
    source = try c.decodeIfPresent(CellRef.self, forKey: .source)
    provenance = try c.decodeIfPresent(Provenance.self, forKey: .provenance)
    let raw = try c.decodeIfPresent(String.self, forKey: .raw)
    storedRaw = raw.flatMap { DefaultRaw.matches($0, prefix: prefix, text: text) ? nil : $0 }
  }

  private enum CodingKeys: String, CodingKey {
    case date, periodId, text, raw, prefix, undated, source, provenance
  }

  /// Encodes every field, `raw` included.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(date, forKey: .date)
    try c.encodeIfPresent(periodId, forKey: .periodId)
    try c.encode(text, forKey: .text)
    try c.encode(raw, forKey: .raw)
    try c.encodeIfPresent(prefix, forKey: .prefix)
    try c.encode(undated, forKey: .undated)
    try c.encodeIfPresent(source, forKey: .source)
    try c.encodeIfPresent(provenance, forKey: .provenance)
  }
}

extension EvidenceItem {
  /// The raw text an item written as `n. text` (or `text` alone) has;
  /// writers may leave `raw` out of JSON when it is exactly this.
  public var defaultRaw: String { number.map { "\($0). " + text } ?? text }

  /// Decodes an item; a missing `raw` is `defaultRaw`.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    number = try c.decodeIfPresent(Int.self, forKey: .number)
    text = try c.decode(String.self, forKey: .text)
    ref = try c.decodeIfPresent(String.self, forKey: .ref)
    resolvedTo = try c.decodeIfPresent(CellRef.self, forKey: .resolvedTo)
    source = try c.decodeIfPresent(CellRef.self, forKey: .source)
    provenance = try c.decodeIfPresent(Provenance.self, forKey: .provenance)
    let raw = try c.decodeIfPresent(String.self, forKey: .raw)
    storedRaw = raw.flatMap { DefaultRaw.matches($0, number: number, text: text) ? nil : $0 }
  }

  private enum CodingKeys: String, CodingKey {
    case number, text, ref, resolvedTo, raw, source, provenance
  }

  /// Encodes every field, `raw` included.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(number, forKey: .number)
    try c.encode(text, forKey: .text)
    try c.encodeIfPresent(ref, forKey: .ref)
    try c.encodeIfPresent(resolvedTo, forKey: .resolvedTo)
    try c.encode(raw, forKey: .raw)
    try c.encodeIfPresent(source, forKey: .source)
    try c.encodeIfPresent(provenance, forKey: .provenance)
  }
}

extension Lead {
  /// Decodes a lead; a missing `raw` is the name.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    raw = try c.decodeIfPresent(String.self, forKey: .raw) ?? name
    kind = try c.decodeIfPresent(Kind.self, forKey: .kind)
    source = try c.decodeIfPresent(CellRef.self, forKey: .source)
  }
}
