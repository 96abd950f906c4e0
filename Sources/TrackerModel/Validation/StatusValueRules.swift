import Diagnostics

/// Checks one status value: `status.mixed` (info, says which reading was
/// used) and `status.not_in_legend` (warning, a rating the key omits).
struct StatusValueCheck {
  static let mixed = "status.mixed"
  static let notInLegend = "status.not_in_legend"

  static func check(
    _ status: Status, at cell: @autoclosure () -> SourceLocation?, owner: @autoclosure () -> String,
    legend: LegendReading, _ context: ValidationContext, into findings: inout [Diagnostic]
  ) {
    guard status.towards != nil || legend.hasLegend else { return }
    if let towards = status.towards, context.isEnabled(mixed) {
      let from = LegendReading.name(status.rating)
      let to = LegendReading.name(towards)
      let counts = LegendReading.name(legend.effectiveRating(status))
      let reading = legend.mixed == .movingTowards ? "\(from) moving towards \(to)" : "between \(from) and \(to)"
      findings.append(
        context.finding(mixed, "\(owner())\"\(status.raw.trimmingSpaces)\" read as \(reading) (counts as \(counts))", at: cell()))
    }
    guard legend.hasLegend, context.isEnabled(notInLegend) else { return }
    // The rating, else the one it moves towards, that the key does not define (no array per status).
    func undefined(_ rating: Rating?) -> Rating? {
      guard let rating, rating.isColour, !legend.definedRatings.contains(rating) else { return nil }
      return rating
    }
    guard let rating = undefined(status.rating) ?? undefined(status.towards) else { return }
    let key = legend.legendCells.compactMap(\.sheetCell).joined(separator: ", ")
    findings.append(
      context.finding(
        notInLegend,
        "\(owner())status \"\(status.raw.trimmingSpaces)\" is \(LegendReading.name(rating)), which the key\(key.isEmpty ? "" : " at \(key)") does not define",
        at: cell(), related: legend.legendCells))
  }
}

/// `status.mixed` and `status.not_in_legend` over each action's statuses.
struct StatusValueRule: ActionRule {
  var codes: [String] { [StatusValueCheck.mixed, StatusValueCheck.notInLegend] }

  func check(_ view: ActionView, _ context: ValidationContext, into findings: inout [Diagnostic]) {
    for index in view.slots.indices where view.rating(index) != .none {
      StatusValueCheck.check(
        view.status(index), at: view.cell(index, context.timeline),
        owner: "\(view.action.key) \(context.timeline.periods[index].label): ", legend: context.legend, context,
        into: &findings)
    }
  }
}

/// `status.mixed` and `status.not_in_legend` over the priorities' overall statuses (seed I4).
struct PriorityStatusRule: PlanRule {
  var codes: [String] { [StatusValueCheck.mixed, StatusValueCheck.notInLegend] }

  func check(_ context: ValidationContext, into findings: inout [Diagnostic]) {
    for priority in context.plan.priorities {
      guard let status = priority.overallStatus, status.rating != .none else { continue }
      StatusValueCheck.check(
        status, at: priority.overallStatusSource ?? priority.source, owner: "priority \(priority.id) overall status ", legend: context.overallLegend,
        context,
        into: &findings)
    }
  }
}

extension Rating {
  /// Whether the rating is one of the five colours a legend can define.
  var isColour: Bool {
    switch self {
    case .red, .amber, .green, .blue, .grey: true
    case .notApplicable, .none, .unknown: false
    }
  }
}
