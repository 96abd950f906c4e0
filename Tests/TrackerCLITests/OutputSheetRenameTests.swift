import Foundation
import TestSupport
import Testing
import Grid
import XLSXFormat

/// A sheet kept from the input whose name clashes (ignoring case) with a
/// sheet the cleaned XLSX writes (`Priority 2`) is written under another
/// name; convert and merge say so (`xlsx.sheet_renamed`) instead of
/// renaming it silently (so does `validate --annotate`), and `--disable`
/// governs it like any code.
@Suite struct OutputSheetRenameTests {
  /// A workbook: a tracker for priority 2 on "Tracker", and board notes on a sheet named `notesSheet`.
  static func workbook(notesSheet: String) throws -> URL {
    let dir = try Fixtures.scratchDirectory("sheet-rename")
    let url = dir.appendingPathComponent("tracker.xlsx")
    let writer = try XLSXWriter(path: url.path)
    try writer.beginSheet(name: "Tracker")
    for row in [
      ["Priority 2: Improve transitions"], ["Focus Area (Intent)", "Actions (Implementation)", "Lead", "Dec-21", "Mar-22"],
      ["Ref - 2.1 Transitions", "A. Review the pathway", "Jo Bloggs", "A", "G"], ["", "B. Train the staff", "Jo Bloggs", "R", "A"],
    ] {
      try writer.writeRow(row.map { CellValue.text($0) })
    }
    try writer.endSheet()
    try writer.beginSheet(name: notesSheet)
    try writer.writeRow([.text("Notes for the board")])
    try writer.writeRow([.text("Meeting on Tuesday")])
    try writer.endSheet()
    try writer.finish()
    return url
  }

  static func renamed(_ stderr: String) -> [String] {
    stderr.split(separator: "\n").filter { $0.contains("xlsx.sheet_renamed") }.map(String.init)
  }

  @Test(arguments: ["PRIORITY 2", "priority 2"])
  func convertAndMergeReportAKeptSheetWrittenUnderAnotherName(_ notes: String) throws {
    let input = try Self.workbook(notesSheet: notes)
    let dir = input.deletingLastPathComponent()
    let out = dir.appendingPathComponent("clean.xlsx").path
    let convert = try ProcessRunner.wsoa(["convert", input.path, "-o", out, "--no-config"])
    #expect(convert.status == 0, "\(convert.stderr)")
    let lines = Self.renamed(convert.stderr)
    #expect(lines.count == 1, "\(convert.stderr)")
    #expect(lines.first?.contains("sheet \"\(notes)\" is written as \"\(notes) (2)\"") == true, "\(lines)")
    #expect(lines.first?.hasPrefix(out + ": warning") == true, "\(lines)")
    // The sheet is there under the name reported.
    let dump = try ProcessRunner.wsoa(["dump", out, "--sheet", "\(notes) (2)"])
    #expect(dump.stdout.contains("Meeting on Tuesday"), "\(dump.stderr)")
    let quiet = try ProcessRunner.wsoa(["convert", input.path, "-o", out, "--no-config", "--disable", "xlsx.sheet_renamed"])
    #expect(Self.renamed(quiet.stderr).isEmpty, "\(quiet.stderr)")
    // A JSON output has no sheets to rename.
    let json = try ProcessRunner.wsoa(["convert", input.path, "-o", dir.appendingPathComponent("c.json").path, "--no-config"])
    #expect(Self.renamed(json.stderr).isEmpty, "\(json.stderr)")
    // Merge (the workbook as master, merged with itself) reports it too, on the terminal and in --report.
    let report = dir.appendingPathComponent("merge.json")
    let merge = try ProcessRunner.wsoa(
      ["merge", input.path, input.path, "-o", dir.appendingPathComponent("m.xlsx").path, "--report", report.path, "--no-config"])
    #expect(merge.status == 0 || merge.status == 1, "\(merge.stderr)")
    #expect(Self.renamed(merge.stderr).count == 1, "\(merge.stderr)")
    let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
    let codes = ((document["diagnostics"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
    #expect(codes.filter { $0 == "xlsx.sheet_renamed" }.count == 1, "\(codes)")
  }

  /// `validate --annotate` writes the same cleaned tracker, so it says so too, after its report.
  @Test func validateAnnotateReportsAKeptSheetWrittenUnderAnotherName() throws {
    let input = try Self.workbook(notesSheet: "PRIORITY 2")
    let out = input.deletingLastPathComponent().appendingPathComponent("annotated.xlsx").path
    let validate = try ProcessRunner.wsoa(["validate", input.path, "--annotate", out, "--no-config", "--as-of", "2022-06-01"])
    #expect(validate.status == 0 || validate.status == 1, "\(validate.stderr)")
    let lines = Self.renamed(validate.stderr)
    #expect(lines.count == 1, "\(validate.stderr)")
    #expect(lines.first?.hasPrefix(out + ": warning") == true, "\(lines)")
    #expect(lines.first?.contains("sheet \"PRIORITY 2\" is written as \"PRIORITY 2 (2)\"") == true, "\(lines)")
    let dump = try ProcessRunner.wsoa(["dump", out, "--sheet", "PRIORITY 2 (2)"])
    #expect(dump.stdout.contains("Meeting on Tuesday"), "\(dump.stderr)")
    let quiet = try ProcessRunner.wsoa(
      ["validate", input.path, "--annotate", out, "--no-config", "--as-of", "2022-06-01", "--disable", "xlsx.sheet_renamed"])
    #expect(Self.renamed(quiet.stderr).isEmpty, "\(quiet.stderr)")
  }

  @Test func aSheetWhoseNameDoesNotClashIsNotReported() throws {
    let input = try Self.workbook(notesSheet: "Board notes")
    let out = input.deletingLastPathComponent().appendingPathComponent("clean.xlsx").path
    let convert = try ProcessRunner.wsoa(["convert", input.path, "-o", out, "--no-config"])
    #expect(convert.status == 0, "\(convert.stderr)")
    #expect(Self.renamed(convert.stderr).isEmpty, "\(convert.stderr)")
  }
}
