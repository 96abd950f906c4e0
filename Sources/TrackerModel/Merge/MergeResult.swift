public import Diagnostics

/// What `PlanMerger.merge` produces: the merged plan, every change and
/// conflict in order, the diagnostics to print, and the report's counts.
public struct MergeResult: Hashable, Sendable {
  /// The merged tracker.
  public var plan: Plan
  /// One entry per change, conflict or reported event, in master row order.
  public var log: [MergeLogEntry]
  /// Warnings and infos (codes `merge.*`), in the same order as the log.
  public var diagnostics: [Diagnostic]
  /// The counts the report prints.
  public var summary: MergeSummary
  /// The returns in the order they were applied (sub-group, then file name).
  public var returns: [MergeReturnSummary]

  /// Creates a result.
  public init(
    plan: Plan, log: [MergeLogEntry], diagnostics: [Diagnostic], summary: MergeSummary,
    returns: [MergeReturnSummary]
  ) {
    self.plan = plan
    self.log = log
    self.diagnostics = diagnostics
    self.summary = summary
    self.returns = returns
  }

  /// Whether some conflict kept the master's value without an explicit `--prefer`.
  public var hasUnresolvedConflicts: Bool { summary.unresolvedConflicts > 0 }
}

/// The counts of a merge report.
public struct MergeSummary: Hashable, Sendable, Codable {
  /// Status cells that took a return's value (empty cells filled plus conflicts won by a return).
  public var updatedCells = 0
  /// Periods added to the master.
  public var newPeriods = 0
  /// Status cells in conflict (including history rewrites).
  public var conflicts = 0
  /// Conflicts that kept the master's value without an explicit `--prefer`.
  public var unresolvedConflicts = 0
  /// Conflicts in a past period.
  public var historyRewrites = 0
  /// Actions added from returns.
  public var newActions = 0
  /// Actions a sub-group owns that its return did not update.
  public var missingUpdates = 0
  /// Sub-groups that own master actions but sent no return.
  public var missingReturns = 0
  /// Notes appended.
  public var notesAdded = 0
  /// Notes with a master note's date but other text (both kept).
  public var notesEdited = 0
  /// Evidence items appended.
  public var evidenceAdded = 0
  /// Master evidence items missing from a return (kept).
  public var evidenceRemoved = 0
  /// Lead, wording and due-date changes reported.
  public var governanceChanges = 0
  /// Of those, changes accepted by a flag.
  public var governanceAccepted = 0
  /// Actions updated by a sub-group that does not own them.
  public var outOfRemit = 0
  /// Actions matched on their text instead of their ref.
  public var matchedByText = 0
  /// Period columns that overlap a master period without equalling it.
  public var periodMismatches = 0
  /// Return rows not applied because they could be more than one master action.
  public var ambiguousKeys = 0

  /// Creates an all-zero summary.
  public init() {}
}

/// How one return took part in a merge.
public struct MergeReturnSummary: Hashable, Sendable, Codable {
  /// The file as named.
  public var file: String
  /// The sub-group, when known.
  public var subGroup: String?
  /// Where the sub-group came from.
  public var subGroupOrigin: SubGroupOrigin
  /// SHA-256 of the file, when known.
  public var sha256: String?
  /// Actions in the return.
  public var actions: Int
  /// Whether it was skipped as a duplicate of an earlier return.
  public var skipped: Bool

  /// Creates a return summary.
  public init(file: String, subGroup: String?, subGroupOrigin: SubGroupOrigin, sha256: String?, actions: Int, skipped: Bool) {
    self.file = file
    self.subGroup = subGroup
    self.subGroupOrigin = subGroupOrigin
    self.sha256 = sha256
    self.actions = actions
    self.skipped = skipped
  }
}
