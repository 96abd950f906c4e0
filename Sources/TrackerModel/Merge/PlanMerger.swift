import Diagnostics

/// Folds sub-group returns into a master tracker (domain.md §8.2).
///
/// A pure function over canonical plans: it reads no files and prints
/// nothing. Returns are applied in a fixed order (sub-group, then file name),
/// so the result does not depend on the order they were given in; applying
/// the same return again changes nothing; no master row, note or evidence
/// item is ever dropped.
///
/// ```swift
/// let result = PlanMerger.merge(
///   master: MergeInput(plan: master, file: "master.xlsx"),
///   returns: [MergeInput(plan: ehcp, file: "ehcp.csv", subGroup: "EHCP", subGroupOrigin: .flag)],
///   options: MergeOptions(prefer: .master))
/// result.plan             // the merged tracker, provenance on every status, note and evidence item
/// result.log              // one entry per change or conflict
/// result.summary.conflicts
/// ```
public enum PlanMerger {
  /// Merges returns into a master.
  ///
  /// - Parameters:
  ///   - master: the consolidated tracker.
  ///   - returns: the sub-groups' returns, in any order; give each its
  ///     sub-group first (`SubGroupName.resolve`) to get remit checks.
  ///   - options: conflict preference and governance flags.
  /// - Returns: the merged plan, its log, diagnostics and counts.
  public static func merge(master: MergeInput, returns: [MergeInput], options: MergeOptions = MergeOptions()) -> MergeResult {
    var diagnostics: [Diagnostic] = []
    var log: [MergeLogEntry] = []
    var summary = MergeSummary()
    let (applied, summaries) = dedupe(ReturnContext.ordered(returns, aliases: options.subGroupAliases), diagnostics: &diagnostics)

    var union = PeriodUnion(master: master.plan.periods)
    let contexts = applied.enumerated().map { ReturnContext(index: $0.offset, input: $0.element, aliases: options.subGroupAliases) }
    var events: [PeriodEvent] = []
    var maps: [[String: String]] = []
    for context in contexts {
      let absorbed = union.absorb(context.input.plan.periods, from: context)
      maps.append(absorbed.map)
      events += absorbed.events
    }
    let periods = union.sorted()
    var positions: [String: Int] = [:]
    for (index, period) in periods.enumerated() where positions[period.id] == nil { positions[period.id] = index }
    for (context, map) in zip(contexts, maps) { context.place(periods: map, in: positions) }
    reportPeriods(events, log: &log, diagnostics: &diagnostics, summary: &summary)

    let ctx = MergeContext(
      options: options, masterFile: master.file, returns: contexts, periods: periods,
      masterPeriodIds: master.plan.periods.map(\.id), keysUnderSeveralPriorities: keysUnderSeveralPriorities(master.plan.actions))
    let layout = RowLayout(master: master.plan.actions, returns: contexts, diagnostics: &diagnostics)
    for report in layout.ambiguous {
      log.append(report.entry)
      diagnostics.append(report.diagnostic)
      summary.ambiguousKeys += 1
    }
    var actions: [Action] = []
    actions.reserveCapacity(layout.rows.count)
    var parts = mergeRows(layout, master: master.plan.actions, ctx: ctx)
    for k in parts.indices {
      actions += parts[k].actions
      log += parts[k].log
      diagnostics += parts[k].diagnostics
      summary.add(parts[k].summary)
      parts[k] = MergedRows()  // each run freed once joined: the merged rows are not held twice
    }
    reportMissingReturns(master.plan, ctx, diagnostics: &diagnostics, summary: &summary)

    var plan = master.plan
    plan.periods = periods
    if !union.addedIds.isEmpty { NoteWindows.assign(&actions, periods: periods, newPeriodIds: union.addedIds) }
    plan.actions = actions
    MergeAssembly.addOutline(to: &plan, from: contexts)
    MergeAssembly.addSources(to: &plan, master: master, returns: contexts)
    return MergeResult(plan: plan, log: log, diagnostics: diagnostics, summary: summary, returns: summaries)
  }

  /// Rows from which the rows are merged on several threads.
  public static let parallelThreshold = 2_048

