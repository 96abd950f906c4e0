import Diagnostics

/// `lead.missing` (warning): an action with no lead, or only placeholders
/// (`TBC`, `TBA`, `?`, `-`, `n/a`). Roles such as `SCM SEND` are leads.
struct MissingLeadRule: ActionRule {
  static let code = "lead.missing"
  var codes: [String] { [Self.code] }
  static let placeholders: Set<String> = ["tbc", "tba", "tbd", "?", "-", "--", "n/a", "na", "none", "unknown", "to be confirmed"]

  /// Whether a lead name names someone (not empty, not a placeholder).
  static func isReal(_ name: String) -> Bool {
    guard name.utf8.count <= 16 else { return true }  // no placeholder is longer
    let folded = name.trimmingSpaces.lowercased()
    return !folded.isEmpty && !placeholders.contains(folded)
  }

  func check(_ view: ActionView, _ context: ValidationContext, into findings: inout [Diagnostic]) {
    let leads = view.action.leads
    guard !leads.contains(where: { Self.isReal($0.name) }) else { return }
    let cell = leads.first?.source ?? ValidationContext.cell(in: view.action.source, column: context.leadColumn)
    let message = leads.isEmpty
      ? "\(view.action.key) has no lead"
      : "\(view.action.key) has only a placeholder lead \"\(leads.map(\.raw).joined(separator: "/"))\""
    findings.append(context.finding(Self.code, message, at: cell))
  }
}

/// `lead.similar_names` (info): two lead names within a small edit distance
/// (`Head od SEND` / `Head of SEND`), a possible typo. Names are
/// case-folded and deduplicated first, then compared through a
/// deletion index, so 100,000 actions with a few hundred names stay fast.
struct SimilarLeadNamesRule: PlanRule {
  static let code = "lead.similar_names"
  var codes: [String] { [Self.code] }

  func check(_ context: ValidationContext, into findings: inout [Diagnostic]) {
    var firstSeen: [String: (name: String, source: SourceLocation?)] = [:]
    var order: [String] = []
    var seenNames: Set<String> = []  // names as written, so each is folded once
    // By index: `for action in actions` would copy every action (a retain per field).
    let actions = context.plan.actions
    for a in actions.indices {
      for lead in actions[a].leads where seenNames.insert(lead.name).inserted {
        let folded = NearDuplicates.fold(lead.name)
        guard !folded.isEmpty, !MissingLeadRule.placeholders.contains(folded), firstSeen[folded] == nil else { continue }
        firstSeen[folded] = (lead.name, lead.source ?? actions[a].source)
        order.append(folded)
      }
    }
    for pair in NearDuplicates.pairs(order) {
      guard let earlier = firstSeen[order[pair.0]], let later = firstSeen[order[pair.1]] else { continue }
      findings.append(
        context.finding(
          Self.code,
          "lead \"\(later.name)\" is close to \"\(earlier.name)\" (\(pair.distance) character\(pair.distance == 1 ? "" : "s") different): possible typo",
          at: later.source, related: earlier.source.map { [$0] } ?? []))
    }
  }
}
