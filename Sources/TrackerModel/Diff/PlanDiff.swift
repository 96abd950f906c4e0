/// What changed between two versions of a tracker (`wsoa diff`, the
/// report's "what changed"), matched as merge matches (domain.md §8.2):
/// actions by (priority, key), else by exact normalised wording within the
/// focus area; periods by date range, never by label. A pure value: it reads
/// no files.
///
/// ```swift
/// let diff = PlanDiff(old: lastCycle, new: thisCycle)
/// diff.isEmpty                 // nothing changed
/// diff.periodsAdded            // [Mar-22]
/// for change in diff.actions {  // matched actions with a change, in the new tracker's order
///   for status in change.statuses where status.direction == .slipped { … }
/// }
/// diff.actionsAdded; diff.actionsRemoved
/// diff.priorities              // overall status (and title, description, vision) changes
/// ```
///
/// Every list is in a fixed order (the new tracker's order, removed items in
/// the old tracker's), so the same two trackers always give the same diff.
public struct PlanDiff: Hashable, Sendable {
  /// Periods of the new tracker whose date range the old one lacks, in the new tracker's order.
  public var periodsAdded: [Period]
  /// Periods of the old tracker whose date range the new one lacks, in the old tracker's order.
  public var periodsRemoved: [Period]
  /// Actions of the new tracker that match no action of the old one, in the new tracker's order.
  public var actionsAdded: [Action]
  /// Actions of the old tracker that no action of the new one matches, in the old tracker's order.
  public var actionsRemoved: [Action]
  /// Matched actions with at least one change, in the new tracker's order.
  public var actions: [ActionDiff]
  /// Priorities both trackers have (by id) whose overall status or wording changed, in the new tracker's order.
  public var priorities: [PriorityChange]
  /// How the review-period statuses are ranked for `StatusChange.direction`:
  /// the new tracker's key over its periods, as `validate` and `report`
  /// read it (both versions are ranked with it).
  public var reading: LegendReading
  /// How the priorities' overall statuses are ranked: the new tracker's key over that column.
  public var overallReading: LegendReading

  /// Compares two versions of a tracker.
  ///
  /// - Parameters:
  ///   - old: the earlier version (the last cycle's master).
  ///   - new: the later version.
  ///   - mixed: how to read `X/Y` codes (`--mixed-status`); else the new tracker's reading.
  public init(old: Plan, new: Plan, mixed: MixedStatusReading? = nil) {
    let reading = LegendReading(plan: new, mixed: mixed)
    self.reading = reading
    overallReading = LegendReading(plan: new, scope: .overall, mixed: mixed)
    let periods = PeriodPairing(old: old.periods, new: new.periods)
    periodsAdded = periods.added
    periodsRemoved = periods.removed
    let pairing = ActionPairing(old: old.actions, new: new.actions)
    actionsAdded = pairing.added.map { new.actions[$0] }
    actionsRemoved = pairing.removed.map { old.actions[$0] }
    priorities = PriorityChange.changes(old: old.priorities, new: new.priorities, reading: overallReading)
    actions = pairing.pairs.compactMap { pair in
      let change = ActionDiff(old: old.actions[pair.old], new: new.actions[pair.new], periods: periods, reading: reading)
      return change.isEmpty ? nil : change
    }
  }

  /// Whether the two trackers are the same by this comparison.
  public var isEmpty: Bool {
    periodsAdded.isEmpty && periodsRemoved.isEmpty && actionsAdded.isEmpty && actionsRemoved.isEmpty && actions.isEmpty
      && priorities.isEmpty
  }

  /// Every status change, with its action, in action then period order.
  public var statusChanges: [(action: ActionDiff, change: StatusChange)] {
    actions.flatMap { action in action.statuses.map { (action, $0) } }
  }

  /// Counts of each kind of change.
  public var counts: Counts {
    var counts = Counts()
    counts.periodsAdded = periodsAdded.count
    counts.periodsRemoved = periodsRemoved.count
    counts.actionsAdded = actionsAdded.count
    counts.actionsRemoved = actionsRemoved.count
    counts.actionsChanged = actions.count
    counts.prioritiesChanged = priorities.count
    for action in actions {
      for status in action.statuses {
        switch status.direction {
        case .improved: counts.improved += 1
        case .slipped: counts.slipped += 1
        default: counts.otherStatusChanges += 1
        }
      }
      for note in action.notes {
        switch note.kind {
        case .added: counts.notesAdded += 1
        case .edited: counts.notesEdited += 1
        case .removed: counts.notesRemoved += 1
        }
      }
      for item in action.evidence {
        if item.kind == .added { counts.evidenceAdded += 1 } else { counts.evidenceRemoved += 1 }
      }
      counts.fieldChanges += action.fields.count
    }
    return counts
  }

  /// How many changes of each kind a diff holds.
  public struct Counts: Hashable, Sendable, Codable {
    /// Periods added.
    public var periodsAdded = 0
    /// Periods removed.
    public var periodsRemoved = 0
    /// Actions added.
    public var actionsAdded = 0
    /// Actions removed.
    public var actionsRemoved = 0
    /// Matched actions with at least one change.
    public var actionsChanged = 0
    /// Priorities whose overall status or wording changed.
    public var prioritiesChanged = 0
    /// Status changes that went up the scale.
    public var improved = 0
    /// Status changes that went down the scale.
    public var slipped = 0
    /// Status changes that are neither (set, cleared, same rank, off the scale).
    public var otherStatusChanges = 0
    /// Notes added.
    public var notesAdded = 0
    /// Notes edited.
    public var notesEdited = 0
    /// Notes removed.
    public var notesRemoved = 0
    /// Evidence items added.
    public var evidenceAdded = 0
    /// Evidence items removed.
    public var evidenceRemoved = 0
    /// Changes to an action's wording, leads, due date and other fields.
    public var fieldChanges = 0

    /// Creates zero counts.
    public init() {}
  }
}
