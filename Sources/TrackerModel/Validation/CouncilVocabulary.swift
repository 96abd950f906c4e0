public import Diagnostics

/// A council's own status words (`"On track" = green`, an extra status such
/// as `"Paused" = grey`), applied over the recogniser's reading: a listed
/// word wins over the built-in vocabulary and the legend.
///
/// Words match case-insensitively, ignoring hyphens and repeated spaces.
public struct CouncilVocabulary: Hashable, Sendable {
  /// What a word means.
  public struct Meaning: Hashable, Sendable {
    /// The rating it maps to.
    public var rating: Rating
    /// Completion, when the word says so.
    public var completion: Completion?
    /// The council's label to keep (defaults to the word as configured).
    public var label: String?

    /// Creates a meaning.
    public init(rating: Rating, completion: Completion? = nil, label: String? = nil) {
      self.rating = rating
      self.completion = completion
      self.label = label
    }
  }

  /// Meanings by normalised word.
  public private(set) var meanings: [String: Meaning] = [:]

  /// Creates an empty vocabulary.
  public init() {}

  /// Whether no words are configured.
  public var isEmpty: Bool { meanings.isEmpty }

  /// Adds (or replaces) a word.
  public mutating func define(_ word: String, as meaning: Meaning) {
    meanings[CouncilVocabulary.normalised(word)] = meaning
  }

  /// The meaning of a status text, if configured.
  public func meaning(of raw: String) -> Meaning? {
    meanings.isEmpty ? nil : meanings[CouncilVocabulary.normalised(raw)]
  }

  /// The plan with every configured word re-read, and the cells changed
  /// (with the word as written), so callers can drop the recogniser's
  /// `status.unknown` for them and report the reading.
  public func apply(to plan: Plan) -> (plan: Plan, changed: [(cell: SourceLocation?, raw: String, meaning: Meaning)]) {
    guard !meanings.isEmpty else { return (plan, []) }
    var plan = plan
    var changed: [(cell: SourceLocation?, raw: String, meaning: Meaning)] = []
    for actionIndex in plan.actions.indices {
      for statusIndex in plan.actions[actionIndex].statuses.indices {
        let slot = plan.actions[actionIndex].statuses[statusIndex]
        guard !slot.status.raw.isEmpty, let meaning = meaning(of: slot.status.raw) else { continue }
        plan.actions[actionIndex].statuses[statusIndex].status = reread(slot.status, meaning)
        changed.append((slot.source, slot.status.raw, meaning))
      }
    }
    for index in plan.priorities.indices {
      guard let status = plan.priorities[index].overallStatus, let meaning = meaning(of: status.raw) else { continue }
      plan.priorities[index].overallStatus = reread(status, meaning)
      changed.append((plan.priorities[index].overallStatusSource, status.raw, meaning))
    }
    return (plan, changed)
  }

  private func reread(_ status: Status, _ meaning: Meaning) -> Status {
    Status(
      raw: status.raw, rating: meaning.rating, towards: nil,
      completion: meaning.completion ?? (meaning.rating == .blue ? .embedded : nil),
      label: meaning.label ?? status.raw.trimmingSpaces, origin: status.origin)
  }

  /// Lower-cased, hyphens as spaces, whitespace collapsed and trimmed.
  public static func normalised(_ word: String) -> String {
    word.lowercased().split { $0 == " " || $0 == "-" || $0 == "–" || $0 == "\t" || $0 == "\n" || $0 == "_" }
      .joined(separator: " ")
  }
}
