import Diagnostics

/// The union of the master's periods and every return's, identified by date
/// range (`Dec-21` ≡ `December 2021` ≡ `2021-12`), never by label.
struct PeriodUnion {
  /// A period's identity: its first and last day.
  struct Range: Hashable {
    var start: CivilDate
    var end: CivilDate
  }

  /// The periods so far: the master's, then added ones (unsorted until `sorted()`).
  private(set) var periods: [Period]
  /// Ids of periods that came from returns.
  private(set) var addedIds: Set<String> = []
  private var byRange: [Range: String] = [:]
  private var usedIds: Set<String> = []

  /// Starts from the master's periods.
  init(master: [Period]) {
    periods = master
    for period in master {
      byRange[Range(start: period.start, end: period.end)] = byRange[Range(start: period.start, end: period.end)] ?? period.id
      usedIds.insert(period.id)
    }
  }

  /// Adds a return's periods; returns the map from the return's period ids
  /// to merged ids, and the events (new periods, overlaps) to report.
  mutating func absorb(_ incoming: [Period], from source: ReturnContext) -> (map: [String: String], events: [PeriodEvent]) {
    var map: [String: String] = [:]
    var events: [PeriodEvent] = []
    for period in incoming {
      let range = Range(start: period.start, end: period.end)
      if let id = byRange[range] {
        map[period.id] = id
        continue
      }
      let overlapping = periods.filter { $0.start <= period.end && period.start <= $0.end }
      var added = period
      added.id = uniqueId(period.id)
      periods.append(added)
      addedIds.insert(added.id)
      usedIds.insert(added.id)
      byRange[range] = added.id
      map[period.id] = added.id
      events.append(PeriodEvent(period: added, overlapping: overlapping, source: source))
    }
    return (map, events)
  }

  /// The periods ordered by end date, then start date; the master's order
  /// is kept untouched when nothing was added.
  func sorted() -> [Period] {
    guard !addedIds.isEmpty else { return periods }
    return periods.enumerated().sorted { lhs, rhs in
      let l = lhs.element
      let r = rhs.element
      if l.end != r.end { return l.end < r.end }
      if l.start != r.start { return l.start < r.start }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }

  private func uniqueId(_ id: String) -> String {
    guard usedIds.contains(id) else { return id }
    var n = 2
    while usedIds.contains("\(id)-\(n)") { n += 1 }
    return "\(id)-\(n)"
  }
}

/// A period a return brought: new to the master, perhaps overlapping some of its periods.
struct PeriodEvent {
  /// The period as added (with its merged id).
  var period: Period
  /// Master (or earlier-added) periods it overlaps without being equal to.
  var overlapping: [Period]
  /// The return it came from.
  var source: ReturnContext
}
