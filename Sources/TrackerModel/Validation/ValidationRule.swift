import Diagnostics

/// A rule over the whole plan (layout, refs, legend, evidence log, leads).
protocol PlanRule: Sendable {
  /// The codes this rule can report (it is skipped when all are off).
  var codes: [String] { get }
  /// Appends the rule's findings.
  func check(_ context: ValidationContext, into findings: inout [Diagnostic])
}

/// A rule over one action at a time; the validator walks the actions once
/// and hands each rule the same `ActionView`.
protocol ActionRule: Sendable {
  /// The codes this rule can report (it is skipped when all are off).
  var codes: [String] { get }
  /// Appends the rule's findings for one action.
  func check(_ view: ActionView, _ context: ValidationContext, into findings: inout [Diagnostic])
}
