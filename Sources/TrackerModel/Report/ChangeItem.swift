public import Diagnostics

/// One thing that changed, for the report's "What changed" section.
public struct ChangeItem: Sendable, Hashable {
  /// What kind of change.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// A status went up (red → amber, amber → green, …).
    case improved
    /// A status went down.
    case slipped
    /// A status changed off the red–blue scale (to or from grey, N/A, empty, unknown).
    case changed
    /// A note was added (or, between versions, edited).
    case newNote
    /// An action is new.
    case newAction
    /// An action was removed.
    case removedAction
    /// A review period is new.
    case newPeriod
    /// Anything else a comparison reports (lead, wording, due date, evidence).
    case other

    /// The kind's position in `allCases`.
    var slot: Int { Kind.allCases.firstIndex(of: self)! }

    /// The heading of the kind's list.
    public var heading: String {
      switch self {
      case .improved: "Status improved"
      case .slipped: "Status slipped"
      case .changed: "Status changed"
      case .newNote: "New notes"
      case .newAction: "New actions"
      case .removedAction: "Removed actions"
      case .newPeriod: "New review periods"
      case .other: "Other changes"
      }
    }
  }

  /// What kind of change.
  public var kind: Kind
  /// The action, when the change is about one.
  public var actionKey: String?
  /// One line saying what changed (`A → G in Dec-21`).
  public var text: String
  /// The cell it is in (in the newer tracker), when known.
  public var location: SourceLocation?

  /// Creates a change.
  public init(kind: Kind, actionKey: String?, text: String, location: SourceLocation?) {
    self.kind = kind
    self.actionKey = actionKey
    self.text = text
    self.location = location
  }

  /// Within each tracker: status changes from the previous period to the
  /// latest, notes dated in the latest period, and the latest period itself;
  /// `limit` kept per kind (the text of the others is never made), all counted.
  static func periodChanges(_ trackers: [ReportTracker], limit: Int) -> CappedLists<ChangeItem> {
    var items = CappedLists<ChangeItem>(kinds: Kind.allCases.count, limit: limit)
    for tracker in trackers {
      guard let latest = tracker.latestPeriod, let latestIndex = tracker.periodIndex(latest.id) else { continue }
      let previous = tracker.previousPeriod.flatMap { period in tracker.periodIndex(period.id).map { (period, $0) } }
      items.add(Kind.newPeriod.slot) {
        ChangeItem(kind: .newPeriod, actionKey: nil, text: "\(latest.label) (\(latest.start) to \(latest.end))", location: latest.source)
      }
      let actions = tracker.plan.actions
      for index in actions.indices {
        if let (period, previousIndex) = previous {
          let old = (period, tracker.entry(index, period: previousIndex))
          let new = (latest, tracker.entry(index, period: latestIndex))
          if let kind = statusChangeKind(from: old.1, to: new.1, in: tracker) {
            items.add(kind.slot) { statusChange(index, kind, from: old, to: new, in: tracker) }
          }
        }
        let notes = actions[index].notes
        for note in notes.indices where notes[note].periodId == latest.id {
          items.add(Kind.newNote.slot) {
            let prefix = notes[note].prefix.map { $0 + ": " } ?? ""
            return ChangeItem(kind: .newNote, actionKey: actions[index].key, text: prefix + notes[note].text, location: notes[note].source)
          }
        }
      }
    }
    return items
  }

  /// What kind of change a status made between two periods, if it changed.
  static func statusChangeKind(from old: PeriodStatus?, to new: PeriodStatus?, in tracker: ReportTracker) -> Kind? {
    let before = old?.status ?? .empty
    let after = new?.status ?? .empty
    guard before.raw != after.raw || before.rating != after.rating else { return nil }
    switch StatusChange.direction(from: before, to: after, reading: tracker.reading) {
    case .improved: return .improved
    case .slipped: return .slipped
    default: return .changed
    }
  }

  /// The change of kind `kind` of the status of the action at `action` between two periods (with its statuses there).
  static func statusChange(
    _ action: Int, _ kind: Kind, from old: (period: Period, entry: PeriodStatus?), to new: (period: Period, entry: PeriodStatus?),
    in tracker: ReportTracker
  ) -> ChangeItem {
    let before = old.entry?.status ?? .empty
    let after = new.entry?.status ?? .empty
    let text = "\(shown(before)) (\(old.period.label)) → \(shown(after)) (\(new.period.label))"
    return ChangeItem(kind: kind, actionKey: tracker.plan.actions[action].key, text: text, location: new.entry?.source)
  }

  /// A status as the report writes it: the cell's text, or "empty".
  static func shown(_ status: Status) -> String { status.raw.isEmpty ? "empty" : status.raw }

  /// Grouped by kind in declaration order, otherwise as given.
  public static func sortedByKind(_ items: [ChangeItem]) -> [ChangeItem] { capped(items, limit: .max).kept }

  /// `items` by kind in declaration order, otherwise as given: `limit` kept per kind, all counted.
  static func capped(_ items: [ChangeItem], limit: Int) -> CappedLists<ChangeItem> {
    var lists = CappedLists<ChangeItem>(kinds: Kind.allCases.count, limit: limit)
    for item in items { lists.add(item.kind.slot) { item } }
    return lists
  }
}
