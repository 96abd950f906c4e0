import Diagnostics

/// Re-attributes dated notes to periods a merge added.
///
/// Period *i* covers `(end(i−1), end(i)]` and the first also takes everything
/// earlier (domain.md §5.3); a note belongs to the window holding its first
/// day. Only notes that now fall in an added period move; every other note
/// keeps the period its reader gave it.
enum NoteWindows {
  /// The id of the period whose window holds a date's first day, or `nil`
  /// when it is after the last period.
  static func periodId(for date: DateValue, in periods: [Period]) -> String? {
    let day = date.firstDay
    var low = 0
    var high = periods.count
    while low < high {
      let mid = (low + high) / 2
      if periods[mid].end < day { low = mid + 1 } else { high = mid }
    }
    return low < periods.count ? periods[low].id : nil
  }

  /// Moves each dated note whose window is now an added period into it.
  static func assign(_ actions: inout [Action], periods: [Period], newPeriodIds: Set<String>) {
    for a in actions.indices {
      for n in actions[a].notes.indices {
        guard let date = actions[a].notes[n].date, let id = periodId(for: date, in: periods),
          newPeriodIds.contains(id), actions[a].notes[n].periodId != id
        else { continue }
        actions[a].notes[n].periodId = id
        actions[a].notes[n].provenance?.period = id
      }
    }
  }
}
