import Diagnostics

/// `layout.period_gap` (info): consecutive review dates further apart than
/// `options.periodGapMonths` (12 by default: reviews run monthly to
/// six-monthly, so a year without one is a missed cycle; the seed's
/// Jan-20 → Apr-21 fires, Apr-21 → Dec-21 does not).
struct PeriodGapRule: PlanRule {
  static let code = "layout.period_gap"
  var codes: [String] { [Self.code] }

  func check(_ context: ValidationContext, into findings: inout [Diagnostic]) {
    let periods = context.timeline.periods
    guard periods.count > 1 else { return }
    for index in 1..<periods.count {
      let earlier = periods[index - 1]
      let later = periods[index]
      let months = PeriodGapRule.months(from: earlier.end, to: later.end)
      guard months > context.options.periodGapMonths, !unreadBetween(earlier, later, context) else { continue }
      findings.append(
        context.finding(
          Self.code,
          "\(months) months between review periods \(earlier.label) and \(later.label): no review between \(earlier.end) and \(later.start)",
          at: later.source, related: earlier.source.map { [$0] } ?? []))
    }
  }

  /// Whether a status column whose heading could not be read may fill the
  /// gap: between the two columns on their sheet, or anywhere when the
  /// columns cannot be compared.
  private func unreadBetween(_ earlier: Period, _ later: Period, _ context: ValidationContext) -> Bool {
    context.unreadPeriods.contains { unread in
      guard let column = unread.cell?.column, let a = earlier.column, let b = later.column,
        unread.sheet == later.source?.sheet, unread.sheet == earlier.source?.sheet
      else { return true }
      return min(a, b) < column && column < max(a, b)
    }
  }

  /// Whole months from one day to another, counting a part month as one.
  static func months(from start: CivilDate, to end: CivilDate) -> Int {
    let whole = (end.year - start.year) * 12 + (end.month - start.month)
    return end.day > start.day && !(end.day == CivilDate.daysIn(month: end.month, year: end.year)
      && start.day == CivilDate.daysIn(month: start.month, year: start.year)) ? whole + 1 : whole
  }
}
