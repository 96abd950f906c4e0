import Foundation
import TestSupport
import Testing

/// The merge guarantees on real files: byte-identical output whatever the
/// order of the returns, re-merging changes nothing, the inputs are never
/// touched, outputs are atomic and never replace an input.
@Suite(.serialized) struct MergeGuaranteeFileTests {
  @Test func theOrderOfReturnsDoesNotChangeAByte() throws {
    let scratch = try MergeScratch()
    let returns = MergeScratch.returns
    let orders = [returns, returns.reversed(), Array(returns.dropFirst(2) + returns.prefix(2))]
    var outputs: [Data] = []
    var reports: [Data] = []
    var stderr: Set<String> = []
    for order in orders {
      let result = try scratch.merge(["master.tsv"] + order + ["-o", "out.json", "--report", "report.json"])
      #expect(result.status == 1)
      outputs.append(try scratch.data("out.json"))
      reports.append(try scratch.data("report.json"))
      // The closing tally's time differs from run to run; everything else must not.
      stderr.insert(result.stderr.replacing(#/, \d+\.\d\d s\n/#, with: "\n"))
    }
    #expect(Set(outputs).count == 1 && Set(reports).count == 1 && stderr.count == 1)
  }

  @Test func mergingTheSameReturnsAgainChangesNothing() throws {
    let scratch = try MergeScratch()
    _ = try scratch.merge(["master.tsv"] + MergeScratch.returns + ["-o", "once.json", "--prefer", "master"])
    let again = try scratch.merge(["once.json"] + MergeScratch.returns + ["-o", "twice.json", "--prefer", "master", "--report", "again.json"])
    #expect(again.status == 0, "\(again.stderr)")
    let once = try #require(try scratch.json("once.json")["plan"] as? NSDictionary)
    let twice = try #require(try scratch.json("twice.json")["plan"] as? NSDictionary)
    #expect(once == twice)
    let counts = try #require(try scratch.json("again.json")["counts"] as? [String: Int])
    #expect(counts["updatedCells"] == 0 && counts["newActions"] == 0 && counts["newPeriods"] == 0)
    #expect(counts["notesAdded"] == 0 && counts["evidenceAdded"] == 0)
  }

  @Test func aReturnGivenTwiceIsAppliedOnce() throws {
    let scratch = try MergeScratch()
    let result = try scratch.merge(["master.tsv", "returns/gr-return.csv", "returns/gr-return.csv", "-o", "out.json", "--report", "r.json"])
    #expect(result.stderr.contains("skipped (duplicate)"))
    let counts = try #require(try scratch.json("r.json")["counts"] as? [String: Int])
    #expect(counts["notesAdded"] == 1)
  }

  @Test func inputsAreNeverModified() throws {
    let scratch = try MergeScratch()
    let before = try MergeScratch.inputs.map { try scratch.data($0) }
    let stamps = try MergeScratch.inputs.map {
      try FileManager.default.attributesOfItem(atPath: scratch.dir.appendingPathComponent($0).path)[.modificationDate] as? Date
    }
    _ = try scratch.merge(["master.tsv"] + MergeScratch.returns + ["-o", "out.json", "--prefer", "return", "--accept-leads"])
    #expect(try MergeScratch.inputs.map { try scratch.data($0) } == before)
    #expect(try MergeScratch.inputs.map {
      try FileManager.default.attributesOfItem(atPath: scratch.dir.appendingPathComponent($0).path)[.modificationDate] as? Date
    } == stamps)
  }

  @Test func theOutputMayNeverBeAnInput() throws {
    let scratch = try MergeScratch()
    let before = try scratch.data("master.tsv")
    for target in ["master.tsv", "./master.tsv", "returns/../master.tsv", "returns/gr-return.csv"] {
      let result = try scratch.merge(["master.tsv", "returns/gr-return.csv", "-o", target])
      #expect(result.status == 64, "\(target): \(result.stderr)")
      #expect(result.stderr.contains("never overwrites its inputs"))
    }
    let report = try scratch.merge(["master.tsv", "returns/gr-return.csv", "-o", "out.json", "--report", "master.tsv"])
    #expect(report.status == 64)
    #expect(try scratch.data("master.tsv") == before)
  }

  @Test func aFailedMergeLeavesAnExistingOutputUntouchedAndNoTemporaryFiles() throws {
    let scratch = try MergeScratch()
    try Data("previous\n".utf8).write(to: scratch.dir.appendingPathComponent("out.json"))
    let missing = try scratch.merge(["master.tsv", "returns/missing.csv", "-o", "out.json"])
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("wsoa: returns/missing.csv: error: no such file"))
    #expect(try scratch.data("out.json") == Data("previous\n".utf8))
    let unwritable = try scratch.merge(["master.tsv", "returns/gr-return.csv", "-o", "no-such-folder/out.json"])
    #expect(unwritable.status == 73)
    #expect(try scratch.list() == ["master.tsv", "out.json", "returns"])
  }

  @Test func anUnreadableInputExits65() throws {
    let scratch = try MergeScratch()
    try Data("{not json".utf8).write(to: scratch.dir.appendingPathComponent("broken.json"))
    let result = try scratch.merge(["master.tsv", "broken.json", "-o", "out.json"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("broken.json"))
    #expect(!scratch.exists("out.json"))
  }

  @Test func aFileWithNoActionTableIsUnreadableNotAnEmptyReturn() throws {
    let scratch = try MergeScratch()
    try Data("a,b\n1,2\n".utf8).write(to: scratch.dir.appendingPathComponent("minutes.csv"))
    let result = try scratch.merge(["master.tsv", "minutes.csv", "-o", "out.json"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("wsoa: minutes.csv:1 (A1): error: no row has at least two recognised column headers"))
    #expect(!scratch.exists("out.json"))
  }
}
