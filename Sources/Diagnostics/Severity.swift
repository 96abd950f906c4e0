/// How serious a diagnostic is.
///
/// - `error`: the input cannot be represented faithfully; commands exit 1.
/// - `warning`: a reviewer must act.
/// - `info`: an interpretation the tool applied.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
  /// An interpretation the tool applied.
  case info
  /// Something a reviewer must act on.
  case warning
  /// The input cannot be represented faithfully.
  case error

  private var rank: Int {
    switch self {
    case .info: 0
    case .warning: 1
    case .error: 2
    }
  }

  /// Orders info < warning < error.
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
