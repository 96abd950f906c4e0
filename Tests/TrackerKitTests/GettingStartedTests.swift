import Foundation
import TestSupport
import Testing
import TrackerKit

/// The DocC getting-started article's code (Sources/TrackerKit/TrackerKit.docc/
/// GettingStarted.md), compiled and run here with `import TrackerKit` alone;
/// the article and the copy between the markers below must stay the same.
@Suite struct GettingStartedTests {
  @Test func theArticlesCodeRuns() throws {
    // The article's paths are relative to the repository, as `swift test` runs.
    try #require(FileManager.default.currentDirectoryPath == Fixtures.repositoryRoot.path)
    let outputFolder = try Fixtures.scratchDirectory("getting-started").path
    let jsonPath = outputFolder + "/merged.json"
    let jsonFile = open(jsonPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    try #require(jsonFile >= 0)
    defer { close(jsonFile) }

    // BEGIN getting-started
    // Load: any format, any layout, from a path (or from bytes, below).
    let loaded = try TrackerLoader.load("samples/staffordshire-priority-2.xlsx")
    let plan: Plan = loaded.value
    let problems = loaded.diagnostics.filter { $0.severity == .error }

    // Validate: the rule catalogue; "today" decides what is overdue.
    let options = ValidationOptions(today: CivilDate(year: 2026, month: 1, day: 1))
    let findings: [Diagnostic] = Validator.validate(plan, options: options)

    // Merge: a sub-group's return into the master.
    let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: "samples/staffordshire-priority-2.tsv")))
    let returned = try TrackerLoader.load(bytes: bytes, name: "priority-2-return.tsv")
    let merged = PlanMerger.merge(
      master: MergeInput(plan: plan, file: "master.xlsx"),
      returns: [MergeInput(plan: returned.value, file: "priority-2-return.tsv", subGroup: "Priority 2")])

    // Write: to a path, atomically (XLSX, CSV, TSV or JSON) ...
    try TrackerWriter.write(
      merged.plan, findings: findings + merged.diagnostics, to: outputFolder + "/merged.xlsx",
      options: WriteOptions(format: .xlsx))
    // ... or as JSON, CSV or TSV into any open file descriptor.
    let sink = ByteSink(fileDescriptor: jsonFile)
    try TrackerWriter.write(merged.plan, findings: [], to: sink, options: WriteOptions(format: .json))
    try sink.flush(path: "merged.json")
    // END getting-started

    #expect(!plan.priorities.isEmpty)
    #expect(returned.value.priorities.count == plan.priorities.count)
    #expect(merged.plan.priorities.count == plan.priorities.count)
    #expect(FileManager.default.fileExists(atPath: outputFolder + "/merged.xlsx"))
    let reread = try TrackerLoader.load(jsonPath)
    #expect(reread.value.priorities.map(\.id) == merged.plan.priorities.map(\.id))
    _ = (findings, problems)
  }

  @Test func theArticleAndTheTestHoldTheSameCode() throws {
    let article = try String(
      contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Sources/TrackerKit/TrackerKit.docc/GettingStarted.md"),
      encoding: .utf8)
    let test = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    let articleCode = try #require(article.components(separatedBy: "```swift\n").dropFirst().first?.components(separatedBy: "```").first)
    let testCode = try #require(
      test.components(separatedBy: "// BEGIN getting-started\n").dropFirst().first?.components(separatedBy: "    // END").first)
    func lines(_ text: String) -> [String] {
      text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
    }
    #expect(lines(articleCode) == lines(testCode))
    #expect(lines(articleCode).count > 10)
  }

  /// Bytes and a path read the same tracker into the same plan, for every format.
  @Test(arguments: ["staffordshire-priority-2.xlsx", "staffordshire-priority-2.tsv", "staffordshire-priority-2.json"])
  func loadingFromBytesMatchesLoadingFromAPath(name: String) throws {
    let url = Fixtures.sample(name)
    let fromPath = try TrackerLoader.load(url.path)
    let fromBytes = try TrackerLoader.load(bytes: try Data(contentsOf: url), name: url.path)
    #expect(fromBytes.value == fromPath.value)
    #expect(fromBytes.diagnostics.map(\.code) == fromPath.diagnostics.map(\.code))
  }

  /// Bytes are read by their content, not their name: a workbook uploaded
  /// under a name without an extension is still read as XLSX.
  @Test func bytesAreReadByTheirContent() throws {
    let url = Fixtures.sample("staffordshire-priority-2.xlsx")
    let named = try TrackerLoader.load(bytes: try Data(contentsOf: url), name: "upload")
    #expect(named.value.actions.count == 9)
  }

  /// A sink and a path get the same bytes; XLSX into a sink is refused.
  @Test(arguments: [TrackerFormat.json, .csv, .tsv])
  func writingToASinkMatchesWritingToAPath(format: TrackerFormat) throws {
    let plan = try TrackerLoader.load(Fixtures.sample("staffordshire-priority-2.xlsx").path).value
    let dir = try Fixtures.scratchDirectory("sink-\(format.rawValue)")
    let viaPath = dir.appendingPathComponent("path.out").path
    let viaSink = dir.appendingPathComponent("sink.out").path
    try TrackerWriter.write(plan, findings: [], to: viaPath, options: WriteOptions(format: format))
    let fd = open(viaSink, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    try #require(fd >= 0)
    let sink = ByteSink(fileDescriptor: fd)
    try TrackerWriter.write(plan, findings: [], to: sink, options: WriteOptions(format: format))
    try sink.flush(path: viaSink)
    close(fd)
    #expect(try Data(contentsOf: URL(fileURLWithPath: viaSink)) == Data(contentsOf: URL(fileURLWithPath: viaPath)))
    #expect(throws: TrackerError.self) {
      try TrackerWriter.write(plan, findings: [], to: ByteSink(fileDescriptor: fd), options: WriteOptions(format: .xlsx))
    }
  }
}
