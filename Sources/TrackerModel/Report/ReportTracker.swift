public import Diagnostics

/// One tracker as `wsoa report` sees it: the plan read from a file, the
/// findings `validate` reports on it, and how its statuses are read.
///
/// Each action's status in each period is looked up once, when the tracker
/// is made (`entryIndex`, `rating(_:period:)`), so the counts, the changes
/// and the heatmap of a 100,000-action tracker do not search an action's
/// statuses per cell.
public struct ReportTracker: Sendable {
  /// The file as named on the command line.
  public let file: String
  /// The plan read from it.
  public let plan: Plan
  /// Every finding `validate` gives it (policy applied).
  public var findings: [Diagnostic]
  /// How its statuses are read (the key, the mixed-code reading).
  public let reading: LegendReading
  /// The latest period with any status, else the last period.
  public let latestPeriod: Period?
  /// The period before `latestPeriod`.
  public let previousPeriod: Period?
  /// Per action and period (`action * plan.periods.count + period`, by
  /// index), the index of the status in `action.statuses`, or -1.
  private let entryIndex: [Int32]
  /// Per action and period, as `entryIndex`, the rating it counts as.
  private let ratings: [Rating]
  /// The index of each period id in `plan.periods` (the first, if repeated).
  private let periodIndex: [String: Int]

  /// Creates a tracker for the report.
  public init(file: String, plan: Plan, findings: [Diagnostic], reading: LegendReading) {
    self.file = file
    self.plan = plan
    self.findings = findings
    self.reading = reading
    let periods = plan.periods
    var periodIndex: [String: Int] = [:]
    for (index, period) in periods.enumerated() where periodIndex[period.id] == nil { periodIndex[period.id] = index }
    self.periodIndex = periodIndex
    var entryIndex = [Int32](repeating: -1, count: plan.actions.count * periods.count)
    var ratings = [Rating](repeating: .none, count: entryIndex.count)
    var hasStatus = [Bool](repeating: false, count: periods.count)
    for action in plan.actions.indices {
      let statuses = plan.actions[action].statuses
      for slot in statuses.indices {
        // The periods are few: a scan beats hashing the id.
        guard let period = periods.firstIndex(where: { $0.id == statuses[slot].periodId }) else { continue }
        let cell = action * periods.count + period
        // The first status of a period counts, as `Action.status(for:)` finds it.
        guard entryIndex[cell] < 0 else { continue }
        entryIndex[cell] = Int32(slot)
        ratings[cell] = reading.effectiveRating(statuses[slot].status)
        if statuses[slot].status.rating != .none { hasStatus[period] = true }
      }
    }
    self.entryIndex = entryIndex
    self.ratings = ratings
    let latest = hasStatus.lastIndex(of: true) ?? (periods.isEmpty ? nil : periods.count - 1)
    latestPeriod = latest.map { periods[$0] }
    previousPeriod = latest.flatMap { $0 > 0 ? periods[$0 - 1] : nil }
  }

  /// The index of a period id in `plan.periods`.
  public func periodIndex(_ id: String) -> Int? { periodIndex[id] }

  /// The status of the action at `action` (an index into `plan.actions`) in
  /// the period at `period` (an index into `plan.periods`).
  public func entry(_ action: Int, period: Int) -> PeriodStatus? {
    let slot = entryIndex[action * plan.periods.count + period]
    return slot < 0 ? nil : plan.actions[action].statuses[Int(slot)]
  }

  /// The rating the action at `action` counts as in the period at `period` (`.none` when it has no status there).
  public func rating(_ action: Int, period: Int) -> Rating { ratings[action * plan.periods.count + period] }

  /// The rating an action counts as in a period (`.none` when it has no status there).
  public func rating(_ action: Action, in periodId: String) -> Rating {
    action.status(for: periodId).map { reading.effectiveRating($0.status) } ?? .none
  }
}
