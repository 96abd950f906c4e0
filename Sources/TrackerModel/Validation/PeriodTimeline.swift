/// A plan's review periods in date order, with the windows statuses and
/// notes are attributed by (domain.md §5.3): period *i* covers
/// `(end(i−1), end(i)]`, and the first also takes everything earlier.
struct PeriodTimeline: Sendable {
  /// Periods ordered by end date (then start date), whatever the column order.
  let periods: [Period]
  /// Position in `periods` by period id.
  let indexById: [String: Int]

  init(_ periods: [Period]) {
    let sorted = periods.enumerated().sorted { lhs, rhs in
      (lhs.element.end, lhs.element.start, lhs.offset) < (rhs.element.end, rhs.element.start, rhs.offset)
    }.map(\.element)
    self.periods = sorted
    var map: [String: Int] = [:]
    for (index, period) in sorted.enumerated() where map[period.id] == nil { map[period.id] = index }
    indexById = map
  }

  var count: Int { periods.count }
  var isEmpty: Bool { periods.isEmpty }

  /// The day after which period `index`'s window starts (`nil` for the first:
  /// it takes everything earlier).
  func windowOpensAfter(_ index: Int) -> CivilDate? {
    index > 0 ? periods[index - 1].end : nil
  }

  /// The period whose window holds a day, or `nil` when the day is after the
  /// last period's end.
  func index(containing day: CivilDate) -> Int? {
    var low = 0
    var high = periods.count
    while low < high {
      let mid = (low + high) / 2
      if periods[mid].end < day { low = mid + 1 } else { high = mid }
    }
    return low < periods.count ? low : nil
  }

  /// Whether a dated window `first...last` overlaps the span
  /// `(opensAfter, closes]` (`opensAfter == nil` means unbounded before).
  static func overlaps(first: CivilDate, last: CivilDate, opensAfter: CivilDate?, closes: CivilDate) -> Bool {
    if first > closes { return false }
    if let opensAfter, last <= opensAfter { return false }
    return true
  }
}
