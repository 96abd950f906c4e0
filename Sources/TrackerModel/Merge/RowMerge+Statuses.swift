import Diagnostics

/// Per (action, period) status rules, domain.md §8.2:
///
/// | master | return(s) | result |
/// |---|---|---|
/// | empty | one value | the return's value (`merge.status_filled`, log only) |
/// | equal | equal | no change |
/// | value | different value(s) | conflict (`merge.status_conflict`, or `merge.history_rewrite` in a past period): master kept unless `--prefer return` |
/// | empty | values that disagree | one conflict listing them all |
/// | value | empty | the master's value |
extension RowMerge {
  /// One return's status for one merged period.
  typealias Proposal = (contribution: Contribution, status: PeriodStatus)

  /// Rebuilds the row's statuses in merged period order, one per period.
  mutating func mergeStatuses() {
    let count = ctx.periods.count
    // The master's statuses laid out on the merged periods. When they
    // already are (no period added: the usual case) the array is reused and
    // changed in place.
    var statuses: [PeriodStatus]
    var orphans: [PeriodStatus] = []
    if original.statuses.count == count,
      original.statuses.indices.allSatisfy({ original.statuses[$0].periodId == ctx.periods[$0].id })
    {
      statuses = original.statuses
    } else {
      (statuses, orphans) = laidOut(original.statuses)
    }
    let masterKeys = statuses.indices.map { MergeKeys.status(statuses[$0].status) }
    let proposals = gatherProposals(masterKeys)
    for position in 0..<count {
      if statuses[position].provenance == nil, masterKeys[position] != nil {
        statuses[position].provenance = ctx.masterProvenance(statuses[position].source, period: ctx.periods[position].id)
      }
      if !proposals.isEmpty, !proposals[position].isEmpty {
        let cell = proposals[position].map { ($0.contribution, ctx.returns[$0.contribution.ret].input.plan.actions[$0.contribution.action].statuses[$0.index]) }
        statuses[position] = resolve(statuses[position], at: position, cell)
      }
    }
    action.statuses = orphans.isEmpty ? statuses : statuses + orphans
  }

  /// The master's statuses placed on the merged periods (blank where the
  /// master has none), and those whose period the plan does not list, kept
  /// apart so nothing is dropped.
  private func laidOut(_ original: [PeriodStatus]) -> (statuses: [PeriodStatus], orphans: [PeriodStatus]) {
    let count = ctx.periods.count
    var placed = [PeriodStatus?](repeating: nil, count: count)
    var orphans: [PeriodStatus] = []
    for index in original.indices {
      let id = original[index].periodId
      let position = index < count && ctx.periods[index].id == id ? index : ctx.position[id]
      if let position, placed[position] == nil {
        placed[position] = original[index]
      } else {
        orphans.append(original[index])
      }
    }
    let statuses = (0..<count).map { placed[$0] ?? PeriodStatus(periodId: ctx.periods[$0].id, status: .empty) }
    return (statuses, orphans)
  }

  /// A return status by where it is: the contribution and its index in the
  /// return row's statuses (copied only for the cells that need resolving).
  typealias ProposalRef = (contribution: Contribution, index: Int)

  /// Every return's non-empty status for the merged periods where some
  /// return differs from the master (nothing for the others: most return
  /// rows repeat the master). Marks the returns that gave a status for the
  /// current period.
  private mutating func gatherProposals(_ masterKeys: [StatusKey?]) -> [[ProposalRef]] {
    var differing: [Bool] = []
    // Statuses are read field by field in place: copying a `Status` (1.7
    // million of them for 10 returns of 10,000 actions) retains its strings.
    for contribution in contributions {
      let source = ctx.returns[contribution.ret]
      let statuses = source.input.plan.actions[contribution.action].statuses
      for index in statuses.indices
      where !MergeKeys.isEmpty(rating: statuses[index].status.rating, raw: statuses[index].status.raw) {
        guard let position = source.position(of: statuses[index].periodId, at: index, in: ctx.position) else { continue }
        if ctx.isCurrent(position, for: contribution.ret) { updatedBy.insert(contribution.ret) }
        if !MergeKeys.status(
          rating: statuses[index].status.rating, towards: statuses[index].status.towards, raw: statuses[index].status.raw,
          equals: masterKeys[position])
        {
          if differing.isEmpty { differing = [Bool](repeating: false, count: ctx.periods.count) }
          differing[position] = true
        }
      }
    }
    guard !differing.isEmpty else { return [] }
    var proposals = [[ProposalRef]](repeating: [], count: ctx.periods.count)
    for contribution in contributions {
      let source = ctx.returns[contribution.ret]
      let statuses = source.input.plan.actions[contribution.action].statuses
      for index in statuses.indices
      where !MergeKeys.isEmpty(rating: statuses[index].status.rating, raw: statuses[index].status.raw) {
        guard let position = source.position(of: statuses[index].periodId, at: index, in: ctx.position),
          differing[position]
        else { continue }
        proposals[position].append((contribution, index))
      }
    }
    return proposals
  }

