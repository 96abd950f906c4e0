import Diagnostics

/// Merges the return rows that feed one row of the merged plan into it:
/// statuses, notes, evidence, then leads / wording / due date, then remit.
///
/// A master row starts as the master's action; a new action starts as a
/// skeleton of the first return row that brought it (its wording, leads and
/// due date, with no statuses, notes or evidence), so that every return row,
/// the first included, goes through the same rules.
struct RowMerge {
  let ctx: MergeContext
  /// The row as it was before the merge (the skeleton for a new action).
  let original: Action
  /// The return rows feeding this one: the owner's returns first, then the
  /// others, each in merge order (`ownersFirst`).
  let contributions: [Contribution]
  /// The row's index in the merged plan.
  let index: Int
  /// Whether the row is new (brought by a return).
  let isNew: Bool
  /// Canonical sub-group owning the action, when known.
  let owner: String?

  /// The row being built.
  var action: Action
  /// Log entries, in order.
  var log: [MergeLogEntry] = []
  /// Diagnostics, in order.
  var diagnostics: [Diagnostic] = []
  /// Counts to add to the summary.
  var summary = MergeSummary()
  /// Returns (by index) that proposed a change to this row.
  var changedBy: Set<Int> = []
  /// Returns (by index) that gave a current-period status or added something.
  var updatedBy: Set<Int> = []

  init(ctx: MergeContext, action: Action, contributions: [Contribution], index: Int, isNew: Bool) {
    self.ctx = ctx
    self.original = action
    self.action = action
    self.index = index
    self.isNew = isNew
    let owner = action.subGroup.map { SubGroupName.canonical($0, extra: ctx.options.subGroupAliases) }
    self.owner = owner
    self.contributions = RowMerge.ownersFirst(contributions, owner: owner, ctx: ctx)
  }

  /// The contributions in the order they are applied: the owning sub-group's
  /// returns first, then the others, each in merge order; so a value both
  /// give is the owner's (and its provenance names the owner's return), and
  /// an out-of-remit return only fills what the owner left empty.
  static func ownersFirst(_ contributions: [Contribution], owner: String?, ctx: MergeContext) -> [Contribution] {
    guard let owner, contributions.count > 1 else { return contributions }
    let own = contributions.filter { ctx.returns[$0.ret].canonicalSubGroup == owner }
    guard !own.isEmpty, own.count < contributions.count else { return contributions }
    return own + contributions.filter { ctx.returns[$0.ret].canonicalSubGroup != owner }
  }

  /// Runs every step and returns the merged row.
  mutating func run() -> Action {
    reportTextMatches()
    mergeStatuses()
    mergeNotes()
    mergeEvidence()
    mergeGovernance()
    checkRemit()
    checkUpdated()
    return action
  }

  /// The return a contribution comes from.
  @inline(__always) func ret(_ contribution: Contribution) -> ReturnContext { ctx.returns[contribution.ret] }

  /// The return row a contribution comes from (a copy: hot paths read fields
  /// through `ctx.returns[…].input.plan.actions[…]` instead).
  @inline(__always) func row(_ contribution: Contribution) -> Action {
    ctx.returns[contribution.ret].input.plan.actions[contribution.action]
  }

  /// Appends a log entry about this row.
  mutating func record(
    _ code: String, field: MergeField, periodId: String? = nil, old: String, new: String,
    source: Provenance?, subGroup: String?, decision: MergeDecision
  ) {
    log.append(
      MergeLogEntry(
        code: code, action: action.key, priorityId: action.priorityId, actionIndex: index, periodId: periodId,
        period: periodId.map(ctx.label), field: field, old: old, new: new, source: source, subGroup: subGroup,
        decision: decision))
  }

  /// Where a return's value sits, for a diagnostic: its cell, or its file.
  func location(_ source: CellRef?, in contribution: Contribution) -> SourceLocation {
    if let source, source.cell != nil || source.line != nil { return source }
    return SourceLocation(file: ret(contribution).input.file)
  }

  /// `3.1F`, or `6E (priority 6)` when the master lists the key under several priorities.
  var name: String {
    if ctx.keysUnderSeveralPriorities.contains(action.key), let priority = action.priorityId, !priority.isEmpty {
      return "\(action.key) (priority \(priority))"
    }
    return action.key
  }

  /// `EHCP (ehcp.csv)` or `ehcp.csv`.
  func who(_ contribution: Contribution) -> String {
    let input = ret(contribution).input
    if let group = input.subGroup { return "\(group) (\(input.fileName))" }
    return input.fileName
  }
}
