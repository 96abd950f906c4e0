import Diagnostics

/// `ref.duplicate` (error) and `ref.cross_listed` (info), domain.md §6: two
/// actions with the same key and different wording are a duplicate whichever
/// priorities they sit under (a mistyped ref, or one under another area's
/// heading); the same key with the same normalised wording under another
/// priority is one action listed there too (seed 6E in Priorities 2 and 6).
/// The same key twice under one priority is a duplicate even with the same
/// wording: that is a repeated row, not a cross-listing. Rows without a real
/// key (`1.1#12`, reported as `ref.missing`) are left out.
struct DuplicateRefRule: PlanRule {
  static let code = "ref.duplicate"
  static let crossListed = "ref.cross_listed"
  var codes: [String] { [Self.code, Self.crossListed] }

  func check(_ context: ValidationContext, into findings: inout [Diagnostic]) {
    let actions = context.plan.actions
    // Each key's first row, and the earlier rows of repeated keys. Wording is
    // compared as normalised without building it (`MergeKeys.sameWording`):
    // two different wordings part at their first difference.
    var first: [String: Int] = [:]
    var seen: [String: [Int]] = [:]
    first.reserveCapacity(actions.count)
    for index in actions.indices where !MergeKeys.isSynthetic(actions[index].key) {
      let key = actions[index].key
      guard let earliest = first[key] else {
        first[key] = index
        continue
      }
      // Appended in place below: a copy taken out of the dictionary and put
      // back would copy every earlier row at each repeat (quadratic in how
      // often a key repeats: 480 copies of each of 1.1A–1.1Z in a focus area
      // of 12,500 actions).
      if seen[key] == nil { seen[key] = [earliest] }
      let text = actions[index].text
      // Fields are read in place: copying an `Action` retains every string in it.
      let priority = actions[index].priorityId
      do {  // `earlier` ends here, before the append
        let earlier = seen[key]!
        // The first earlier row that is another action: other wording, or the same priority.
        var clash: (row: Int, sameWording: Bool)?
        for other in earlier {
          let same = MergeKeys.sameWording(actions[other].text, text)
          if !same || actions[other].priorityId == priority {
            clash = (other, same)
            break
          }
        }
        if let clash {
          findings.append(duplicate(context, actions, index, clash.row, sameWording: clash.sameWording))
        } else if let other = earlier.first {
          findings.append(
            context.finding(
              Self.crossListed,
              "\(key) is listed under priority \(priority ?? "(none)") and under priority \(actions[other].priorityId ?? "(none)") "
                + "with the same wording: one action, cross-listed",
              at: actions[index].keyCell, related: Self.related(actions, index, other)))
        }
      }
      seen[key]!.append(index)
    }
  }

  private func duplicate(
    _ context: ValidationContext, _ actions: [Action], _ index: Int, _ otherIndex: Int, sameWording: Bool
  ) -> Diagnostic {
    var message = "two actions have the reference \"\(actions[index].key)\""
    let (priority, otherPriority) = (actions[index].priorityId, actions[otherIndex].priorityId)
    if otherPriority != priority {
      message += " under priorities \(otherPriority ?? "(none)") and \(priority ?? "(none)")"
    }
    if !sameWording { message += " and different wording" }
    if let first = actions[otherIndex].source?.cell?.row, let second = actions[index].source?.cell?.row {
      message += " (rows \(first) and \(second))"
    }
    return context.finding(
      Self.code, message, at: actions[index].keyCell, related: Self.related(actions, index, otherIndex))
  }

  /// The other listing's key cell, then the action's row when that is another cell.
  private static func related(_ actions: [Action], _ index: Int, _ otherIndex: Int) -> [SourceLocation] {
    var related: [SourceLocation] = []
    related.reserveCapacity(2)
    if let cell = actions[otherIndex].keyCell { related.append(cell) }
    if let row = actions[index].source, row != actions[index].keyCell { related.append(row) }
    return related
  }
}

