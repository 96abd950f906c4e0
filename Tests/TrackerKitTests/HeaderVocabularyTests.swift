import Diagnostics
import Grid
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// The same tracker headed in the words of many councils, in any column
/// order and case, reads to the same actions (issue 12 §8): generated
/// tables, each column's header drawn from the words councils use for it.
@Suite struct HeaderVocabularyTests {
  /// Header spellings per column, as councils write them.
  static let words: [(column: String, headers: [String])] = [
    ("priority", ["Priority", "Theme", "Area of weakness", "ASW", "Priority area", "Area for improvement"]),
    ("ref", ["Ref", "Ref No.", "ID", "No.", "Reference number", "Action ref", "Task ID"]),
    ("action", ["Action", "Activity", "Task", "Milestone", "Key actions", "What we will do", "Deliverable", "Actions required"]),
    ("lead", ["Lead", "Owner", "Responsible officer", "Lead officer(s)", "Action owner", "Named lead", "Lead(s)"]),
    ("accountable", ["Accountable officer", "SRO", "Senior responsible owner", "Accountable lead", "Executive lead"]),
    ("subGroup", ["Sub-group", "Subgroup", "Owning group", "Reporting group", "Delivery group"]),
    ("due", ["Due date", "Target date", "Deadline", "Milestone date", "Timescale", "By when", "Target completion date"]),
    ("impact", ["Impact", "Outcome measures", "Success criteria", "KPIs", "How will we know?", "Expected outcome"]),
    ("notes", ["Progress update", "Commentary", "Update", "Progress", "Progress commentary", "Comments", "Current position"]),
    ("evidence", ["Evidence", "Supporting evidence", "Supporting documents", "Evidence references"]),
    ("percent", ["% complete", "Percentage complete", "% done", "Progress %"]),
  ]

  /// One action's cells per column name.
  static let rows: [[String: String]] = [
    [
      "priority": "Priority 1: Communication", "ref": "1.1", "action": "Publish a termly newsletter.", "lead": "Comms Officer",
      "accountable": "Head of SEND", "subGroup": "Engagement", "due": "31/12/2023", "impact": "Families feel informed.",
      "notes": "01/09/2023: First issue sent.", "evidence": "E1 newsletter", "percent": "50%", "Jun-23": "A", "Sep-23": "G",
    ],
    [
      "priority": "", "ref": "1.2", "action": "Run a monthly drop-in.", "lead": "Forum Chair", "accountable": "Head of SEND",
      "subGroup": "Engagement", "due": "30/06/2024", "impact": "20 families a session.",
      "notes": "15/09/2023: Venue booked.", "evidence": "E2 log", "percent": "25%", "Jun-23": "R", "Sep-23": "A",
    ],
    [
      "priority": "Priority 2: Health", "ref": "2.1", "action": "Cut therapy waits.", "lead": "Therapy Lead",
      "accountable": "ICB Director", "subGroup": "Health", "due": "31/03/2024", "impact": "Waits under 18 weeks.",
      "notes": "20/09/2023: Two therapists hired.", "evidence": "E3 report", "percent": "10%", "Jun-23": "R", "Sep-23": "R",
    ],
  ]

  /// What a plan says about its actions, without cells.
  static func summary(_ plan: Plan) -> [String] {
    plan.actions.map { a in
      [
        a.key, a.priorityId ?? "-", a.text, a.leads.map(\.name).joined(separator: "|"),
        a.accountable.map(\.name).joined(separator: "|"), a.subGroup ?? "-", a.dueDate?.description ?? "-",
        a.impact.joined(separator: "|"), a.notes.map(\.text).joined(separator: "|"), a.evidence.map(\.text).joined(separator: "|"),
        a.percentComplete.map { "\($0)" } ?? "-", a.statuses.map(\.status.code).joined(separator: "|"),
        a.extra.map(\.column).joined(separator: "|"),
      ].joined(separator: " ; ")
    }
  }

  /// Varies a header's case and punctuation as spreadsheets do.
  static func vary(_ header: String, _ random: inout SeededRandom) -> String {
    switch random.below(4) {
    case 0: header.uppercased()
    case 1: header.lowercased()
    case 2: header + ":"
    default: header
    }
  }

  static func workbook(order: [String], headers: [String: String]) -> Workbook {
    var sheetRows = [Row(number: 1, values: [.text("Council SEND WSOA tracker")])]
    sheetRows.append(Row(number: 2, values: order.map { .text(headers[$0] ?? $0) }))
    for (i, row) in rows.enumerated() {
      sheetRows.append(Row(number: 3 + i, values: order.map { row[$0].map { $0.isEmpty ? .empty : .text($0) } ?? .empty }))
    }
    return Workbook(sheets: [Sheet(name: "Tracker", rows: sheetRows)])
  }

  @Test(arguments: 1...60)
  func anyCouncilsWordsInAnyOrderReadTheSame(seed: Int) throws {
    let columns = Self.words.map(\.column) + ["Jun-23", "Sep-23"]
    let baseline = try Recogniser.recognise(
      Self.workbook(order: columns, headers: Dictionary(uniqueKeysWithValues: Self.words.map { ($0.column, $0.headers[0]) })),
      file: "baseline.xlsx")
    #expect(Self.summary(baseline.value).count == 3)
    var random = SeededRandom(seed: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15)
    var order = columns
    for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, random.below(i + 1)) }
    var headers: [String: String] = [:]
    for (column, spellings) in Self.words { headers[column] = Self.vary(spellings[random.below(spellings.count)], &random) }
    let outcome = try Recogniser.recognise(Self.workbook(order: order, headers: headers), file: "council.xlsx")
    #expect(
      Self.summary(outcome.value) == Self.summary(baseline.value),
      "columns \(order.map { headers[$0] ?? $0 })")
    #expect(outcome.diagnostics.filter { $0.code == "layout.unknown_column" || $0.code == "layout.no_header" }.isEmpty)
  }
}
