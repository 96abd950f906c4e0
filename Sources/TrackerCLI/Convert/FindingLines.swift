import Diagnostics

/// Renders findings like a compiler: `file:Sheet!B7: warning[code]: message`,
/// then an indented fix line.
enum FindingLines {
  /// The lines for a list of findings (info left out when `quiet`), the
  /// severity coloured when `colour`.
  static func render(_ findings: [Diagnostic], quiet: Bool, colour: Bool = false) -> String {
    var out = ""
    for d in findings where !(quiet && d.severity == .info) {
      let label = Colour.paint("\(d.severity.rawValue)[\(d.code)]", Colour.Ink(d.severity), enabled: colour)
      out += "\(d.location?.description ?? "-"): \(label): \(d.message)\n"
      if let fix = d.fix { out += "    fix: \(fix)\n" }
    }
    return out
  }
}
