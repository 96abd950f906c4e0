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

  /// Synonyms, normalised (`HeaderField.normalise`). Short ones (≤ 3
  /// characters) must match exactly; the others also as a prefix followed by
  /// more words (`Lead October`, `EVIDENCE (See PR 2 …)`).
  static let synonyms: [(String, HeaderField)] = {
    var list: [(String, HeaderField)] = []
    func add(_ field: HeaderField, _ words: [String]) { for w in words { list.append((w, field)) } }
    add(.priority, [
      "priority", "priority area", "asw", "area of significant weakness", "area of weakness",
      "areas of significant weakness", "improvement area", "section", "theme",
    ])
    add(.focusArea, ["focus area", "focus areas", "outcome", "outcomes", "objective", "objectives", "intended outcome"])
    add(.ref, ["ref", "action ref", "ref no", "reference", "id", "no", "action no", "action id", "action number", "action reference"])
    add(.action, ["action", "actions", "what we will do", "action description", "key actions", "key action"])
    add(.lead, [
      "lead", "leads", "lead s", "lead officer", "action lead", "responsible officer", "owner", "action owner",
      "responsible", "lead person",
    ])
    add(.accountable, ["accountable", "accountable officer", "senior responsible officer", "sro", "accountable lead"])
    add(.subGroup, ["sub group", "subgroup", "owning group", "sub groups"])
    add(.impact, [
      "evidence impact", "evidence of impact", "impact", "impact measure", "impact measures", "success criteria",
      "measures of success", "measure of success", "outcome measure", "outcome measures",
    ])
    add(.notes, [
      "progress", "progress update", "progress updates", "progress notes", "progress to date", "sub group action to date",
      "action to date", "commentary", "update", "updates", "notes", "latest update", "rag commentary",
    ])
    add(.evidence, ["evidence", "evidence ref", "evidence refs", "supporting evidence", "evidence of progress"])
    add(.due, ["due date", "due", "target date", "by when", "timescale", "timescales", "deadline", "completion date", "target completion date"])
    add(.percentComplete, ["% complete", "percentage complete", "percent complete", "% completed"])
    return list.sorted { $0.0.utf8.count > $1.0.utf8.count }
  }()

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

  /// The field a header names, if any. `isWorkstream` is set for the
  /// work-stream family, whose meaning depends on the other columns.
  static func match(_ header: String) -> (field: HeaderField, isWorkstream: Bool, exact: Bool)? {
    let h = normalise(header)
    guard !h.isEmpty else { return nil }
    for w in workstreamSynonyms where h == w || startsWithWords(h, w) {
      return (.priority, true, h == w)
    }
    for (synonym, field) in synonyms {
      if h == synonym { return (field, false, true) }
      if synonym.utf8.count > 3, startsWithWords(h, synonym) { return (field, false, false) }
    }
    return nil
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
