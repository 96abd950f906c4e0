import Diagnostics
import TrackerModel

/// Builds small plans in code for rule tests, laid out like the seed:
/// A focus area, B action, C lead, D impact, then one column per period,
/// then notes and evidence. Rows are sheet rows.
struct PlanBuilder {
  var file = "t.tsv"
  var plan: Plan
  let statusColumn = 5
  var notesColumn: Int { statusColumn + plan.periods.count }
  var evidenceColumn: Int { notesColumn + 1 }

  static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

  init(periods labels: [String] = ["Dec-19", "Jan-20", "Apr-21", "Dec-21"]) {
    plan = Plan(id: "t")
    for (offset, label) in labels.enumerated() {
      let parts = label.split(separator: "-")
      let month = PlanBuilder.monthNames.firstIndex(of: parts[0].lowercased())! + 1
      let year = 2000 + Int(parts[1])!
      let id = "\(year)-\(month < 10 ? "0" : "")\(month)"
      plan.periods.append(
        Period(
          id: id, label: label, kind: .month, start: CivilDate(year: year, month: month, day: 1),
          end: CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year)),
          column: statusColumn + offset, source: cell(row: 6, column: statusColumn + offset)))
    }
  }

  func cell(row: Int, column: Int) -> SourceLocation {
    SourceLocation(file: file, cell: CellAddress(row: row, column: column), line: row)
  }

  func cell(_ a1: String) -> SourceLocation {
    let address = CellAddress(a1: a1)!
    return SourceLocation(file: file, cell: address, line: address.row)
  }

  static func status(_ text: String) -> Status {
    let trimmed = text.trimmingCharacters(in: " ")
    let parts = trimmed.split(separator: "/").map(String.init)
    if parts.count == 2, parts[0].count == 1, parts[1].count == 1 {
      return Status(raw: text, rating: rating(parts[0]), towards: rating(parts[1]))
    }
    switch trimmed.lowercased() {
    case "complete": return Status(raw: text, rating: .green, completion: .complete)
    case "b", "blue": return Status(raw: text, rating: .blue, completion: .embedded)
    default: return Status(raw: text, rating: rating(trimmed))
    }
  }

  static func rating(_ text: String) -> Rating {
    switch text.lowercased() {
    case "r", "red": .red
    case "a", "amber": .amber
    case "g", "green": .green
    case "b", "blue": .blue
    case "grey", "gray": .grey
    case "n/a": .notApplicable
    case "": .none
    default: .unknown
    }
  }

  /// Splits "Apr 2021: text" into a month-dated note; anything else is undated.
  static func note(_ text: String, at source: SourceLocation) -> ProgressNote {
    let words = text.split(separator: " ", maxSplits: 2)
    if words.count >= 2, let month = monthNames.firstIndex(of: String(words[0].prefix(3)).lowercased()),
      words[1].hasSuffix(":"), let year = Int(words[1].dropLast())
    {
      let rest = words.count > 2 ? String(words[2]) : ""
      return ProgressNote(date: DateValue(year: year, month: month + 1), text: rest, raw: text, source: source)
    }
    return ProgressNote(date: nil, text: text, raw: text, source: source)
  }

  @discardableResult
  mutating func action(
    _ key: String, row: Int, _ statuses: [String], notes: [String] = [], evidence: [String] = ["Minutes"],
    leads: [String] = ["Jo Bloggs"], focus: String? = nil, priority: String? = "2", due: DateValue? = nil,
    crossRefs: [(text: String, target: String)] = []
  ) -> Int {
    let focusRef = focus ?? String(key.prefix { $0.isNumber || $0 == "." })
    var action = Action(
      key: key, focusRef: focusRef.isEmpty ? nil : focusRef, priorityId: priority,
      letter: key.last.map(String.init), rawRef: "\(key.last!).", text: "Do \(key)",
      dueDate: due, source: cell(row: row, column: 2))
    action.leads = leads.map { Lead(raw: $0, name: $0, source: cell(row: row, column: 3)) }
    for (offset, text) in statuses.enumerated() where offset < plan.periods.count {
      action.statuses.append(
        PeriodStatus(
          periodId: plan.periods[offset].id, status: PlanBuilder.status(text),
          source: cell(row: row, column: statusColumn + offset)))
    }
    action.notes = notes.map { PlanBuilder.note($0, at: cell(row: row, column: notesColumn)) }
    action.evidence = evidence.enumerated().map { index, text in
      let ref = text.hasPrefix("E") && text.dropFirst().allSatisfy(\.isNumber) ? text : nil
      return EvidenceItem(number: index + 1, text: text, ref: ref, raw: text, source: cell(row: row, column: evidenceColumn))
    }
    action.crossRefs = crossRefs.map {
      CrossRef(fromCell: cell(row: row, column: notesColumn), text: $0.text, targetKey: $0.target, resolution: .unresolved)
    }
    plan.actions.append(action)
    return plan.actions.count - 1
  }

  /// The findings with the given options (today 2022-06-01 unless set).
  func findings(_ options: ValidationOptions = ValidationOptions(today: CivilDate(year: 2022, month: 6, day: 1))) -> [Diagnostic] {
    Validator.validate(plan, options: options)
  }
}

extension [Diagnostic] {
  /// `code@A1` for each finding, for compact expectations.
  func cells(_ code: String) -> [String] {
    filter { $0.code == code }.map { $0.location?.cell?.a1 ?? "-" }
  }

  /// Whether any finding has the code.
  func has(_ code: String) -> Bool { contains { $0.code == code } }
}

extension String {
  func trimmingCharacters(in set: Character) -> String {
    var text = Substring(self)
    while text.first == set { text = text.dropFirst() }
    while text.last == set { text = text.dropLast() }
    return String(text)
  }
}
