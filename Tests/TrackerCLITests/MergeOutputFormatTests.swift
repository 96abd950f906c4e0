import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing
import TrackerKit
import TrackerModel
import XLSXFormat
import ZipArchive

/// The merged tracker as XLSX (tracker sheet with conflicts highlighted, a
/// "Merge log" sheet) and as CSV, each read back to the same statuses as
/// the JSON output.
@Suite(.serialized) struct MergeOutputFormatTests {
  func merged(_ scratch: MergeScratch, _ output: String) throws -> ProcessRunner.Result {
    try scratch.merge(["master.tsv"] + MergeScratch.returns + ["-o", output, "--report", "report-\(output).json"])
  }

  /// Action key → period id → raw status, from a plan.
  func table(_ plan: Plan) -> [String: [String: String]] {
    var table: [String: [String: String]] = [:]
    for action in plan.actions {
      for status in action.statuses where !status.status.raw.isEmpty || status.status.rating != .none {
        table[action.key, default: [:]][status.periodId] = status.status.raw
      }
    }
    return table
  }

  @Test func xlsxHasTheTrackerThenTheMergeLogAndReadsBackToTheSameStatuses() throws {
    let scratch = try MergeScratch()
    #expect(try merged(scratch, "merged.xlsx").status == 1)
    #expect(try merged(scratch, "merged.json").status == 1)
    let path = scratch.dir.appendingPathComponent("merged.xlsx").path
    let workbook = try XLSXReader(path: path).readWorkbook()
    #expect(workbook.sheets.map(\.name) == ["Priority 2", "Merge log"])
    let log = try #require(try scratch.json("report-merged.xlsx.json")["log"] as? [Any])
    let logSheet = workbook.sheets[1]
    #expect(logSheet.rows.count == log.count + 1)
    #expect(logSheet.rows[0].cells.map(\.value.displayText) == MergeLogSheet.header)

    let back = try TrackerLoader.load(path).value
    let json = try TrackerLoader.load(scratch.dir.appendingPathComponent("merged.json").path).value
    #expect(back.actions.map(\.key) == json.actions.map(\.key))
    #expect(table(back) == table(json))  // no highlight turned into a status
  }

  @Test func conflictingStatusCellsAndOnlyThoseAreHighlighted() throws {
    let scratch = try MergeScratch()
    _ = try merged(scratch, "merged.xlsx")
    let sheet = try #require(try XLSXReader(path: scratch.dir.appendingPathComponent("merged.xlsx").path).readWorkbook().sheets.first)
    func row(of key: String) -> Int? { sheet.rows.first { $0.cells.contains { $0.value == .text(key) } }?.number }
    func column(of year: Int, _ month: Int) -> Int? {
      for row in sheet.rows {
        for cell in row.cells {
          if case .date(let d) = cell.value, d.year == year, d.month == month { return cell.column }
        }
      }
      return nil
    }
    let dec21 = try #require(column(of: 2021, 12))
    let mar22 = try #require(column(of: 2022, 3))
    let expected = [
      CellAddress(row: try #require(row(of: "3.1F")), column: dec21),
      CellAddress(row: try #require(row(of: "4D")), column: mar22),
      CellAddress(row: try #require(row(of: "6E")), column: mar22),
    ]
    // The reader drops empty cells styled only with a border (4D Mar-22 is
    // empty: the returns disagree), so read the style indices from the XML.
    let zip = try ZipReader(path: scratch.dir.appendingPathComponent("merged.xlsx").path)
    let xml = String(decoding: try zip.readAll(try #require(zip.entry(named: "xl/worksheets/sheet1.xml"))), as: UTF8.self)
    var styleOf: [String: String] = [:]
    for cell in xml.split(separator: "<c ").dropFirst() {
      let attributes = cell.prefix { $0 != ">" }
      func attribute(_ name: String) -> String? {
        guard let start = attributes.range(of: " \(name)=\"") ?? attributes.range(of: "\(name)=\"") else { return nil }
        return String(attributes[start.upperBound...].prefix { $0 != "\"" })
      }
      if let reference = attribute("r") { styleOf[reference] = attribute("s") ?? "0" }
    }
    let highlight = try #require(styleOf[expected[0].a1])
    #expect(expected.allSatisfy { styleOf[$0.a1] == highlight })
    #expect(styleOf.filter { $0.value == highlight }.keys.sorted() == expected.map(\.a1).sorted())
  }

  @Test(.enabled(if: SchemaCheck.shouldRun, "needs ../shared/ooxml/check-xlsx"))
  func theXLSXIsWellFormedOOXML() throws {
    let scratch = try MergeScratch()
    _ = try merged(scratch, "merged.xlsx")
    let result = try SchemaCheck.run([scratch.dir.appendingPathComponent("merged.xlsx").path])
    #expect(result.isAcceptable, "\(result.message)")
  }

  @Test func csvReadsBackToTheSameStatuses() throws {
    let scratch = try MergeScratch()
    _ = try merged(scratch, "merged.csv")
    _ = try merged(scratch, "merged.json")
    let csv = try TrackerLoader.load(scratch.dir.appendingPathComponent("merged.csv").path).value
    let json = try TrackerLoader.load(scratch.dir.appendingPathComponent("merged.json").path).value
    #expect(csv.actions.map(\.key) == json.actions.map(\.key))
    #expect(table(csv) == table(json))
  }

  /// Issue 13: the log of an earlier merge is replaced, not appended to as
  /// `Merge log 2`, …, so re-merging the merged workbook gives the same bytes.
  @Test func aMergedWorkbookAsMasterHasItsLogReplacedAndReMergingGivesTheSameBytes() throws {
    let scratch = try MergeScratch()
    _ = try scratch.merge(["master.tsv"] + MergeScratch.returns + ["-o", "round1.xlsx", "--prefer", "master"])
    let again = try scratch.merge(["round1.xlsx"] + MergeScratch.returns + ["-o", "round2.xlsx", "--prefer", "master", "--report", "r2.json"])
    #expect(again.status == 0, "\(again.stderr)")
    let third = try scratch.merge(["round2.xlsx"] + MergeScratch.returns + ["-o", "round3.xlsx", "--prefer", "master"])
    #expect(third.status == 0, "\(third.stderr)")
    for round in ["round2.xlsx", "round3.xlsx"] {
      let sheets = try XLSXReader(path: scratch.dir.appendingPathComponent(round).path).readWorkbook().sheets.map(\.name)
      #expect(sheets == ["Priority 2", "Merge log"], "\(round)")
    }
    #expect(try scratch.data("round2.xlsx") == scratch.data("round3.xlsx"))
    let counts = try #require(try scratch.json("r2.json")["counts"] as? [String: Int])
    #expect(counts["updatedCells"] == 0 && counts["newActions"] == 0 && counts["newPeriods"] == 0 && counts["notesAdded"] == 0)
  }
}
