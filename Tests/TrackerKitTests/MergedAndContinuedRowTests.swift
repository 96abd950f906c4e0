import Diagnostics
import Grid
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// Merged cells and continuation rows on generated tables (issue 12 §6):
/// whichever column a value is merged down in, every action row it spans
/// has it, from the top-left cell; whichever rows carry only notes or
/// evidence, they add to the action above and no action is made of them.
@Suite struct MergedAndContinuedRowTests {
  static let header = ["Ref", "Action", "Lead", "Sub-group", "Due date", "Impact", "Jun-23", "Sep-23", "Progress update", "Evidence"]

  static func row(_ n: Int, _ values: [String]) -> Row {
    Row(number: n, values: values.map { $0.isEmpty ? .empty : .text($0) })
  }

  static func action(_ i: Int) -> [String] {
    ["1.\(i)", "Action number \(i).", "Lead \(i)", "Group \(i)", "2\(i)/03/2024", "Impact \(i)",
     ["R", "A", "G"][i % 3], ["A", "G", "R"][i % 3], "0\(1 + i % 9)/09/2023: Update \(i).", "E\(i) document"]
  }

  /// Every column but the ref and action can be merged over two actions.
  @Test(arguments: 3...10)
  func aValueMergedDownBelongsToEveryActionItSpans(column: Int) throws {
    var rows = [Self.row(1, Self.header)]
    for i in 1...4 { rows.append(Self.row(1 + i, Self.action(i))) }
    // Rows 3 and 4 (actions 2 and 3): the value sits in row 3, row 4's cell is blank.
    rows[3].cells.removeAll { $0.column == column }
    let range = CellRange(start: CellAddress(row: 3, column: column), end: CellAddress(row: 4, column: column))
    let sheet = Sheet(name: "Tracker", rows: rows, mergedRanges: [range])
    let plan = try Recogniser.recognise(Workbook(sheets: [sheet]), file: "merged.xlsx").value
    #expect(plan.actions.map(\.key) == ["1.1", "1.2", "1.3", "1.4"])
    let (second, third) = (plan.actions[1], plan.actions[2])
    let anchor = "\(CellAddress.columnName(column))3"
    switch Self.header[column - 1] {
    case "Lead":
      #expect(third.leads.map(\.name) == second.leads.map(\.name) && third.leads.first?.source?.cell?.a1 == anchor)
    case "Sub-group": #expect(third.subGroup == second.subGroup && third.subGroupSource?.cell?.a1 == anchor)
    case "Due date": #expect(third.dueDate == second.dueDate && third.dueDate != nil && third.dueSource?.cell?.a1 == anchor)
    case "Impact": #expect(third.impact == second.impact && third.impactSource?.cell?.a1 == anchor)
    case "Jun-23", "Sep-23":
      let p = column - 7
      #expect(third.statuses[p].status == second.statuses[p].status && third.statuses[p].source?.cell?.a1 == anchor)
    case "Progress update": #expect(third.notes.map(\.text) == second.notes.map(\.text) && third.notes.first?.source?.cell?.a1 == anchor)
    case "Evidence": #expect(third.evidence.map(\.text) == second.evidence.map(\.text) && third.evidence.first?.source?.cell?.a1 == anchor)
    default: Issue.record("column \(column) not covered")
    }
    // The actions outside the range keep their own values.
    #expect(plan.actions[3].text == "Action number 4." && plan.actions[3].leads.map(\.name) == ["Lead 4"])
  }

  @Test(arguments: 1...20)
  func notesOrEvidenceOnlyRowsContinueTheActionAbove(seed: Int) throws {
    var random = SeededRandom(seed: UInt64(seed) &* 0x2545_F491_4F6C_DD1D)
    var rows = [Self.row(1, Self.header)]
    var expected: [(key: String, notes: Int, evidence: Int)] = []
    for i in 1...5 {
      rows.append(Self.row(rows.count + 1, Self.action(i)))
      expected.append(("1.\(i)", 1, 1))
      for _ in 0..<random.below(3) {
        var cells = [String](repeating: "", count: Self.header.count)
        switch random.below(3) {
        case 0:
          cells[8] = "15/09/2023: More on \(i)."
          expected[expected.count - 1].notes += 1
        case 1:
          cells[9] = "E\(i)b more evidence"
          expected[expected.count - 1].evidence += 1
        default:
          cells[8] = "20/09/2023: And more on \(i)."
          cells[9] = "E\(i)c"
          expected[expected.count - 1].notes += 1
          expected[expected.count - 1].evidence += 1
        }
        rows.append(Self.row(rows.count + 1, cells))
      }
    }
    let outcome = try Recogniser.recognise(Workbook(sheets: [Sheet(name: "Tracker", rows: rows)]), file: "continued.xlsx")
    let plan = outcome.value
    #expect(plan.actions.map(\.key) == expected.map(\.key))
    #expect(plan.actions.map(\.notes.count) == expected.map(\.notes))
    #expect(plan.actions.map(\.evidence.count) == expected.map(\.evidence))
    let continued = rows.count - 1 - 5
    #expect(outcome.diagnostics.filter { $0.code == "layout.continuation_row" }.count == continued)
    #expect(outcome.diagnostics.filter { $0.code == "ref.missing" || $0.code == "layout.trailing_block" }.isEmpty)
  }
}
