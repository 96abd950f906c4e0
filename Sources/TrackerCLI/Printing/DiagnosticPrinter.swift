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
    let label = Colour.paint("\(severity)[\(diagnostic.code)]", Colour.Ink(diagnostic.severity), enabled: colour)
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
      StandardError.write(format(diagnostic, colour: Colour.onStandardError))
    }
  }
}
