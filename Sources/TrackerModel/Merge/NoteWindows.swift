/// Re-attributes dated notes to periods a merge added.
///
/// A note belongs to the period whose window holds it (`PeriodWindows`,
/// domain.md §5.3). Adding a period splits an existing window (or opens one
/// after the last period), so only notes that now fall in an added period
/// move; every other note keeps the period its reader gave it.
enum NoteWindows {
  /// Moves each dated note whose window is now an added period into it.
  static func assign(_ actions: inout [Action], periods: [Period], newPeriodIds: Set<String>) {
    let windows = PeriodWindows(periods)
    for a in actions.indices {
      for n in actions[a].notes.indices {
        guard let date = actions[a].notes[n].date, let id = windows.periodId(for: date),
          newPeriodIds.contains(id), actions[a].notes[n].periodId != id
        else { continue }
        actions[a].notes[n].periodId = id
        actions[a].notes[n].provenance?.period = id
      }
    }
  }
}
