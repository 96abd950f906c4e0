import Diagnostics

/// Prints diagnostics on standard error, one per line, compiler style:
///
/// ```text
/// returns.csv:3: warning[csv.encoding_fallback]: the file is not valid UTF-8 …
///   fix: Check accented letters …
/// ```
enum DiagnosticPrinter {
  /// The text for one diagnostic (without colour), ending in a newline.
  static func format(_ diagnostic: Diagnostic, colour: Bool = false) -> String {
    let severity = diagnostic.severity.rawValue
    let label = colour ? StandardError.styled("\(severity)[\(diagnostic.code)]", code(for: diagnostic.severity)) : "\(severity)[\(diagnostic.code)]"
    var text = ""
    if let location = diagnostic.location { text += "\(location): " }
    text += "\(label): \(diagnostic.message)\n"
    for related in diagnostic.related { text += "  note: see \(related)\n" }
    if let fix = diagnostic.fix { text += "  fix: \(fix)\n" }
    return text
  }

  /// Prints `diagnostics` on standard error.
  static func print(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
      StandardError.write(format(diagnostic, colour: StandardError.usesColor))
    }
  }

  private static func code(for severity: Severity) -> Int {
    switch severity {
    case .error: 31
    case .warning: 33
    case .info: 36
    }
  }
}
