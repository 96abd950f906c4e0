import Diagnostics
import TrackerModel

/// Small plans built in code for the merge tests: month periods, actions
/// with statuses given as raw codes (`"G"`, `"A"`, `"G/A"`, `""`), notes as
/// `(date, text)` and evidence as text. Every value gets a cell in `file`
/// (column E onwards for statuses, I for notes, J for evidence) so
/// provenance can be checked.
enum MergeTestPlans {
  /// A month period such as `Dec-21` (id `2021-12`).
  static func month(_ year: Int, _ month: Int, label: String? = nil) -> Period {
    let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return Period(
      id: "\(year)-\(month < 10 ? "0" : "")\(month)", label: label ?? "\(names[month - 1])-\(year % 100)",
      kind: .month, start: CivilDate(year: year, month: month, day: 1),
      end: CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year)))
  }

  /// A UK financial-year quarter (`Q3 2021/22` = Oct–Dec 2021).
  static func quarter(_ q: Int, _ fyStart: Int) -> Period {
    let firstMonth = [4, 7, 10, 1][q - 1]
    let year = q == 4 ? fyStart + 1 : fyStart
    let start = CivilDate(year: year, month: firstMonth, day: 1)
    let last = start.addingMonths(2)
    return Period(
      id: "\(fyStart)-Q\(q)", label: "Q\(q) \(fyStart)/\((fyStart + 1) % 100)", kind: .quarterFY, start: start,
      end: CivilDate(year: last.year, month: last.month, day: CivilDate.daysIn(month: last.month, year: last.year)))
  }

  /// The seed's four periods: Dec-19, Jan-20, Apr-21, Dec-21.
  static let seedPeriods = [month(2019, 12), month(2020, 1), month(2021, 4), month(2021, 12)]

  /// A status from a code.
  static func status(_ raw: String) -> Status {
    let trimmed = raw.uppercased()
    func rating(_ code: Substring) -> Rating {
      switch code {
      case "R": .red
      case "A": .amber
      case "G": .green
      case "B": .blue
      case "GREY": .grey
      default: .unknown
      }
    }
    if trimmed.isEmpty { return .empty }
    if trimmed == "COMPLETE" { return Status(raw: raw, rating: .green, completion: .complete) }
    let parts = trimmed.split(separator: "/")
    if parts.count == 2 { return Status(raw: raw, rating: rating(parts[0]), towards: rating(parts[1])) }
    return Status(raw: raw, rating: rating(Substring(trimmed)))
  }

  /// A cell reference in a test file.
  static func cell(_ file: String, _ a1: String, sheet: String? = "Priority 2") -> CellRef {
    CellRef(file: file, sheet: sheet, cell: CellAddress(a1: a1))
  }

  /// An action on row `row` of `file`, statuses aligned with `periods`.
  static func action(
    _ key: String, row: Int, file: String, periods: [Period], statuses: [String], text: String? = nil,
    priority: String? = "2", subGroup: String? = nil, leads: [String] = ["Head of SEND"],
    notes: [(DateValue?, String)] = [], evidence: [String] = [], due: DateValue? = nil
  ) -> Action {
    let focus = key.prefix { $0.isNumber || $0 == "." }
    let letter = key.dropFirst(focus.count)
    let columns = ["E", "F", "G", "H", "K", "L", "M", "N"]
    return Action(
      key: key, focusRef: focus.isEmpty ? nil : String(focus), priorityId: priority,
      letter: letter.isEmpty || letter.hasPrefix("#") ? nil : String(letter), rawRef: String(letter),
      text: text ?? "Action \(key) text", leads: leads.map { Lead(raw: $0, name: $0) }, subGroup: subGroup,
      dueDate: due, statuses: zip(periods, statuses).enumerated().map { index, pair in
        PeriodStatus(periodId: pair.0.id, status: status(pair.1), source: cell(file, "\(columns[index % 8])\(row)"))
      },
      notes: notes.map { ProgressNote(date: $0.0, text: $0.1, raw: $0.1, source: cell(file, "I\(row)")) },
      evidence: evidence.map { EvidenceItem(text: $0, raw: $0, source: cell(file, "J\(row)")) },
      source: cell(file, "B\(row)"))
  }

  /// A plan with periods and actions.
  static func plan(_ file: String, periods: [Period], actions: [Action]) -> Plan {
    Plan(id: file, periods: periods, actions: actions, sources: [SourceFile(path: file)])
  }

  /// A master and returns (each with its sub-group) merged with options.
  static func merge(
    _ master: Plan, _ returns: [(Plan, String?)], options: MergeOptions = MergeOptions()
  ) -> MergeResult {
    PlanMerger.merge(
      master: MergeInput(plan: master, file: master.id),
      returns: returns.map {
        MergeInput(plan: $0.0, file: $0.0.id, subGroup: $0.1, subGroupOrigin: $0.1 == nil ? .unknown : .flag)
      },
      options: options)
  }

  /// The raw status codes of an action in the merged plan, by period id.
  static func codes(_ plan: Plan, _ key: String, priority: String? = "2") -> [String: String] {
    guard let action = plan.actions.first(where: { $0.key == key && $0.priorityId == priority }) else { return [:] }
    var codes: [String: String] = [:]
    for status in action.statuses { codes[status.periodId] = status.status.raw }
    return codes
  }

  /// The diagnostics with a code.
  static func with(_ code: String, _ result: MergeResult) -> [Diagnostic] {
    result.diagnostics.filter { $0.code == code }
  }
}
