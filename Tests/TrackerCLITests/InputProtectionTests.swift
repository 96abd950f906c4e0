import Foundation
import TestSupport
import Testing

/// Every command refuses an output that is one of its inputs (by device and
/// inode, so through symbolic and hard links, and file by file in a folder
/// output), with exit 64, a message naming both, and nothing written.
@Suite struct InputProtectionTests {
  /// A folder with the sample tracker as TSV and XLSX, a symbolic link and a hard link to the TSV.
  struct Scratch {
    let dir: URL
    init() throws {
      dir = try Fixtures.scratchDirectory("input-protection")
      try FileManager.default.copyItem(at: Fixtures.sample("staffordshire-priority-2.tsv"), to: url("tracker.tsv"))
      try FileManager.default.copyItem(at: Fixtures.sample("staffordshire-priority-2.xlsx"), to: url("tracker.xlsx"))
      #expect(symlink("tracker.tsv", path("link.tsv")) == 0)
      #expect(symlink("tracker.xlsx", path("link.xlsx")) == 0)
      #expect(link(path("tracker.tsv"), path("hard.tsv")) == 0)
    }

    func url(_ name: String) -> URL { dir.appendingPathComponent(name) }
    func path(_ name: String) -> String { url(name).path }

    /// Every entry's kind and bytes.
    func snapshot() throws -> [String: String] {
      var out: [String: String] = [:]
      for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
        var info = stat()
        lstat(path(name), &info)
        let bytes = (try? Data(contentsOf: url(name))) ?? Data()
        out[name] = "\(info.st_mode & S_IFMT) \(info.st_ino) \(bytes.count) \(bytes.hashValue)"
      }
      return out
    }

    /// Runs `arguments` (in the scratch folder) and checks the refusal.
    func expectRefused(_ arguments: [String], output: String, input: String, sourceLocation: SourceLocation = #_sourceLocation)
      throws
    {
      let before = try snapshot()
      let result = try ProcessRunner.wsoa(arguments, in: dir)
      #expect(result.status == 64, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
      #expect(result.stderr.contains("never overwrites its inputs"), "\(result.stderr)", sourceLocation: sourceLocation)
      #expect(result.stderr.contains(output) && result.stderr.contains(input), "\(result.stderr)", sourceLocation: sourceLocation)
      #expect(try snapshot() == before, "\(arguments) changed the folder", sourceLocation: sourceLocation)
    }
  }

  @Test func convert() throws {
    let s = try Scratch()
    defer { try? FileManager.default.removeItem(at: s.dir) }
    try s.expectRefused(["convert", "tracker.xlsx", "-o", "tracker.xlsx"], output: "tracker.xlsx", input: "tracker.xlsx")
    try s.expectRefused(["convert", "tracker.tsv", "-o", "./tracker.tsv"], output: "./tracker.tsv", input: "tracker.tsv")
    try s.expectRefused(["convert", "tracker.xlsx", "-o", "link.xlsx"], output: "link.xlsx", input: "tracker.xlsx")
    try s.expectRefused(["convert", "tracker.tsv", "-o", "hard.tsv"], output: "hard.tsv", input: "tracker.tsv")
    try s.expectRefused(["convert", s.path("tracker.tsv"), "-o", "link.tsv"], output: "link.tsv", input: s.path("tracker.tsv"))
    // A folder into itself: returns/a.xlsx would be written over, and its hard link too.
    try FileManager.default.createDirectory(at: s.url("returns"), withIntermediateDirectories: false)
    try FileManager.default.copyItem(at: s.url("tracker.xlsx"), to: s.url("returns/a.xlsx"))
    try FileManager.default.copyItem(at: s.url("tracker.tsv"), to: s.url("returns/b.tsv"))
    try s.expectRefused(["convert", "returns", "-o", "returns/", "--to", "xlsx"], output: "returns/a.xlsx", input: "returns/a.xlsx")
    try s.expectRefused(["convert", "returns/b.tsv", "tracker.xlsx", "-o", "returns", "--to", "tsv"], output: "returns/b.tsv", input: "returns/b.tsv")
    #expect(link(s.path("tracker.tsv"), s.path("returns/tracker.tsv")) == 0)
    try s.expectRefused(
      ["convert", "tracker.tsv", "returns/a.xlsx", "-o", "returns", "--to", "tsv"], output: "returns/tracker.tsv", input: "tracker.tsv")
    // Into the same folder without replacing an input is fine.
    let json = try ProcessRunner.wsoa(["convert", "returns", "-o", "returns", "--to", "json", "-q"], in: s.dir)
    #expect(json.status == 0, "\(json.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: s.path("returns")).sorted() == ["a.json", "a.xlsx", "b.json", "b.tsv", "tracker.json", "tracker.tsv"])
  }

  @Test func validateReportAndAnnotation() throws {
    let s = try Scratch()
    defer { try? FileManager.default.removeItem(at: s.dir) }
    let options = ["--as-of", "2022-01-31", "--no-config"]
    try s.expectRefused(["validate", "tracker.tsv", "-o", "tracker.tsv"] + options, output: "tracker.tsv", input: "tracker.tsv")
    try s.expectRefused(["validate", "tracker.tsv", "-o", "link.tsv"] + options, output: "link.tsv", input: "tracker.tsv")
    try s.expectRefused(["validate", "tracker.xlsx", "hard.tsv", "-o", "tracker.tsv"] + options, output: "tracker.tsv", input: "hard.tsv")
    try s.expectRefused(["validate", "tracker.xlsx", "--annotate", "tracker.xlsx"] + options, output: "tracker.xlsx", input: "tracker.xlsx")
    try s.expectRefused(["validate", "tracker.xlsx", "--annotate", "link.xlsx"] + options, output: "link.xlsx", input: "tracker.xlsx")
  }

  @Test func mergeOutputAndReport() throws {
    let s = try Scratch()
    defer { try? FileManager.default.removeItem(at: s.dir) }
    try s.expectRefused(["merge", "tracker.tsv", "tracker.xlsx", "-o", "tracker.xlsx"], output: "tracker.xlsx", input: "tracker.xlsx")
    try s.expectRefused(["merge", "tracker.tsv", "tracker.xlsx", "-o", "link.tsv"], output: "link.tsv", input: "tracker.tsv")
    try s.expectRefused(["merge", "tracker.tsv", "tracker.xlsx", "-o", "hard.tsv"], output: "hard.tsv", input: "tracker.tsv")
    try s.expectRefused(
      ["merge", "tracker.tsv", "tracker.xlsx", "-o", "out.json", "--report", "hard.tsv"], output: "hard.tsv", input: "tracker.tsv")
  }

  @Test func dump() throws {
    let s = try Scratch()
    defer { try? FileManager.default.removeItem(at: s.dir) }
    try s.expectRefused(["dump", "tracker.tsv", "-o", "tracker.tsv"], output: "tracker.tsv", input: "tracker.tsv")
    try s.expectRefused(["dump", "tracker.tsv", "-o", "link.tsv"], output: "link.tsv", input: "tracker.tsv")
    try s.expectRefused(["dump", "tracker.xlsx", "-o", "link.xlsx"], output: "link.xlsx", input: "tracker.xlsx")
    try s.expectRefused(["dump", "hard.tsv", "-o", "tracker.tsv"], output: "tracker.tsv", input: "hard.tsv")
    // One file per sheet into the input's own folder: hard.tsv would be written as hard.tsv.
    try s.expectRefused(["dump", "hard.tsv", "--all-sheets", "--to", "tsv", "-o", "."], output: "./hard.tsv", input: "hard.tsv")
  }
}
