import Diagnostics
import TrackerModel

/// Where a finding's input cell lands in the cleaned tracker. Findings name
/// cells of the file as it was read; the cleaned tracker lays values out
/// afresh (its own preamble, a two-row header, the columns in its order),
/// so each input cell is traced through the plan to what it holds:
///
/// - a cell in an action's row → that action's cell in the column holding
///   the same field (a status by its period, the lead, notes, evidence,
///   accountable, an extra column); any other cell of the row (the row's
///   first cell, a column the cleaned tracker rewrites, such as the due date)
///   → the action's Ref cell;
/// - a period heading → that period's heading; the heading of a column
///   kept as an extra (`layout.unknown_column`) → that column's heading in
///   the cleaned tracker; a key (legend) → the key
///   cell over the periods or beside the priority; an overall status → the
///   priority's overall status;
/// - findings about the input's shape (`layout.ragged_row`,
///   `layout.trailing_block`, `layout.no_header`) and cells outside the
///   table (footers, other sheets) → no cell.
struct FindingTargets {
  // Keys carry the file too: a merged plan read from JSON has values from several files.
  private struct CellKey: Hashable {
    var file: String
    var sheet: String?
    var row: Int
    var column: Int
  }

  private struct RowKey: Hashable {
    var file: String
    var sheet: String?
    var row: Int
  }

  private struct ColumnKey: Hashable {
    var file: String
    var sheet: String?
    var column: Int
  }

  /// Codes about the input file's shape, which the cleaned tracker does not have.
  static let shapeCodes: Set<String> = ["layout.ragged_row", "layout.trailing_block", "layout.no_header"]

  private let plan: Plan
  /// Input row → the action read from it.
  private var rows: [RowKey: Int] = [:]
  /// Input column → the field read from it (per sheet).
  private var columns: [ColumnKey: ActionTable.Column] = [:]
  /// Input column → period, whatever the sheet (rules place a missing status by the period's column).
  private var periodColumns: [Int: Int] = [:]
  /// Cells outside the action rows: period headings, keys, overall statuses.
  private var cells: [CellKey: TrackerCell] = [:]

  /// Indexes the plan's sources.
  init(plan: Plan) {
    self.plan = plan
    let periodIndex = Dictionary(plan.periods.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    for (i, period) in plan.periods.enumerated() {
      if let column = period.column, periodColumns[column] == nil { periodColumns[column] = i }
      set(period.source, .periodHeading(i))
    }
    for entry in plan.statusScheme { set(entry.source, entry.scope == .overall ? .overallKey : .periodKey) }
    for priority in plan.priorities where priority.overallStatus != nil {
      set(priority.overallStatusSource, .overallStatus(priorityId: priority.id))
    }
    for (index, action) in plan.actions.enumerated() {
      if let at = action.source, let cell = at.cell, rows[RowKey(file: at.file, sheet: at.sheet, row: cell.row)] == nil {
        rows[RowKey(file: at.file, sheet: at.sheet, row: cell.row)] = index
      }
      for status in action.statuses { field(status.source, periodIndex[status.periodId].map { .period($0) }) }
      for lead in action.leads { field(lead.source, .lead) }
      for lead in action.accountable { field(lead.source, .accountable) }
      for note in action.notes { field(note.source, .notes) }
      for item in action.evidence { field(item.source, .evidence) }
      for extra in action.extra { field(extra.source, .extra(extra.column)) }
    }
  }

  /// The cleaned tracker's cell for a finding, or `nil` when it has none.
  func target(of finding: Diagnostic) -> TrackerCell? {
    guard !Self.shapeCodes.contains(finding.code), let at = finding.location, let cell = at.cell else { return nil }
    if let found = cells[CellKey(file: at.file, sheet: at.sheet, row: cell.row, column: cell.column)] { return found }
    if finding.code == "layout.unknown_column" {
      guard case .extra(let name)? = columns[ColumnKey(file: at.file, sheet: at.sheet, column: cell.column)] else { return nil }
      return .heading(.extra(name))
    }
    guard let index = rows[RowKey(file: at.file, sheet: at.sheet, row: cell.row)] else { return nil }
    let column = columns[ColumnKey(file: at.file, sheet: at.sheet, column: cell.column)] ?? periodColumns[cell.column].map { .period($0) }
    guard let column, Self.isWritten(column, for: plan.actions[index]) else { return .action(index: index, column: .ref) }
    return .action(index: index, column: column)
  }

  /// Whether the cleaned tracker surely has this column on the action's
  /// sheet: always for periods, lead, notes and evidence; for the optional
  /// columns only when the action itself has a value there.
  private static func isWritten(_ column: ActionTable.Column, for action: Action) -> Bool {
    switch column {
    case .period, .lead, .notes, .evidence, .ref, .action: true
    case .accountable: !action.accountable.isEmpty
    case .extra(let name): action.extra.contains { $0.column == name }
    default: false
    }
  }

  private mutating func set(_ at: SourceLocation?, _ cell: TrackerCell) {
    guard let at, let address = at.cell else { return }
    let key = CellKey(file: at.file, sheet: at.sheet, row: address.row, column: address.column)
    if cells[key] == nil { cells[key] = cell }
  }

  private mutating func field(_ at: SourceLocation?, _ column: ActionTable.Column?) {
    guard let at, let column, let address = at.cell else { return }
    let key = ColumnKey(file: at.file, sheet: at.sheet, column: address.column)
    if columns[key] == nil { columns[key] = column }
  }
}
