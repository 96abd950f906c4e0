import Diagnostics

/// `action.overdue` (warning): the due date's window ended before the
/// reference date (`--as-of`, else the plan's as-at date, else the latest
/// period's end) and the latest status is neither complete nor embedded
/// (nor N/A). Noisy on old plans: switch it off with `"action.overdue" = "off"`.
struct OverdueRule: ActionRule {
  static let code = "action.overdue"
  var codes: [String] { [Self.code] }

  func check(_ view: ActionView, _ context: ValidationContext, into findings: inout [Diagnostic]) {
    guard let due = view.action.dueDate, let reference = context.overdueReference(for: view.action), due.lastDay < reference else {
      return
    }
    let latest = view.slots.indices.last { view.rating($0) != .none }
    if let latest {
      let status = view.status(latest)
      if status.rating == .notApplicable || context.legend.completion(of: status) != nil { return }
    }
    let state = latest.map { "latest status \(view.raw($0)) (\(context.timeline.periods[$0].label))" } ?? "no status"
    let written = view.action.dueRaw?.trimmingSpaces ?? DateLabel.uk(due)
    findings.append(
      context.finding(
        Self.code, "\(view.action.key) was due \"\(written)\" (before \(reference)) and has \(state)",
        at: view.action.dueSource ?? view.action.keyCell,
        related: latest.flatMap { view.cell($0, context.timeline) }.map { [$0] } ?? []))
  }
}
