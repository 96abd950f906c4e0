import Diagnostics

/// Resolves each cross-reference (`SEE 6E`, `See [4a above]`) against the
/// plan's action keys and focus-area refs: `xref.self` (warning) when it
/// names its own action, `xref.unresolved` (warning) when nothing in the
/// workbook has that key, `xref.resolved` (info) otherwise. A reference the
/// recogniser marked `external` (one sheet of a larger workbook read alone)
/// is not reported.
struct CrossRefRule: ActionRule {
  static let selfRef = "xref.self"
  static let unresolved = "xref.unresolved"
  static let resolved = "xref.resolved"
  var codes: [String] { [Self.selfRef, Self.unresolved, Self.resolved] }

  func check(_ view: ActionView, _ context: ValidationContext, into findings: inout [Diagnostic]) {
    let action = view.action
    guard !action.crossRefs.isEmpty else { return }
    let targets = context.crossRefTargets
    for ref in action.crossRefs {
      let target = ref.targetKey.uppercased()
      let cell = ref.fromCell ?? action.source
      let quoted = ref.text.trimmingSpaces
      if target == action.key.uppercased() {
        if context.isEnabled(Self.selfRef) {
          findings.append(
            context.finding(
              Self.selfRef, "\"\(quoted)\" on \(action.key) points to the action itself, so its update is elsewhere",
              at: cell, related: action.keyCell.map { [$0] } ?? []))
        }
      } else if let found = targets[target] {
        if context.isEnabled(Self.resolved) {
          findings.append(
            context.finding(
              Self.resolved, "\"\(quoted)\" resolved to \(target)\(found.flatMap(\.sheetCell).map { " at \($0)" } ?? "")",
              at: cell, related: found.map { [$0] } ?? []))
        }
      } else if ref.resolution != .external, context.isEnabled(Self.unresolved) {
        findings.append(
          context.finding(
            Self.unresolved, "\"\(quoted)\" points to \(target), which is not an action in this workbook", at: cell))
      }
    }
  }
}

extension ValidationContext {
  /// Every key a cross-reference may name: action keys and focus-area refs
  /// (upper-cased), with where each is; empty when no action has a reference.
  static func crossRefTargets(of plan: Plan) -> [String: SourceLocation?] {
    guard plan.actions.contains(where: { !$0.crossRefs.isEmpty }) else { return [:] }
    var map: [String: SourceLocation?] = [:]
    for area in plan.focusAreas where map[area.ref.uppercased()] == nil { map[area.ref.uppercased()] = area.source }
    let actions = plan.actions
    for a in actions.indices { map[actions[a].key.uppercased()] = actions[a].keyCell }  // by index: no action copied
    return map
  }
}
