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
      let before = field.value(of: old)
      let after = field.value(of: new)
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

  fileprivate func value(of action: Action) -> Value {
    switch self {
    case .text:
      return Value(shown: action.text, key: MergeKeys.normalised(action.text), source: action.textSource)
    case .leads:
      return Value(
        shown: action.leads.map(\.name).joined(separator: "; "), key: MergeKeys.leads(action.leads),
        source: action.leads.first?.source)
    case .accountable:
      return Value(
        shown: action.accountable.map(\.name).joined(separator: "; "), key: MergeKeys.leads(action.accountable),
        source: action.accountable.first?.source)
    case .subGroup:
      return Value(
        shown: action.subGroup, key: action.subGroup.map(SubGroupName.canonical), source: action.subGroupSource)
    case .due:
      let due = DueValue(date: action.dueDate, raw: action.dueRaw)
      return Value(shown: due.raw ?? due.date?.description, key: due.key, source: action.dueSource)
    case .percentComplete:
      let shown = action.percentComplete.map { $0 == $0.rounded() && abs($0) < 1e15 ? "\(Int($0))%" : "\($0)%" }
      return Value(shown: shown, key: shown, source: action.percentSource)
    case .impact:
      let shown = action.impactRaw ?? action.impact.joined(separator: "\n")
      return Value(shown: shown, key: MergeKeys.normalised(shown), source: action.impactSource)
    }
  }
}
