import Diagnostics
import TrackerModel

/// `wsoa diff --format text`: the changes for a person, one line each,
/// grouped by action, with the cell each value is in. Every line comes from
/// `PlanDiff` in its fixed order, so the same trackers give the same text.
///
/// ```text
/// --- old.xlsx
/// +++ new.xlsx
/// periods added: Mar-22 (2022-03)
/// action added: 4E (priority 2) "Publish a quarterly EHCP timeliness report." ('Priority 2'!B13)
/// 3.1F (priority 2) "Through a TAC principle, all stakeholders engaged in the development and review of…"
///   status Mar-22: G (new period; Dec-21 was G/A), improved ('Priority 2'!H9)
///   note removed, May 2021: "All ISPGs established." (old 'Priority 2'!I10)
/// changes: 1 period added, 1 action added, 1 action changed, 1 improved, 1 note removed
/// ```
struct DiffTextReport {
  /// Whether to colour the directions and the added and removed lines.
  var colour: Bool

  /// The whole report, ending in a newline.
  func render(_ diff: PlanDiff, old: String, new: String) -> String {
    var lines = ["--- \(old)", "+++ \(new)"]
    if diff.isEmpty {
      lines.append("no changes")
      return lines.joined(separator: "\n") + "\n"
    }
    if !diff.periodsAdded.isEmpty { lines.append("periods added: " + diff.periodsAdded.map(period).joined(separator: ", ")) }
    if !diff.periodsRemoved.isEmpty {
      lines.append(paint("periods removed: ", .red) + diff.periodsRemoved.map(period).joined(separator: ", "))
    }
    for priority in diff.priorities {
      if let direction = priority.overallStatus {
        lines.append(
          "priority \(priority.id): overall status \(code(priority.old.overallStatus)) -> \(code(priority.new.overallStatus)), "
            + self.direction(direction) + cell(priority.new.overallStatusSource, old: priority.old.overallStatusSource))
      }
      for field in priority.fields {
        lines.append("priority \(priority.id): \(field.field.rawValue): \(shown(field.old)) -> \(shown(field.new))")
      }
    }
    for action in diff.actionsAdded { lines.append(paint("action added: ", .green) + name(action) + cell(action.source)) }
    for action in diff.actionsRemoved { lines.append(paint("action removed: ", .red) + name(action) + cell(old: action.source)) }
    for action in diff.actions {
      lines.append(name(action.new, shortened: true))
      lines += action.fields.map { "  " + field($0) }
      lines += action.statuses.map { "  " + status($0) }
      lines += action.notes.map { "  " + note($0) }
      lines += action.evidence.map { "  " + evidence($0) }
    }
    lines.append(summary(diff.counts))
    return lines.joined(separator: "\n") + "\n"
  }

  /// `3.1F (priority 2) "wording"`, the wording cut at 80 characters in a heading.
  private func name(_ action: Action, shortened: Bool = false) -> String {
    var text = action.key
    if let priority = action.priorityId { text += " (priority \(priority))" }
    if !action.text.isEmpty {
      text += " " + quoted(shortened && action.text.count > 80 ? action.text.prefix(79) + "…" : action.text)
    }
    return text
  }

  /// `Mar-22` (the heading as written), with its id when the heading is not already it.
  private func period(_ period: Period) -> String {
    period.label == period.id ? period.label : "\(period.label) (\(period.id))"
  }

  private func field(_ change: FieldChange) -> String {
    let label = Self.fieldNames[change.field] ?? change.field.rawValue
    return "\(label): \(shown(change.old)) -> \(shown(change.new))" + cell(change.newSource, old: change.oldSource)
  }

  private func status(_ change: StatusChange) -> String {
    var text = "status \(change.periodLabel): "
    if change.periodAdded {
      let before = change.baseline.map { "; \($0.periodLabel) was \(code($0.status))" } ?? ""
      text += "\(code(change.new)) (new period\(before))"
    } else {
      text += "\(code(change.old)) -> \(code(change.new))"
    }
    return text + ", " + direction(change.direction) + cell(change.newSource, old: change.oldSource)
  }

