import Diagnostics
import TrackerModel

/// A few lines about a converted plan, for people: what was found and the
/// latest statuses.
enum ConvertSummary {
  static func render(_ plan: Plan, findings: [Diagnostic], input: String, output: String?) -> String {
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    var out = "\(input): "
    out += [
      plural(plan.priorities.count, "priority").replacingSuffix("prioritys", "priorities"),
      plural(plan.focusAreas.count, "focus area"), plural(plan.actions.count, "action"),
      plural(plan.periods.count, "period")
        + (plan.periods.isEmpty ? "" : " (\(plan.periods.first?.label ?? "")…\(plan.periods.last?.label ?? ""))"),
    ].joined(separator: ", ")
    out += "\n"
    if let latest = plan.periods.last {
      var counts: [String: Int] = [:]
      for action in plan.actions {
        let code = action.status(for: latest.id)?.status.code ?? ""
        counts[code.isEmpty ? "blank" : code, default: 0] += 1
      }
      let order = ["R", "A", "G", "Complete", "B", "Grey", "N/A", "blank"]
      let keys = counts.keys.sorted { (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1) }
      out += "  latest (\(latest.label)): " + keys.map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", ") + "\n"
    }
    let errors = findings.filter { $0.severity == .error }.count
    let warnings = findings.filter { $0.severity == .warning }.count
    let infos = findings.count - errors - warnings
    out += "  findings: \(plural(errors, "error")), \(plural(warnings, "warning")), \(infos) info\n"
    if let output { out += "  written: \(output)\n" }
    return out
  }
}

extension String {
  fileprivate func replacingSuffix(_ suffix: String, _ replacement: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
  }
}
