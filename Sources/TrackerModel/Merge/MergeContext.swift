import Diagnostics

/// What every row merge shares: options, the ordered returns, the merged
/// periods and which of them is current.
struct MergeContext {
  /// The options.
  let options: MergeOptions
  /// The master's file name, for provenance of the master's own values.
  let masterFile: String
  /// The returns in merge order (`returns[i].index == i`).
  let returns: [ReturnContext]
  /// The merged periods, in date order.
  let periods: [Period]
  /// Period id → position in `periods`.
  let position: [String: Int]
  /// Canonical sub-group → indices of the returns it sent.
  let returnsBySubGroup: [String: [Int]]
  /// Keys the master lists under more than one priority (named with their priority in messages).
  let keysUnderSeveralPriorities: Set<String>
  /// For each return, the position of the latest period among the master's
  /// periods and that return's (`-1` when neither has any): what is "current"
  /// and "past" for the return, whatever periods other returns add.
  let latest: [Int]

  init(
    options: MergeOptions, masterFile: String, returns: [ReturnContext], periods: [Period],
    masterPeriodIds: [String], keysUnderSeveralPriorities: Set<String> = []
  ) {
    self.keysUnderSeveralPriorities = keysUnderSeveralPriorities
    self.options = options
    self.masterFile = masterFile
    self.returns = returns
    self.periods = periods
    var position: [String: Int] = [:]
    for (index, period) in periods.enumerated() where position[period.id] == nil { position[period.id] = index }
    self.position = position
    let masterLatest = masterPeriodIds.compactMap { position[$0] }.max() ?? -1
    latest = returns.map { ret in max(masterLatest, ret.positions.compactMap { $0 }.max() ?? -1) }
    var bySubGroup: [String: [Int]] = [:]
    for ret in returns {
      if let group = ret.canonicalSubGroup { bySubGroup[group, default: []].append(ret.index) }
    }
    returnsBySubGroup = bySubGroup
  }

  /// Whether, for a return, a period comes before the current one (the
  /// latest of the master's periods and that return's): changing it
  /// rewrites history. Periods other returns add never make it past.
  func isPast(_ position: Int, for ret: Int) -> Bool { position < latest[ret] }

  /// Whether a period reaches into a return's current one (it ends on or
  /// after that period starts): a status there counts as this review's
  /// update (`Q4 2021/22` when the current period is `Mar-22`).
  func isCurrent(_ position: Int, for ret: Int) -> Bool {
    let last = latest[ret]
    guard last >= 0 else { return false }
    return periods[position].end >= periods[last].start
  }

  /// A return's current period id (the latest of the master's and its own).
  func currentPeriodId(for ret: Int) -> String? {
    latest[ret] >= 0 ? periods[latest[ret]].id : nil
  }

  /// A period's label for messages (`Dec-21`), or its id when unknown.
  func label(_ periodId: String) -> String {
    position[periodId].map { periods[$0].label } ?? periodId
  }

  /// Provenance for one of the master's own cells.
  func masterProvenance(_ source: CellRef?, period: String? = nil) -> Provenance {
    Provenance(file: masterFile, sheet: source?.sheet, cell: source?.cell?.a1, subGroup: nil, period: period)
  }

  /// Among proposals for one value, the one `--prefer return` or an
  /// `--accept-*` flag takes: from a return whose sub-group owns the action
  /// first, then the latest received, then the earliest in merge order.
  func choose(_ proposals: [Contribution], owner: String?) -> Contribution? {
    proposals.min { lhs, rhs in
      let l = returns[lhs.ret]
      let r = returns[rhs.ret]
      let lOwn = owner != nil && l.canonicalSubGroup == owner
      let rOwn = owner != nil && r.canonicalSubGroup == owner
      if lOwn != rOwn { return lOwn }
      let lDate = l.input.receivedAt
      let rDate = r.input.receivedAt
      if lDate != rDate {
        guard let lDate else { return false }
        guard let rDate else { return true }
        return rDate < lDate
      }
      return (lhs.ret, lhs.action) < (rhs.ret, rhs.action)
    }
  }
}
