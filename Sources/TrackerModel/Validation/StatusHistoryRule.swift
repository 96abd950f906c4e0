import Diagnostics

/// Walks one action's statuses in date order and reports
/// `status.gap`, `status.missing_latest`, `status.regression_without_note`,
/// `status.reverted_to_not_started` and `status.red_without_note` (never both
/// of the last two on one cell: a red that is a regression is reported as
/// the regression).
struct StatusHistoryRule: ActionRule {
  static let gap = "status.gap"
  static let missingLatest = "status.missing_latest"
  static let regression = "status.regression_without_note"
  static let reverted = "status.reverted_to_not_started"
  static let redWithoutNote = "status.red_without_note"
  var codes: [String] { [Self.gap, Self.missingLatest, Self.regression, Self.reverted, Self.redWithoutNote] }

  func check(_ view: ActionView, _ context: ValidationContext, into findings: inout [Diagnostic]) {
    let timeline = context.timeline
    guard !timeline.isEmpty else { return }
    let key = view.action.key
    let legend = context.legend
    var lastRanked: (index: Int, rank: Int)? = nil
    var lastFilled: Int? = nil
    var lastFilledWasGrey = false

    for index in 0..<timeline.count {
      let status = view.status(index)
      let label = timeline.periods[index].label
      if status.rating == .none {
        if index == timeline.count - 1, context.isEnabled(Self.missingLatest) {
          findings.append(
            context.finding(Self.missingLatest, "\(key) has no status for the latest period \(label)",
              at: view.cell(index, timeline)))
        }
        continue
      }
      if let previous = lastFilled, previous < index - 1, context.isEnabled(Self.gap) {
        for empty in (previous + 1)..<index {
          findings.append(
            context.finding(
              Self.gap,
              "\(key) has no status for \(timeline.periods[empty].label) between \(view.raw(previous)) (\(timeline.periods[previous].label)) and \(view.raw(index)) (\(label))",
              at: view.cell(empty, timeline),
              related: [view.cell(previous, timeline), view.cell(index, timeline)].compactMap { $0 }))
        }
      }
      let effective = legend.effectiveRating(status)
      if effective == .grey, lastRanked != nil, !lastFilledWasGrey, context.isEnabled(Self.reverted),
        let earlier = lastRanked
      {
        findings.append(
          context.finding(
            Self.reverted,
            "\(key) is \(view.raw(index)) (not started) in \(label) after \(view.raw(earlier.index)) (\(timeline.periods[earlier.index].label))",
            at: view.cell(index, timeline), related: view.cell(earlier.index, timeline).map { [$0] } ?? []))
      }
      var reportedRegression = false
      if let rank = legend.rank(status) {
        if let earlier = lastRanked, rank < earlier.rank {
          let hasNote = view.hasNote(opensAfter: timeline.periods[earlier.index].end, closes: timeline.periods[index].end)
          if !hasNote {
            reportedRegression = true
            if context.isEnabled(Self.regression) {
              findings.append(
                context.finding(
                  Self.regression,
                  "\(key) went from \(view.raw(earlier.index)) (\(timeline.periods[earlier.index].label)) to \(view.raw(index)) (\(label)) with no note dated in that period",
                  at: view.cell(index, timeline), related: view.cell(earlier.index, timeline).map { [$0] } ?? []))
            }
          }
        }
        lastRanked = (index, rank)
      }
      if effective == .red, !reportedRegression, context.isEnabled(Self.redWithoutNote),
        !view.hasNote(opensAfter: timeline.windowOpensAfter(index), closes: timeline.periods[index].end)
      {
        findings.append(
          context.finding(
            Self.redWithoutNote, "\(key) is \(view.raw(index)) (Red) in \(label) with no note dated in that period",
            at: view.cell(index, timeline)))
      }
      lastFilled = index
      lastFilledWasGrey = effective == .grey
    }
  }
}

/// `status.stalled` (info): the same amber or red in at least
/// `options.stalledPeriods` consecutive periods (seed rows 14–16). Reported
/// once per run, at its latest cell, with the earlier cells related.
struct StalledStatusRule: ActionRule {
  static let code = "status.stalled"
  var codes: [String] { [Self.code] }

  func check(_ view: ActionView, _ context: ValidationContext, into findings: inout [Diagnostic]) {
    let timeline = context.timeline
    let minimum = max(2, context.options.stalledPeriods)
    guard timeline.count >= minimum else { return }
    var runStart = 0
    var runRating: Rating? = nil
    for index in 0...timeline.count {
      let rating: Rating? = index < timeline.count ? context.legend.effectiveRating(view.status(index)) : nil
      let stalls = rating == .amber || rating == .red
      if stalls, rating == runRating { continue }
      if let current = runRating, index - runStart >= minimum {
        let last = index - 1
        findings.append(
          context.finding(
            Self.code,
            "\(view.action.key) has been \(LegendReading.name(current)) for \(index - runStart) consecutive periods (\(timeline.periods[runStart].label) to \(timeline.periods[last].label))",
            at: view.cell(last, timeline),
            related: (runStart..<last).compactMap { view.cell($0, timeline) }))
      }
      runStart = index
      runRating = stalls ? rating : nil
    }
  }
}
