import Diagnostics
import Foundation
import TestSupport
import Testing
import TrackerKit
import TrackerModel
import XLSXFormat

/// Issue 13 on real files: a master holding a key for two actions (other
/// wording under another priority), a cross-listed action and a return with a
/// continuation row, merged into XLSX by the real writer and re-merged: each
/// value lands in its own action, and re-merging the merged workbook gives the
/// same bytes (one "Merge log" sheet, replaced).
@Suite(.serialized) struct MergeKeyShapesFileTests {
  /// The cross-listed fixture (6E under Priorities 2 and 6) plus 3.1F under
  /// Priority 2 and, with other wording, under Priority 6.
  static func master() throws -> Plan {
    var plan = try TrackerLoader.load(Fixtures.url("validate/ref.cross_listed.fires.json").path).value
    for (priority, text) in [("2", "Review plans with families"), ("6", "Audit EHC plans every quarter")] {
      var action = plan.actions[0]
      action.key = "3.1F"
      action.focusRef = "3.1"
      action.letter = "F"
      action.rawRef = "F."
      action.priorityId = priority
      action.text = text
      action.notes = []
      plan.actions.insert(action, at: priority == "2" ? 0 : plan.actions.count)
    }
    for priority in ["2", "6"] {
      plan.focusAreas.append(FocusArea(ref: "3.1", rawRef: "Ref - 3.1", title: "Co-production", priorityId: priority))
    }
    return plan
  }

  static let returnTSV = """
    Focus Area (Intent)\tActions (Implementation)\tLead\tJun-21\tSep-21\tDec-21\tMar-22\tJun-22\tProgress update\tEvidence
    Ref - 3.1 Co-production\tF. Review plans with families\tJo Bloggs\tA\tA\tG\tG\tG\tJun 2022: Families invited.\t1. Terms of reference
    Ref - 6 Graduated response\tE. Co-produce the graduated response toolkit\tJo Bloggs\tA\tA\tG\tG\tB\tJun 2022: Toolkit published.\t1. Terms of reference
    \t\t\t\t\t\t\t\tJun 2022: More schools use the toolkit.\t

    """

