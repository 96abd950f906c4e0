import Diagnostics

/// Who may update what: rows matched on text, updates to another
/// sub-group's action (`merge.out_of_remit`), and actions the owning
/// sub-group's return left alone (`merge.no_update`).
extension RowMerge {
  /// Reports return rows matched on their text rather than their ref.
  mutating func reportTextMatches() {
    for contribution in contributions where contribution.byText {
      let source = ret(contribution)
      let proposed = row(contribution)
      summary.matchedByText += 1
      record(
        MergeCode.matchedByText, field: .action, old: original.key, new: proposed.rawRef.isEmpty ? proposed.key : proposed.rawRef,
        source: source.provenance(proposed.source), subGroup: source.input.subGroup, decision: .reported)
      let how =
        MergeKeys.isBlank(proposed.text)
        ? "has no ref and no wording (a continuation row); matched to \(name) by its place after the same row"
        : "has no usable ref; matched to \(name) on its exact wording in focus area \(proposed.focusRef ?? "(none)")"
      diagnostics.append(
        Diagnostic(
          code: MergeCode.matchedByText, severity: .warning,
          message: "\(who(contribution)) row \"\(proposed.key)\" \(how)",
          fix: "Give the row its action letter so it matches by reference.",
          location: location(proposed.source, in: contribution), related: original.source.map { [$0] } ?? []))
    }
  }

  /// Reports each return that changed this row although another sub-group owns it.
  mutating func checkRemit() {
    guard let owner else { return }
    for index in changedBy.sorted() {
      let source = ctx.returns[index]
      guard let group = source.canonicalSubGroup, group != owner,
        let contribution = contributions.first(where: { $0.ret == index })
      else { continue }
      summary.outOfRemit += 1
      let proposed = row(contribution)
      record(
        MergeCode.outOfRemit, field: .action, old: action.subGroup ?? "", new: source.input.subGroup ?? "",
        source: source.provenance(proposed.source), subGroup: source.input.subGroup, decision: .reported)
      diagnostics.append(
        Diagnostic(
          code: MergeCode.outOfRemit, severity: .warning,
          message: "\(who(contribution)) updates \(name), which belongs to \(action.subGroup ?? "")",
          fix: "Check with \(action.subGroup ?? "the owning sub-group") that the update is agreed.",
          location: location(proposed.source, in: contribution), related: original.source.map { [$0] } ?? []))
    }
  }

  /// Reports a master action its sub-group's return did not update: absent
  /// from the return (warning), or present with no status for the current
  /// period and nothing added (info).
  mutating func checkUpdated() {
    guard !isNew, let owner, let expected = ctx.returnsBySubGroup[owner], !expected.isEmpty else { return }
    let present = expected.filter { index in contributions.contains { $0.ret == index } }
    if present.contains(where: { updatedBy.contains($0) || changedBy.contains($0) }) { return }
    let names = expected.map { ctx.returns[$0].input.fileName }.joined(separator: ", ")
    let absent = present.isEmpty
    summary.missingUpdates += 1
    let current = ctx.currentPeriodId(for: expected[0])
    var place = SourceLocation(file: ctx.returns[expected[0]].input.file)
    if let index = present.first, let contribution = contributions.first(where: { $0.ret == index }) {
      place = location(row(contribution).source, in: contribution)
    }
    record(
      MergeCode.noUpdate, field: .action, periodId: current, old: "", new: absent ? "(absent)" : "(no update)",
      source: nil, subGroup: action.subGroup, decision: .reported)
    diagnostics.append(
      Diagnostic(
        code: MergeCode.noUpdate, severity: absent ? .warning : .info,
        message: absent
          ? "\(name) belongs to \(action.subGroup ?? "") but is missing from its return (\(names))"
          : "\(name) belongs to \(action.subGroup ?? "") but its return (\(names)) has no status for "
            + "\(current.map(ctx.label) ?? "the current period") and adds nothing",
        fix: absent ? "Ask \(action.subGroup ?? "the sub-group") for this action's update." : nil,
        location: place,
        related: original.source.map { [$0] } ?? []))
  }
}
