/// The date windows of a plan's review periods (domain.md §5.3 "Windows"):
/// period *i* covers `(end(i−1), end(i)]` in end-date order, and the first
/// also takes everything earlier. Statuses, notes and regressions use these
/// windows, never column order.
///
/// ```swift
/// let windows = PeriodWindows(plan.periods)
/// windows.periodId(for: DateValue(year: 2019, month: 10))  // "2019-12" (Dec-19 takes everything earlier)
/// windows.periodId(for: DateValue(year: 2021, month: 2))   // "2021-04" (Apr-21)
/// ```
public struct PeriodWindows: Sendable {
  /// The periods in end-date order.
  public let ordered: [Period]

  /// Orders the periods by end date (then start date, then id).
  public init(_ periods: [Period]) {
    ordered = periods.sorted { ($0.end, $0.start, $0.id) < ($1.end, $1.start, $1.id) }
  }

  /// The window of a period: the exclusive lower bound (`nil` for the first
  /// period, which takes everything earlier) and the inclusive end.
  public func window(of periodId: String) -> (after: CivilDate?, through: CivilDate)? {
    guard let i = ordered.firstIndex(where: { $0.id == periodId }) else { return nil }
    return (i == 0 ? nil : ordered[i - 1].end, ordered[i].end)
  }

  /// The period a date falls in: the first whose end is on or after the
  /// date's last day; a date that straddles the last period's end belongs to
  /// the last period; `nil` after the last period (or with no periods).
  public func periodId(for date: DateValue) -> String? {
    let count = ordered.count
    guard count > 0 else { return nil }
    let day = date.lastDay
    var low = 0
    var high = count
    while low < high {
      let mid = (low + high) / 2
      if ordered[mid].end < day { low = mid + 1 } else { high = mid }
    }
    if low < count { return ordered[low].id }
    return date.firstDay <= ordered[count - 1].end ? ordered[count - 1].id : nil
  }
}
