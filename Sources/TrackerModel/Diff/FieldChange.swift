/// A field of an action (other than its statuses, notes and evidence) that
/// differs between two versions of a tracker. Values compare as merge
/// compares them: wording normalised, leads as a set of names, sub-groups by
/// their canonical name, due dates at their precision.
public struct FieldChange: Hashable, Sendable {
  /// Which field.
  public var field: ActionField
  /// The old value as shown to a person; `nil` when it was empty.
  public var old: String?
  /// The new value as shown to a person; `nil` when it is empty.
  public var new: String?
  /// The old cell.
  public var oldSource: CellRef?
  /// The new cell.
  public var newSource: CellRef?

  /// The field changes of one matched pair of actions, in `ActionField` order.
  static func changes(old: Action, new: Action) -> [FieldChange] {
    ActionField.allCases.compactMap { field in
      // The same text has the same key: most fields of most actions are
      // unchanged, and are not normalised to find that out.
      let shownBefore = field.shown(of: old)
      let shownAfter = field.shown(of: new)
      if shownBefore == shownAfter { return nil }
      let before = field.value(of: old, shown: shownBefore)
      let after = field.value(of: new, shown: shownAfter)
      if before.shown == after.shown || before.key == after.key { return nil }
      return FieldChange(field: field, old: before.shown, new: after.shown, oldSource: before.source, newSource: after.source)
    }
  }
}

/// The fields of an action a diff compares, in the order it reports them.
public enum ActionField: String, Hashable, Sendable, Codable, CaseIterable {
  /// The action's wording.
  case text
  /// Responsible leads.
  case leads
  /// Accountable officers.
  case accountable
  /// The owning sub-group.
  case subGroup
  /// The due date.
  case due
  /// Percentage complete.
  case percentComplete
  /// Impact measures / success criteria.
  case impact

  /// A field's value: how it is shown, its comparison key and its cell (all `nil` when empty).
  fileprivate struct Value {
    var shown: String?
    var key: String?
    var source: CellRef?

    init(shown: String?, key: String?, source: CellRef?) {
      let empty = key.map(\.isEmpty) ?? true
      self.shown = empty ? nil : shown
      self.key = empty ? nil : key
      self.source = source
    }
  }

  /// A field's text as shown to a person (`nil` when the field is unset).
  fileprivate func shown(of action: Action) -> String? {
    switch self {
    case .text: action.text
    case .leads: action.leads.map(\.name).joined(separator: "; ")
    case .accountable: action.accountable.map(\.name).joined(separator: "; ")
    case .subGroup: action.subGroup
    case .due: action.dueRaw ?? action.dueDate?.description
    case .percentComplete: action.percentComplete.map { $0 == $0.rounded() && abs($0) < 1e15 ? "\(Int($0))%" : "\($0)%" }
    case .impact: action.impactRaw ?? action.impact.joined(separator: "\n")
    }
  }

  /// A field's value, given its `shown(of:)` text.
  fileprivate func value(of action: Action, shown: String?) -> Value {
    switch self {
    case .text: Value(shown: shown, key: shown.map(MergeKeys.normalised), source: action.textSource)
    case .leads: Value(shown: shown, key: MergeKeys.leads(action.leads), source: action.leads.first?.source)
    case .accountable:
      Value(shown: shown, key: MergeKeys.leads(action.accountable), source: action.accountable.first?.source)
    case .subGroup: Value(shown: shown, key: action.subGroup.map(SubGroupName.canonical), source: action.subGroupSource)
    case .due: Value(shown: shown, key: DueValue(date: action.dueDate, raw: action.dueRaw).key, source: action.dueSource)
    case .percentComplete: Value(shown: shown, key: shown, source: action.percentSource)
    case .impact: Value(shown: shown, key: shown.map(MergeKeys.normalised), source: action.impactSource)
    }
  }
}
