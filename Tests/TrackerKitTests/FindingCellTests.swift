import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// Every finding points at the cell that holds the value it is about
/// (issue 12 §3): on every tracker fixture, the samples and the validate
/// fixtures, each finding's cell holds text in the grid (unless the finding
/// is about a missing value), and a finding about an action's value sits in
/// a cell the plan read that kind of value from: a ref finding at the ref
/// cell, an overdue action at its due date, a lead finding in the lead
/// column, and so on. Before the source cells were added, a duplicate ref, a
/// ref under the wrong area and an overdue action were all reported in
/// column A, which held the focus area.
@Suite struct FindingCellTests {
  static let inputs: [String] = {
    let trackers = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.url("trackers").path)) ?? []
    let validate = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.url("validate").path)) ?? []
    return ["samples/staffordshire-priority-2.tsv", "samples/staffordshire-priority-2.xlsx"]
      + trackers.filter { name in [".xlsx", ".csv", ".tsv", ".txt"].contains { name.hasSuffix($0) } }.sorted()
      .map { "fixtures/trackers/" + $0 }
      + validate.filter { $0.hasSuffix(".fires.tsv") }.sorted().map { "fixtures/validate/" + $0 }
  }()

  /// The kinds of value a finding code is about (`nil`: a code about the
  /// layout, the preamble or the file, checked only for holding text).
  static func kinds(_ code: String) -> Set<String>? {
    switch code {
    case "ref.duplicate", "ref.area_mismatch", "ref.missing": ["ref", "action"]
    case "ref.normalised": ["ref", "action", "focus"]
    case "ref.split_focus_area": ["focus"]
    case "action.overdue", "due.as_above": ["due"]
    case "subgroup.as_above": ["subGroup"]
    case "lead.missing", "lead.similar_names", "lead.as_above", "lead.split": ["lead"]
    case "evidence.as_above", "evidence.empty_item", "evidence.ref_unresolved": ["evidence"]
    case "evidence.unreferenced": ["log"]
    case "xref.resolved", "xref.self", "xref.unresolved": ["note", "evidence"]
    case "note.undated", "note.partial_date", "note.future", "note.after_last_review", "note.before_first_review",
      "note.out_of_order", "note.period_from_prefix":
      ["note"]
    case "layout.continuation_row": ["note", "evidence"]
    case "status.note_disagrees": ["note"]
    case "status.missing_latest": ["status", "ref", "action"]
    case "date.invalid": ["due", "note"]
    case "output.cell_too_long": ["action", "impact", "note", "evidence", "extra"]
    default:
      code.hasPrefix("status.") || code == "evidence.missing_for_complete" ? ["status", "overall"] : nil
    }
  }

  /// Codes reported at the cell that says `As above`, whose value the plan
  /// takes from the cell it resolved to: checked by column.
  /// (`status.normalised` too: in a long table a second row may repeat a
  /// status in other words, which the plan does not keep twice.)
  static let atInheritingCell: Set<String> = ["subgroup.as_above", "due.as_above", "status.normalised"]

  /// Codes about a value that is missing, so their cell may be blank.
  static let aboutMissing: Set<String> = [
    "lead.missing", "status.gap", "status.missing_latest", "status.normalised", "evidence.missing_for_complete",
    "status.red_without_note", "status.reverted_to_not_started",
  ]

  /// Each cell the plan read a value from, with the kinds of value, and the
  /// columns each kind sits in (per sheet), and the action rows.
  struct Sources {
    var cells: [Diagnostics.SourceLocation: Set<String>] = [:]
    var columns: [String: Set<Int>] = [:]
    var actionRows = Set<String>()

    static func sheetKey(_ l: Diagnostics.SourceLocation) -> String { l.file + "\u{1F}" + (l.sheet ?? "") }

    mutating func add(_ location: Diagnostics.SourceLocation?, _ kind: String) {
      guard let location, let cell = location.cell else { return }
      cells[location.at(cell), default: []].insert(kind)
      columns[Self.sheetKey(location) + "\u{1F}" + kind, default: []].insert(cell.column)
    }

    init(_ plan: Plan) {
      for a in plan.actions {
        if let row = a.source?.cell?.row, let s = a.source { actionRows.insert(Self.sheetKey(s) + "\u{1F}\(row)") }
        add(a.refSource, "ref")
        add(a.textSource, "action")
        for l in a.leads { add(l.source, "lead") }
        for l in a.accountable { add(l.source, "accountable") }
        add(a.subGroupSource, "subGroup")
        add(a.impactSource, "impact")
        add(a.dueSource, "due")
        add(a.percentSource, "percent")
        for s in a.statuses {
          add(s.source, "status")
          // A long table spreads an action over rows, one per period.
          if let l = s.source, let row = l.cell?.row { actionRows.insert(Self.sheetKey(l) + "\u{1F}\(row)") }
        }
        for n in a.notes { add(n.source, "note") }
        for e in a.evidence { add(e.source, "evidence") }
        for x in a.extra { add(x.source, "extra") }
      }
      for p in plan.priorities { add(p.overallStatusSource, "overall") }
      for f in plan.focusAreas {
        add(f.source, "focus")
        for r in f.repeatedAt { add(r, "focus") }
      }
      for e in plan.evidenceLog { add(e.source, "log") }
    }

    /// Whether a cell is one the plan read a value of one of `kinds` from,
    /// or, for a missing value, in such a column on an action row.
    /// In a long table every row is an action's row, also one whose value
    /// repeats another row's and is not kept twice.
    func holds(_ location: Diagnostics.SourceLocation, _ kinds: Set<String>, missing: Bool, longTable: Bool = false) -> Bool {
      guard let cell = location.cell else { return false }
      if let found = cells[location.at(cell)], !found.isDisjoint(with: kinds) { return true }
      guard missing, longTable || actionRows.contains(Self.sheetKey(location) + "\u{1F}\(cell.row)") else { return false }
      return kinds.contains { columns[Self.sheetKey(location) + "\u{1F}" + $0]?.contains(cell.column) ?? false }
    }
  }

  @Test(arguments: inputs)
  func everyFindingIsAtTheCellHoldingItsValue(input: String) throws {
    let path = Fixtures.repositoryRoot.appendingPathComponent(input).path
    let settings = ValidationSettings(
      asOf: CivilDate(year: 2024, month: 1, day: 31), today: CivilDate(year: 2024, month: 1, day: 31), discoversConfig: false)
    let verdict = TrackerValidation.validate(file: path, settings: settings, loader: TrackerValidation.defaultLoader)
    let plan = try #require(verdict.plan, "\(input): \(verdict.failure?.message ?? "")")
    let grid = try GridReader().readWorkbook(path: path).value
    let sources = Sources(plan)
    var checked = 0
    for finding in verdict.findings {
      guard let location = finding.location, let cell = location.cell else { continue }
      let sheet = location.sheet.flatMap { name in grid.sheets.first { $0.name == name } } ?? grid.sheets[0]
      let text = sheet.value(at: cell)
      let missing = Self.aboutMissing.contains(finding.code)
      if !missing {
        #expect(!Self.isBlank(text), "\(input): \(finding.code) at \(cell.a1) points at a blank cell: \(finding.message)")
      }
      if let kinds = Self.kinds(finding.code) {
        let byColumn = missing || Self.atInheritingCell.contains(finding.code)
        #expect(
          sources.holds(location, kinds, missing: byColumn, longTable: verdict.findings.contains { $0.code == "layout.long_table" }),
          "\(input): \(finding.code) at \(cell.a1) is not at a \(kinds.sorted()) cell: \(finding.message)")
      } else {
        #expect(
          !["ref.", "action.", "lead.", "note.", "evidence.", "xref.", "subgroup.", "due."].contains { finding.code.hasPrefix($0) },
          "\(finding.code) needs its kind of value in FindingCellTests.kinds")
      }
      checked += 1
    }
    #expect(checked > 0 || verdict.findings.allSatisfy { $0.location?.cell == nil }, "\(input) has findings to check")
  }

  /// Whether a grid value holds no text (spaces only).
  static func isBlank(_ value: CellValue) -> Bool {
    switch value {
    case .empty: return true
    case .text(let s): return s.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    default: return false
    }
  }

  /// The cells the original code reported in column A.
  @Test func refAndOverdueFindingsAreAtTheRefAndDueCells() throws {
    let settings = ValidationSettings(
      asOf: CivilDate(year: 2022, month: 6, day: 30), today: CivilDate(year: 2022, month: 6, day: 30), discoversConfig: false)
    func at(_ file: String, _ code: String) -> [String] {
      let verdict = TrackerValidation.validate(
        file: Fixtures.url("validate/" + file).path, settings: settings, loader: TrackerValidation.defaultLoader)
      return verdict.findings.filter { $0.code == code }.compactMap { $0.location?.cell?.a1 }
    }
    #expect(at("ref.duplicate.fires.tsv", "ref.duplicate") == ["B4"])
    #expect(at("ref.area_mismatch.fires.tsv", "ref.area_mismatch") == ["B3"])
    #expect(at("action.overdue.fires.tsv", "action.overdue") == ["K3"])
  }
}
