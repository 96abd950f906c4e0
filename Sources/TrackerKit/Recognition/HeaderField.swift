import ByteScan

/// A canonical column of an action table (domain.md §5.1), found from its
/// header by synonyms, case- and punctuation-insensitively.
enum HeaderField: String, CaseIterable, Sendable {
  case priority, focusArea, ref, action, lead, accountable, subGroup, impact, notes, evidence, due, percentComplete

  /// The field's position in `allCases`.
  var position: Int {
    switch self {
    case .priority: 0
    case .focusArea: 1
    case .ref: 2
    case .action: 3
    case .lead: 4
    case .accountable: 5
    case .subGroup: 6
    case .impact: 7
    case .notes: 8
    case .evidence: 9
    case .due: 10
    case .percentComplete: 11
    }
  }

  /// Hierarchy columns are filled down over blank (merged) cells.
  var isHierarchy: Bool { self == .priority || self == .focusArea }

  /// Synonyms, normalised (`HeaderField.normalise`): the words councils
  /// head each column with. Short ones (≤ 3 characters) must match exactly;
  /// the others also as a prefix followed by more words (`Lead October`,
  /// `EVIDENCE (See PR 2 …)`). Words a data cell could hold on its own
  /// (`Who`, `Group`, `Target`) are left out: a data row with two exact
  /// synonyms would end the table (`TrailingBlocks.isHeaderLike`).
  static let synonyms: [(String, HeaderField)] = {
    var list: [(String, HeaderField)] = []
    func add(_ field: HeaderField, _ words: [String]) { for w in words { list.append((w, field)) } }
    add(.priority, [
      "priority", "priority area", "asw", "area of significant weakness", "area of weakness",
      "areas of significant weakness", "improvement area", "section", "theme", "priority theme", "priorities",
      "area for improvement", "areas for improvement", "area for development", "areas for development",
    ])
    add(.focusArea, [
      "focus area", "focus areas", "outcome", "outcomes", "objective", "objectives", "intended outcome",
      "area of focus", "sub priority", "key line of enquiry", "kloe", "strategic objective", "aim", "aims",
    ])
    add(.ref, [
      "ref", "action ref", "ref no", "reference", "id", "no", "action no", "action id", "action number", "action reference",
      "ref number", "reference number", "reference no", "ref id", "action ref no", "task id", "task ref", "task no",
      "item no", "line no", "milestone ref", "milestone no",
    ])
    add(.action, [
      "action", "actions", "what we will do", "action description", "key actions", "key action",
      "activity", "activities", "key activities", "task", "tasks", "milestone", "milestones", "milestone text",
      "milestone description", "actions required", "action required", "planned action", "planned actions",
      "specific actions", "action details", "action detail", "action point", "what will we do", "what we are going to do",
      "deliverable", "deliverables", "intervention", "interventions", "action task",
    ])
    add(.lead, [
      "lead", "leads", "lead s", "lead officer", "action lead", "responsible officer", "owner", "action owner",
      "responsible", "lead person", "owners", "owner s", "action owners", "responsible officers", "responsible officer s",
      "responsible person", "responsible lead", "lead officers", "lead officer s", "named lead", "lead contact",
      "task owner", "milestone owner", "lead agency", "lead partner", "lead service", "by whom", "responsibility",
    ])
    add(.accountable, [
      "accountable", "accountable officer", "senior responsible officer", "sro", "accountable lead",
      "accountable person", "accountable owner", "senior responsible owner", "executive lead", "strategic lead",
      "accountable officers", "senior lead",
    ])
    add(.subGroup, [
      "sub group", "subgroup", "owning group", "sub groups", "reporting group", "responsible group", "governance group",
      "delivery group", "task and finish group", "sub board", "owning board",
    ])
    add(.impact, [
      "evidence impact", "evidence of impact", "impact", "impact measure", "impact measures", "success criteria",
      "measures of success", "measure of success", "outcome measure", "outcome measures", "success measures",
      "success measure", "kpi", "kpis", "key performance indicators", "key performance indicator", "performance measures",
      "performance indicators", "how will we know", "how we will know", "expected impact", "expected outcome",
      "expected outcomes", "intended impact", "impact evidence", "desired outcome", "desired outcomes",
    ])
    add(.notes, [
      "progress", "progress update", "progress updates", "progress notes", "progress to date", "sub group action to date",
      "action to date", "commentary", "update", "updates", "notes", "latest update", "rag commentary",
      "progress commentary", "comments", "comment", "progress comments", "update on progress", "narrative",
      "progress narrative", "current position", "progress made", "rag rationale", "status update", "latest position",
      "position statement", "progress against action", "update commentary",
    ])
    add(.evidence, [
      "evidence", "evidence ref", "evidence refs", "supporting evidence", "evidence of progress",
      "evidence reference", "evidence references", "sources of evidence", "evidence source", "evidence sources",
      "supporting documents", "evidence location", "evidence log ref",
    ])
    add(.due, [
      "due date", "due", "target date", "by when", "timescale", "timescales", "deadline", "completion date",
      "target completion date", "milestone date", "milestone dates", "due by", "deadline date", "end date",
      "target end date", "expected completion", "expected completion date", "date due", "target completion",
      "timeframe", "time frame", "timeline", "date for completion", "target timescale",
    ])
    add(.percentComplete, [
      "% complete", "percentage complete", "percent complete", "% completed", "% done", "percentage", "completion %",
      "% progress", "progress %", "percent",
    ])
    return list.sorted { $0.0.utf8.count > $1.0.utf8.count }
  }()

