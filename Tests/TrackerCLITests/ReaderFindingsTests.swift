import Foundation
import TestSupport
import Testing

/// What the file readers find (`xlsx.*`, `csv.*`: a chart sheet skipped, an
/// encoding guessed) reaches the findings of validate, convert and merge
/// through the loader, once each, with file and sheet, and `--disable` /
/// `--severity` govern it as any other code.
@Suite struct ReaderFindingsTests {
  /// A small tracker with a chart sheet ("Chart") after its worksheet.
  let withChart = Fixtures.url("rules/xlsx.sheet_skipped/fires.xlsx").path
  /// The same tracker without the chart sheet.
  let withoutChart = Fixtures.url("rules/xlsx.sheet_skipped/quiet.xlsx").path

  /// The findings of a `--format json` run (on standard output or standard error).
  static func findings(_ run: ProcessRunner.Result) throws -> [[String: Any]] {
    for stream in [run.stdoutData, Data(run.stderr.utf8)] {
      guard let json = try? JSONSerialization.jsonObject(with: stream) as? [String: Any],
        let files = json["files"] as? [[String: Any]]
      else { continue }
      return files.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
    }
    Issue.record("no JSON findings in\n\(run.stdout)\n\(run.stderr)")
    return []
  }

  static func skipped(_ findings: [[String: Any]]) -> [[String: Any]] {
    findings.filter { $0["code"] as? String == "xlsx.sheet_skipped" }
  }

  /// Checks one skipped-sheet finding naming `file` and its sheet, at `severity`.
  static func expectOneSkipped(_ run: ProcessRunner.Result, file: String, severity: String = "info") throws {
    let found = skipped(try findings(run))
    #expect(found.count == 1, "\(found)")
    let location = try #require(found.first?["location"] as? [String: Any])
    #expect(location["file"] as? String == file)
    #expect(location["sheet"] as? String != nil)
    #expect(found.first?["severity"] as? String == severity)
  }

  func scratch() throws -> URL { try Fixtures.scratchDirectory("reader-findings") }

  @Test func validateReportsTheSkippedChartSheet() throws {
    let run = try ProcessRunner.wsoa(["validate", withChart, "--format", "json", "--no-config"])
    #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
    try Self.expectOneSkipped(run, file: withChart)
    let quiet = try ProcessRunner.wsoa(["validate", withoutChart, "--format", "json", "--no-config"])
    #expect(Self.skipped(try Self.findings(quiet)).isEmpty)
    let disabled = try ProcessRunner.wsoa(
      ["validate", withChart, "--format", "json", "--no-config", "--disable", "xlsx.sheet_skipped"])
    #expect(Self.skipped(try Self.findings(disabled)).isEmpty)
    let raised = try ProcessRunner.wsoa(
      ["validate", withChart, "--format", "json", "--no-config", "--severity", "xlsx.sheet_skipped=error"])
    try Self.expectOneSkipped(raised, file: withChart, severity: "error")
    #expect(raised.status == 1)
  }

  @Test func convertReportsTheSkippedChartSheet() throws {
    let out = try scratch()
    defer { try? FileManager.default.removeItem(at: out) }
    let run = try ProcessRunner.wsoa(
      ["convert", withChart, "-o", out.appendingPathComponent("a.json").path, "--format", "json", "--no-config"])
    #expect(run.status == 0, "\(run.stderr)")
    try Self.expectOneSkipped(run, file: withChart)
    let text = try ProcessRunner.wsoa(["convert", withChart, "-o", out.appendingPathComponent("b.json").path, "--no-config"])
    #expect(text.stderr.contains("xlsx.sheet_skipped"), "\(text.stderr)")
    #expect(text.stderr.contains("\"Chart\""), "\(text.stderr)")
    let disabled = try ProcessRunner.wsoa(
      ["convert", withChart, "-o", out.appendingPathComponent("c.json").path, "--format", "json", "--no-config",
       "--disable", "xlsx.sheet_skipped"])
    #expect(Self.skipped(try Self.findings(disabled)).isEmpty)
  }

  @Test func mergeReportsTheSkippedChartSheetOfAReturnAndOfTheMaster() throws {
    let out = try scratch()
    defer { try? FileManager.default.removeItem(at: out) }
    let run = try ProcessRunner.wsoa(
      ["merge", withoutChart, withChart, "-o", out.appendingPathComponent("m.json").path, "--format", "json",
       "--no-config"])
    #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
    try Self.expectOneSkipped(run, file: withChart)
    let master = try ProcessRunner.wsoa(
      ["merge", withChart, withoutChart, "-o", out.appendingPathComponent("n.json").path, "--format", "json",
       "--no-config"])
    try Self.expectOneSkipped(master, file: withChart)
    let text = try ProcessRunner.wsoa(
      ["merge", withoutChart, withChart, "-o", out.appendingPathComponent("t.json").path, "--no-config"])
    #expect(text.stderr.contains("xlsx.sheet_skipped"), "\(text.stderr)")
    // The same return given twice is read once as far as the findings go.
    let twice = try ProcessRunner.wsoa(
      ["merge", withoutChart, withChart, withChart, "-o", out.appendingPathComponent("w.json").path, "--format",
       "json", "--no-config"])
    try Self.expectOneSkipped(twice, file: withChart)
    let disabled = try ProcessRunner.wsoa(
      ["merge", withoutChart, withChart, "-o", out.appendingPathComponent("d.json").path, "--format", "json",
       "--no-config", "--disable", "xlsx.sheet_skipped"])
    #expect(Self.skipped(try Self.findings(disabled)).isEmpty)
  }

  /// A CSV reader finding (Windows-1252 read) reaches merge too, where only
  /// errors were shown before.
  @Test func mergeReportsACSVReturnsEncodingFallback() throws {
    let out = try scratch()
    defer { try? FileManager.default.removeItem(at: out) }
    let master = Fixtures.url("rules/merge.duplicate_return/quiet/master.tsv")
    var bytes = try Data(contentsOf: Fixtures.url("rules/merge.duplicate_return/quiet/ehcp-return.tsv"))
    bytes.append(contentsOf: Array("\n".utf8) + [0x80])  // a Windows-1252 euro sign on a line of its own
    let ret = out.appendingPathComponent("ehcp-return.tsv")
    try bytes.write(to: ret)
    let run = try ProcessRunner.wsoa(
      ["merge", master.path, ret.path, "-o", out.appendingPathComponent("m.json").path, "--format", "json", "--no-config"])
    let fallback = try Self.findings(run).filter { $0["code"] as? String == "csv.encoding_fallback" }
    #expect(fallback.count == 1, "\(run.stdout)\(run.stderr)")
    #expect((fallback.first?["location"] as? [String: Any])?["file"] as? String == ret.path)
  }

  /// The merge report (`--report`) is the record an officer keeps: it lists
  /// what reading the inputs found as well as the merge's own findings.
  @Test func theMergeReportListsWhatReadingTheInputsFound() throws {
    let out = try scratch()
    defer { try? FileManager.default.removeItem(at: out) }
    let report = out.appendingPathComponent("merge-report.json")
    let run = try ProcessRunner.wsoa(
      ["merge", withoutChart, withChart, "-o", out.appendingPathComponent("m.json").path, "--report", report.path,
       "--no-config"])
    #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
    let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
    let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
    let skipped = Self.skipped(diagnostics)
    #expect(skipped.count == 1, "\(diagnostics)")
    #expect((skipped.first?["location"] as? [String: Any])?["file"] as? String == withChart)
  }
}
