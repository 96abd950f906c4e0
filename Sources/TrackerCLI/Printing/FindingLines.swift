import Diagnostics

/// The one way every command prints a finding, like a compiler:
///
/// ```text
/// returns.tsv:9 (H9): warning[status.regression_without_note]: 3.1F went from G to G/A …
///     fix: Add a dated note explaining why the status went down.
///     related: line 9 (G9)
/// ```
///
/// The location (or the file, when the finding has none), the severity and
/// code (coloured when `colour`), the message; then the fix and the related
/// cells, indented four spaces.
enum FindingLines {
  /// The indentation of fix and related lines.
  static let indent = "    "

  /// The lines for `findings` (info left out when `quiet`); `file` stands in
  /// for a finding without a location.
  static func render(_ findings: [Diagnostic], quiet: Bool = false, colour: Bool = false, file: String = "-") -> String {
    var out = ""
    write(findings, quiet: quiet, colour: colour, file: file) { out += $0 }
    return out
  }

  /// The same lines, handed to `emit` a finding at a time, so a report of a
  /// large tracker's hundreds of thousands of findings streams to its output
  /// instead of being built whole first.
  static func write(
    _ findings: [Diagnostic], quiet: Bool = false, colour: Bool = false, file: String = "-", to emit: (String) -> Void
  ) {
    for finding in findings where !(quiet && finding.severity == .info) {
      let label = Colour.paint(
        "\(finding.severity.rawValue)[\(finding.code)]", Colour.Ink(finding.severity), enabled: colour)
      var lines = "\(finding.location?.description ?? file): \(label): \(finding.message)\n"
      if let fix = finding.fix { lines += "\(indent)fix: \(fix)\n" }
      if !finding.related.isEmpty {
        lines += "\(indent)related: " + finding.related.map { short($0, in: finding.location) }.joined(separator: ", ") + "\n"
      }
      emit(lines)
    }
  }

  /// A related cell, shortened when it is in the finding's own file.
  static func short(_ related: SourceLocation, in location: SourceLocation?) -> String {
    guard let location, location.file == related.file else { return related.description }
    if let line = related.line { return "line \(line)" + (related.cell.map { " (\($0.a1))" } ?? "") }
    return related.sheetCell ?? related.description
  }
}