  /// What merging a run of rows gives: their merged actions, log entries,
  /// findings and counts, in row order.
  private struct MergedRows {
    var actions: [Action] = []
    var log: [MergeLogEntry] = []
    var diagnostics: [Diagnostic] = []
    var summary = MergeSummary()
  }

  /// Merges every row of the layout. Each row depends only on the master,
  /// its own contributions and the (read-only) context, so a large merge's
  /// rows are merged in runs on several threads, each run's results kept
  /// apart and joined in order: the result is the one a single thread gives.
  private static func mergeRows(_ layout: RowLayout, master: [Action], ctx: MergeContext) -> [MergedRows] {
    let count = layout.rows.count
    let threads = ctx.options.allowsThreads && count >= parallelThreshold
    let runs = threads ? 16 : 1
    let size = max(1, (count + runs - 1) / runs)
    return OrderedParts.results(runs, threads: threads) { k in
      mergeRows(min(count, k * size)..<min(count, (k + 1) * size), layout, master: master, ctx: ctx)
    }
  }

  private static func mergeRows(
    _ range: Range<Int>, _ layout: RowLayout, master: [Action], ctx: MergeContext
  ) -> MergedRows {
    var merged = MergedRows()
    merged.actions.reserveCapacity(range.count)
    for index in range {
      // Read in place: copying a slot (or, before, the master's action into
      // it) retains every string of the action once more.
      let isNew = layout.rows[index].isNew
      var row = RowMerge(
        ctx: ctx, action: layout.rows[index].action(in: master),
        contributions: layout.rows[index].contributions, index: index, isNew: isNew)
      merged.actions.append(row.run())
      if isNew { reportNew(&row, summary: &merged.summary) }
      merged.log += row.log
      merged.diagnostics += row.diagnostics
      merged.summary.add(row.summary)
    }
    return merged
  }

  /// Keys listed under more than one priority (seed 6E under Priorities 2 and 6).
  private static func keysUnderSeveralPriorities(_ actions: [Action]) -> Set<String> {
    var first: [String: String] = [:]
    var several: Set<String> = []
    for action in actions {
      let priority = action.priorityId ?? ""
      if let seen = first[action.key] {
        if seen != priority { several.insert(action.key) }
      } else {
        first[action.key] = priority
      }
    }
    return several
  }

  /// Drops a return given twice: the same path, or the same bytes (`sha256`,
  /// when the caller read them: another spelling of the path, a symbolic or
  /// hard link, a copy under another name). The first in merge order is kept.
  private static func dedupe(
    _ ordered: [MergeInput], diagnostics: inout [Diagnostic]
  ) -> ([MergeInput], [MergeReturnSummary]) {
    var kept: [MergeInput] = []
    var summaries: [MergeReturnSummary] = []
    var paths: Set<String> = []
    var byHash: [String: String] = [:]
    for input in ordered {
      let samePath = paths.contains(input.file) ? input.file : nil
      let sameBytes = input.sha256.flatMap { byHash[$0] }
      let duplicate = samePath != nil || sameBytes != nil
      summaries.append(
        MergeReturnSummary(
          file: input.file, subGroup: input.subGroup, subGroupOrigin: input.subGroupOrigin, sha256: input.sha256,
          actions: input.plan.actions.count, skipped: duplicate))
      if let first = samePath ?? sameBytes {
        let why = samePath != nil ? "was given twice" : "has the same bytes as \(first) (the same file, or a copy)"
        diagnostics.append(
          Diagnostic(
            code: MergeCode.duplicateReturn, severity: .info,
            message: "\(input.file) \(why); applied once",
            location: SourceLocation(file: input.file)))
        continue
      }
      paths.insert(input.file)
      if let hash = input.sha256 { byHash[hash] = input.file }
      kept.append(input)
    }
    return (kept, summaries)
  }

