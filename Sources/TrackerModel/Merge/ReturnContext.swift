import Diagnostics

/// A return as the merge sees it once sorted: its place in the order, its
/// canonical sub-group, how its periods map onto the merged ones, and its
/// actions indexed by key.
struct ReturnContext {
  /// Position in merge order (sub-group, then file name, then path).
  let index: Int
  /// The return.
  let input: MergeInput
  /// `SubGroupName.canonical` of the return's sub-group, when known.
  let canonicalSubGroup: String?
  /// Whether any action in the return lists evidence (so the template has an
  /// evidence column and a missing item means it was removed).
  let hasEvidence: Bool
  /// The return's period ids → merged period ids.
  var periodMap: [String: String] = [:]

  init(index: Int, input: MergeInput) {
    self.index = index
    self.input = input
    canonicalSubGroup = input.subGroup.map(SubGroupName.canonical)
    hasEvidence = input.plan.actions.contains { !$0.evidence.isEmpty }
  }

  /// The return's action at an index.
  func action(_ index: Int) -> Action { input.plan.actions[index] }

  /// Provenance for a value read from one of the return's cells.
  func provenance(_ source: CellRef?, period: String? = nil) -> Provenance {
    Provenance(
      file: input.file, sheet: source?.sheet, cell: source?.cell?.a1, subGroup: input.subGroup, period: period)
  }

  /// The order in which returns are applied: sub-group (canonical), then
  /// file name, then the path as given; stable for equal keys.
  static func ordered(_ returns: [MergeInput]) -> [MergeInput] {
    returns.enumerated().sorted { lhs, rhs in
      let l = (lhs.element.subGroup.map(SubGroupName.canonical) ?? "", lhs.element.fileName, lhs.element.file)
      let r = (rhs.element.subGroup.map(SubGroupName.canonical) ?? "", rhs.element.fileName, rhs.element.file)
      if l != r { return l < r }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }
}

/// One return row feeding one merged row.
struct Contribution: Equatable {
  /// The return's `ReturnContext.index`.
  var ret: Int
  /// The row's index in the return's `actions`.
  var action: Int
  /// Whether it was matched on its text rather than its key.
  var byText: Bool
}
