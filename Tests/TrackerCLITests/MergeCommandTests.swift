import Foundation
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// The command's flags and streams: --prefer, --accept-*, --sub-group,
/// standard output, usage errors.
@Suite(.serialized) struct MergeCommandTests {
  @Test func preferResolvesConflictsAndExitsZero() throws {
    let scratch = try MergeScratch()
    let master = try scratch.merge(["master.tsv"] + MergeScratch.returns + ["-o", "m.json", "--prefer", "master", "--report", "m-report.json"])
    #expect(master.status == 0, "\(master.stderr)")
    let ret = try scratch.merge(["master.tsv"] + MergeScratch.returns + ["-o", "r.json", "--prefer", "return", "--report", "r-report.json"])
    #expect(ret.status == 0)
    func mar22(_ file: String, _ index: Int) throws -> String? {
      let action = try scratch.json(file).at(["plan", "actions", index]) as? [String: Any]
      let statuses = action?["statuses"] as? [[String: Any]]
      return (statuses?.last?["status"] as? [String: Any])?["raw"] as? String
    }
    #expect(try mar22("m.json", 8) == "A" && mar22("r.json", 8) == "G")  // 6E: master A, GR G
    #expect(try mar22("m.json", 4) == "" && mar22("r.json", 4) == "G")  // 4D: EHCP (owner) G beats GR A
    #expect(try scratch.json("r-report.json")["result"] as? String == "clean")
  }

  @Test func acceptLeadsTakesTheLeadChange() throws {
    let scratch = try MergeScratch()
    _ = try scratch.merge(["master.tsv", "returns/ehcp-return.tsv", "-o", "out.json", "--accept-leads", "--prefer", "master"])
    let leads = try scratch.json("out.json").at(["plan", "actions", 4, "leads"]) as? [[String: Any]]
    #expect(leads?.map { $0["name"] as? String } == ["Lynsey Bissell", "Tom Hughes"])
  }

  @Test func subGroupFlagOverridesTheFileName() throws {
    let scratch = try MergeScratch()
    let result = try scratch.merge(["master.tsv", "returns/gr-return.csv", "-o", "out.json", "--sub-group", "EHCP", "--report", "r.json"])
    #expect(result.stderr.contains("returns/gr-return.csv: EHCP (from --sub-group)"))
    let counts = try #require(try scratch.json("r.json")["counts"] as? [String: Int])
    #expect(counts["outOfRemit"] == 2)  // 3.3C and 6E are GR's
    let named = try scratch.merge(["master.tsv", "returns/gr-return.csv", "returns/ehcp-return.tsv", "-o", "o2.json", "--sub-group", "gr-return.csv=SPG"])
    #expect(named.stderr.contains("returns/gr-return.csv: SPG (from --sub-group)"))
    let ambiguous = try scratch.merge(["master.tsv", "returns/gr-return.csv", "returns/ehcp-return.tsv", "-o", "o3.json", "--sub-group", "SPG"])
    #expect(ambiguous.status == 64 && ambiguous.stderr.contains("FILE=NAME"))
  }

  @Test func dashWritesJSONToStandardOutputAndTheReportToStandardError() throws {
    let scratch = try MergeScratch()
    let result = try scratch.merge(["master.tsv", "returns/joint-comm-q4.csv", "-o", "-", "--prefer", "master"])
    #expect(result.status == 0)
    let document = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
    #expect(document?["schema"] as? String == "wsoa/1")
    #expect(result.stderr.contains("merged 1 return into master.tsv -> -"))
  }

  @Test func usageErrors() throws {
    let scratch = try MergeScratch()
    #expect(try scratch.merge(["master.tsv", "-o", "out.json"]).status == 64)
    #expect(try scratch.merge(["master.tsv", "returns/gr-return.csv", "-o", "out.doc"]).status == 64)
    #expect(try scratch.merge(["master.tsv", "returns/gr-return.csv", "-o", "out.json", "--prefer", "mine"]).status == 64)
    #expect(try scratch.merge(["master.tsv", "returns/gr-return.csv", "-o", "-", "--to", "xlsx"]).status == 64)
  }

  @Test func subGroupFlagsParse() throws {
    let returns = ["returns/a.csv", "returns/b.csv"]
    let flags = try MergeSubGroupFlags(["a.csv=EHCP", "returns/b.csv=GR sub group"], returns: returns)
    #expect(flags.byFile == ["returns/a.csv": "EHCP", "returns/b.csv": "GR sub group"])
    #expect(throws: MergeSubGroupFlags.Problem.self) { try MergeSubGroupFlags(["EHCP"], returns: returns) }
    #expect(throws: MergeSubGroupFlags.Problem.self) { try MergeSubGroupFlags(["a.csv=EHCP", "a.csv=GR"], returns: returns) }
    #expect(try MergeSubGroupFlags(["A=B"], returns: ["x.csv"]).byFile == ["x.csv": "A=B"])
  }

  @Test func receivedDateComesFromTheFileName() {
    #expect(MergeReceivedDate.fromFileName("returns/2022-03-14 EHCP.xlsx") == DateValue(year: 2022, month: 3, day: 14))
    #expect(MergeReceivedDate.fromFileName("EHCP-return-2022-02-30.csv") == nil)
    #expect(MergeReceivedDate.fromFileName("gr.csv") == nil)
  }

  @Test func outputFormatFromTheName() {
    #expect(MergeOutputFormat.from(path: "out/merged.XLSX") == .xlsx)
    #expect(MergeOutputFormat.from(path: "-") == .json)
    #expect(MergeOutputFormat.from(path: "dir.v2/merged") == nil)
  }
}
