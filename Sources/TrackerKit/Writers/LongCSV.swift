import TrackerModel

/// The long CSV shape: one row per action and period.
enum LongCSV {
  /// Column names, in order; the header row is exactly these.
  static let header = [
    "priority_id", "priority_title", "focus_ref", "action_key", "action", "lead", "period_id", "period_label",
    "period_kind", "period_start", "period_end", "status", "rating", "towards", "completion", "label",
    "effective_rating", "rank", "notes_in_period",
  ]

  /// Calls `body` with each row's values, actions in plan order, periods in date order.
  static func rows(_ plan: Plan, _ body: ([String]) -> Void) {
    let titles = Dictionary(plan.priorities.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
    for action in plan.actions {
      let lead = action.leads.map(\.name).joined(separator: "; ")
      for period in plan.periods {
        let status = action.statuses.first { $0.periodId == period.id }?.status ?? Status(raw: "", rating: .none)
        let notes = ActionTable.notesText(action.notes.filter { $0.periodId == period.id })
        body([
          action.priorityId ?? "", action.priorityId.flatMap { titles[$0] } ?? "", action.focusRef ?? "", action.key,
          action.text, lead, period.id, period.label, period.kind.rawValue, period.start.description,
          period.end.description, status.code, status.rating.rawValue, status.towards?.rawValue ?? "",
          status.completion?.rawValue ?? "", status.label ?? "", status.effective.rawValue,
          status.rank.map(String.init) ?? "", notes,
        ])
      }
    }
  }
}
