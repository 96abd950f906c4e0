import Diagnostics

/// Evidence is a union (domain.md §8.2): items are matched on their E-code or
/// normalised text, the master's order is kept and new items follow it; an
/// item a return no longer lists stays and is reported (`merge.evidence_removed`).
extension RowMerge {
  /// Appends the returns' new evidence items and reports removed ones.
  mutating func mergeEvidence() {
    var evidence = original.evidence
    for index in evidence.indices where evidence[index].provenance == nil {
      evidence[index].provenance = ctx.masterProvenance(evidence[index].source)
    }
    guard !contributions.isEmpty else {
      action.evidence = evidence
      return
    }
    var seen = Set(evidence.map(MergeKeys.evidence))
    for contribution in contributions {
      let source = ret(contribution)
      let items = row(contribution).evidence
      for item in items {
        guard seen.insert(MergeKeys.evidence(item)).inserted else { continue }
        var added = item
        added.provenance = source.provenance(item.source)
        evidence.append(added)
        changedBy.insert(contribution.ret)
        updatedBy.insert(contribution.ret)
        summary.evidenceAdded += 1
        record(
          MergeCode.evidenceAdded, field: .evidence, old: "", new: RowMerge.evidenceText(item),
          source: added.provenance, subGroup: source.input.subGroup, decision: .added)
      }
      if source.hasEvidence, !isNew { reportRemoved(from: contribution, items) }
    }
    action.evidence = evidence
  }

  private mutating func reportRemoved(from contribution: Contribution, _ items: [EvidenceItem]) {
    let present = Set(items.map(MergeKeys.evidence))
    let source = ret(contribution)
    for item in original.evidence where !present.contains(MergeKeys.evidence(item)) {
      summary.evidenceRemoved += 1
      record(
        MergeCode.evidenceRemoved, field: .evidence, old: RowMerge.evidenceText(item), new: "",
        source: source.provenance(row(contribution).source), subGroup: source.input.subGroup, decision: .reported)
      diagnostics.append(
        Diagnostic(
          code: MergeCode.evidenceRemoved, severity: .info,
          message: "\(name): \(who(contribution)) no longer lists the evidence \"\(RowMerge.evidenceText(item))\"; kept",
          location: location(row(contribution).source, in: contribution),
          related: item.source.map { [$0] } ?? []))
    }
  }

  /// An evidence item as the log shows it.
  static func evidenceText(_ item: EvidenceItem) -> String {
    let text = item.text.isEmpty ? item.raw : item.text
    if let ref = item.ref, !ref.isEmpty, !text.contains(ref) { return "\(ref) \(text)" }
    return text
  }
}
