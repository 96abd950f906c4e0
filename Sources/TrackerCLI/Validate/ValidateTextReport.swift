import Diagnostics
import TrackerKit
import TrackerModel

/// The compiler-like text report: one line per finding (location,
/// severity, code, message) with indented fix and related lines, grouped by
/// file and sorted by location; a note on the reading used and a one-line
/// summary per file; a table of files × counts when there are several.
struct ValidateTextReport {
  /// Whether to use ANSI colour (only on a terminal).
  let colour: Bool

  /// The report as one string.
  func render(_ verdicts: [FileValidation]) -> String {
    var out = ""
    write(verdicts) { out += $0 }
    return out
  }

  /// The report, handed to `emit` piece by piece (a finding's lines at a
  /// time): `validate` streams it into its output.
  func write(_ verdicts: [FileValidation], to emit: (String) -> Void) {
    for verdict in verdicts { writeFile(verdict, to: emit) }
    if verdicts.count > 1 { emit("\n" + table(verdicts)) }
  }

  private func writeFile(_ verdict: FileValidation, to emit: (String) -> Void) {
    if let failure = verdict.failure {
      // Why it was not checked is on standard error (`wsoa: FILE: error: …`, RunReport).
      emit("\(verdict.file): \(label(failure))\n")
      return
    }
    FindingLines.write(verdict.findings, colour: colour, file: verdict.file, to: emit)
    var out = ""
    if let reading = verdict.reading { out += "\(verdict.file): note: statuses read with \(reading)\n" }
    if let config = verdict.configPath { out += "\(verdict.file): note: settings from \(config)\n" }
    out += "\(verdict.file): \(Self.counts(verdict)): \(verdict.passes ? paint("ok", .green) : paint("FAILED", .red))"
    out += verdict.strict && verdict.count(.warning) > 0 && verdict.count(.error) == 0 ? " (strict: warnings fail)\n" : "\n"
    emit(out)
  }

  private func table(_ verdicts: [FileValidation]) -> String {
    let width = max(4, verdicts.map(\.file.count).max() ?? 4)
    func pad(_ text: String, _ n: Int) -> String { text + String(repeating: " ", count: max(0, n - text.count)) }
    func right(_ text: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - text.count)) + text }
    var out = pad("file", width) + "  " + right("errors", 6) + "  " + right("warnings", 8) + "  " + right("info", 6) + "  result\n"
    for verdict in verdicts {
      let checked = verdict.failure == nil
      let cells = [Severity.error, .warning, .info].map { checked ? String(verdict.count($0)) : "-" }
      out += pad(verdict.file, width) + "  " + right(cells[0], 6) + "  " + right(cells[1], 8) + "  " + right(cells[2], 6) + "  "
      out += (verdict.failure.map(label) ?? (verdict.passes ? "ok" : "FAILED")) + "\n"
    }
    let ok = verdicts.filter(\.passes).count
    let unread = verdicts.filter { $0.failure != nil }.count
    out += "\(verdicts.count) files: \(ok) ok, \(verdicts.count - ok - unread) failed, \(unread) not checked\n"
    return out
  }

  private func label(_ failure: FileValidation.Failure) -> String {
    switch failure {
    case .missing: "missing"
    case .unreadable: "unreadable"
    case .badConfig: "bad config"
    }
  }

  /// `0 errors, 5 warnings, 10 info`.
  static func counts(_ verdict: FileValidation) -> String {
    let errors = verdict.count(.error)
    let warnings = verdict.count(.warning)
    return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(verdict.count(.info)) info"
  }

  private func paint(_ text: String, _ ink: Colour.Ink) -> String {
    Colour.paint(text, ink, enabled: colour)
  }
}
