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
/// most severe first, then by code, then as produced.
public enum FindingOrder {
  /// Sorts findings by location (whole-file findings first). Files, sheets
  /// and codes are interned to integers first, so the sort compares only
  /// integers.
  public static func sorted(_ findings: [Diagnostic]) -> [Diagnostic] {
    let files = Interned(findings.lazy.map { $0.location?.file ?? "" })
    let sheets = Interned(findings.lazy.map { $0.location?.sheet ?? "" })
    let codes = Interned(findings.lazy.map(\.code))
    var keys: [Key] = []
    keys.reserveCapacity(findings.count)
    for (offset, finding) in findings.enumerated() {
      let location = finding.location
      keys.append(
        Key(
          file: files.ranks[offset], sheet: sheets.ranks[offset],
          row: location?.cell?.row ?? location?.line ?? 0, column: location?.cell?.column ?? 0,
          severity: finding.severity == .error ? 0 : finding.severity == .warning ? 1 : 2,
          code: codes.ranks[offset], offset: offset))
    }
    keys.sort()
    return keys.map { findings[$0.offset] }
  }

  /// The sort rank of each string of a sequence, hashing only when a value
  /// differs from the one before (findings come in runs of one file and sheet).
  private struct Interned {
    var ranks: [Int] = []

    init(_ values: some Sequence<String>) {
      var ids: [String: Int] = [:]
      var names: [String] = []
      var previous: String? = nil
      var previousID = 0
      for value in values {
        if value != previous {
          if let id = ids[value] {
            previousID = id
          } else {
            previousID = names.count
            ids[value] = previousID
            names.append(value)
          }
          previous = value
        }
        ranks.append(previousID)
      }
      var rankOfID = [Int](repeating: 0, count: names.count)
      for (rank, id) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() { rankOfID[id] = rank }
      for index in ranks.indices { ranks[index] = rankOfID[ranks[index]] }
    }
  }

  private struct Key: Comparable {
    var file, sheet, row, column, severity, code, offset: Int
    static func < (a: Key, b: Key) -> Bool {
      if a.file != b.file { return a.file < b.file }
      if a.sheet != b.sheet { return a.sheet < b.sheet }
      if a.row != b.row { return a.row < b.row }
      if a.column != b.column { return a.column < b.column }
      if a.severity != b.severity { return a.severity < b.severity }
      if a.code != b.code { return a.code < b.code }
      return a.offset < b.offset
    }
  }
}
