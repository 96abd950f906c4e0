/// Splits a lead cell into leads: on the separators councils put between
/// people, `/`, `;` and line breaks; and on ` and `, `&` and `+` only
/// between two parts that each look like a person's name (`Tim Moss and
/// Lynn Tolley`), so a role with a conjunction inside stays one lead
/// (`Speech and Language Therapy Manager`, `Head of SEN & Disability`).
/// Trims and collapses spaces; keeps order and raw text; never corrects
/// typos (`Head od SEND` stays). `TBC`, `TBA`, `?`, `-`, `n/a` mean no lead.
/// Each split at a conjunction is returned (`read`) so the caller can report it.
public enum LeadSplitter {
  /// A split made at a conjunction between two names.
  public struct ConjunctionSplit: Equatable, Sendable {
    /// The name before the conjunction.
    public var before: String
    /// The conjunction as written (`and`, `&`, `+`).
    public var conjunction: String
    /// The name after it.
    public var after: String
  }

  /// The leads of a cell and the conjunctions it was split at.
  public struct Reading: Sendable {
    /// The leads, in order (placeholders dropped).
    public var leads: [Lead]
    /// The splits made at ` and `, `&` or `+`, in order.
    public var conjunctionSplits: [ConjunctionSplit]
  }

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
    read(text, source: source).leads
  }

  /// The leads named in a cell, and where it was split at a conjunction.
  ///
  /// - Parameters:
  ///   - text: the cell's text (markup is removed first).
  ///   - source: the cell, given to every lead.
  public static func read(_ text: String, source: CellRef? = nil) -> Reading {
    let clean = MarkupText(text)
    var reading = Reading(leads: [], conjunctionSplits: [])
    for paragraph in clean.paragraphs {
      for piece in pieces(paragraph, splits: &reading.conjunctionSplits) {
        let name = piece.collapsedWhitespace
        guard !name.isEmpty, !isPlaceholder(name) else { continue }
        reading.leads.append(Lead(raw: piece, name: name, kind: kind(of: name), source: source))
      }
    }
    return reading
  }

  /// Splits one line on `/` and `;`, then each part on ` and `, `&` and `+`
  /// where the words on both sides look like people's names.
  private static func pieces(_ line: String, splits: inout [ConjunctionSplit]) -> [String] {
    let b = Array(line.utf8)
    var out: [String] = []
    var segments: [String] = []
    var conjunctions: [String] = []
    var start = 0
    var i = 0
    func endPart() {
      segments.append(TextBytes.string(b, start, i))
      var current = segments[0]
      for (conjunction, next) in zip(conjunctions, segments.dropFirst()) {
        let left = current.collapsedWhitespace
        let right = next.collapsedWhitespace
        if looksLikePerson(left), looksLikePerson(right) {
          out.append(current)
          splits.append(ConjunctionSplit(before: left, conjunction: conjunction, after: right))
          current = next
        } else {
          current += (conjunction == "&" || conjunction == "+" ? conjunction : " " + conjunction + " ") + next
        }
      }
      out.append(current)
      segments = []
      conjunctions = []
    }
    while i < b.count {
      let c = b[i]
      if c == UInt8(ascii: "/") || c == UInt8(ascii: ";") {
        endPart()
        i += 1
        start = i
        continue
      }
      if c == UInt8(ascii: "&") || c == UInt8(ascii: "+") {
        segments.append(TextBytes.string(b, start, i))
        conjunctions.append(c == UInt8(ascii: "&") ? "&" : "+")
        i += 1
        start = i
        continue
      }
      if c == 32, TextBytes.hasPrefixCI(b, i + 1, "and"), b.at(i + 4) == 32 {
        segments.append(TextBytes.string(b, start, i))
        conjunctions.append(TextBytes.string(b, i + 1, i + 4))
        i += 5
        start = i
        continue
      }
      i += 1
    }
    endPart()
    return out.map { $0.collapsedWhitespace }.filter { !$0.isEmpty }
  }

  /// Whether a part of a lead cell looks like one person's name: a person
  /// by `kind(of:)` (two to four capitalised words, no role or body word)
  /// with no word that names a service, subject or client group (`Early
  /// Years`, `Youth Justice`, `Language Therapy`), which people's names do
  /// not hold.
  static func looksLikePerson(_ name: String) -> Bool {
    guard kind(of: name) == .person else { return false }
    return !name.split(separator: " ").contains { serviceWords.contains(lowered($0)) }
  }

  /// Words of service, subject and client-group names, never of a person's
  /// name in a lead cell.
  private static let serviceWords: Set<String> = [
    "speech", "language", "languages", "therapy", "therapies", "occupational", "physiotherapy", "physio", "audiology",
    "paediatric", "paediatrics", "pediatric", "autism", "neurodevelopmental", "camhs", "mental", "wellbeing",
    "well-being", "emotional", "behaviour", "behavior", "public", "early", "years", "help", "youth", "justice",
    "children", "childrens", "children's", "families", "family", "adult", "adults", "adulthood", "preparing",
    "transition", "transitions", "transport", "travel", "sen", "send", "disability", "disabilities", "learning",
    "skills", "employment", "employability", "housing", "quality", "assurance", "improvement", "performance", "data",
    "information", "intelligence", "advice", "support", "participation", "engagement", "co-production",
    "coproduction", "parent", "parents", "carer", "carers", "voluntary", "community", "communities", "local", "offer",
    "integrated", "primary", "secondary", "further", "higher", "alternative", "provision", "placement", "placements",
    "admissions", "attendance", "exclusions", "inclusion", "safeguarding", "social", "care", "strategy", "policy",
    "planning", "operations", "operational", "customer", "communications", "comms", "workforce", "development",
    "training", "commissioning", "contracts", "procurement", "finance", "funding", "resources", "sufficiency",
    "capital", "estates", "admission", "assessment", "assessments", "review", "reviews", "statutory", "tribunal",
    "mediation", "complaints", "compliance", "governance", "nursing", "medical", "clinical", "hearing", "vision",
    "sensory", "physical", "communication", "interaction", "cognition", "needs", "educational", "psychology",
    "psychologists", "post-16", "post", "pre-school", "preschool", "nursery", "nurseries", "colleges", "college",
    "academy", "academies", "trusts", "virtual", "looked", "after", "leaving", "leavers", "corporate", "parenting",
    "portage", "outreach", "short", "breaks", "respite", "personal", "budgets", "direct", "payments",
    "ehc", "ehcp", "sendiass", "iass", "pcf", "dsco", "dco", "dmo", "designated", "all-age", "age", "ages", "school",
    "schools", "education", "health", "services", "service", "team", "teams", "unit", "office", "department",
    "directorate", "division", "programme", "program", "project", "projects", "pathway", "pathways", "hub",
  ]

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
