public import Diagnostics

/// Which finding codes are switched off and which are re-graded, applied to
/// recogniser diagnostics and rule findings alike.
///
/// ```swift
/// var policy = FindingPolicy()
/// policy.disable("action.overdue")
/// policy.regrade("status.gap", to: .info)
/// ```
public struct FindingPolicy: Hashable, Sendable {
  /// Codes that are not reported.
  public var disabled: Set<String>
  /// Severities that replace the catalogue's, by code.
  public var severities: [String: Severity]

  /// Creates a policy; by default every code is on at its catalogue severity.
  public init(disabled: Set<String> = [], severities: [String: Severity] = [:]) {
    self.disabled = disabled
    self.severities = severities
  }

  /// Switches a code off.
  public mutating func disable(_ code: String) {
    disabled.insert(code)
    severities[code] = nil
  }

  /// Reports a code at another severity (and switches it back on).
  public mutating func regrade(_ code: String, to severity: Severity) {
    disabled.remove(code)
    severities[code] = severity
  }

  /// Whether a code is reported.
  public func isEnabled(_ code: String) -> Bool { disabled.isEmpty || !disabled.contains(code) }

  /// The findings with switched-off codes removed and re-graded ones changed.
  public func apply(to findings: [Diagnostic]) -> [Diagnostic] {
    var findings = findings
    apply(to: &findings)
    return findings
  }

  /// Removes switched-off codes and re-grades the others, in place (the
  /// order of those kept is unchanged): a large tracker's findings are not
  /// copied.
  public func apply(to findings: inout [Diagnostic]) {
    if !disabled.isEmpty { findings.removeAll { disabled.contains($0.code) } }
    guard !severities.isEmpty else { return }
    for index in findings.indices {
      if let severity = severities[findings[index].code] { findings[index].severity = severity }
    }
  }
}
