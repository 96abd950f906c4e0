import Foundation
import TestSupport
import Testing

/// A return given twice is applied once and reported (`merge.duplicate_return`),
/// whether it is named the same way, through another spelling of its path, a
/// symbolic or hard link, or is a byte-identical copy under another name (the
/// same SHA-256); two different returns are both applied.
@Suite(.serialized) struct MergeDuplicateReturnTests {
  static let ehcp = "returns/ehcp-return.tsv"

  /// What a merge did, without where each value came from (a kept copy may
  /// sort before the original): the plan's actions and periods, and the counts.
  static func outcome(_ scratch: MergeScratch, _ out: String, _ report: String) throws -> (String, [String: Int]) {
    let plan = try #require(try scratch.json(out)["plan"] as? [String: Any])
    let kept = ["actions": Self.strip(plan["actions"] as Any), "periods": Self.strip(plan["periods"] as Any)]
    let text = String(decoding: try JSONSerialization.data(withJSONObject: kept, options: [.sortedKeys]), as: UTF8.self)
    let counts = try #require(try scratch.json(report)["counts"] as? [String: Int])
    return (text, counts)
  }

  /// `value` without the file names in its locations and provenance.
  static func strip(_ value: Any) -> Any {
    if let object = value as? [String: Any] { return object.filter { $0.key != "file" }.mapValues(strip) }
    if let array = value as? [Any] { return array.map(strip) }
    return value
  }

  static func duplicates(_ scratch: MergeScratch, _ report: String) throws -> [[String: Any]] {
    let found = try scratch.json(report)["diagnostics"] as? [[String: Any]] ?? []
    return found.filter { $0["code"] as? String == "merge.duplicate_return" }
  }

  /// Merges the master with `returns`, checks the result equals the merge of
  /// the EHCP return alone, that one return was skipped and reported.
  func expectAppliedOnce(_ scratch: MergeScratch, _ returns: [String], _ name: String) throws {
    let once = try scratch.merge(["master.tsv", Self.ehcp, "-o", "once.json", "--report", "once-report.json", "--no-config"])
    #expect(once.status == 0 || once.status == 1, "\(once.stderr)")
    let twice = try scratch.merge(
      ["master.tsv"] + returns + ["-o", "\(name).json", "--report", "\(name)-report.json", "--no-config"])
    #expect(twice.status == once.status, "\(name): \(twice.stderr)")
    let (a, countsOnce) = try Self.outcome(scratch, "once.json", "once-report.json")
    let (b, countsTwice) = try Self.outcome(scratch, "\(name).json", "\(name)-report.json")
    #expect(a == b, "\(name): the return was applied twice (\(a.count) vs \(b.count) characters)")
    #expect(countsOnce == countsTwice, "\(name): \(countsOnce) vs \(countsTwice)")
    let reported = try Self.duplicates(scratch, "\(name)-report.json")
    #expect(reported.count == 1, "\(name): \(reported)")
    let summaries = try scratch.json("\(name)-report.json")["returns"] as? [[String: Any]] ?? []
    #expect(summaries.filter { $0["skipped"] as? Bool == true }.count == 1, "\(name): \(summaries)")
    let hashes = Set(summaries.compactMap { $0["sha256"] as? String })
    #expect(hashes.count == 1 && hashes.first?.count == 64, "\(name): \(hashes)")
    #expect(twice.stderr.contains("merge.duplicate_return"), "\(name): \(twice.stderr)")
  }

  @Test func pathSpellingsOfOneFile() throws {
    let scratch = try MergeScratch()
    try expectAppliedOnce(scratch, [Self.ehcp, Self.ehcp], "same")
    try expectAppliedOnce(scratch, [Self.ehcp, "./" + Self.ehcp], "dot")
    try expectAppliedOnce(scratch, [Self.ehcp, "returns/../returns//ehcp-return.tsv"], "dotdot")
    try expectAppliedOnce(scratch, [Self.ehcp, scratch.dir.appendingPathComponent(Self.ehcp).path], "absolute")
  }

  @Test func symbolicAndHardLinks() throws {
    let scratch = try MergeScratch()
    let files = FileManager.default
    try files.createSymbolicLink(
      atPath: scratch.dir.appendingPathComponent("ehcp-link.tsv").path, withDestinationPath: Self.ehcp)
    try expectAppliedOnce(scratch, [Self.ehcp, "ehcp-link.tsv"], "symlink")
    try expectAppliedOnce(scratch, ["ehcp-link.tsv", Self.ehcp], "symlink-first")
    try files.linkItem(
      at: scratch.dir.appendingPathComponent(Self.ehcp), to: scratch.dir.appendingPathComponent("ehcp-hard.tsv"))
    try expectAppliedOnce(scratch, [Self.ehcp, "ehcp-hard.tsv"], "hardlink")
  }

  @Test func aCopyUnderAnotherName() throws {
    let scratch = try MergeScratch()
    try FileManager.default.copyItem(
      at: scratch.dir.appendingPathComponent(Self.ehcp), to: scratch.dir.appendingPathComponent("returns/ehcp copy.tsv"))
    try expectAppliedOnce(scratch, [Self.ehcp, "returns/ehcp copy.tsv"], "copy")
    // Standard input holding the same bytes is the same return too.
    let piped = try ProcessRunner.wsoa(
      ["merge", "master.tsv", Self.ehcp, "-", "-o", "piped.json", "--report", "piped-report.json", "--no-config"],
      stdin: try scratch.data(Self.ehcp), in: scratch.dir)
    #expect(piped.status == 0 || piped.status == 1, "\(piped.stderr)")
    #expect(try Self.duplicates(scratch, "piped-report.json").count == 1)
  }

  @Test func twoDifferentReturnsAreBothApplied() throws {
    let scratch = try MergeScratch()
    let run = try scratch.merge(
      ["master.tsv", Self.ehcp, "returns/gr-return.csv", "-o", "both.json", "--report", "both-report.json", "--no-config"])
    #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
    #expect(try Self.duplicates(scratch, "both-report.json").isEmpty)
    let summaries = try scratch.json("both-report.json")["returns"] as? [[String: Any]] ?? []
    #expect(summaries.count == 2 && summaries.allSatisfy { $0["skipped"] as? Bool == false }, "\(summaries)")
    #expect(Set(summaries.compactMap { $0["sha256"] as? String }).count == 2)
    // Each applied return and the master are recorded with their bytes' SHA-256.
    let sources = try #require(try scratch.json("both.json").at(["plan", "sources"]) as? [[String: Any]])
    #expect(sources.map { $0["path"] as? String } == ["master.tsv", Self.ehcp, "returns/gr-return.csv"])
    let expected = try ["master.tsv", Self.ehcp, "returns/gr-return.csv"].map { Self.hex(try scratch.data($0)) }
    #expect(sources.map { $0["sha256"] as? String } == expected)
  }

  /// The SHA-256 `sha256sum` gives, for comparison with what wsoa recorded.
  static func hex(_ data: Data) -> String? {
    let run = try? ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["sha256sum"], stdin: data)
    return run?.stdout.split(separator: " ").first.map(String.init)
  }
}
