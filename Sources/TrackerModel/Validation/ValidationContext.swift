import Diagnostics

/// What every rule needs, computed once per plan: the period timeline, the
/// status reading, the reference dates and a few indexes.
struct ValidationContext: Sendable {
  let plan: Plan
  let options: ValidationOptions
  let timeline: PeriodTimeline
  /// How the review-period statuses are read (the period key, else any key).
  let legend: LegendReading
  /// How the priorities' overall statuses are read (the overall key, else any key).
  let overallLegend: LegendReading
  /// The date notes may not be after (`--as-of`, else the plan's as-at date, else today).
  let asOf: CivilDate
  /// The date due dates are compared with (`--as-of`, else as-at, else the latest period's end).
  let overdueReference: CivilDate?
  /// The column most leads were read from, for locating a missing lead.
  let leadColumn: Int?
  /// Action keys and focus-area refs a cross-reference may name.
  let crossRefTargets: [String: SourceLocation?]
  /// The as-at date of each priority whose own sheet states one other than
  /// the plan's (not used with `--as-of`).
  let priorityAsAt: [String: CivilDate]
  /// The headings of status columns whose period could not be read
  /// (`Block.unreadPeriod`): the timeline has a hole there.
  let unreadPeriods: [SourceLocation]

  init(plan: Plan, options: ValidationOptions) {
    self.plan = plan
    self.options = options
    timeline = PeriodTimeline(plan.periods)
    legend = LegendReading(plan: plan, mixed: options.mixedStatusReading)
    overallLegend = LegendReading(plan: plan, scope: .overall, mixed: options.mixedStatusReading)
    let asAt = plan.asAt?.lastDay
    asOf = options.asOf ?? asAt ?? options.today
    overdueReference = options.asOf ?? asAt ?? timeline.periods.last?.end
    crossRefTargets = ValidationContext.crossRefTargets(of: plan)
    priorityAsAt = options.asOf != nil ? [:] : Dictionary(
      plan.priorities.compactMap { p in p.asAt.map { (p.id, $0.lastDay) } }, uniquingKeysWith: { a, _ in a })
    unreadPeriods = plan.unparsed.filter { $0.kind == Block.unreadPeriod }.compactMap { $0.cells.first?.source }
    leadColumn = ValidationContext.mostCommonColumn(plan.actions.lazy.compactMap { $0.leads.first?.source?.cell?.column })
  }

  func isEnabled(_ code: String) -> Bool { options.policy.isEnabled(code) }

  /// The date an action's notes may not be after: its priority's own as-at
  /// date when its sheet states one, else `asOf`.
  func asOf(for action: borrowing Action) -> CivilDate {
    action.priorityId.flatMap { priorityAsAt[$0] } ?? asOf
  }

  /// The date an action's due date is compared with: its priority's own
  /// as-at date when its sheet states one, else `overdueReference`.
  func overdueReference(for action: borrowing Action) -> CivilDate? {
    action.priorityId.flatMap { priorityAsAt[$0] } ?? overdueReference
  }

  /// A finding with the catalogue's severity and fix text.
  func finding(
    _ code: String, _ message: String, at location: SourceLocation?, related: [SourceLocation] = []
  ) -> Diagnostic {
    // One catalogue look-up for both (a report can hold 200,000 findings).
    let info = RuleCatalogue.info(code)
    return Diagnostic(
      code: code, severity: info?.severity ?? .warning, message: message, fix: info?.fix, location: location,
      related: related)
  }

  /// The cell in an action's row and another column (same file, sheet and CSV line).
  static func cell(in row: SourceLocation?, column: Int?) -> SourceLocation? {
    guard let row, let column, let rowNumber = row.cell?.row else { return row }
    return row.at(CellAddress(row: rowNumber, column: column), line: row.line)
  }

  private static func mostCommonColumn(_ columns: some Sequence<Int>) -> Int? {
    var counts: [Int: Int] = [:]
    var seen = 0
    for column in columns {
      counts[column, default: 0] += 1
      seen += 1
      if seen >= 1000 { break }
    }
    return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
  }
}

/// One action seen through the timeline: its statuses aligned to period
/// order, and its dated notes' windows, built once and shared by the rules.
struct ActionView {
  private let actions: [Action]
  private let index: Int
  /// The action, borrowed from the plan (not copied).
  var action: Action { _read { yield actions[index] } }
  /// `slots[i]` is the index in the action's `statuses` of the status for
  /// `timeline.periods[i]`, `-1` when the action has no entry for it
  /// (indices, not copies: a copy of a status retains each of its strings).
  let slots: [Int]
  /// The dated notes' windows, in source order.
  let noteWindows: [(first: CivilDate, last: CivilDate, note: Int)]

  init(_ actions: [Action], _ index: Int, timeline: PeriodTimeline) {
    self.actions = actions
    self.index = index
    let statuses = actions[index].statuses
    if statuses.count == timeline.count,
      statuses.indices.allSatisfy({ statuses[$0].periodId == timeline.periods[$0].id })
    {
      slots = Array(statuses.indices)
    } else {
      var slots = [Int](repeating: -1, count: timeline.count)
      for position in statuses.indices {
        if let index = timeline.indexById[statuses[position].periodId], slots[index] < 0 { slots[index] = position }
      }
      self.slots = slots
    }
    var windows: [(first: CivilDate, last: CivilDate, note: Int)] = []
    let notes = actions[index].notes
    for position in notes.indices {
      if let date = notes[position].date { windows.append((date.firstDay, date.lastDay, position)) }
    }
    noteWindows = windows
  }

  /// The status in period `index`, or the empty status.
  func status(_ index: Int) -> Status { slots[index] >= 0 ? action.statuses[slots[index]].status : .empty }

  /// The rating in period `index` (`.none` when empty), read in place.
  func rating(_ index: Int) -> Rating { slots[index] >= 0 ? action.statuses[slots[index]].status.rating : .none }

  /// Whether a dated note falls in the span `(opensAfter, closes]`.
  func hasNote(opensAfter: CivilDate?, closes: CivilDate) -> Bool {
    noteWindows.contains {
      PeriodTimeline.overlaps(first: $0.first, last: $0.last, opensAfter: opensAfter, closes: closes)
    }
  }

  /// The status cell for period `index`: its own source, else the action's
  /// row in the period's column, else (the period's column is on another
  /// sheet, as when each priority has a sheet) the action's key cell.
  func cell(_ index: Int, _ timeline: PeriodTimeline) -> SourceLocation? {
    if slots[index] >= 0, let own = action.statuses[slots[index]].source { return own }
    let period = timeline.periods[index]
    if let header = period.source, let row = action.source, header.sheet != row.sheet || header.file != row.file {
      return action.keyCell
    }
    return ValidationContext.cell(in: action.source, column: period.column)
  }

  /// The raw text of the status in period `index`, for messages (`G/A`, `empty`).
  func raw(_ index: Int) -> String {
    let raw = status(index).raw.trimmingSpaces
    return raw.isEmpty ? "empty" : raw
  }
}

extension String {
  /// Without leading and trailing spaces, tabs and line breaks.
  var trimmingSpaces: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
