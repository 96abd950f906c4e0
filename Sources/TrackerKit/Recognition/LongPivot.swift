import Diagnostics
import TrackerModel

/// One row of a long table (one row per action per period), read: what the
/// row says about its action, its period, its status and its update.
struct LongRow {
  /// The action as this row states it (its statuses and notes are ignored:
  /// they are `status` and `notes`).
  var action: Action
  /// The row's period, when the period cell reads as one.
  var period: Period?
  /// The period cell as written, and where it is.
  var periodText: String
  var periodAt: SourceLocation?
  /// The row's status (a blank status when the cell is empty).
  var status: PeriodStatus?
  /// The row's update, split into notes; an undated one becomes a note of the row's period.
  var notes: [ProgressNote]
  /// The row's other values as written (name, text, cell), compared across
  /// an action's rows: a value that differs is kept and reported.
  var values: [(name: String, text: String, at: SourceLocation?)]
  /// The row's number in its sheet (CSV: its record).
  var row: Int
}

/// Pivots the rows of a long table into the wide model: one action per key,
/// in order of first appearance, with one status per period and each row's
/// update as a note of its period. Both long readers use it: the recognised
/// council export (`LongLayout`) and wsoa's own long CSV (`LongCSVReader`).
///
/// - An action's values come from its first row; a blank one is taken from
///   the next row that has it. A later row whose value differs keeps it as an
///   extra field named after the column and the row's period (`Lead (Q3
///   2023/24)`), reported once per action and column (`layout.value_varies`).
/// - Two rows giving one action different statuses for one period keep the
///   first; the second is kept as an extra field and reported
///   (`layout.status_conflict`, an error naming both cells). The same status
///   twice, or a status and a blank, is no conflict.
/// - A row whose period cell is blank or is not a period keeps its status as
///   an extra field and is reported (`layout.period_unparsed`) when it has one.
struct LongPivot {
  /// The actions, in order of first appearance.
  private(set) var actions: [Action] = []
  /// The distinct periods, in order of first appearance (the plan orders them by date).
  private(set) var periods: [Period] = []
  private(set) var diagnostics: [Diagnostic] = []

  /// Pivots `rows`; `statusName` names the status column in extra fields.
  init(_ rows: [LongRow], statusName: String) {
    var periodIds = Set<String>()
    for row in rows {
      if let p = row.period, periodIds.insert(p.id).inserted { periods.append(p) }
    }
    var groupOf: [String: Int] = [:]
    var groups: [[Int]] = []
    for (i, row) in rows.enumerated() {
      if let g = groupOf[row.action.key] {
        groups[g].append(i)
      } else {
        groupOf[row.action.key] = groups.count
        groups.append([i])
      }
    }
    actions.reserveCapacity(groups.count)
    for group in groups { actions.append(pivot(group.map { rows[$0] }, statusName: statusName)) }
  }

  /// One action from its rows (in file order).
  private mutating func pivot(_ rows: [LongRow], statusName: String) -> Action {
    var action = rows[0].action
    action.statuses = []
    action.notes = []
    for row in rows.dropFirst() { Self.fillBlanks(&action, from: row.action) }
    var first: [String: (text: String, at: SourceLocation?)] = [:]
    var varied: [(name: String, cells: [SourceLocation])] = []
    // Rows may come in any order (newest first, by action, by area): the
    // notes go in period order, rows without a period first (as a wide
    // cell's undated text comes before its dated notes), else row order.
    for row in rows.enumerated().sorted(by: { Self.noteOrder($0) < Self.noteOrder($1) }).map(\.element) {
      place(row.notes, of: row, into: &action)
    }
    for row in rows {
      let label = row.period?.label ?? (row.periodText.isEmpty ? "row \(row.row)" : row.periodText)
      for value in row.values where !value.text.collapsedWhitespace.isEmpty {
        guard let kept = first[value.name] else {
          first[value.name] = (value.text, value.at)
          continue
        }
        guard kept.text.collapsedWhitespace != value.text.collapsedWhitespace else { continue }
        action.extra.append(ExtraField(column: "\(value.name) (\(label))", value: value.text, source: value.at))
        if let k = varied.firstIndex(where: { $0.name == value.name }) {
          if let at = value.at { varied[k].cells.append(at) }
        } else {
          varied.append((value.name, value.at.map { [$0] } ?? []))
        }
      }
      place(row, label: label, statusName: statusName, into: &action)
    }
    for v in varied {
      guard let kept = first[v.name] else { continue }
      diagnostics.append(RecognitionDiagnostics.valueVaries(
        key: action.key, column: v.name, kept: kept.text, kept.at, others: v.cells))
    }
    return action
  }

