import Diagnostics

/// Renders findings like a compiler: `file:Sheet!B7: warning[code]: message`,
/// then an indented fix line.
enum FindingLines {
  /// The lines for a list of findings (info left out when `quiet`).
  static func render(_ findings: [Diagnostic], quiet: Bool) -> String {
    var out = ""
    for d in findings where !(quiet && d.severity == .info) {
      out += "\(d.location?.description ?? "-"): \(d.severity.rawValue)[\(d.code)]: \(d.message)\n"
      if let fix = d.fix { out += "    fix: \(fix)\n" }
    }
    return out
  }
}
