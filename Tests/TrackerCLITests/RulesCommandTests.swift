import Foundation
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// `wsoa rules`: every code the tool can emit, listed from the one catalogue
/// in code; docs/rules.md is generated from it; every command that reports
/// findings can switch any code off or re-grade it.
@Suite("rules: one catalogue, listed, documented and governable")
struct RulesCommandTests {
  @Test func listsEveryCodeAndValidateListRulesIsTheSame() throws {
    let rules = try ProcessRunner.wsoa(["rules"])
    #expect(rules.status == 0)
    for info in RuleCatalogue.all {
      #expect(rules.stdout.contains("\(info.code)  \(info.severity.rawValue)  \(info.summary)\n"), "\(info.code)")
    }
    for family in ["csv.", "xlsx.", "layout.", "ref.", "status.", "note.", "number.", "lead.", "merge."] {
      #expect(rules.stdout.contains("\n" + family), "\(family)*")
    }
    let alias = try ProcessRunner.wsoa(["validate", "--list-rules"])
    #expect(alias.status == 0 && alias.stdout == rules.stdout)
  }

  @Test func jsonListsTheSameCodes() throws {
    let rules = try ProcessRunner.wsoa(["rules", "--format", "json"])
    #expect(rules.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: rules.stdoutData) as? [String: Any])
    #expect(object["schema"] as? String == "wsoa-rules/1")
    let listed = try #require(object["rules"] as? [[String: Any]])
    #expect(listed.compactMap { $0["code"] as? String } == RuleCatalogue.all.map(\.code))
    #expect(listed.allSatisfy { ["error", "warning", "info"].contains($0["severity"] as? String ?? "") && $0["meaning"] is String })
    let alias = try ProcessRunner.wsoa(["validate", "--list-rules", "--format", "json"])
    #expect(alias.stdout == rules.stdout)
  }

  /// docs/rules.md is `wsoa rules --format markdown`: regenerate it when this fails.
  @Test func docsRulesMatchesTheCode() throws {
    let file = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
    #expect(file == RuleCatalogueDocument.markdown(), "docs/rules.md drifted: run `wsoa rules --format markdown > docs/rules.md`")
    let printed = try ProcessRunner.wsoa(["rules", "--format", "markdown"])
    #expect(printed.stdout == file)
  }

  /// Every finding-code literal in Sources/ (`"family.name"`, outside
  /// comments and file names) is in the catalogue, so `wsoa rules` lists
  /// everything the tool can emit.
  @Test func everyCodeInTheSourcesIsListed() throws {
    let sources = Fixtures.repositoryRoot.appendingPathComponent("Sources")
    let files = try #require(FileManager.default.enumerator(atPath: sources.path))
    let extensions: Set<String> = ["csv", "tsv", "json", "xlsx", "xml", "toml", "txt", "md", "zip", "swift", "rels", "0"]
    let pattern = /"([a-z]+)\.([a-z][a-z0-9_]*)"/
    var found: [String: Set<String>] = [:]
    for case let name as String in files where name.hasSuffix(".swift") {
      let text = try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)
      for line in text.split(separator: "\n") where !line.drop(while: { $0 == " " }).hasPrefix("//") {
        for match in line.matches(of: pattern) where !extensions.contains(String(match.2)) {
          found["\(match.1).\(match.2)", default: []].insert(name)
        }
      }
    }
    #expect(found.count > 60)
    let unlisted = found.filter { RuleCatalogue.info($0.key) == nil }
    #expect(unlisted.isEmpty, "codes in the sources that `wsoa rules` does not list: \(unlisted.sorted { $0.key < $1.key })")
    // And nothing is listed that no source can emit.
    let unused = RuleCatalogue.all.map(\.code).filter { code in
      !(found[code] ?? []).contains { !$0.hasSuffix("RuleCatalogue.swift") }
    }
    #expect(unused.isEmpty, "listed but never emitted: \(unused)")
  }

  /// `--disable` and `--severity` take every family on every command that reports findings.
  @Test func everyCommandGovernsEveryFamily() throws {
    // Copies, so that no path names a code.
    let out = try Fixtures.scratchDirectory("rules-governed")
    let cp1252 = out.appendingPathComponent("excel.csv").path
    try FileManager.default.copyItem(atPath: Fixtures.url("rules/csv.encoding_fallback/fires.csv").path, toPath: cp1252)
    let lead = out.appendingPathComponent("leads")
    try FileManager.default.copyItem(at: Fixtures.url("rules/merge.lead_changed/fires"), to: lead)
    let validate = try ProcessRunner.wsoa(["validate", cp1252, "--no-config", "--strict", "--disable", "csv.encoding_fallback"])
    #expect(!validate.stdout.contains("csv.encoding_fallback"))
    #expect(try ProcessRunner.wsoa(["validate", cp1252, "--no-config", "--strict"]).stdout.contains("warning[csv.encoding_fallback]"))
    let convert = try ProcessRunner.wsoa(
      ["convert", cp1252, "-o", out.appendingPathComponent("a.json").path, "--no-config", "--severity", "csv.encoding_fallback=error"])
    #expect(convert.status == 1 && convert.stderr.contains("error[csv.encoding_fallback]"))
    let merged = out.appendingPathComponent("m.json").path
    let plain = try ProcessRunner.wsoa(
      ["merge", lead.appendingPathComponent("master.tsv").path, lead.appendingPathComponent("ehcp-return.tsv").path, "-o", merged, "--no-config"])
    #expect(plain.stderr.contains("warning[merge.lead_changed]"))
    let regraded = try ProcessRunner.wsoa(
      ["merge", lead.appendingPathComponent("master.tsv").path, lead.appendingPathComponent("ehcp-return.tsv").path, "-o", merged, "--no-config",
       "--severity", "merge.lead_changed=error"])
    #expect(regraded.stderr.contains("error[merge.lead_changed]"))
    let disabled = try ProcessRunner.wsoa(
      ["merge", lead.appendingPathComponent("master.tsv").path, lead.appendingPathComponent("ehcp-return.tsv").path, "-o", merged, "--no-config",
       "--disable", "merge.lead_changed"])
    #expect(!disabled.stderr.contains("merge.lead_changed"))
    for command in [["validate", cp1252], ["convert", cp1252], ["merge", cp1252, cp1252, "-o", merged]] {
      let refused = try ProcessRunner.wsoa(command + ["--disable", "no.such_code"])
      #expect(refused.status == 64 && refused.stderr.contains("no.such_code"), "\(command[0])")
    }
  }
}
