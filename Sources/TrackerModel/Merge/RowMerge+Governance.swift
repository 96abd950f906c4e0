import Diagnostics

/// Leads, wording and due dates are governance decisions (domain.md §8.2): a
/// return that changes them is reported (`merge.lead_changed`,
/// `merge.text_changed`, `merge.due_changed`) and the master's value kept,
/// unless `--accept-leads`, `--accept-text` or `--accept-due` accepts it. A
/// return that leaves the field empty says nothing about it.
extension RowMerge {
  /// One governance field of an action, read without copying the action.
  private struct Field<Value> {
    var code: String
    var field: MergeField
    var noun: String
    var flag: String
    var accepted: Bool
    /// The value in the master's action.
    var value: (Action) -> Value
    /// The value in a return's action (read in place: passing the action would copy it).
    var returned: (ReturnContext, Int) -> Value
    /// Whether a return's value (read in place) is written exactly as the
    /// master's (skips normalising, and gathering the values: most returns
    /// repeat the master's).
    var unchanged: (Action, ReturnContext, Int) -> Bool
    /// The comparison key, `nil` when the value is empty.
    var key: (Value) -> String?
    /// How the log and messages show it.
    var show: (Value) -> String
    /// Sets it on the merged action.
    var apply: (inout Action, Value) -> Void
  }

  /// Reports (and, when accepted, applies) lead, wording and due-date changes.
  mutating func mergeGovernance() {
    guard !contributions.isEmpty else { return }
    merge(
      Field(
        code: MergeCode.leadChanged, field: .lead, noun: "leads", flag: "--accept-leads",
        accepted: ctx.options.acceptLeads, value: { $0.leads }, returned: { $0.input.plan.actions[$1].leads },
        unchanged: { RowMerge.sameNames($0.leads, $1.input.plan.actions[$2].leads) },
        key: { let k = MergeKeys.leads($0); return k.isEmpty ? nil : k },
        show: { $0.map(\.name).joined(separator: "; ") }, apply: { $0.leads = $1 }))
    merge(
      Field(
        code: MergeCode.textChanged, field: .text, noun: "wording", flag: "--accept-text",
        accepted: ctx.options.acceptText, value: { $0.text }, returned: { $0.input.plan.actions[$1].text },
        unchanged: { $0.text == $1.input.plan.actions[$2].text },
        key: { let k = MergeKeys.normalised($0); return k.isEmpty ? nil : k }, show: { $0 }, apply: { $0.text = $1 }))
    merge(
      Field<DueValue>(
        code: MergeCode.dueChanged, field: .due, noun: "due date", flag: "--accept-due",
        accepted: ctx.options.acceptDue, value: { DueValue(date: $0.dueDate, raw: $0.dueRaw) },
        returned: { DueValue(date: $0.input.plan.actions[$1].dueDate, raw: $0.input.plan.actions[$1].dueRaw) },
        unchanged: { $0.dueDate == $1.input.plan.actions[$2].dueDate && $0.dueRaw == $1.input.plan.actions[$2].dueRaw },
        key: { $0.key }, show: { $0.raw ?? $0.date?.description ?? "" },
        apply: {
          $0.dueDate = $1.date
          $0.dueRaw = $1.raw
        }))
  }

  private mutating func merge<Value>(_ field: Field<Value>) {
    guard contributions.contains(where: { !field.unchanged(original, ctx.returns[$0.ret], $0.action) }) else { return }
    let masterValue = field.value(original)
    let values = contributions.map { field.returned(ctx.returns[$0.ret], $0.action) }
    let masterKey = field.key(masterValue)
    var proposals: [Contribution] = []
    var changes: [Int] = []
    for (index, value) in values.enumerated() {
      guard let key = field.key(value) else { continue }
      proposals.append(contributions[index])
      if key != masterKey { changes.append(index) }
    }
    guard !changes.isEmpty else { return }
    var chosen: Contribution?
    if field.accepted, let pick = ctx.choose(proposals, owner: owner), let index = contributions.firstIndex(of: pick),
      field.key(values[index]) != masterKey
    {
      chosen = pick
      field.apply(&action, values[index])
      summary.governanceAccepted += 1
    }
    for index in changes {
      let contribution = contributions[index]
      changedBy.insert(contribution.ret)
      summary.governanceChanges += 1
      let source = ret(contribution)
      let proposedSource = ctx.returns[contribution.ret].input.plan.actions[contribution.action].source
      let taken = chosen == contribution
      let old = field.show(masterValue)
      let new = field.show(values[index])
      record(
        field.code, field: field.field, old: old, new: new, source: source.provenance(proposedSource),
        subGroup: source.input.subGroup, decision: taken ? .accepted : .keptMaster)
      let verdict = taken ? "accepted (\(field.flag))" : "kept the master's (\(field.flag) accepts it)"
      let change = masterKey == nil
        ? "sets the \(field.noun) to \"\(new)\" (the master has none)"
        : "changes the \(field.noun) from \"\(old)\" to \"\(new)\""
      diagnostics.append(
        Diagnostic(
          code: field.code, severity: .warning,
          message: "\(name): \(who(contribution)) \(change); \(verdict)",
          fix: "Agree the change with the plan's owner, then rerun with \(field.flag) or edit the master.",
          location: location(proposedSource, in: contribution), related: original.source.map { [$0] } ?? []))
    }
  }
}

extension RowMerge {
  /// Whether two lists of leads name the same people in the same order,
  /// written exactly alike (compared in place: iterating would copy each lead).
  static func sameNames(_ lhs: [Lead], _ rhs: [Lead]) -> Bool {
    lhs.count == rhs.count && lhs.indices.allSatisfy { lhs[$0].name == rhs[$0].name }
  }
}

/// A due date as written: the parsed date and the raw text.
struct DueValue: Equatable {
  var date: DateValue?
  var raw: String?

  /// `MergeKeys.due`'s identity: the date at its precision, else the raw text.
  var key: String? {
    if let date { return MergeKeys.dateKey(date) }
    guard let raw else { return nil }
    let text = MergeKeys.normalised(raw)
    return text.isEmpty ? nil : "raw:" + text
  }
}