  @Test func eachValueLandsInItsOwnActionAndReMergingGivesTheSameBytes() throws {
    let scratch = try MergeScratch()
    try TrackerWriter.write(
      Self.master(), findings: [], to: scratch.dir.appendingPathComponent("two-priorities.json").path,
      options: WriteOptions(format: .json))
    try Data(Self.returnTSV.utf8).write(to: scratch.dir.appendingPathComponent("gr-return.tsv"))
    var reports: [[String: Int]] = []
    var input = "two-priorities.json"
    for round in 1...3 {
      let output = "round\(round).xlsx"
      let result = try scratch.merge([input, "gr-return.tsv", "-o", output, "--prefer", "master", "--report", "r\(round).json"])
      #expect(result.status == 0, "round \(round): \(result.stderr)")
      reports.append(try #require(try scratch.json("r\(round).json")["counts"] as? [String: Int]))
      input = output
    }
    let merged = try TrackerLoader.load(scratch.dir.appendingPathComponent("round1.xlsx").path).value
    func latest(_ key: String, _ priority: String) -> String? {
      merged.actions.first { $0.key == key && $0.priorityId == priority }?.statuses.first { $0.periodId == "2022-06" }?.status.raw
    }
    // The return (no priorities) names 3.1F by Priority 2's wording: Priority 6's 3.1F is another action.
    #expect(latest("3.1F", "2") == "G" && (latest("3.1F", "6") ?? "") == "")
    let other = try #require(merged.actions.first { $0.key == "3.1F" && $0.priorityId == "6" })
    #expect(other.notes.isEmpty)
    // 6E is one action listed twice: both listings show the update.
    #expect(latest("6E", "2") == "B" && latest("6E", "6") == "B")
    #expect(reports[0]["ambiguousKeys"] == 0 && reports[0]["conflicts"] == 0)
    for counts in reports.dropFirst() {
      #expect(counts["newActions"] == 0 && counts["notesAdded"] == 0 && counts["updatedCells"] == 0 && counts["newPeriods"] == 0)
    }
    let sheets = try XLSXReader(path: scratch.dir.appendingPathComponent("round3.xlsx").path).readWorkbook().sheets.map(\.name)
    #expect(sheets.filter { $0.hasPrefix("Merge log") } == ["Merge log"])
    #expect(try scratch.data("round2.xlsx") == scratch.data("round3.xlsx"))
  }

  /// A seeded master built from the fixture's action: 4–10 actions under
  /// Priority 2, some cross-listed under Priority 6 (same wording and
  /// values), some with their key reused under Priority 6 for another action,
  /// some followed by a continuation row; and a return that changes a few
  /// statuses, adds notes and the Jun-22 period, with or without priorities.
  static func generated(_ seed: UInt64) throws -> (master: Plan, ret: Plan) {
    var rng = SeededRandom(seed: seed)
    func int(_ bound: Int) -> Int { Int(rng.next() % UInt64(bound)) }
    let words = "co-produce review parents carers audit toolkit strategy outcome plans schools".split(separator: " ")
    func sentence() -> String { (0..<(3 + int(4))).map { _ in String(words[int(words.count)]) }.joined(separator: " ") }
    let codes: [(String, Rating)] = [("R", .red), ("A", .amber), ("G", .green), ("", .none)]
    var master = try TrackerLoader.load(Fixtures.url("validate/ref.cross_listed.fires.json").path).value
    let template = master.actions[0]
    master.actions = []
    master.focusAreas = []
    for index in 0..<(4 + int(7)) {
      let focus = "\(1 + index % 5)"
      let letter = String(UnicodeScalar(UInt8(65 + index)))
      var action = template
      action.key = focus + letter
      action.focusRef = focus
      action.letter = letter
      action.rawRef = letter + "."
      action.text = sentence()
      action.statuses = action.statuses.map { status in
        let code = codes[int(codes.count)]
        var copy = status
        copy.status = Status(raw: code.0, rating: code.1)
        return copy
      }
      action.notes = Array(action.notes.prefix(1 + int(4)))
      for priority in ["2", "6"] where !master.focusAreas.contains(where: { $0.ref == focus && $0.priorityId == priority }) {
        master.focusAreas.append(FocusArea(ref: focus, rawRef: "Ref - \(focus)", title: "Area \(focus)", priorityId: priority))
      }
      master.actions.append(action)
      if int(3) == 0 {
        var more = action
        more.key = "\(focus)#\(index + 100)"
        more.letter = nil
        more.rawRef = ""
        more.text = ""
        more.leads = []
        more.evidence = []
        more.statuses = more.statuses.map { var copy = $0; copy.status = .empty; return copy }
        more.notes = [ProgressNote(date: DateValue(year: 2022, month: 3), text: sentence(), raw: "", source: nil)]
        master.actions.append(more)
      }
      switch int(4) {
      case 0:
        var twin = action
        twin.priorityId = "6"
        master.actions.append(twin)
      case 1:
        var other = action
        other.priorityId = "6"
        other.text = sentence() + " elsewhere"
        master.actions.append(other)
      default: break
      }
    }
    // Priority 6's rows after Priority 2's, as a workbook lists them.
    master.actions = master.actions.filter { $0.priorityId == "2" } + master.actions.filter { $0.priorityId == "6" }
    var ret = master
    ret.id = "return"
    let withoutPriorities = int(2) == 0
    let june = Period(
      id: "2022-06", label: "Jun-22", kind: .month, start: CivilDate(year: 2022, month: 6, day: 1),
      end: CivilDate(year: 2022, month: 6, day: 30))
    ret.periods.append(june)
    for index in ret.actions.indices {
      if withoutPriorities { ret.actions[index].priorityId = nil }
      let code = codes[int(codes.count)]
      ret.actions[index].statuses.append(PeriodStatus(periodId: june.id, status: Status(raw: code.0, rating: code.1)))
      if int(3) == 0 {
        ret.actions[index].notes.append(ProgressNote(date: DateValue(year: 2022, month: 6), text: sentence(), raw: "", source: nil))
      }
    }
    if withoutPriorities {
      // One sheet: a cross-listed action appears once.
      var seen: Set<String> = []
      ret.actions = ret.actions.filter { $0.key.contains("#") || seen.insert($0.key + "|" + $0.text).inserted }
    }
    return (master, ret)
  }

  @Test(arguments: Array(UInt64(1)...8))
  func generatedTrackersReMergeToTheSameBytes(seed: UInt64) throws {
    let scratch = try MergeScratch()
    let (master, ret) = try Self.generated(seed)
    try TrackerWriter.write(master, findings: [], to: scratch.dir.appendingPathComponent("m.json").path, options: WriteOptions(format: .json))
    try TrackerWriter.write(ret, findings: [], to: scratch.dir.appendingPathComponent("r.json").path, options: WriteOptions(format: .json))
    var input = "m.json"
    for round in 1...3 {
      let result = try scratch.merge([input, "r.json", "-o", "g\(round).xlsx", "--prefer", "master", "--report", "g\(round).json"])
      #expect(result.status == 0, "seed \(seed) round \(round): \(result.stderr)")
      input = "g\(round).xlsx"
    }
    let counts = try #require(try scratch.json("g2.json")["counts"] as? [String: Int])
    #expect(counts["newActions"] == 0 && counts["notesAdded"] == 0 && counts["updatedCells"] == 0, "seed \(seed): \(counts)")
    #expect(try scratch.data("g2.xlsx") == scratch.data("g3.xlsx"), "seed \(seed): re-merging changed the bytes")
  }
}