  private func note(_ change: NoteChange) -> String {
    switch change.kind {
    case .added:
      return paint("note added", .green) + dated(change.new) + ": " + quoted(noteText(change.new)) + cell(change.new?.source)
    case .removed:
      return paint("note removed", .red) + dated(change.old) + ": " + quoted(noteText(change.old)) + cell(old: change.old?.source)
    case .edited:
      return paint("note edited", .yellow) + dated(change.new) + ": " + quoted(noteText(change.old)) + " -> "
        + quoted(noteText(change.new)) + cell(change.new?.source)
    }
  }

  private func evidence(_ change: EvidenceChange) -> String {
    let label = change.kind == .added ? paint("evidence added", .green) : paint("evidence removed", .red)
    let text = quoted(change.item.raw.isEmpty ? change.item.text : change.item.raw)
    return label + ": " + text + (change.kind == .added ? cell(change.item.source) : cell(old: change.item.source))
  }

  private func summary(_ counts: PlanDiff.Counts) -> String {
    let items: [(Int, String, String)] = [
      (counts.periodsAdded, "period added", "periods added"), (counts.periodsRemoved, "period removed", "periods removed"),
      (counts.actionsAdded, "action added", "actions added"), (counts.actionsRemoved, "action removed", "actions removed"),
      (counts.prioritiesChanged, "priority changed", "priorities changed"),
      (counts.actionsChanged, "action changed", "actions changed"), (counts.improved, "improved", "improved"),
      (counts.slipped, "slipped", "slipped"),
      (counts.otherStatusChanges, "other status change", "other status changes"),
      (counts.notesAdded, "note added", "notes added"), (counts.notesEdited, "note edited", "notes edited"),
      (counts.notesRemoved, "note removed", "notes removed"),
      (counts.evidenceAdded, "evidence item added", "evidence items added"),
      (counts.evidenceRemoved, "evidence item removed", "evidence items removed"),
      (counts.fieldChanges, "field changed", "fields changed"),
    ]
    return "changes: " + items.filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }.joined(separator: ", ")
  }

  private func direction(_ direction: StatusChange.Direction) -> String {
    switch direction {
    case .improved: paint("improved", .green)
    case .slipped: paint("slipped", .red)
    case .steady, .changed, .set, .cleared: direction.rawValue
    }
  }

  /// The status as written; `(blank)` for none.
  private func code(_ status: Status?) -> String {
    guard let status, status.rating != .none || !status.raw.allSatisfy(\.isWhitespace) else { return "(blank)" }
    return status.raw.isEmpty ? "(\(status.rating.rawValue) fill)" : status.raw
  }

  private func dated(_ note: ProgressNote?) -> String {
    guard let note else { return "" }
    if let prefix = note.prefix { return ", " + prefix }
    return note.date.map { ", \($0)" } ?? ", undated"
  }

  private func noteText(_ note: ProgressNote?) -> String {
    guard let note else { return "" }
    return note.text.isEmpty ? note.raw : note.text
  }

  private func shown(_ value: String?) -> String { value.map(quoted) ?? "(none)" }

  /// Where a value is in NEW: ` ('Priority 2'!H9)`, ` (line 9, H9)` for a
  /// delimited file; when only OLD has it, where it was there: ` (old line 9, H9)`.
  private func cell(_ new: CellRef?, old: CellRef? = nil) -> String {
    if let new, let place = place(new) { return " (\(place))" }
    if let old, let place = place(old) { return " (old \(place))" }
    return ""
  }

  private func cell(old: CellRef?) -> String { cell(nil, old: old) }

  private func place(_ ref: CellRef) -> String? {
    if let line = ref.line { return "line \(line)" + (ref.cell.map { ", \($0.a1)" } ?? "") }
    return ref.sheetCell
  }

  /// Text in double quotes, line breaks shown as `⏎` so each change stays one line.
  private func quoted(_ text: String) -> String {
    "\"" + text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ⏎ ") + "\""
  }

  private func paint(_ text: String, _ ink: Colour.Ink) -> String { Colour.paint(text, ink, enabled: colour) }

  private static let fieldNames: [ActionField: String] = [
    .text: "wording", .leads: "leads", .accountable: "accountable", .subGroup: "sub-group", .due: "due",
    .percentComplete: "% complete", .impact: "impact",
  ]
}