/// `ref.area_mismatch` (warning): an action's ref starts with another number
/// than the focus area it sits under (`4.2B` under `3.1`: the last focus-area
/// heading at or above its row in the same sheet, else its `focusRef`); without a focus
/// area, than its priority, when the plan numbers actions by priority
/// (most do agree). The seed's focus areas 1.1–6 under Priority 2 follow
/// the inspection's numbering, so priorities are compared only when most
/// refs agree with theirs.
struct AreaMismatchRule: PlanRule {
  static let code = "ref.area_mismatch"
  var codes: [String] { [Self.code] }

  func check(_ context: ValidationContext, into findings: inout [Diagnostic]) {
    let actions = context.plan.actions
    var agreeing = 0
    var comparable = 0
    // By index throughout: `for action in actions` would copy every action (a retain per field).
    for index in actions.indices where actions[index].focusRef == nil {
      guard let number = Self.leadingNumber(actions[index].key), let priority = Self.numericPriority(actions[index].priorityId)
      else { continue }
      comparable += 1
      if number == priority { agreeing += 1 }
    }
    let prioritiesNumberRefs = comparable > 0 && agreeing * 2 > comparable
    let sitting = SittingFocusAreas(context.plan.focusAreas)
    for index in actions.indices {
      guard let number = Self.leadingNumber(actions[index].key) else { continue }
      if let focus = sitting.focusRef(above: actions[index].source) ?? actions[index].focusRef,
        let focusNumber = Self.leadingNumber(focus)
      {
        if number != focusNumber {
          findings.append(
            context.finding(
              Self.code, "ref \"\(actions[index].key)\" sits under focus area \(focus)", at: actions[index].keyCell,
              related: actions[index].rowRelated))
        }
      } else if actions[index].focusRef == nil, prioritiesNumberRefs,
        let priority = Self.numericPriority(actions[index].priorityId), number != priority
      {
        findings.append(
          context.finding(
            Self.code, "ref \"\(actions[index].key)\" sits under priority \(actions[index].priorityId ?? "")",
            at: actions[index].keyCell, related: actions[index].rowRelated))
      }
    }
  }

  /// The first number of a ref (`4` for `4.2B`), `nil` when it has none.
  static func leadingNumber(_ text: String) -> Int? {
    var value = 0
    var digits = 0
    for byte in text.utf8 {
      guard byte >= 0x30, byte <= 0x39 else { break }
      value = value * 10 + Int(byte - 0x30)
      digits += 1
      if digits > 6 { return nil }
    }
    return digits > 0 ? value : nil
  }

  private static func numericPriority(_ id: String?) -> Int? {
    guard let id, !id.isEmpty, id.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    return leadingNumber(id)
  }
}

/// The focus-area headings of each sheet by row, to find the one an action
/// row sits under (a ref column can give the action another focus ref).
struct SittingFocusAreas {
  private var bySheet: [String: [(row: Int, ref: String)]] = [:]

  init(_ areas: [FocusArea]) {
    for area in areas {
      for source in [area.source].compactMap({ $0 }) + area.repeatedAt {
        guard let row = source.cell?.row else { continue }
        bySheet[(source.file) + "\u{1F}" + (source.sheet ?? ""), default: []].append((row, area.ref))
      }
    }
    for key in bySheet.keys { bySheet[key]?.sort { $0.row < $1.row } }
  }

  /// The ref of the last focus-area heading at or above a row.
  func focusRef(above location: SourceLocation?) -> String? {
    guard let location, let row = location.cell?.row,
      let rows = bySheet[location.file + "\u{1F}" + (location.sheet ?? "")]
    else { return nil }
    var low = 0
    var high = rows.count
    while low < high {
      let mid = (low + high) / 2
      if rows[mid].row <= row { low = mid + 1 } else { high = mid }
    }
    return low > 0 ? rows[low - 1].ref : nil
  }
}
