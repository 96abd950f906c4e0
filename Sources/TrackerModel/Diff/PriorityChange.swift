/// A priority both versions of a tracker have (matched by id) whose
/// overall status or wording changed.
public struct PriorityChange: Hashable, Sendable {
  /// The priority in the old tracker.
  public var old: Priority
  /// The priority in the new tracker.
  public var new: Priority
  /// How the overall status moved, `nil` when it did not change (the
  /// statuses are `old.overallStatus` and `new.overallStatus`).
  public var overallStatus: StatusChange.Direction?
  /// The title, description or vision changes, in that order.
  public var fields: [PriorityFieldChange]

  /// The priority's id (`2`).
  public var id: String { new.id }

  /// The changes of every priority both trackers have, in the new tracker's order.
  static func changes(old: [Priority], new: [Priority], reading: LegendReading) -> [PriorityChange] {
    var byId: [String: Priority] = [:]
    for priority in old where byId[priority.id] == nil { byId[priority.id] = priority }
    var seen: Set<String> = []
    return new.compactMap { priority in
      guard seen.insert(priority.id).inserted, let before = byId[priority.id] else { return nil }
      let change = PriorityChange(
        old: before, new: priority, overallStatus: overall(before.overallStatus, priority.overallStatus, reading),
        fields: fields(before, priority))
      return change.overallStatus == nil && change.fields.isEmpty ? nil : change
    }
  }

  private static func overall(_ old: Status?, _ new: Status?, _ reading: LegendReading) -> StatusChange.Direction? {
    let before = old.flatMap { MergeKeys.isEmpty($0) ? nil : $0 }
    let after = new.flatMap { MergeKeys.isEmpty($0) ? nil : $0 }
    if MergeKeys.status(before ?? .empty) == MergeKeys.status(after ?? .empty) { return nil }
    switch (before, after) {
    case (nil, _): return .set
    case (_, nil): return .cleared
    case (let before?, let after?): return StatusChange.direction(from: before, to: after, reading: reading)
    }
  }

  private static func fields(_ old: Priority, _ new: Priority) -> [PriorityFieldChange] {
    let pairs: [(PriorityField, String?, String?)] = [
      (.title, old.title, new.title), (.description, old.description, new.description), (.vision, old.vision, new.vision),
    ]
    return pairs.compactMap { field, before, after in
      let b = before.map(MergeKeys.normalised).flatMap { $0.isEmpty ? nil : $0 }
      let a = after.map(MergeKeys.normalised).flatMap { $0.isEmpty ? nil : $0 }
      guard a != b else { return nil }
      return PriorityFieldChange(field: field, old: b == nil ? nil : before, new: a == nil ? nil : after)
    }
  }
}

/// A priority's wording that changed (compared normalised).
public struct PriorityFieldChange: Hashable, Sendable {
  /// Which field.
  public var field: PriorityField
  /// The old text; `nil` when there was none.
  public var old: String?
  /// The new text; `nil` when there is none.
  public var new: String?
}

/// The wording of a priority a diff compares, in the order it reports them.
public enum PriorityField: String, Hashable, Sendable, Codable, CaseIterable {
  /// The title (`Aspirations and expectations ... are not routinely high enough.`).
  case title
  /// Further description.
  case description
  /// The vision statement.
  case vision
}
