/// A RAG/BRAG rating, normalised from whatever words a council uses.
public enum Rating: String, Hashable, Sendable, Codable, CaseIterable {
  /// Red: off track, delayed, significant concern.
  case red
  /// Amber: at risk, some slippage, in progress.
  case amber
  /// Green: on track (or completed, in councils whose key says so).
  case green
  /// Blue: complete and embedded, business as usual.
  case blue
  /// Grey: not started (never `GR`, which is Graduated Response).
  case grey
  /// Not applicable.
  case notApplicable
  /// No status given.
  case none
  /// A value outside the vocabulary and the legend; the raw text is kept.
  case unknown

  /// Rank for regressions: red 1 < amber 2 < green 3 < blue 5 (green with
  /// completion ranks 4, see `Status.rank`); `nil` for ratings off the scale.
  public var baseRank: Int? {
    switch self {
    case .red: 1
    case .amber: 2
    case .green: 3
    case .blue: 5
    case .grey, .notApplicable, .none, .unknown: nil
    }
  }
}

/// What a rating says about completion.
public enum Completion: String, Hashable, Sendable, Codable {
  /// The work is done.
  case complete
  /// The work is done and embedded in business as usual.
  case embedded
}