  private static func reportPeriods(
    _ events: [PeriodEvent], log: inout [MergeLogEntry], diagnostics: inout [Diagnostic], summary: inout MergeSummary
  ) {
    for event in events {
      let period = event.period
      let source = event.source
      summary.newPeriods += 1
      let where_ = period.source ?? SourceLocation(file: source.input.file)
      let window = "\(period.start) to \(period.end)"
      log.append(
        MergeLogEntry(
          code: MergeCode.periodAdded, action: "", periodId: period.id, period: period.label, field: .period, old: "",
          new: "\(period.label) (\(window))", source: source.provenance(period.source), subGroup: source.input.subGroup,
          decision: .added))
      diagnostics.append(
        Diagnostic(
          code: MergeCode.periodAdded, severity: .info,
          message: "\(source.input.fileName) adds the period \"\(period.label)\" (\(window))", location: where_))
      guard !event.overlapping.isEmpty else { continue }
      summary.periodMismatches += 1
      let others = event.overlapping.map { "\"\($0.label)\" (\($0.start) to \($0.end))" }.joined(separator: ", ")
      log.append(
        MergeLogEntry(
          code: MergeCode.periodMismatch, action: "", periodId: period.id, period: period.label, field: .period,
          old: event.overlapping.map(\.label).joined(separator: ", "), new: period.label,
          source: source.provenance(period.source), subGroup: source.input.subGroup, decision: .reported))
      diagnostics.append(
        Diagnostic(
          code: MergeCode.periodMismatch, severity: .warning,
          message: "\(source.input.fileName)'s period \"\(period.label)\" (\(window)) overlaps \(others) "
            + "without matching it; added as its own column",
          fix: "Report statuses on the master's review periods (same months or quarters).",
          location: where_, related: event.overlapping.compactMap(\.source)))
    }
  }

  private static func reportNew(_ row: inout RowMerge, summary: inout MergeSummary) {
    summary.newActions += 1
    guard let first = row.contributions.first else { return }
    let source = row.ret(first)
    let added = row.row(first)
    let entry = MergeLogEntry(
      code: MergeCode.newAction, action: added.key, priorityId: added.priorityId, actionIndex: row.index,
      field: .action, old: "", new: added.text, source: source.provenance(added.source), subGroup: source.input.subGroup,
      decision: .added)
    row.log.insert(entry, at: 0)
    row.diagnostics.insert(
      Diagnostic(
        code: MergeCode.newAction, severity: .warning,
        message: "\(row.who(first)) adds the action \(row.name) \"\(added.text)\", which the master does not have",
        fix: "Check the action is agreed; give it a ref that is not already used.",
        location: row.location(added.source, in: first)), at: 0)
  }

  private static func reportMissingReturns(
    _ master: Plan, _ ctx: MergeContext, diagnostics: inout [Diagnostic], summary: inout MergeSummary
  ) {
    guard !ctx.returns.isEmpty, ctx.returns.allSatisfy({ $0.canonicalSubGroup != nil }) else { return }
    let aliases = ctx.options.subGroupAliases
    for name in SubGroupName.known(in: master, extra: aliases)
    where ctx.returnsBySubGroup[SubGroupName.canonical(name, extra: aliases)] == nil {
      summary.missingReturns += 1
      diagnostics.append(
        Diagnostic(
          code: MergeCode.noReturn, severity: .info,
          message: "\(name) owns actions in the master but sent no return"))
    }
  }
}

extension MergeSummary {
  /// Adds another summary's counts to this one.
  mutating func add(_ other: MergeSummary) {
    updatedCells += other.updatedCells
    newPeriods += other.newPeriods
    conflicts += other.conflicts
    unresolvedConflicts += other.unresolvedConflicts
    historyRewrites += other.historyRewrites
    newActions += other.newActions
    missingUpdates += other.missingUpdates
    missingReturns += other.missingReturns
    notesAdded += other.notesAdded
    notesEdited += other.notesEdited
    evidenceAdded += other.evidenceAdded
    evidenceRemoved += other.evidenceRemoved
    governanceChanges += other.governanceChanges
    governanceAccepted += other.governanceAccepted
    outOfRemit += other.outOfRemit
    matchedByText += other.matchedByText
    periodMismatches += other.periodMismatches
    ambiguousKeys += other.ambiguousKeys
  }
}
