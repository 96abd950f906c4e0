import Diagnostics

/// Evidence is a union (domain.md §8.2): items are matched on their E-code or
/// normalised text, the master's order is kept and new items follow it; an
/// item a return no longer lists stays and is reported (`merge.evidence_removed`),
/// unless another sub-group's return added it in an earlier merge.
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
    let masterItems = original.evidence
    var seenSet: TwoLevelSet<ExactEvidenceKey, String>?
    // Items this merge added, so a return repeating one of them still counts as changing the row.
    var addedKeys: Set<String> = []
    for contribution in contributions {
      let source = ret(contribution)
      let items = ctx.returns[contribution.ret].input.plan.actions[contribution.action].evidence
      // The return's first items written exactly as the master's first items
      // are already in the row (and no item this merge added equals one of
      // them): only the items after them can add anything. The master's
      // items exactly as they were: nothing added, nothing removed.
      let repeated = RowMerge.sharedPrefix(items, masterItems)
      if repeated == items.count, repeated == masterItems.count { continue }
      var seen = seenSet ?? TwoLevelSet(exact: evidence.map(RowMerge.exactEvidence), normalised: { masterItems.map(MergeKeys.evidence) })
      defer { seenSet = seen }
      for item in items[repeated...] {
        guard let key = seen.insertIfNew(RowMerge.exactEvidence(item), { MergeKeys.evidence(item) }) else {
          // Another return brought this item first: this one changes the row all the same.
          if !addedKeys.isEmpty, addedKeys.contains(MergeKeys.evidence(item)) {
            changedBy.insert(contribution.ret)
            updatedBy.insert(contribution.ret)
          }
          continue
        }
        addedKeys.insert(key)
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
      // Every master item is still listed when the return starts with them all.
      if source.hasEvidence, !isNew, repeated < masterItems.count { reportRemoved(from: contribution, items) }
    }
    action.evidence = evidence
  }

  private mutating func reportRemoved(from contribution: Contribution, _ items: [EvidenceItem]) {
    var present = TwoLevelSet(exact: items.map(RowMerge.exactEvidence), normalised: { items.map(MergeKeys.evidence) })
    let source = ret(contribution)
    for item in original.evidence where RowMerge.couldHaveListed(item, source, aliases: ctx.options.subGroupAliases) {
      guard !present.contains(RowMerge.exactEvidence(item), { MergeKeys.evidence(item) }) else { continue }
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

  /// Whether a return was expected to list an item: the master's own items
  /// and those its sub-group sent earlier, not those another return added.
  static func couldHaveListed(_ item: EvidenceItem, _ source: ReturnContext, aliases: SubGroupAliases) -> Bool {
    guard let group = item.provenance?.subGroup else { return true }
    return SubGroupName.canonical(group, extra: aliases) == source.canonicalSubGroup
  }

  /// How many of `items`' first items are written exactly as `base`'s first
  /// items (equal `exactEvidence` keys, in the same places), compared in place.
  static func sharedPrefix(_ items: [EvidenceItem], _ base: [EvidenceItem]) -> Int {
    for i in 0..<min(items.count, base.count) {
      let hasRef = !(items[i].ref?.isEmpty ?? true)
      if hasRef || !(base[i].ref?.isEmpty ?? true) {
        guard hasRef, items[i].ref == base[i].ref else { return i }
        continue
      }
      guard items[i].text == base[i].text else { return i }
      if items[i].text.isEmpty, items[i].raw != base[i].raw { return i }
    }
    return min(items.count, base.count)
  }

  /// An evidence item exactly as written: its E-code, else its text (raw when empty).
  static func exactEvidence(_ item: EvidenceItem) -> ExactEvidenceKey {
    if let ref = item.ref, !ref.isEmpty { return ExactEvidenceKey(kind: 0, text: ref) }
    return item.text.isEmpty ? ExactEvidenceKey(kind: 1, text: item.raw) : ExactEvidenceKey(kind: 2, text: item.text)
  }

  /// An evidence item as the log shows it.
  static func evidenceText(_ item: EvidenceItem) -> String {
    let text = item.text.isEmpty ? item.raw : item.text
    if let ref = item.ref, !ref.isEmpty, !text.contains(ref) { return "\(ref) \(text)" }
    return text
  }
}

/// An evidence item's exact identity: 0 E-code, 1 raw text, 2 text.
struct ExactEvidenceKey: Hashable {
  var kind: UInt8
  var text: String
}