  /// Where a row's notes go among its action's: rows without a period
  /// first, then by the period's end, then by row.
  private static func noteOrder(_ row: (offset: Int, element: LongRow)) -> (Int, CivilDate, Int) {
    guard let period = row.element.period else { return (0, CivilDate(year: 1, month: 1, day: 1), row.offset) }
    return (1, period.end, row.offset)
  }

  /// Adds a row's notes to its action: an undated one becomes a note of the
  /// row's period; one an earlier row already gave (same text and date) is
  /// not repeated.
  private func place(_ notes: [ProgressNote], of row: LongRow, into action: inout Action) {
    let earlierNotes = action.notes.count
    for note in notes {
      var note = note
      if note.undated, let period = row.period {
        note = ProgressNote(
          date: Self.date(of: period), periodId: period.id, text: note.text, raw: note.raw, source: note.source,
          prefix: period.label)
      }
      let repeated = action.notes[..<earlierNotes].contains { $0.text == note.text && $0.date == note.date }
      if !repeated { action.notes.append(note) }
    }
  }

  /// Adds a row's status to its action.
  private mutating func place(_ row: LongRow, label: String, statusName: String, into action: inout Action) {
    guard let status = row.status, !Self.isBlank(status.status) else {
      if let period = row.period, let status = row.status, !action.statuses.contains(where: { $0.periodId == period.id }) {
        action.statuses.append(PeriodStatus(periodId: period.id, status: status.status, source: status.source))
      }
      return
    }
    guard let period = row.period else {
      action.extra.append(ExtraField(column: "\(statusName) (\(label))", value: status.status.raw, source: status.source))
      diagnostics.append(RecognitionDiagnostics.rowPeriodUnparsed(
        row: row.row, text: row.periodText, key: action.key, row.periodAt ?? status.source))
      return
    }
    guard let k = action.statuses.firstIndex(where: { $0.periodId == period.id }) else {
      action.statuses.append(PeriodStatus(periodId: period.id, status: status.status, source: status.source))
      return
    }
    let kept = action.statuses[k]
    if Self.isBlank(kept.status) {
      action.statuses[k] = PeriodStatus(periodId: period.id, status: status.status, source: status.source)
    } else if !Self.same(kept.status, status.status) {
      let name = "\(statusName) (\(label))"
      action.extra.append(ExtraField(column: name, value: status.status.raw, source: status.source))
      diagnostics.append(RecognitionDiagnostics.statusConflict(
        key: action.key, period: label, kept: (kept.status.raw, kept.source), other: (status.status.raw, status.source),
        extra: name))
    }
  }

  /// Whether a status says nothing (an empty cell without a fill).
  static func isBlank(_ status: Status) -> Bool {
    status.rating == .none && status.raw.collapsedWhitespace.isEmpty
  }

  /// Whether two statuses mean the same (`G` and `Green`).
  static func same(_ a: Status, _ b: Status) -> Bool {
    a.rating == b.rating && a.towards == b.towards && a.completion == b.completion
  }

  /// The date an undated update of a period gets: the period at its own
  /// precision (a month, a quarter, a day), else its last day.
  static func date(of period: Period) -> DateValue {
    Period.noteDate(kind: period.kind, start: period.start, end: period.end)
  }

  /// Takes the values the first row left blank from a later row.
  private static func fillBlanks(_ action: inout Action, from other: Action) {
    if action.text.isEmpty { action.text = other.text }
    if action.focusRef == nil { action.focusRef = other.focusRef }
    if action.priorityId == nil { action.priorityId = other.priorityId }
    if action.letter == nil { action.letter = other.letter }
    if action.leadsRaw == nil, other.leadsRaw != nil {
      action.leads = other.leads
      action.leadsRaw = other.leadsRaw
    }
    if action.accountable.isEmpty { action.accountable = other.accountable }
    if action.subGroup == nil { action.subGroup = other.subGroup }
    if action.impactRaw == nil, action.impact.isEmpty {
      action.impact = other.impact
      action.impactRaw = other.impactRaw
    }
    if action.dueRaw == nil, action.dueDate == nil {
      action.dueDate = other.dueDate
      action.dueRaw = other.dueRaw
    }
    if action.percentComplete == nil { action.percentComplete = other.percentComplete }
    if action.evidence.isEmpty { action.evidence = other.evidence }
    for ref in other.crossRefs where !action.crossRefs.contains(ref) { action.crossRefs.append(ref) }
    for field in other.extra where !action.extra.contains(where: { $0.column == field.column }) {
      action.extra.append(field)
    }
  }
}