  /// The field a header falls back to when another column has already
  /// claimed its own (`Outcome` beside a focus-area column is the impact;
  /// `Milestone` beside an action column is the due date).
  static let fallbacks: [String: HeaderField] = [
    "outcome": .impact, "outcomes": .impact, "intended outcome": .impact,
    "milestone": .due, "milestones": .due, "owner": .accountable, "owners": .accountable,
  ]

  /// Every synonym, for exact look-ups.
  static let exactSynonyms: Set<String> = Set(synonyms.map(\.0) + workstreamSynonyms)

  /// Whether a cell's text is exactly a header synonym (cheap: long or
  /// non-letter-led text is rejected before normalising).
  static func isExactSynonym(_ text: String) -> Bool {
    let count = text.utf8.count
    guard count > 0, count <= 40, let first = text.utf8.first,
      (first | 0x20) >= 97 && (first | 0x20) <= 122 || first == UInt8(ascii: "%")
    else { return false }
    return exactSynonyms.contains(normalise(text))
  }

  /// Headers that name a priority only when no other priority column exists,
  /// and a sub-group otherwise.
  static let workstreamSynonyms = ["work stream", "workstream", "working group", "work streams", "workstreams"]

  /// What a header names.
  struct Match {
    /// The field.
    var field: HeaderField
    /// The work-stream family, whose meaning depends on the other columns.
    var isWorkstream = false
    /// The whole header is the synonym (not a prefix of it).
    var exact: Bool
    /// The word came from the configuration (`[headers]` in `wsoa.toml`).
    var configured = false
    /// The field to take when another column has claimed `field`.
    var fallback: HeaderField?

    /// How strongly the header claims its field: a configured word over a
    /// built-in one, an exact header over a prefix; a work-stream header
    /// only claims what no other column does.
    var strength: Int { isWorkstream ? 0 : (configured ? 3 : 1) + (exact ? 1 : 0) }
  }

  /// The field a header names, if any: the council's own words first, then
  /// the built-in synonyms (longest first).
  static func match(_ header: String, words: HeaderWords = HeaderWords()) -> Match? {
    let h = normalise(header)
    guard !h.isEmpty else { return nil }
    if let (field, exact) = words.match(h) { return Match(field: field, exact: exact, configured: true) }
    if let (_, _, exact) = longestWordPrefix(of: h, in: workstreams, longest: longestWorkstream) {
      return Match(field: .priority, isWorkstream: true, exact: exact, fallback: .subGroup)
    }
    if let (synonym, field, exact) = longestWordPrefix(of: h, in: synonymTable, longest: longestSynonym) {
      return Match(field: field, exact: exact, fallback: fallbacks[synonym])
    }
    return nil
  }

  /// The built-in synonyms by their words (the first listing of a word wins).
  private static let synonymTable: [String: HeaderField] = Dictionary(synonyms, uniquingKeysWith: { first, _ in first })
  private static let workstreams: [String: Bool] = Dictionary(uniqueKeysWithValues: workstreamSynonyms.map { ($0, true) })

