import Diagnostics

/// A return as the merge sees it once sorted: its place in the order, its
/// canonical sub-group and how its periods map onto the merged ones.
///
/// A class, so that handing it around the per-row merge costs one reference
/// count rather than one per field of the plan it holds.
final class ReturnContext {
  /// Position in merge order (sub-group, then file name, then path).
  let index: Int
  /// The return.
  let input: MergeInput
  /// `SubGroupName.canonical` of the return's sub-group, when known.
  let canonicalSubGroup: String?
  /// Whether any action in the return lists evidence (so the template has an
  /// evidence column and a missing item means it was removed).
  let hasEvidence: Bool
  /// The return's period ids → merged period ids (set once periods are merged).
  private(set) var periodMap: [String: String] = [:]
  /// For the return's `i`-th period, its position among the merged periods.
  private(set) var positions: [Int?] = []
  /// The return's period ids, in its order (read in the hot loop without
  /// going through the plan).
  private(set) var periodIds: [String] = []

  init(index: Int, input: MergeInput, aliases: SubGroupAliases) {
    self.index = index
    self.input = input
    canonicalSubGroup = input.subGroup.map { SubGroupName.canonical($0, extra: aliases) }
    hasEvidence = input.plan.actions.contains { !$0.evidence.isEmpty }
  }

  /// Sets where the return's periods sit among the merged ones.
  func place(periods map: [String: String], in merged: [String: Int]) {
    periodMap = map
    periodIds = input.plan.periods.map(\.id)
    positions = periodIds.map { map[$0].flatMap { merged[$0] } }
  }

  /// The merged position of a status's period: by column order first (a
  /// return's statuses follow its periods), by id otherwise.
  @inline(__always) func position(of periodId: String, at index: Int, in merged: [String: Int]) -> Int? {
    if index < positions.count, periodIds[index] == periodId { return positions[index] }
    return periodMap[periodId].flatMap { merged[$0] }
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
  static func ordered(_ returns: [MergeInput], aliases: SubGroupAliases) -> [MergeInput] {
    returns.enumerated().sorted { lhs, rhs in
      let l = (lhs.element.subGroup.map { SubGroupName.canonical($0, extra: aliases) } ?? "", lhs.element.fileName, lhs.element.file)
      let r = (rhs.element.subGroup.map { SubGroupName.canonical($0, extra: aliases) } ?? "", rhs.element.fileName, rhs.element.file)
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
