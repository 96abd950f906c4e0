import Foundation
import TestSupport
import Testing

/// `wsoa validate` as a user runs it: exit codes, streams, several files.
@Suite("validate: the wsoa binary")
struct ValidateProcessTests {
  let seed = Fixtures.sample("staffordshire-priority-2.tsv").path

  @Test func seedPassesWithWarningsAndFailsWhenStrict() throws {
    let plain = try ProcessRunner.wsoa(["validate", seed, "--as-of", "2022-01-31", "--no-config"])
    #expect(plain.status == 0)
    #expect(plain.stdout.contains("staffordshire-priority-2.tsv:9 (H9): warning[status.regression_without_note]: 3.1F went from G (Apr-21) to G/A (Dec-21) with no note dated in that period\n    fix: Add a dated note explaining why the status went down.\n"))
    #expect(plain.stdout.hasSuffix("staffordshire-priority-2.tsv: 0 errors, 5 warnings, 17 info: ok\n"))
    #expect(!plain.stdout.contains("\u{1B}["))  // not a terminal: no colour
    let strict = try ProcessRunner.wsoa(["validate", seed, "--as-of", "2022-01-31", "--no-config", "--strict"])
    #expect(strict.status == 1)
    #expect(strict.stdout.hasSuffix("FAILED (strict: warnings fail)\n"))
  }

  @Test func jsonOnStandardOutputMatchesTheSchema() throws {
    let run = try ProcessRunner.wsoa(["validate", seed, "--format", "json", "--as-of", "2022-01-31", "--no-config"])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    let schema = try JSONSchemaSubset(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("schemas/validate-report.schema.json"))
    #expect(try schema.problems(run.stdoutData) == [])
  }

  @Test func severalFilesOneBrokenOneMissing() throws {
    let dir = try Fixtures.scratchDirectory("validate-process")
    let broken = dir.appendingPathComponent("broken.csv")
    try Data().write(to: broken)
    let failing = Fixtures.url("validate/ref.duplicate.fires.tsv").path
    let run = try ProcessRunner.wsoa(
      ["validate", seed, broken.path, failing, dir.appendingPathComponent("none.tsv").path, "--no-config", "--as-of", "2022-01-31"])
    #expect(run.status == 66)
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.contains("staffordshire-priority-2.tsv") && $0.hasSuffix("0         5      17  ok") })
    #expect(lines.contains { $0.contains("broken.csv") && $0.hasSuffix("unreadable") })
    #expect(lines.contains { $0.contains("ref.duplicate.fires.tsv") && $0.hasSuffix("FAILED") })
    #expect(lines.contains { $0.contains("none.tsv") && $0.hasSuffix("missing") })
    #expect(lines.last == "4 files: 1 ok, 1 failed, 2 not checked")
  }

  @Test func reportToAFileAndUsageErrors() throws {
    let dir = try Fixtures.scratchDirectory("validate-process-out")
    let out = dir.appendingPathComponent("report.json").path
    let run = try ProcessRunner.wsoa(["validate", seed, "--format", "json", "-o", out, "--no-config"])
    #expect(run.status == 0)
    #expect(run.stdout.isEmpty)
    #expect(FileManager.default.fileExists(atPath: out))
    let usage = try ProcessRunner.wsoa(["validate", seed, "--as-of", "tomorrow"])
    #expect(usage.status == 64)
    #expect(usage.stderr.contains("--as-of \"tomorrow\" is not a date like 2022-01-31"))
  }

  @Test func configBesideTheInputIsUsed() throws {
    let dir = try Fixtures.scratchDirectory("validate-process-config")
    let copy = dir.appendingPathComponent("priority-2.tsv")
    try? FileManager.default.removeItem(at: copy)
    try FileManager.default.copyItem(atPath: seed, toPath: copy.path)
    try Data("[validate]\nstrict = true\n[rules]\n\"xref.self\" = \"off\"\n\"status.regression_without_note\" = \"error\"\n".utf8)
      .write(to: dir.appendingPathComponent("wsoa.toml"))
    let run = try ProcessRunner.wsoa(["validate", copy.path])
    #expect(run.status == 1)
    #expect(!run.stdout.contains("xref.self"))
    #expect(run.stdout.contains("(H9): error[status.regression_without_note]"))
    #expect(run.stdout.contains("note: settings from \(dir.appendingPathComponent("wsoa.toml").path)"))
  }
}