  /// The longest key of `table` that is all of normalised `text`, or (when
  /// longer than three bytes) its first whole words: `Lead October` finds
  /// `lead`. At most one look-up per space among the first `longest`
  /// bytes, however many synonyms there are: a wide sheet costs a constant
  /// per cell.
  static func longestWordPrefix<Value>(of text: String, in table: [String: Value], longest: Int) -> (
    String, Value, exact: Bool
  )? {
    if let value = table[text] { return (text, value, true) }
    let bytes = Array(text.utf8.prefix(longest + 1))
    var end = bytes.count - 1
    while end > 3 {
      if bytes[end] == 32 {
        let words = String(decoding: bytes[..<end], as: UTF8.self)
        if let value = table[words] { return (words, value, false) }
      }
      end -= 1
    }
    return nil
  }

  /// The lengths in bytes of the longest built-in synonyms.
  private static let longestSynonym = synonyms.map(\.0.utf8.count).max() ?? 0
  private static let longestWorkstream = workstreamSynonyms.map(\.utf8.count).max() ?? 0

  /// The field a configuration name means: the field's name in any case,
  /// with or without `_`, `-` or spaces (`focus_area`, `Percent complete`),
  /// or a common name for it (`update`, `due_date`, `owner`).
  static func named(_ name: String) -> HeaderField? {
    let key = normalise(name).split(separator: " ").joined()
    if let field = allCases.first(where: { $0.rawValue.lowercased() == key }) { return field }
    let aliases: [String: HeaderField] = [
      "duedate": .due, "update": .notes, "updates": .notes, "progress": .notes, "owner": .lead, "responsible": .lead,
      "id": .ref, "reference": .ref, "subgroups": .subGroup, "workstream": .subGroup, "percent": .percentComplete,
      "complete": .percentComplete, "sro": .accountable, "focus": .focusArea,
    ]
    return aliases[key]
  }

  /// Whether normalised `text` is `words` followed by a space and more
  /// (byte by byte: both are normalised, so ASCII-lowercased).
  private static func startsWithWords(_ text: String, _ words: String) -> Bool {
    let t = text.utf8
    let w = words.utf8
    guard t.count > w.count, t.starts(with: w) else { return false }
    return t[t.index(t.startIndex, offsetBy: w.count)] == 32
  }

  /// The byte as `normalise` keeps it (ASCII capitals lowered), or nil
  /// when it is not a word byte (ASCII punctuation other than `%`, spaces).
  @inline(__always)
  static func wordByte(_ b: UInt8) -> UInt8? {
    let isWord = ASCIICase.isDigit(b) || ASCIICase.isLetter(b) || b == UInt8(ascii: "%") || b >= 0x80
    return isWord ? ASCIICase.lower(b) : nil
  }

  /// Lower case; punctuation other than `%` becomes a space; spaces collapsed.
  static func normalise(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(min(text.utf8.count, 64))
    var space = false
    for b in text.utf8 {
      if let word = wordByte(b) {
        if space, !out.isEmpty { out.append(32) }
        space = false
        out.append(word)
      } else {
        space = true
      }
      if out.count > 200 { break }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// Header words a council adds to the built-in synonyms (`[headers]` in
/// `wsoa.toml`): each header, as `HeaderField.normalise` leaves it, and the
/// field it names. They win over the built-in words.
public struct HeaderWords: Sendable, Hashable {
  private var map: [String: HeaderField] = [:]
  private var longest = 0

  /// No words of the council's own.
  public init() {}

  /// Whether no words are configured.
  public var isEmpty: Bool { map.isEmpty }

  /// The field names a configuration may map a header to.
  public static var fieldNames: [String] {
    ["priority", "focus_area", "ref", "action", "lead", "accountable", "sub_group", "impact", "notes", "evidence", "due", "percent_complete"]
  }

  /// Maps a header to a field; `false` when the field name is unknown or the
  /// header has no letters.
  public mutating func define(_ header: String, as fieldName: String) -> Bool {
    let key = HeaderField.normalise(header)
    guard !key.isEmpty, let field = HeaderField.named(fieldName) else { return false }
    map[key] = field
    longest = max(longest, key.utf8.count)
    return true
  }

  /// The field a normalised header names in the council's words, and
  /// whether the words are all of it (the longest match wins).
  func match(_ header: String) -> (HeaderField, exact: Bool)? {
    HeaderField.longestWordPrefix(of: header, in: map, longest: longest).map { ($0.1, $0.exact) }
  }

  public static func == (a: HeaderWords, b: HeaderWords) -> Bool { a.map == b.map }
  public func hash(into hasher: inout Hasher) { hasher.combine(map) }
}
