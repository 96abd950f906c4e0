extension ChangeItem {
  /// The changes a `PlanDiff` holds, as the report lists them: new
  /// periods, status moves (the diff's directions, ranked with the newer
  /// tracker's key; a new period's status that ranks the same as the one
  /// before it is left out), new and edited notes,
  /// new and removed actions, and the rest (removed notes and periods,
  /// evidence, wording, leads, due dates) as other changes.
  public static func changes(_ diff: PlanDiff) -> [ChangeItem] {
    var items: [ChangeItem] = []
    for period in diff.periodsAdded {
      items.append(ChangeItem(kind: .newPeriod, actionKey: nil, text: "\(period.label) (\(period.start) to \(period.end))", location: period.source))
    }
    for period in diff.periodsRemoved {
      items.append(ChangeItem(kind: .other, actionKey: nil, text: "review period \(period.label) removed", location: nil))
    }
    for action in diff.actionsAdded {
      items.append(ChangeItem(kind: .newAction, actionKey: action.key, text: action.text, location: action.keyCell))
    }
    for action in diff.actionsRemoved {
      let was = action.keyCell.map { " (was at \($0))" } ?? ""
      items.append(ChangeItem(kind: .removedAction, actionKey: action.key, text: action.text + was, location: nil))
    }
    for action in diff.actions {
      for status in action.statuses {
        let kind: Kind
        switch status.direction {
        case .improved: kind = .improved
        case .slipped: kind = .slipped
        case .steady where status.periodAdded: continue
        case .steady, .changed, .set, .cleared: kind = .changed
        }
        let before = status.old.map { "\(shown($0)) (\(status.periodLabel))" }
          ?? status.baseline.map { "\(shown($0.status)) (\($0.periodLabel))" } ?? "empty"
        let after = status.new.map { "\(shown($0)) (\(status.periodLabel))" } ?? "empty (\(status.periodLabel))"
        items.append(ChangeItem(kind: kind, actionKey: action.key, text: before + " → " + after, location: status.newSource))
      }
      for note in action.notes {
        let shown = note.new ?? note.old
        let text = (shown?.prefix.map { $0 + ": " } ?? "") + (shown?.text ?? "")
        switch note.kind {
        case .added: items.append(ChangeItem(kind: .newNote, actionKey: action.key, text: text, location: note.new?.source))
        case .edited: items.append(ChangeItem(kind: .newNote, actionKey: action.key, text: "edited: " + text, location: note.new?.source))
        case .removed: items.append(ChangeItem(kind: .other, actionKey: action.key, text: "note removed: " + text, location: nil))
        }
      }
      for item in action.evidence {
        let verb = item.kind == .added ? "evidence added: " : "evidence removed: "
        items.append(ChangeItem(kind: .other, actionKey: action.key, text: verb + item.item.text, location: item.kind == .added ? item.item.source : nil))
      }
      for field in action.fields {
        let text = "\(field.field.rawValue): \(field.old ?? "empty") → \(field.new ?? "empty")"
        items.append(ChangeItem(kind: .other, actionKey: action.key, text: text, location: field.newSource))
      }
    }
    return sortedByKind(items)
  }
}
