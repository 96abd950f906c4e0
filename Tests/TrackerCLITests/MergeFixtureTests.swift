import Foundation
import TestSupport
import Testing

/// `wsoa merge` end to end on `fixtures/merge/` (see its README for what
/// each return exercises): the counts, the log rows for every case, the
/// merged tracker's provenance, and the report against its schema.
@Suite(.serialized) struct MergeFixtureTests {
  static func schema() throws -> JSONSchemaSubset {
    try JSONSchemaSubset(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("schemas/merge-report.schema.json"))
  }

  func mergedAll() throws -> (MergeScratch, ProcessRunner.Result) {
    let scratch = try MergeScratch()
    let result = try scratch.merge(["master.tsv"] + MergeScratch.returns + ["-o", "merged.json", "--report", "report.json"])
    return (scratch, result)
  }

  @Test func unresolvedConflictsExitOneAndTheOutputIsStillWritten() throws {
    let (scratch, result) = try mergedAll()
    #expect(result.status == 1, "\(result.stderr)")
    #expect(scratch.exists("merged.json") && scratch.exists("report.json"))
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("conflicts              3 (1 history rewrite, 3 unresolved)"))
    #expect(result.stderr.contains("returns/old-template-return.xlsx: SIPG (from its sub-group column), 2 actions"))
  }

  @Test func theReportCountsEveryCase() throws {
    let (scratch, _) = try mergedAll()
    let report = try scratch.json("report.json")
    let counts = try #require(report["counts"] as? [String: Int])
    #expect(counts == [
      "updatedCells": 6, "newPeriods": 2, "conflicts": 3, "unresolvedConflicts": 3, "historyRewrites": 1,
      "newActions": 1, "missingUpdates": 2, "missingReturns": 0, "notesAdded": 5, "notesEdited": 1,
      "evidenceAdded": 3, "evidenceRemoved": 1, "governanceChanges": 3, "governanceAccepted": 0, "outOfRemit": 1,
      "matchedByText": 1, "periodMismatches": 1, "ambiguousKeys": 0,
    ])
    #expect(report["result"] as? String == "unresolved-conflicts" && report["exitStatus"] as? Int == 1)
    let returns = try #require(report["returns"] as? [[String: Any]])
    #expect(returns.map { $0["subGroup"] as? String } == ["EHC Sub group", "GR sub group", "Joint Comm", "SIPG"])
    #expect(returns.map { $0["subGroupOrigin"] as? String } == ["fileName", "fileName", "fileName", "column"])
  }

  @Test func theReportMatchesItsSchema() throws {
    let (scratch, _) = try mergedAll()
    let schema = try Self.schema()
    #expect(try schema.problems(scratch.data("report.json")) == [])
  }

  @Test func theLogHasARowForEveryCase() throws {
    let (scratch, _) = try mergedAll()
    let log = try #require(try scratch.json("report.json")["log"] as? [[String: String]])
    func rows(_ code: String) -> [String] {
      log.filter { $0["code"] == "merge." + code }.map {
        [$0["action"], $0["period"], $0["old"], $0["new"], $0["source"], $0["subGroup"], $0["decision"]]
          .map { $0 ?? "" }.joined(separator: " | ")
      }
    }
    #expect(rows("history_rewrite") == ["3.1F | Dec-21 | G/A | A | returns/ehcp-return.tsv!H9 | EHC Sub group | kept master"])
    #expect(rows("status_conflict") == [
      "4D | Mar-22 |  | G | returns/ehcp-return.tsv!I12 | EHC Sub group | kept master",
      "4D | Mar-22 |  | A | returns/gr-return.csv!I3 | GR sub group | kept master",
      "6E | Mar-22 | A | G | returns/gr-return.csv!I5 | GR sub group | kept master",
    ])
    #expect(rows("status_filled").count == 6)
    #expect(rows("status_filled").contains("1.2C | Sep-20 |  | A | returns/old-template-return.xlsx!'Priority 2'!I3 | SIPG | filled"))
    #expect(rows("status_filled").contains("3.1F | Mar-22 |  | A | returns/ehcp-return.tsv!I9 | EHC Sub group | filled"))
    #expect(rows("status_filled").contains("1.1A | Q4 2021/22 |  | G | returns/joint-comm-q4.csv!D2 | Joint Comm | filled"))
    #expect(rows("period_added") == [
      " | Q4 2021/22 |  | Q4 2021/22 (2022-01-01 to 2022-03-31) | returns/joint-comm-q4.csv!D1 | Joint Comm | added",
      " | Sep-20 |  | Sep-20 (2020-09-01 to 2020-09-30) | returns/old-template-return.xlsx!'Priority 2'!I1 | SIPG | added",
    ])
    #expect(rows("period_mismatch") == [" | Q4 2021/22 | Mar-22 | Q4 2021/22 | returns/joint-comm-q4.csv!D1 | Joint Comm | reported"])
    #expect(rows("note_edited").count == 1 && rows("note_edited")[0].hasPrefix("5F | Apr-21 | 2021-04: SEND Assessment Team temp Focus Group"))
    #expect(rows("evidence_removed") == ["3.3C |  | Position Statement (GR) |  | returns/gr-return.csv!A2 | GR sub group | reported"])
    #expect(rows("lead_changed") == ["4D |  | Lynsey Bissell; Cathy Morris | Lynsey Bissell; Tom Hughes | returns/ehcp-return.tsv!A12 | EHC Sub group | kept master"])
    #expect(rows("new_action") == ["4E |  |  | Publish a quarterly EHCP timeliness report to the SEND IPG. | returns/ehcp-return.tsv!A13 | EHC Sub group | added"])
    #expect(rows("out_of_remit") == ["4D |  | EHC Sub group | GR sub group | returns/gr-return.csv!A3 | GR sub group | reported"])
    #expect(rows("matched_by_text") == ["6E |  | 6E | 6#5 | returns/gr-return.csv!A5 | GR sub group | reported"])
    #expect(rows("text_changed") == [
      "1.2C |  | Co-produce a SEND Strategy that includes: i. Defined aspirations and high expectation | "
        + "Co-produce a SEND Strategy that includes defined aspirations and high expectations | "
        + "returns/old-template-return.xlsx!'Priority 2'!A3 | SIPG | kept master"
    ])
    #expect(rows("due_changed") == ["1.2C |  |  | Mar-22 | returns/old-template-return.xlsx!'Priority 2'!A3 | SIPG | kept master"])
    #expect(rows("no_update") == ["5C | Mar-22 |  | (no update) |  | GR sub group | reported", "6F | Mar-22 |  | (absent) |  | GR sub group | reported"])
  }

  @Test func theMergedTrackerCarriesProvenanceOnEveryStatusNoteAndEvidenceItem() throws {
    let (scratch, _) = try mergedAll()
    let document = try scratch.json("merged.json")
    let plan = try #require(document["plan"] as? [String: Any])
    let periods = try #require(plan["periods"] as? [[String: Any]])
    #expect(periods.map { $0["label"] as? String } == ["Dec-19", "Jan-20", "Sep-20", "Apr-21", "Dec-21", "Q4 2021/22", "Mar-22"])
    let actions = try #require(plan["actions"] as? [[String: Any]])
    #expect(actions.map { $0["key"] as? String } == ["1.1A", "1.2C", "3.1F", "3.3C", "4D", "4E", "5C", "5F", "6E", "6F"])
    for action in actions {
      for status in action["statuses"] as? [[String: Any]] ?? [] where !((status["status"] as? [String: Any])?["raw"] as? String ?? "").isEmpty {
        #expect(status["provenance"] != nil, "\(action["key"] ?? "") status without provenance")
      }
      for note in action["notes"] as? [[String: Any]] ?? [] { #expect(note["provenance"] != nil) }
      for item in action["evidence"] as? [[String: Any]] ?? [] { #expect(item["provenance"] != nil) }
    }
    let f31 = actions[2]
    let mar22 = try #require((f31["statuses"] as? [[String: Any]])?.last)
    #expect((mar22["provenance"] as? [String: Any])?["file"] as? String == "returns/ehcp-return.tsv")
    #expect((mar22["provenance"] as? [String: Any])?["subGroup"] as? String == "EHC Sub group")
    let dec21 = try #require((f31["statuses"] as? [[String: Any]])?[4])
    #expect((dec21["status"] as? [String: Any])?["raw"] as? String == "G/A")  // the rewrite was not taken
    #expect((dec21["provenance"] as? [String: Any])?["file"] as? String == "master.tsv")
    let notes = try #require(actions[7]["notes"] as? [[String: Any]])  // 5F: both wordings kept
    #expect(notes.filter { ($0["text"] as? String ?? "").contains("SEND Assessment Team temp") }.count == 2)
  }
}
