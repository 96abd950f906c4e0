/// One line of the merge log: a change the merge made, a conflict it met or
/// an event it reports (the XLSX "Merge log" sheet has one row per entry).
public struct MergeLogEntry: Hashable, Sendable, Codable {
  /// The diagnostic code the entry belongs to (`merge.status_conflict`), or
  /// `merge.status_filled` / `merge.note_added` / … for plain changes.
  public var code: String
  /// The action's key (`3.1F`); empty for plan-level entries (new periods).
  public var action: String
  /// The action's priority, when known.
  public var priorityId: String?
  /// 0-based index of the action in the merged plan's `actions`, when the
  /// entry concerns one row (used to highlight conflicting cells).
  public var actionIndex: Int?
  /// The period's id (`2021-12`), when the entry concerns one period.
  public var periodId: String?
  /// The period's label as the master (or the adding return) wrote it.
  public var period: String?
  /// What changed.
  public var field: MergeField
  /// The master's value before the merge (empty when there was none).
  public var old: String
  /// The return's value.
  public var new: String
  /// Where the return's value came from.
  public var source: Provenance?
  /// The sub-group that sent it.
  public var subGroup: String?
  /// What the merge did.
  public var decision: MergeDecision

  /// Creates a log entry.
  public init(
    code: String, action: String, priorityId: String? = nil, actionIndex: Int? = nil, periodId: String? = nil,
    period: String? = nil, field: MergeField, old: String, new: String, source: Provenance?, subGroup: String?,
    decision: MergeDecision
  ) {
    self.code = code
    self.action = action
    self.priorityId = priorityId
    self.actionIndex = actionIndex
    self.periodId = periodId
    self.period = period
    self.field = field
    self.old = old
    self.new = new
    self.source = source
    self.subGroup = subGroup
    self.decision = decision
  }

  /// Whether this entry is (part of) a status conflict.
  public var isConflict: Bool {
    code == MergeCode.statusConflict || code == MergeCode.historyRewrite
  }
}

/// The part of a tracker a merge-log entry is about.
public enum MergeField: String, Hashable, Sendable, Codable {
  /// A period status cell.
  case status
  /// A progress note.
  case note
  /// An evidence item.
  case evidence
  /// The action's leads.
  case lead
  /// The action's wording.
  case text
  /// The action's due date.
  case due
  /// The action row as a whole (new action, no update, out of remit, matched by text).
  case action
  /// A review period (column).
  case period
}

/// What a merge did about one change.
public enum MergeDecision: String, Hashable, Sendable, Codable {
  /// The return's value filled an empty master cell.
  case filled
  /// Added to the master (a note, an evidence item, an action, a period).
  case added
  /// A conflict or governance change: the master's value was kept.
  case keptMaster = "kept master"
  /// A conflict resolved with `--prefer return`: the return's value was taken.
  case tookReturn = "took return"
  /// A conflict resolved with `--prefer return` in favour of another return's value.
  case tookOtherReturn = "took another return"
  /// A governance change accepted with `--accept-leads/-text/-due`.
  case accepted
  /// Same date, different text: both notes kept.
  case keptBoth = "kept both"
  /// Reported only; nothing changed (no update, out of remit, evidence removed, …).
  case reported
}

/// The stable diagnostic codes merge reports (domain.md §8.2; README lists them).
public enum MergeCode {
  /// A return's status differs from the master's (or returns disagree). W.
  public static let statusConflict = "merge.status_conflict"
  /// A return changes a status in a past period. W.
  public static let historyRewrite = "merge.history_rewrite"
  /// An action matched on its exact normalised text, not its ref. W.
  public static let matchedByText = "merge.matched_by_text"
  /// A return's period is new to the master and was added. I.
  public static let periodAdded = "merge.period_added"
  /// A return's period overlaps a master period without being equal to it. W.
  public static let periodMismatch = "merge.period_mismatch"
  /// A note with the same date as a master note but different text. W.
  public static let noteEdited = "merge.note_edited"
  /// A master evidence item is missing from a return (kept). I.
  public static let evidenceRemoved = "merge.evidence_removed"
  /// A return changes the leads. W.
  public static let leadChanged = "merge.lead_changed"
  /// A return changes the action's wording. W.
  public static let textChanged = "merge.text_changed"
  /// A return changes the due date. W.
  public static let dueChanged = "merge.due_changed"
  /// A return adds an action the master does not have. W.
  public static let newAction = "merge.new_action"
  /// An action the return's sub-group owns was not updated (W when absent, I when present but unchanged).
  public static let noUpdate = "merge.no_update"
  /// A return updates an action another sub-group owns. W.
  public static let outOfRemit = "merge.out_of_remit"
  /// A sub-group owns actions in the master but sent no return. I.
  public static let noReturn = "merge.no_return"
  /// A return row could be more than one master action (one key, different
  /// wording, priority not telling them apart); nothing of it was applied. W.
  public static let ambiguousKey = "merge.ambiguous_key"
  /// One return lists a key twice under one priority for the same action. W.
  public static let duplicateKey = "merge.duplicate_key"
  /// The same return (same file or same bytes) was given twice; the copy was skipped. I.
  public static let duplicateReturn = "merge.duplicate_return"
  /// Log-only: an empty master cell took a return's status.
  public static let statusFilled = "merge.status_filled"
  /// Log-only: a return's note was appended.
  public static let noteAdded = "merge.note_added"
  /// Log-only: a return's evidence item was appended.
  public static let evidenceAdded = "merge.evidence_added"
}
