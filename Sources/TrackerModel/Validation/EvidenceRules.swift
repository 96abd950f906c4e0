import Diagnostics

/// `evidence.missing_for_complete` (warning): the latest status says the
/// action is complete or embedded (Blue, `Complete`, or a colour the key
/// defines as completed) but the action lists no evidence.
struct CompletionEvidenceRule: ActionRule {
  static let code = "evidence.missing_for_complete"
  var codes: [String] { [Self.code] }

  func check(_ view: ActionView, _ context: ValidationContext, into findings: inout [Diagnostic]) {
    guard let latest = view.slots.indices.last(where: { view.rating($0) != .none }) else { return }
    let status = view.status(latest)
    guard let completion = context.legend.completion(of: status) else { return }
    let hasEvidence = view.action.evidence.contains { !$0.text.trimmingSpaces.isEmpty || $0.resolvedTo != nil }
    guard !hasEvidence else { return }
    let meaning = completion == .embedded ? "complete and embedded" : "complete"
    let why = status.completion == nil && context.legend.completionByRating[status.rating] != nil
      ? " (the key defines \(LegendReading.name(status.rating)) as \(meaning))" : ""
    findings.append(
      context.finding(
        Self.code,
        "\(view.action.key) is \(view.raw(latest)) in \(context.timeline.periods[latest].label)\(why) but lists no evidence",
        at: view.cell(latest, context.timeline)))
  }
}

/// The evidence register checks: `evidence.ref_unresolved` (warning) for an
/// item citing a code the log lacks, `evidence.unreferenced` (info) for a
/// log entry no action cites. Both need a log in the plan; without one,
/// codes cannot be checked and nothing is reported.
struct EvidenceLogRule: PlanRule {
  static let unresolved = "evidence.ref_unresolved"
  static let unreferenced = "evidence.unreferenced"
  var codes: [String] { [Self.unresolved, Self.unreferenced] }

  func check(_ context: ValidationContext, into findings: inout [Diagnostic]) {
    let log = context.plan.evidenceLog
    guard !log.isEmpty else { return }
    var known: Set<String> = []
    for entry in log { known.insert(Self.normalised(entry.code)) }
    var cited: Set<String> = []
    let actions = context.plan.actions
    for a in actions.indices {  // by index: iterating would copy every action
      for item in actions[a].evidence {
        guard let ref = item.ref else { continue }
        let code = Self.normalised(ref)
        cited.insert(code)
        if !known.contains(code), context.isEnabled(Self.unresolved) {
          findings.append(
            context.finding(
              Self.unresolved, "\(actions[a].key) cites evidence \"\(ref)\", which is not in the evidence log",
              at: item.source ?? actions[a].source, related: log.first?.source.map { [$0] } ?? []))
        }
      }
    }
    guard context.isEnabled(Self.unreferenced) else { return }
    for entry in log where !cited.contains(Self.normalised(entry.code)) {
      findings.append(
        context.finding(
          Self.unreferenced, "evidence \"\(entry.code)\" (\(entry.title)) is not cited by any action", at: entry.source))
    }
  }

  private static func normalised(_ code: String) -> String {
    String(code.uppercased().unicodeScalars.filter { !$0.properties.isWhitespace })
  }
}
