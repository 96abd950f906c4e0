import Diagnostics
public import TrackerModel

/// The merge report printed on standard error: each warning and info like a
/// compiler's (`file:Sheet!H9: warning[merge.status_conflict]: …` then the
/// fix), then the returns in merge order and the counts.
public enum MergeTextReport {
  /// Renders the report.
  ///
  /// - Parameters:
  ///   - result: the merge.
  ///   - master: the master as named.
  ///   - output: where the merged tracker went.
  public static func render(_ result: MergeResult, master: String, output: String) -> String {
    var text = ""
    for diagnostic in result.diagnostics {
      let place = diagnostic.location.map { "\($0): " } ?? ""
      text += "\(place)\(diagnostic.severity.rawValue)[\(diagnostic.code)]: \(diagnostic.message)\n"
      if let fix = diagnostic.fix { text += "  fix: \(fix)\n" }
    }
    if !result.diagnostics.isEmpty { text += "\n" }
    let applied = result.returns.filter { !$0.skipped }.count
    text += "merged \(applied) return\(applied == 1 ? "" : "s") into \(master) -> \(output)\n"
    for ret in result.returns {
      let group = ret.subGroup.map { "\($0) (from \(origin(ret.subGroupOrigin)))" } ?? "sub-group unknown"
      text += "  \(ret.file): \(group), \(ret.actions) action\(ret.actions == 1 ? "" : "s")\(ret.skipped ? ", skipped (duplicate)" : "")\n"
    }
    let s = result.summary
    var conflicts = "\(s.conflicts)"
    var details: [String] = []
    if s.historyRewrites > 0 { details.append("\(s.historyRewrites) history rewrite\(s.historyRewrites == 1 ? "" : "s")") }
    if s.unresolvedConflicts > 0 { details.append("\(s.unresolvedConflicts) unresolved") }
    if !details.isEmpty { conflicts += " (" + details.joined(separator: ", ") + ")" }
    var rows: [(String, String)] = [
      ("updated cells", "\(s.updatedCells)"),
      ("new periods", "\(s.newPeriods)" + (s.periodMismatches > 0 ? " (\(s.periodMismatches) overlapping)" : "")),
      ("conflicts", conflicts),
      ("new actions", "\(s.newActions)"),
      ("missing updates", "\(s.missingUpdates)" + (s.missingReturns > 0 ? " (\(s.missingReturns) sub-group\(s.missingReturns == 1 ? "" : "s") sent no return)" : "")),
      ("notes added", "\(s.notesAdded)" + (s.notesEdited > 0 ? " (\(s.notesEdited) reworded, both kept)" : "")),
      ("evidence added", "\(s.evidenceAdded)" + (s.evidenceRemoved > 0 ? " (\(s.evidenceRemoved) missing from a return, kept)" : "")),
      ("lead/text/due changes", "\(s.governanceChanges)" + " (\(s.governanceAccepted) accepted)"),
      ("out of remit", "\(s.outOfRemit)"),
      ("matched by text", "\(s.matchedByText)"),
    ]
    if s.ambiguousKeys > 0 { rows.append(("ambiguous keys", "\(s.ambiguousKeys) (not applied)")) }
    let width = rows.map(\.0.count).max() ?? 0
    for (label, value) in rows {
      text += "  " + label + String(repeating: " ", count: width - label.count) + "  " + value + "\n"
    }
    if result.hasUnresolvedConflicts {
      text += "unresolved conflicts kept the master's values; rerun with --prefer master or --prefer return to resolve them\n"
    }
    return text
  }

  private static func origin(_ origin: SubGroupOrigin) -> String {
    switch origin {
    case .flag: "--sub-group"
    case .column: "its sub-group column"
    case .fileName: "the file name"
    case .unknown: "unknown"
    }
  }
}
