/// The two trackers' actions paired one to one with merge's matcher
/// (`ActionMatcher`: (priority, key), else exact normalised wording within
/// the focus area; never fuzzy).
///
/// Merge lets one return row update several master rows (a cross-listed
/// action); a diff pairs each row once: a new row takes the first of its
/// candidates not yet taken, preferring one under its own priority. A new
/// row left without a partner (unmatched, ambiguous, or a second copy) is
/// added; an old row no new row took is removed.
struct ActionPairing {
  /// (old index, new index), in the new tracker's order.
  private(set) var pairs: [(old: Int, new: Int)] = []
  /// New actions without a partner, in order.
  private(set) var added: [Int] = []
  /// Old actions without a partner, in order.
  private(set) var removed: [Int] = []

  init(old: [Action], new: [Action]) {
    let matcher = ActionMatcher(master: old)
    let matches = matcher.match(ReturnContext(index: 0, input: MergeInput(plan: Plan(id: "", actions: new), file: "")))
    var candidates = [[Int]](repeating: [], count: new.count)
    for pair in matches.pairs { candidates[pair.contribution.action].append(pair.row) }
    var taken = [Bool](repeating: false, count: old.count)
    for index in new.indices {
      let free = candidates[index].filter { !taken[$0] }
      guard let chosen = free.first(where: { old[$0].priorityId == new[index].priorityId }) ?? free.first else {
        added.append(index)
        continue
      }
      taken[chosen] = true
      pairs.append((chosen, index))
    }
    removed = old.indices.filter { !taken[$0] }
  }
}
