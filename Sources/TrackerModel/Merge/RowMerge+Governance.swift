import Diagnostics

/// Leads, wording and due dates are governance decisions (domain.md §8.2): a
/// return that changes them is reported (`merge.lead_changed`,
/// `merge.text_changed`, `merge.due_changed`) and the master's value kept,
/// unless `--accept-leads`, `--accept-text` or `--accept-due` accepts it. A
/// return that leaves the field empty says nothing about it.
extension RowMerge {
  /// The three governance fields, described once.
  private struct Field {
    var code: String
    var field: MergeField
    var noun: String
    var flag: String
    var accepted: Bool
    var key: (Action) -> String?
    /// Cheap test that two actions hold exactly the same value (skips normalising).
    var same: (Action, Action) -> Bool
    var show: (Action) -> String
    var apply: (inout Action, Action) -> Void
  }

  /// Reports (and, when accepted, applies) lead, wording and due-date changes.
  mutating func mergeGovernance() {
    guard !contributions.isEmpty else { return }
    let fields = [
      Field(
        code: MergeCode.leadChanged, field: .lead, noun: "leads", flag: "--accept-leads",
        accepted: ctx.options.acceptLeads, key: { let k = MergeKeys.leads($0.leads); return k.isEmpty ? nil : k },
        same: { $0.leads.map(\.name) == $1.leads.map(\.name) },
        show: { $0.leads.map(\.name).joined(separator: "; ") }, apply: { $0.leads = $1.leads }),
      Field(
        code: MergeCode.textChanged, field: .text, noun: "wording", flag: "--accept-text",
        accepted: ctx.options.acceptText, key: { let k = MergeKeys.normalised($0.text); return k.isEmpty ? nil : k },
        same: { $0.text == $1.text },
        show: { $0.text }, apply: { $0.text = $1.text }),
      Field(
        code: MergeCode.dueChanged, field: .due, noun: "due date", flag: "--accept-due",
        accepted: ctx.options.acceptDue, key: MergeKeys.due, same: { $0.dueDate == $1.dueDate && $0.dueRaw == $1.dueRaw },
        show: { $0.dueRaw ?? $0.dueDate?.description ?? "" },
        apply: {
          $0.dueDate = $1.dueDate
          $0.dueRaw = $1.dueRaw
        }),
    ]
    for field in fields { merge(field) }
  }

  private mutating func merge(_ field: Field) {
    guard contributions.contains(where: { !field.same(original, row($0)) }) else { return }
    let masterKey = field.key(original)
    var proposals: [Contribution] = []
    var changes: [Contribution] = []
    for contribution in contributions {
      guard let key = field.key(row(contribution)) else { continue }
      proposals.append(contribution)
      if key != masterKey { changes.append(contribution) }
    }
    guard !changes.isEmpty else { return }
    var chosen: Contribution?
    if field.accepted, let pick = ctx.choose(proposals, owner: owner), field.key(row(pick)) != masterKey {
      chosen = pick
      field.apply(&action, row(pick))
      summary.governanceAccepted += 1
    }
    for contribution in changes {
      changedBy.insert(contribution.ret)
      summary.governanceChanges += 1
      let source = ret(contribution)
      let proposed = row(contribution)
      let taken = chosen == contribution
      record(
        field.code, field: field.field, old: field.show(original), new: field.show(proposed),
        source: source.provenance(proposed.source), subGroup: source.input.subGroup,
        decision: taken ? .accepted : .keptMaster)
      let verdict = taken ? "accepted (\(field.flag))" : "kept the master's (\(field.flag) accepts it)"
      let change = masterKey == nil
        ? "sets the \(field.noun) to \"\(field.show(proposed))\" (the master has none)"
        : "changes the \(field.noun) from \"\(field.show(original))\" to \"\(field.show(proposed))\""
      diagnostics.append(
        Diagnostic(
          code: field.code, severity: .warning,
          message: "\(name): \(who(contribution)) \(change); \(verdict)",
          fix: "Agree the change with the plan's owner, then rerun with \(field.flag) or edit the master.",
          location: location(proposed.source, in: contribution), related: original.source.map { [$0] } ?? []))
    }
  }
}
