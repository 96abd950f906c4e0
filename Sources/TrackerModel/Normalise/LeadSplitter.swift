/// Splits a lead cell into leads (domain.md §5.5): on `/`, `;`, `&`,
/// ` and `, commas between names, and line breaks; trims and collapses
/// spaces; keeps order and raw text; never corrects typos (`Head od SEND`
/// stays). `TBC`, `TBA`, `?`, `-`, `n/a` mean no lead.
public enum LeadSplitter {
  /// Placeholders that mean "no lead yet".
  static let placeholders: Set<String> = ["tbc", "tba", "tbd", "?", "-", "n/a", "na", "none", "to be confirmed"]

  /// Whether the cell text says "as above" / "ditto" (`AsAbove`).
  public static func isAsAbove(_ text: String) -> Bool { AsAbove.says(text) }

  /// Whether the text is only a placeholder such as `TBC`.
  public static func isPlaceholder(_ text: String) -> Bool {
    placeholders.contains(StatusVocabulary.normalisedKey(text))
  }

  /// The leads named in a cell, in order (placeholders dropped).
  ///
  /// - Parameters:
  ///   - text: the cell's text (markup is removed first).
  ///   - source: the cell, given to every lead.
  public static func split(_ text: String, source: CellRef? = nil) -> [Lead] {
    let clean = MarkupText(text)
    var leads: [Lead] = []
    for paragraph in clean.paragraphs {
      for piece in pieces(paragraph) {
        let name = piece.collapsedWhitespace
        guard !name.isEmpty, !isPlaceholder(name) else { continue }
        leads.append(Lead(raw: piece, name: name, kind: kind(of: name), source: source))
      }
    }
    return leads
  }

  /// Splits one line on `/`, `;`, `&`, `+`, ` and `.
  private static func pieces(_ line: String) -> [String] {
    let b = Array(line.utf8)
    var out: [String] = []
    var start = 0
    var i = 0
    while i < b.count {
      let c = b[i]
      if c == UInt8(ascii: "/") || c == UInt8(ascii: ";") || c == UInt8(ascii: "&") || c == UInt8(ascii: "+") {
        out.append(TextBytes.string(b, start, i))
        i += 1
        start = i
        continue
      }
      if c == 32, TextBytes.hasPrefixCI(b, i + 1, "and"), b.at(i + 4) == 32 {
        out.append(TextBytes.string(b, start, i))
        i += 5
        start = i
        continue
      }
      i += 1
    }
    out.append(TextBytes.string(b, start, b.count))
    return out.map { $0.collapsedWhitespace }.filter { !$0.isEmpty }
  }

  private static let roleWords: Set<String> = [
    "head", "of", "send", "scm", "manager", "officer", "lead", "director", "team", "service", "services",
    "coordinator", "co-ordinator", "senco", "dco", "dmo", "principal", "chair", "commissioner", "commissioning",
    "assistant", "deputy", "senior", "strategic", "designated", "clinical", "education", "health", "social",
    "care", "inclusion", "ehc", "ehcp", "all", "partners", "cyp", "la", "ccg", "icb", "nhs", "business", "partner",
    "finance", "school", "schools", "virtual", "adviser", "advisor", "specialist", "therapist", "psychologist", "nurse",
    "worker", "planner", "analyst", "headteacher", "headteachers", "officers", "managers", "leads", "practitioner",
  ]
  /// Job titles that make the whole name a role even when it names a body (`Chair of the Board`).
  private static let titleWords: Set<String> = [
    "head", "chair", "director", "lead", "manager", "officer", "assistant", "deputy", "senior", "principal", "strategic",
    "designated", "clinical", "service", "services", "scm",
  ]
  private static let orgWords: Set<String> = [
    "group", "board", "partnership", "council", "forum", "ccg", "icb", "nhs", "trust", "ipg", "sub", "subgroup",
    "hub", "hubs", "network", "ipg", "committee", "spg",
  ]

  /// Person (two or three capitalised words, none a role word), org (names a
  /// group or body), otherwise role (`SCM SEND`, `Head of SEND`).
  static func kind(of name: String) -> Lead.Kind {
    let written = name.split(separator: " ")
    let words = written.map(lowered)
    if let first = words.first, titleWords.contains(first) { return .role }
    if words.contains(where: { orgWords.contains($0) }) { return .org }
    let capitalised = written.allSatisfy(isCapitalised)
    if (2...4).contains(words.count), capitalised, !words.contains(where: { roleWords.contains($0) }) {
      return .person
    }
    return .role
  }

  /// The word in lower case: ASCII byte by byte (most names), others
  /// through Unicode case mapping.
  private static func lowered(_ word: Substring) -> String {
    guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return word.lowercased() }
    return String(decoding: word.utf8.map(TextBytes.lower), as: UTF8.self)
  }

  /// Whether a word is capitalised like a name: an upper-case first letter
  /// and a lower-case letter after it (or nothing after it). ASCII words are
  /// checked byte by byte; others with Unicode properties.
  private static func isCapitalised(_ word: Substring) -> Bool {
    let bytes = word.utf8
    if bytes.allSatisfy({ $0 < 0x80 }) {
      guard let first = bytes.first, first >= 65, first <= 90 else { return false }
      return bytes.count == 1 || bytes.dropFirst().contains { $0 >= 97 && $0 <= 122 }
    }
    guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
    return word.dropFirst().contains { $0.isLowercase } || word.count == 1
  }
}
