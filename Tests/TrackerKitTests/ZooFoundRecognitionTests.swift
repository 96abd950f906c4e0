import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// Recogniser fixes for failures the layout zoo found outside the other
/// items of issue 12 (docs/zoo.md), on small grids.
@Suite struct ZooFoundRecognitionTests {
  static func recognise(_ tsv: String) throws -> Outcome<Plan> {
    try Recogniser.recognise(GridLiteral.tsv(tsv, sheetName: "Tracker"), file: "t.tsv")
  }

  /// A footer line that sits in the ref column right under the table is a
  /// footer, not an action keyed by its text; a real ref alone still is an action.
  @Test func footerInTheRefColumnIsNoAction() throws {
    let table = "Ref\tAction\tLead\tDec-21\n1.1\tDo a\tAnn\tG\n1.2\tDo b\tBob\tA\n"
    let outcome = try Self.recognise(table + "Notes: agreed at the board; see page 2\n")
    #expect(outcome.value.actions.map(\.key) == ["1.1", "1.2"])
    #expect(outcome.value.unparsed.map(\.kind) == ["footer"])
    #expect(outcome.diagnostics.contains { $0.code == "layout.trailing_block" && $0.location?.cell?.a1 == "A4" })
    let refOnly = try Self.recognise(table + "1.3\t\t\t\n")
    #expect(refOnly.value.actions.map(\.key) == ["1.1", "1.2", "1.3"])
  }

  /// A sentence on a line of its own under the table, in the action column
  /// (the ref column last, priority headings inside the table), is a footer,
  /// after blank rows or right under; a lone line between actions is still one.
  @Test func footerInTheActionColumnIsNoAction() throws {
    let table = "Action\tLead\tDec-21\tRef\nPriority 1 – Needs\t\t\t\nDo a\tAnn\tG\t1.1\n\nDo b\tBob\tA\t1.2\n"
    for gap in ["", "\n", "\n\n\n"] {
      let outcome = try Self.recognise(table + gap + "Notes: statuses are agreed at the board | end of report\n")
      #expect(outcome.value.actions.map(\.key) == ["1.1", "1.2"], "gap \(gap.count)")
      #expect(outcome.value.unparsed.map(\.kind) == ["footer"], "gap \(gap.count)")
      #expect(!outcome.diagnostics.contains { $0.code == "ref.missing" }, "gap \(gap.count)")
    }
    let between = try Self.recognise("Action\tLead\tDec-21\tRef\nDo a\tAnn\tG\t1.1\nDo c\t\t\t\nDo b\tBob\tA\t1.2\n")
    #expect(between.value.actions.count == 3)
  }

  /// A long export whose first column is the lead, with priority heading
  /// rows (in the lead column) and statuses in the key's own words, is read
  /// as long: one action per ref under its priority, one status per period.
  @Test func longExportWithHeadingRowsAndKeyWords() throws {
    let outcome = try Self.recognise(
      "Status key\nGreen\tComplete\nAmber\tProgressing\nRed\tNot progressing\n\n"
        + "Lead\tAction\tRef\tPeriod\tRAG\tUpdate\nPriority 1 – Needs\n"
        + "Ann\tDo a\t1.1\tDec-21\tProgressing\t\nAnn\tDo a\t1.1\tMar-22\tComplete\t\n"
        + "Priority 2 – Joint work\nBob\tDo b\t2.1\tDec-21\tNot progressing\t\nBob\tDo b\t2.1\tMar-22\tProgressing\t\n")
    let plan = outcome.value
    #expect(outcome.diagnostics.contains { $0.code == "layout.long_table" })
    #expect(plan.periods.map(\.id) == ["2021-12", "2022-03"])
    #expect(plan.actions.map(\.key) == ["1.1", "2.1"])
    #expect(plan.actions.map(\.priorityId) == ["1", "2"])
    #expect(plan.actions.map { $0.statuses.map(\.status.rating) } == [[.amber, .green], [.red, .amber]])
    #expect(!outcome.diagnostics.contains { $0.code == "layout.trailing_block" })
  }

  /// A long export whose statuses are shown by fill colour alone (empty
  /// cells filled red, amber, green) is read as long, each status from its fill.
  @Test func longExportWithFillOnlyStatuses() throws {
    let header = Row(number: 1, values: [.text("Ref"), .text("Action"), .text("Period"), .text("RAG"), .text("Update")])
    var rows = [header]
    let fills: [[Int]] = [[1, 2], [3, 2]]  // style indices: red, amber, green
    for (a, styles) in fills.enumerated() {
      for (p, style) in styles.enumerated() {
        let n = rows.count + 1
        rows.append(Row(number: n, cells: [
          Cell(column: 1, value: .text("1.\(a + 1)")), Cell(column: 2, value: .text("Do \(a)")),
          Cell(column: 3, value: .text(["Dec-21", "Mar-22"][p])), Cell(column: 4, value: .empty, style: style),
        ]))
      }
    }
    let styles = [CellStyle(), CellStyle(fillRGB: 0xFF0000), CellStyle(fillRGB: 0xFFC000), CellStyle(fillRGB: 0x00B050)]
    let book = Workbook(sheets: [Sheet(name: "Tracker", rows: rows)], styles: styles)
    let outcome = try Recogniser.recognise(book, file: "t.xlsx")
    #expect(outcome.diagnostics.contains { $0.code == "layout.long_table" })
    #expect(outcome.value.actions.map(\.key) == ["1.1", "1.2"])
    #expect(outcome.value.actions.map { $0.statuses.map(\.status.rating) } == [[.red, .amber], [.green, .amber]])
  }

  /// A label in a row of its own over the period columns is their group
  /// heading (a key there governs the periods), not a kept preamble line.
  @Test func groupLabelAboveTheHeaderIsPartOfIt() throws {
    let rows = "Northshire WSoA tracker\n\t\t\tRAG rating\t\nRef\tAction\tLead\tDec-21\tMar-22\n1.1\tDo a\tAnn\tG\tA\n"
    let plain = try Self.recognise(rows)
    #expect(plain.value.unparsed.isEmpty)
    #expect(plain.value.periods.map(\.id) == ["2021-12", "2022-03"])
    let keyed = try Self.recognise(rows.replacingOccurrences(of: "RAG rating", with: "Progress Red - Late Amber - Slipping Green - Done"))
    #expect(keyed.value.statusScheme.map(\.scope) == [.periods, .periods, .periods])
    #expect(keyed.value.actions[0].statuses.map(\.status.label) == ["Done", "Slipping"])
    // A label that also covers a field column is a preamble line as before.
    let wide = try Self.recognise(rows.replacingOccurrences(of: "\t\t\tRAG rating\t", with: "\tSee notes\t\tRAG rating\t"))
    #expect(wide.value.unparsed.map(\.kind) == ["preamble"])
  }
}
