import Grid
import TrackerModel

/// The tracker's own table layout, shared by the wide CSV and the cleaned
/// XLSX: one row per action, hierarchy repeated on every row, one column per
/// period (oldest first) holding the status code, notes as dated lines,
/// evidence as numbered lines, every extra column after. Headers are
/// synonyms the recogniser knows, so reading the output back gives the same
/// plan.
struct ActionTable {
  /// What a column holds.
  enum Column: Hashable, Sendable {
    case priority, focusArea, ref, action, lead, accountable, subGroup, impact, due, percent, notes, evidence
    case period(Int)
    case extra(String)
  }

  let plan: Plan
  let columns: [Column]
  let headers: [String]
  private let prioritiesById: [String: Priority]
  private let focusByKey: [String: FocusArea]

  /// Builds the layout for a plan's actions; `allPeriods` (default the
  /// plan's) decides the period columns, so every sheet of a workbook has them all;
  /// without `priorityColumn` the priority goes in heading rows instead (the cleaned XLSX).
  init(plan: Plan, allPeriods: [Period]? = nil, priorityColumn: Bool = true) {
    self.plan = plan
    let actions = plan.actions
    var columns: [Column] = []
    if priorityColumn, actions.contains(where: { $0.priorityId != nil }) { columns.append(.priority) }
    if !plan.focusAreas.isEmpty { columns.append(.focusArea) }
    columns += [.ref, .action, .lead]
    if actions.contains(where: { !$0.accountable.isEmpty }) { columns.append(.accountable) }
    if actions.contains(where: { $0.subGroup != nil }) { columns.append(.subGroup) }
    if actions.contains(where: { !$0.impact.isEmpty }) { columns.append(.impact) }
    if actions.contains(where: { $0.dueDate != nil || $0.dueRaw != nil }) { columns.append(.due) }
    if actions.contains(where: { $0.percentComplete != nil }) { columns.append(.percent) }
    columns += plan.periods.indices.map { .period($0) }
    columns += [.notes, .evidence]
    var extras: [String] = []
    var seen = Set<String>()
    for action in actions {
      for field in action.extra where seen.insert(field.column).inserted { extras.append(field.column) }
    }
    columns += extras.map { .extra($0) }
    self.columns = columns
    headers = columns.map { column in
      switch column {
      case .priority: "Priority"
      case .focusArea: "Focus Area"
      case .ref: "Ref"
      case .action: "Action"
      case .lead: "Lead"
      case .accountable: "Accountable"
      case .subGroup: "Sub-group"
      case .impact: "Impact measure"
      case .due: "Due date"
      case .percent: "% complete"
      case .notes: "Progress notes"
      case .evidence: "Evidence"
      case .period(let i): plan.periods[i].label
      case .extra(let name): name
      }
    }
    prioritiesById = Dictionary(plan.priorities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    focusByKey = Dictionary(plan.focusAreas.map { (($0.priorityId ?? "") + "\u{1}" + $0.ref, $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// The 0-based index of each period column in `columns`.
  var periodColumnIndices: [Int] {
    columns.indices.filter { if case .period = columns[$0] { return true } else { return false } }
  }

  /// The cell texts of one action's row.
  func values(_ action: Action) -> [String] {
    columns.map { value(action, $0) }
  }

  private func value(_ a: Action, _ column: Column) -> String {
    switch column {
    case .priority: return a.priorityId.map(priorityLabel) ?? ""
    case .focusArea:
      guard let ref = a.focusRef else { return "" }
      let title = focusByKey[(a.priorityId ?? "") + "\u{1}" + ref]?.title ?? ""
      return title.isEmpty ? "Ref - \(ref)" : "Ref - \(ref) \(title)"
    case .ref: return a.key
    case .action: return a.letter.map { "\($0). " + a.text } ?? a.text
    case .lead: return a.leads.map(\.name).joined(separator: "; ")
    case .accountable: return a.accountable.map(\.name).joined(separator: "; ")
    case .subGroup: return a.subGroup ?? ""
    case .impact: return a.impact.joined(separator: "\n")
    case .due:
      if let d = a.dueDate, d.precision != .year { return d.trackerText }
      return a.dueRaw ?? ""
    case .percent: return a.percentComplete.map { CellValue.format(number: $0) + "%" } ?? ""
    case .notes: return Self.notesText(a.notes)
    case .evidence: return Self.evidenceText(a.evidence)
    case .period(let i):
      let id = plan.periods[i].id
      return a.statuses.first { $0.periodId == id }?.status.code ?? ""
    case .extra(let name): return a.extra.first { $0.column == name }?.value ?? ""
    }
  }

  /// A priority as its column or heading row shows it: `Priority 2: title`.
  func priorityLabel(_ id: String) -> String {
    let title = prioritiesById[id]?.title ?? ""
    let label = Int(id) != nil || id.count == 1 ? "Priority \(id)" : id
    return title.isEmpty || title == id ? label : label + ": " + title
  }

  /// Notes as lines: `Feb 2021: text`, continuation lines after, an undated note bare.
  static func notesText(_ notes: [ProgressNote]) -> String {
    notes.map(\.trackerLine).joined(separator: "\n")
  }

  /// Evidence as lines, numbered items as `1. text`.
  static func evidenceText(_ items: [EvidenceItem]) -> String {
    items.map(\.defaultRaw).joined(separator: "\n")
  }
}
