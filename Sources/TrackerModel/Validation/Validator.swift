public import Diagnostics

/// Runs every model-level rule of domain.md §6 over a canonical `Plan`.
///
/// Rules work from period dates, never column positions; the legend decides
/// what colours mean; codes switched off in `options.policy` are not
/// computed, re-graded ones get their new severity.
///
/// ```swift
/// let findings = Validator.validate(plan, options: ValidationOptions(today: today))
/// ```
public enum Validator {
  /// The rules over the whole plan.
  static let planRules: [any PlanRule] = [
    PeriodGapRule(), DuplicateRefRule(), AreaMismatchRule(), PriorityStatusRule(),
    EvidenceLogRule(), SimilarLeadNamesRule(), CellLengthRule(),
  ]

  /// The rules over each action.
  static let actionRules: [any ActionRule] = [
    StatusHistoryRule(), StalledStatusRule(), StatusValueRule(), NoteDisagreesRule(), CompletionEvidenceRule(),
    NoteDateRule(), MissingLeadRule(), CrossRefRule(), OverdueRule(),
  ]

  /// The codes the rules can report.
  public static var codes: [String] { planRules.flatMap(\.codes) + actionRules.flatMap(\.codes) }

  /// The findings for a plan, with the policy applied, sorted by location.
  public static func validate(_ plan: Plan, options: ValidationOptions) -> [Diagnostic] {
    let context = ValidationContext(plan: plan, options: options)
    var findings: [Diagnostic] = []
    for rule in planRules where rule.codes.contains(where: context.isEnabled) {
      rule.check(context, into: &findings)
    }
    let rules = actionRules.filter { $0.codes.contains(where: context.isEnabled) }
    if !rules.isEmpty {
      for action in plan.actions {
        let view = ActionView(action, timeline: context.timeline)
        for rule in rules { rule.check(view, context, into: &findings) }
      }
    }
    return FindingOrder.sorted(options.policy.apply(to: findings))
  }

  /// How the plan's statuses were read (legend, mixed codes), for reports.
  public static func reading(of plan: Plan, options: ValidationOptions) -> LegendReading {
    LegendReading(
      scheme: LegendReading.entries(plan.statusScheme, scope: .periods),
      mixed: options.mixedStatusReading ?? plan.mixedStatusReading)
  }
}

/// The order findings are reported in: by file, sheet, row and column, then
/// most severe first, then by code and message.
public enum FindingOrder {
  /// Sorts findings by location (whole-file findings first).
  public static func sorted(_ findings: [Diagnostic]) -> [Diagnostic] {
    findings.enumerated().sorted { lhs, rhs in
      let a = key(lhs.element)
      let b = key(rhs.element)
      if a.file != b.file { return a.file < b.file }
      if a.sheet != b.sheet { return a.sheet < b.sheet }
      if a.row != b.row { return a.row < b.row }
      if a.column != b.column { return a.column < b.column }
      if a.severity != b.severity { return a.severity > b.severity }
      if lhs.element.code != rhs.element.code { return lhs.element.code < rhs.element.code }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }

  private static func key(_ finding: Diagnostic) -> (file: String, sheet: String, row: Int, column: Int, severity: Severity) {
    let location = finding.location
    return (
      location?.file ?? "", location?.sheet ?? "", location?.cell?.row ?? location?.line ?? 0,
      location?.cell?.column ?? 0, finding.severity
    )
  }
}
