import Foundation
import Grid
import TestSupport
import Testing
import TrackerKit
import XLSXFormat

/// `wsoa validate FILE --annotate OUT.xlsx` as a user runs it: the report is
/// unchanged, the workbook is written beside it, usage mistakes exit 64 and
/// write nothing, and the annotated file reads back like the cleaned one.
@Suite("validate --annotate: the wsoa binary")
struct ValidateAnnotateTests {
  let seed = Fixtures.sample("staffordshire-priority-2.tsv").path
  let common = ["--as-of", "2022-01-31", "--no-config"]

  func findingRows(_ path: String) throws -> [[String]] {
    let sheet = try #require(try XLSXReader(path: path).readWorkbook().sheets.first { $0.name == FindingsSheet.name })
    return sheet.rows.map { row in (1...6).map { c in row.cells.first { $0.column == c }?.value.displayText ?? "" } }
  }

  @Test func writesTheWorkbookAndLeavesTheReportAsItWas() throws {
    let dir = try Fixtures.scratchDirectory("validate-annotate")
    let out = dir.appendingPathComponent("annotated.xlsx").path
    let plain = try ProcessRunner.wsoa(["validate", seed] + common)
    let annotated = try ProcessRunner.wsoa(["validate", seed, "--annotate", out] + common)
    #expect(annotated.status == 0)
    #expect(annotated.stdout == plain.stdout)
    #expect(annotated.stderr.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["annotated.xlsx"])  // no temporary file left
    #expect(try XLSXReader(path: out).readWorkbook().sheets.map(\.name) == ["Priority 2", "Findings"])
    let rows = try findingRows(out)
    #expect(rows.count == 23)
    #expect(rows.contains { $0[0] == "warning" && $0[1] == "status.regression_without_note" && $0[2] == "H9" && $0[3] == "'Priority 2'!I11" })
  }

  @Test func theFindingsSheetFollowsDisableAndSeverity() throws {
    let out = try Fixtures.scratchDirectory("validate-annotate-policy").appendingPathComponent("annotated.xlsx").path
    let run = try ProcessRunner.wsoa(
      ["validate", seed, "--annotate", out, "--disable", "status.stalled", "--severity", "status.regression_without_note=error"]
        + common)
    #expect(run.status == 1)  // an error finding fails the file; the workbook is still written
    let rows = try findingRows(out)
    #expect(!rows.contains { $0[1] == "status.stalled" })
    #expect(rows.first { $0[1] == "status.regression_without_note" }?[0] == "error")
  }

  @Test func usageMistakesExit64AndWriteNothing() throws {
    let dir = try Fixtures.scratchDirectory("validate-annotate-usage")
    let input = dir.appendingPathComponent("tracker.xlsx")
    try FileManager.default.copyItem(at: Fixtures.sample("staffordshire-priority-2.xlsx"), to: input)
    let before = try Data(contentsOf: input)
    let cases: [([String], String)] = [
      (["validate", seed, "--annotate", "-"], "--annotate writes a workbook to a file"),
      (["validate", seed, "--annotate", dir.appendingPathComponent("out.csv").path], "give a path ending in .xlsx"),
      (["validate", seed, seed, "--annotate", dir.appendingPathComponent("out.xlsx").path], "exactly one tracker file (got 2)"),
      (["validate", input.path, "--annotate", input.path], "never overwrites its inputs"),
      (["validate", seed, "-o", dir.appendingPathComponent("same.xlsx").path, "--annotate", dir.appendingPathComponent("same.xlsx").path],
       "--annotate and -o name the same file"),
    ]
    for (arguments, message) in cases {
      let run = try ProcessRunner.wsoa(arguments + common)
      #expect(run.status == 64, "\(arguments)")
      #expect(run.stderr.contains(message), "\(run.stderr)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["tracker.xlsx"])
    #expect(try Data(contentsOf: input) == before)
  }

  @Test func anUnreadableInputHasNoWorkbook() throws {
    let dir = try Fixtures.scratchDirectory("validate-annotate-broken")
    let broken = dir.appendingPathComponent("broken.csv")
    try Data().write(to: broken)
    let out = dir.appendingPathComponent("annotated.xlsx").path
    let run = try ProcessRunner.wsoa(["validate", broken.path, "--annotate", out] + common)
    #expect(run.status == 65)
    #expect(run.stderr.contains("--annotate: \(out) not written: \(broken.path) could not be checked"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func anUnwritablePathExits73AfterTheReport() throws {
    let dir = try Fixtures.scratchDirectory("validate-annotate-unwritable")
    let out = dir.appendingPathComponent("no-such-folder/annotated.xlsx").path
    let run = try ProcessRunner.wsoa(["validate", seed, "--annotate", out] + common)
    #expect(run.status == 73)
    #expect(run.stdout.hasSuffix("0 errors, 5 warnings, 17 info: ok\n"))
    #expect(run.stderr.contains("wsoa: error: --annotate:") && run.stderr.contains("no-such-folder"))
  }

  /// Fed back to `validate` and `convert`, the annotated workbook behaves as
  /// the cleaned tracker `convert --to xlsx` writes: its Findings sheet is
  /// neither reported nor carried into the output.
  @Test func theAnnotatedWorkbookFedBackReadsAsTheCleanedTracker() throws {
    let dir = try Fixtures.scratchDirectory("validate-annotate-back")
    let annotated = dir.appendingPathComponent("annotated.xlsx").path
    let cleaned = dir.appendingPathComponent("cleaned.xlsx").path
    #expect(try ProcessRunner.wsoa(["validate", seed, "--annotate", annotated] + common).status == 0)
    #expect(try ProcessRunner.wsoa(["convert", seed, "-o", cleaned, "--quiet"]).status == 0)
    let again = try ProcessRunner.wsoa(["validate", annotated] + common)
    let reference = try ProcessRunner.wsoa(["validate", cleaned] + common)
    #expect(again.status == 0)
    #expect(again.stdout.replacingOccurrences(of: annotated, with: "X") == reference.stdout.replacingOccurrences(of: cleaned, with: "X"))
    #expect(!again.stdout.contains("Findings"))
    let twice = dir.appendingPathComponent("twice.xlsx").path
    #expect(try ProcessRunner.wsoa(["validate", annotated, "--annotate", twice] + common).status == 0)
    #expect(try XLSXReader(path: twice).readWorkbook().sheets.map(\.name) == ["Priority 2", "Findings"])
    let converted = try ProcessRunner.wsoa(["convert", annotated, "-o", dir.appendingPathComponent("back.xlsx").path])
    #expect(converted.status == 0)
    #expect(!converted.stderr.contains("Findings"))
    #expect(try XLSXReader(path: dir.appendingPathComponent("back.xlsx").path).readWorkbook().sheets.map(\.name) == ["Priority 2"])
  }
}