  private mutating func resolve(_ master: PeriodStatus, at position: Int, _ proposals: [Proposal]) -> PeriodStatus {
    let masterKey = MergeKeys.status(master.status)
    let differing = proposals.filter { MergeKeys.status($0.status.status) != masterKey }
    guard !differing.isEmpty else { return master }
    for proposal in differing { changedBy.insert(proposal.contribution.ret) }
    let distinct = Set(differing.compactMap { MergeKeys.status($0.status.status) })
    if masterKey == nil, distinct.count == 1 {
      summary.updatedCells += 1
      for proposal in differing {
        record(
          MergeCode.statusFilled, field: .status, periodId: master.periodId, old: "",
          new: RowMerge.display(proposal.status.status), source: provenance(proposal, master.periodId),
          subGroup: ret(proposal.contribution).input.subGroup, decision: .filled)
      }
      return taken(differing[0], periodId: master.periodId)
    }
    return conflict(master, at: position, proposals: proposals, differing: differing)
  }

  private mutating func conflict(
    _ master: PeriodStatus, at position: Int, proposals: [Proposal], differing: [Proposal]
  ) -> PeriodStatus {
    let masterKey = MergeKeys.status(master.status)
    // Past for a return means past among the master's periods and its own.
    let rewrites = Set(differing.map(\.contribution.ret).filter { masterKey != nil && ctx.isPast(position, for: $0) })
    let isRewrite = !rewrites.isEmpty
    summary.conflicts += 1
    if isRewrite { summary.historyRewrites += 1 }
    if ctx.options.prefer == nil { summary.unresolvedConflicts += 1 }
    var result = master
    var chosen: Proposal?
    if ctx.options.prefer == .return, let pick = ctx.choose(proposals.map(\.contribution), owner: owner),
      let proposal = proposals.first(where: { $0.contribution == pick })
    {
      chosen = proposal
      if MergeKeys.status(proposal.status.status) != masterKey {
        result = taken(proposal, periodId: master.periodId)
        summary.updatedCells += 1
      }
    }
    let resultKey = MergeKeys.status(result.status)
    for proposal in differing {
      let code = rewrites.contains(proposal.contribution.ret) ? MergeCode.historyRewrite : MergeCode.statusConflict
      let decision: MergeDecision =
        chosen.map { $0.contribution == proposal.contribution } == true && resultKey != masterKey
        ? .tookReturn : resultKey == masterKey ? .keptMaster : .tookOtherReturn
      record(
        code, field: .status, periodId: master.periodId, old: RowMerge.display(master.status),
        new: RowMerge.display(proposal.status.status), source: provenance(proposal, master.periodId),
        subGroup: ret(proposal.contribution).input.subGroup, decision: decision)
    }
    diagnostics.append(conflictDiagnostic(master, isRewrite: isRewrite, differing: differing, result: result))
    return result
  }

  private func conflictDiagnostic(
    _ master: PeriodStatus, isRewrite: Bool, differing: [Proposal], result: PeriodStatus
  ) -> Diagnostic {
    let period = ctx.label(master.periodId)
    let values = differing.map { "\(who($0.contribution)) has \"\(RowMerge.display($0.status.status))\"" }
      .joined(separator: ", ")
    let masterText = RowMerge.display(master.status)
    var message: String
    if isRewrite {
      message = "\(name) \(period) is a past period: the master has \"\(masterText)\", \(values)"
    } else if masterText.isEmpty {
      message = "\(name) \(period): returns disagree and the master is empty: \(values)"
    } else {
      message = "\(name) \(period): the master has \"\(masterText)\", \(values)"
    }
    switch ctx.options.prefer {
    case nil: message += "; kept the master's value (unresolved)"
    case .master: message += "; kept the master's value (--prefer master)"
    case .return:
      message += MergeKeys.status(result.status) == MergeKeys.status(master.status)
        ? "; kept the master's value (a preferred return agrees with it)"
        : "; took \"\(RowMerge.display(result.status))\" (--prefer return)"
    }
    let first = differing[0]
    var related = differing.dropFirst().map { location($0.status.source, in: $0.contribution) }
    if let source = master.source { related.insert(source, at: 0) }
    return Diagnostic(
      code: isRewrite ? MergeCode.historyRewrite : MergeCode.statusConflict, severity: .warning,
      message: message,
      fix: isRewrite
        ? "Check why the return changes an earlier review; rerun with --prefer master or --prefer return."
        : "Decide which status is right; rerun with --prefer master or --prefer return, or correct the master.",
      location: location(first.status.source, in: first.contribution), related: related)
  }

  /// A return's status as it goes into the merged row: merged period id, provenance.
  private func taken(_ proposal: Proposal, periodId: String) -> PeriodStatus {
    var status = proposal.status
    status.periodId = periodId
    status.provenance = provenance(proposal, periodId)
    return status
  }

  private func provenance(_ proposal: Proposal, _ periodId: String) -> Provenance {
    ret(proposal.contribution).provenance(proposal.status.source, period: periodId)
  }

  /// A status as the log shows it: its text, or `(green fill)` for a filled empty cell.
  static func display(_ status: Status) -> String {
    let raw = MergeKeys.trimmed(status.raw)
    if !raw.isEmpty { return raw }
    return status.rating == .none ? "" : "(\(status.rating.rawValue) fill)"
  }
}
