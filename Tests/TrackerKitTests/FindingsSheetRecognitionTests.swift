import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing
import TrackerKit
import TrackerModel
import XLSXFormat

/// A Findings sheet that `validate --annotate` wrote is skipped when the
/// workbook is read back; a council's own sheet called "Findings" is not.
@Suite("validate --annotate: the Findings sheet read back")
struct FindingsSheetRecognitionTests {
  static func sheet(_ name: String, header: [String], rows: [[String]] = []) -> Sheet {
    Sheet(
      name: name,
      rows: ([header] + rows).enumerated().map { n, texts in Row(number: n + 1, values: texts.map { .text($0) }) })
  }

  /// The seed's cleaned tracker as a grid, plus `extra` sheets.
  static func seedWorkbook(adding extra: [Sheet]) throws -> Workbook {
    let dir = try Fixtures.scratchDirectory("wsoa-findings-sheet")
    let path = dir.appendingPathComponent("seed.xlsx").path
    let plan = try TrackerLoader.load(Fixtures.sample("staffordshire-priority-2.tsv").path).value
    try TrackerWriter.write(plan, findings: [], to: path, options: WriteOptions(format: .xlsx))
    var workbook = try XLSXReader(path: path).readWorkbook()
    workbook.sheets += extra
    return workbook
  }

  @Test func recognisesOnlyItsOwnHeaderUnderItsOwnName() {
    let row = ["warning", "status.gap", "F3", "Actions!G4", "1.1A has no status", "Fill it in."]
    #expect(FindingsSheet.isFindingsSheet(Self.sheet("Findings", header: FindingsSheet.header, rows: [row])))
    #expect(FindingsSheet.isFindingsSheet(Self.sheet("Findings 2", header: FindingsSheet.header)))
    #expect(!FindingsSheet.isFindingsSheet(Self.sheet("Findings old", header: FindingsSheet.header)))
    #expect(!FindingsSheet.isFindingsSheet(Self.sheet("Notes", header: FindingsSheet.header)))
    #expect(!FindingsSheet.isFindingsSheet(Self.sheet("Findings", header: ["Severity", "Code", "Cell", "Message"])))
    #expect(!FindingsSheet.isFindingsSheet(Self.sheet("Findings", header: FindingsSheet.header + ["Owner"])))
    var late = Self.sheet("Findings", header: FindingsSheet.header)
    late.rows[0].number = 2  // the header must be row 1
    #expect(!FindingsSheet.isFindingsSheet(late))
  }

  @Test func ourSheetIsSkippedACouncilsIsKept() throws {
    let ours = Self.sheet("Findings", header: FindingsSheet.header, rows: [["info", "status.mixed", "H9", "", "G/A", ""]])
    let skipped = try Recogniser.recognise(try Self.seedWorkbook(adding: [ours]), file: "annotated.xlsx")
    #expect(skipped.value.unparsed.isEmpty)
    #expect(!skipped.diagnostics.contains { $0.location?.sheet == "Findings" })
    #expect(skipped.value.actions.count == 9)

    let theirs = Self.sheet("Findings", header: ["Finding", "Owner"], rows: [["Parents want more updates", "SEND board"]])
    let kept = try Recogniser.recognise(try Self.seedWorkbook(adding: [theirs]), file: "tracker.xlsx")
    #expect(kept.value.unparsed.map(\.kind) == ["sheet"])
    #expect(kept.value.unparsed.first?.cells.map(\.text) == ["Finding", "Owner", "Parents want more updates", "SEND board"])
    #expect(kept.diagnostics.contains { $0.code == "layout.trailing_block" && $0.location?.sheet == "Findings" })
  }

  @Test func askedForByNameItIsRead() throws {
    let ours = Self.sheet("Findings", header: FindingsSheet.header)
    let outcome = try Recogniser.recognise(
      try Self.seedWorkbook(adding: [ours]), file: "annotated.xlsx", options: RecogniserOptions(sheets: ["Findings"]))
    #expect(outcome.value.actions.isEmpty)
    #expect(outcome.diagnostics.map(\.code) == ["layout.no_header"])
  }

  /// A tracker with its own "Findings" sheet: ours becomes "Findings 2",
  /// links still resolve, and reading back keeps theirs and skips ours.
  @Test func aCouncilsFindingsSheetKeepsItsNameAndOursMovesAside() throws {
    let theirs = Self.sheet("Findings", header: ["Finding", "Owner"], rows: [["Parents want more updates", "SEND board"]])
    let outcome = try Recogniser.recognise(try Self.seedWorkbook(adding: [theirs]), file: "tracker.xlsx")
    let path = try Fixtures.scratchDirectory("wsoa-findings-sheet").appendingPathComponent("annotated.xlsx").path
    #expect(try AnnotatedWorkbookWriter.write(outcome.value, findings: outcome.diagnostics, to: path).isEmpty)
    let probe = try AnnotatedWorkbookProbe(path: path)
    #expect(probe.workbook.sheets.map(\.name) == ["Priority 2", "Findings", "Findings 2"])
    #expect(FindingsSheet.name(avoiding: ["Findings", "findings 2"]) == "Findings 3")
    let kept = try #require(probe.sheet("Findings 2")?.rows.dropFirst().first { $0.cells.contains { $0.value == .text("layout.trailing_block") } })
    #expect(kept.cells.first { $0.column == 3 }?.value == .text("Findings!A1"))
    let back = try TrackerLoader.load(path).value
    #expect(back.unparsed.map { $0.cells.first?.source?.sheet } == ["Findings"])
  }
}
