public import Diagnostics

/// One tracker as `wsoa report` sees it: the plan read from a file, the
/// findings `validate` reports on it, and how its statuses are read.
public struct ReportTracker: Sendable {
  /// The file as named on the command line.
  public var file: String
  /// The plan read from it.
  public var plan: Plan
  /// Every finding `validate` gives it (policy applied).
  public var findings: [Diagnostic]
  /// How its statuses are read (the key, the mixed-code reading).
  public var reading: LegendReading

  /// Creates a tracker for the report.
  public init(file: String, plan: Plan, findings: [Diagnostic], reading: LegendReading) {
    self.file = file
    self.plan = plan
    self.findings = findings
    self.reading = reading
  }

  /// The latest period with any status, else the last period.
  public var latestPeriod: Period? {
    let withStatus = plan.periods.lastIndex { period in
      plan.actions.contains { $0.status(for: period.id).map { $0.status.rating != .none } ?? false }
    }
    return withStatus.map { plan.periods[$0] } ?? plan.periods.last
  }

  /// The period before `latestPeriod`.
  public var previousPeriod: Period? {
    guard let latest = latestPeriod, let index = plan.periods.firstIndex(where: { $0.id == latest.id }), index > 0
    else { return nil }
    return plan.periods[index - 1]
  }

  /// The rating an action counts as in a period (`.none` when it has no status there).
  public func rating(_ action: Action, in periodId: String) -> Rating {
    action.status(for: periodId).map { reading.effectiveRating($0.status) } ?? .none
  }
}
