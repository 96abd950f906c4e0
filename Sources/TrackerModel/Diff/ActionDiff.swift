/// What changed in one action that both versions of a tracker have.
public struct ActionDiff: Hashable, Sendable {
  /// The action in the old tracker.
  public var old: Action
  /// The action in the new tracker.
  public var new: Action
  /// Status changes, in the new tracker's period order.
  public var statuses: [StatusChange]
  /// Notes added, edited or removed, in the new tracker's order (removed ones last).
  public var notes: [NoteChange]
  /// Evidence items added (new tracker's order), then removed (old tracker's order).
  public var evidence: [EvidenceChange]
  /// Changes to the action's wording, leads and other fields, in `ActionField` order.
  public var fields: [FieldChange]

  /// The new tracker's key (`3.1F`).
  public var key: String { new.key }
  /// The new tracker's priority id, when known.
  public var priorityId: String? { new.priorityId }

  /// Whether nothing changed.
  public var isEmpty: Bool { statuses.isEmpty && notes.isEmpty && evidence.isEmpty && fields.isEmpty }

  /// Compares one matched pair of actions; `periods` pairs the trackers'
  /// periods, `reading` ranks their statuses.
  init(old: Action, new: Action, periods: PeriodPairing, reading: LegendReading) {
    self.old = old
    self.new = new
    statuses = StatusChange.changes(old: old, new: new, periods: periods, reading: reading)
    notes = NoteChange.changes(old: old.notes, new: new.notes)
    evidence = EvidenceChange.changes(old: old.evidence, new: new.evidence)
    fields = FieldChange.changes(old: old, new: new)
  }
}
