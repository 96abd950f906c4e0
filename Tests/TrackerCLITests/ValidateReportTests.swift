import ArgumentParser
import AtomicOutput
import Diagnostics
import Foundation
import TestSupport
import Testing
import TrackerKit
import TrackerModel

@testable import TrackerCLI

@Suite("validate: text and JSON reports")
struct ValidateReportTests {
  let settings = ValidationSettings(asOf: CivilDate(year: 2022, month: 1, day: 31), today: CivilDate(year: 2022, month: 6, day: 1))

  func verdicts() throws -> [FileValidation] {
    let dir = try StubTracker.folder(["returns.xlsx": "G/A", "broken.xlsx": "BROKEN", "pink.xlsx": "Pink"])
    return TrackerValidation.validate(
      files: ["returns.xlsx", "broken.xlsx", "pink.xlsx"].map { dir.appendingPathComponent($0).path }, settings: settings,
      loader: StubTracker.loader)
  }

  @Test func textIsCompilerLikeWithFixAndSummary() throws {
    let dir = try StubTracker.folder(["returns.xlsx": "G/A"])
    let path = dir.appendingPathComponent("returns.xlsx").path
    let verdict = TrackerValidation.validate(file: path, settings: settings, loader: StubTracker.loader)
    let text = ValidateTextReport(colour: false).render([verdict])
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines[0] == "\(path):'Priority 2'!A9: info[layout.ragged_row]: row 9 has 7 cells")
    #expect(lines[1] == "\(path):'Priority 2'!F9: warning[status.regression_without_note]: 3.1F went from G (Apr-21) to G/A (Dec-21) with no note dated in that period")
    #expect(lines[2] == "    fix: Add a dated note explaining why the status went down.")
    #expect(lines[3] == "    related: 'Priority 2'!E9")
    #expect(lines.last == "\(path): 0 errors, 1 warning, 2 info: ok")
    #expect(!text.contains("\u{1B}["))
    #expect(ValidateTextReport(colour: true).render([verdict]).contains("\u{1B}[1;33mwarning[status.regression_without_note]\u{1B}[0m"))
  }

  @Test func severalFilesGiveATable() throws {
    let text = ValidateTextReport(colour: false).render(try verdicts())
    let table = text.split(separator: "\n").suffix(5).map(String.init)
    #expect(table[0].hasPrefix("file "))
    #expect(table[0].hasSuffix("errors  warnings    info  result"))
    #expect(table[1].hasSuffix("returns.xlsx       0         1       2  ok"))
    #expect(table[2].hasSuffix("broken.xlsx        -         -       -  unreadable"))
    #expect(table[3].hasSuffix("pink.xlsx          1         0       1  FAILED"))
    #expect(table[4] == "3 files: 1 ok, 1 failed, 1 not checked")
  }

  @Test func jsonMatchesTheCommittedSchema() throws {
    let json = try Self.json(try verdicts(), asOf: settings.asOf)
    let schema = try JSONSchemaSubset(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("schemas/validate-report.schema.json"))
    #expect(try schema.problems(Data(json.utf8)) == [])
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    #expect((object?["counts"] as? [String: Int]) == ["error": 1, "warning": 1, "info": 3])
    #expect(object?["asOf"] as? String == "2022-01-31")
    let files = object?["files"] as? [[String: Any]] ?? []
    #expect(files.map { $0["result"] as? String } == ["pass", "unreadable", "fail"])
    let finding = (files.first?["findings"] as? [[String: Any]])?[1]
    #expect(finding?["code"] as? String == "status.regression_without_note")
    #expect((finding?["location"] as? [String: Any])?["cell"] as? String == "F9")
    #expect(((finding?["related"] as? [[String: Any]])?.first)?["cell"] as? String == "E9")
  }

  static func json(_ verdicts: [FileValidation], asOf: CivilDate?) throws -> String {
    let dir = try Fixtures.scratchDirectory("validate-json")
    let path = dir.appendingPathComponent("report-\(UUID().uuidString).json").path
    try AtomicFile.write(to: path) { ValidationReportJSON.write(verdicts, asOf: asOf, tool: "wsoa test", to: $0) }
    return try String(contentsOfFile: path, encoding: .utf8)
  }

  @Test func jsonIsDeterministic() throws {
    let verdicts = try verdicts()
    #expect(try Self.json(verdicts, asOf: nil) == (try Self.json(verdicts, asOf: nil)))
  }

  @Test func schemaCheckerRejectsABadReport() throws {
    let schema = try JSONSchemaSubset(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("schemas/validate-report.schema.json"))
    let bad = #"{"schema":"wsoa-validate/1","tool":"wsoa","counts":{"error":0,"warning":0,"info":-1},"files":[{"file":"a","result":"maybe","strict":"no","counts":{"error":0,"warning":0,"info":0},"findings":[{"code":"X","severity":"fatal","message":"","related":[]}]}]}"#
    let problems = try schema.problems(Data(bad.utf8))
    #expect(problems.count == 6, "\(problems)")
  }

  @Test func exitStatusPrecedence() throws {
    var all = try verdicts()
    #expect(ValidateCommand.exitStatus(all) == .dataError)
    all.remove(at: 1)
    #expect(ValidateCommand.exitStatus(all) == .findings)
    #expect(ValidateCommand.exitStatus([all[0]]) == .success)
    var missing = all[0]
    missing.failure = .missing("x")
    #expect(ValidateCommand.exitStatus(all + [missing]) == .noInput)
  }

  @Test func civilDateFromEpochDays() {
    #expect(CivilDate.fromDaysSinceEpoch(0) == CivilDate(year: 1970, month: 1, day: 1))
    let day = CivilDate(year: 2024, month: 2, day: 29)
    #expect(CivilDate.fromDaysSinceEpoch(day.daysSinceEpoch) == day)
  }

  @Test func usageErrors() {
    #expect(throws: (any Error).self) { try ValidateCommand.parse([]) }
    #expect(throws: (any Error).self) { try ValidateCommand.parse(["a.tsv", "--as-of", "31/01/2022"]) }
    #expect(throws: (any Error).self) { try ValidateCommand.parse(["a.tsv", "--disable", "no.such"]) }
    #expect(throws: (any Error).self) { try ValidateCommand.parse(["a.tsv", "--config", "x.toml", "--no-config"]) }
    #expect(throws: Never.self) { try ValidateCommand.parse(["a.tsv", "--severity", "status.gap=info", "--format", "json"]) }
  }
}
