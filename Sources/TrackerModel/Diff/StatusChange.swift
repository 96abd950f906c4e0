/// One status cell that differs between two versions of an action: a
/// period both trackers have whose status differs, or a period only the new
/// tracker has with a status in it. (A period only the old tracker has is
/// reported once, in `PlanDiff.periodsRemoved`, not per action.)
public struct StatusChange: Hashable, Sendable {
  /// The period's id in the new tracker.
  public var periodId: String
  /// The period's heading as written in the new tracker.
  public var periodLabel: String
  /// The old status; `nil` when the cell was empty or the old tracker lacks the period.
  public var old: Status?
  /// The new status; `nil` when the cell is empty or the new tracker lacks the period.
  public var new: Status?
  /// The old status cell (also when it was empty).
  public var oldSource: CellRef?
  /// The new status cell (also when it is empty).
  public var newSource: CellRef?
  /// For a period only the new tracker has: the action's latest earlier
  /// status in the new tracker, which `direction` is measured from.
  public var baseline: Baseline?
  /// Which way the status moved.
  public var direction: Direction
  /// Whether only the new tracker has the period (it is in `PlanDiff.periodsAdded`).
  public var periodAdded = false

  /// The status an action carried into a new period.
  public struct Baseline: Hashable, Sendable {
    /// The earlier period's id.
    public var periodId: String
    /// The earlier period's heading as written.
    public var periodLabel: String
    /// The status it had then.
    public var status: Status
  }

  /// Which way a status moved on the scale red < amber < green < complete <
  /// blue, as the tracker's key ranks it (`LegendReading.rank`: `G` is
  /// complete where the key says Green = Completed; the council's words of
  /// `wsoa.toml` are read before).
  public enum Direction: String, Hashable, Sendable, Codable, CaseIterable {
    /// Up the scale (amber → green).
    case improved
    /// Down the scale (green → amber).
    case slipped
    /// The status ranks the same as before: a new period's status as the one
    /// before it, or another word for a status of the same rank.
    case steady
    /// Different, but not comparable on the scale (grey, N/A or a word outside the key on either side).
    case changed
    /// A status where there was none (an empty cell filled, a new period with no earlier status).
    case set
    /// A status emptied.
    case cleared
  }

  /// The direction from one status to another (both non-empty), ranked
  /// with `reading` (the tracker's key): the one ranking `diff`, `report`
  /// and `validate`'s regression rules share.
  public static func direction(from old: Status, to new: Status, reading: LegendReading) -> Direction {
    guard let before = reading.rank(old), let after = reading.rank(new) else { return .changed }
    return after > before ? .improved : after < before ? .slipped : .steady
  }

  /// The status changes of one matched pair of actions.
  static func changes(old: Action, new: Action, periods: PeriodPairing, reading: LegendReading) -> [StatusChange] {
    var changes: [StatusChange] = []
    var latest: Baseline?
    for period in periods.new {
      let afterCell = new.status(for: period.id)
      let after = afterCell.flatMap(nonEmpty)
      defer { if let after { latest = Baseline(periodId: period.id, periodLabel: period.label, status: after) } }
      guard let oldPeriod = periods.oldId(for: period.id) else {
        guard let after else { continue }
        let moved = latest.map { Self.direction(from: $0.status, to: after, reading: reading) } ?? Direction.set
        changes.append(
          StatusChange(
            periodId: period.id, periodLabel: period.label, old: nil, new: after, oldSource: nil,
            newSource: afterCell?.source, baseline: latest, direction: moved, periodAdded: true))
        continue
      }
      let beforeCell = old.status(for: oldPeriod)
      let before = beforeCell.flatMap(nonEmpty)
      if MergeKeys.status(before ?? .empty) == MergeKeys.status(after ?? .empty) { continue }
      let moved: Direction =
        switch (before, after) {
        case (nil, _): .set
        case (_, nil): .cleared
        case (let before?, let after?): Self.direction(from: before, to: after, reading: reading)
        }
      // The cells are kept even when empty: they say where the status was, or went.
      changes.append(
        StatusChange(
          periodId: period.id, periodLabel: period.label, old: before, new: after, oldSource: beforeCell?.source,
          newSource: afterCell?.source, baseline: nil, direction: moved))
    }
    return changes
  }

  private static func nonEmpty(_ status: PeriodStatus) -> Status? {
    MergeKeys.isEmpty(status.status) ? nil : status.status
  }
}
