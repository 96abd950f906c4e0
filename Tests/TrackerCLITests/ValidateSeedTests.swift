import Diagnostics
import Foundation
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// The seed tracker validated end to end must give exactly domain.md §7's
/// findings and none of its must-nots.
@Suite("validate: the seed gives exactly §7's findings")
struct ValidateSeedTests {
  static let verdict = TrackerValidation.validate(
    file: Fixtures.sample("staffordshire-priority-2.tsv").path,
    settings: ValidationSettings(
      asOf: CivilDate(year: 2022, month: 1, day: 31), today: CivilDate(year: 2022, month: 1, day: 31), discoversConfig: false),
    loader: TrackerValidation.defaultLoader)

  static func places(_ code: String) -> [String] {
    verdict.findings.filter { $0.code == code }.map { $0.location?.cell?.a1 ?? "-" }
  }

  @Test func readsAndPasses() {
    #expect(Self.verdict.failure == nil)
    #expect(Self.verdict.count(.error) == 0)
    #expect(Self.verdict.passes)
    #expect(Self.verdict.reading == "key at E5 (Green = complete); X/Y read as X moving towards Y")
  }

  @Test func warningsAreExactlyTheExpectedOnes() {
    let warnings = Self.verdict.findings.filter { $0.severity == .warning }.map { "\($0.code)@\($0.location?.cell?.a1 ?? "-")" }
    #expect(warnings == [
      "status.regression_without_note@H9", "xref.unresolved@I12", "evidence.empty_item@J14", "xref.self@I15",
      "xref.self@I16",
    ])
  }

  @Test func regressionMessageQuotesTheValues() {
    let finding = Self.verdict.findings.first { $0.code == "status.regression_without_note" }
    #expect(finding?.message == "3.1F went from G (Apr-21) to G/A (Dec-21) with no note dated in that period")
    #expect(finding?.location?.description.hasSuffix("staffordshire-priority-2.tsv:9 (H9)") == true)
    #expect(finding?.related.map { $0.cell?.a1 } == ["G9"])
  }

  @Test func infoFindingsAreTheExpectedOnes() {
    #expect(Self.places("evidence.as_above") == ["J12"])
    #expect(Self.places("note.before_first_review") == ["I12"])
    #expect(Self.places("note.undated") == ["I13", "I15", "I16"])
    #expect(Self.places("status.mixed") == ["I4", "H9"])
    #expect(Self.places("status.stalled") == ["H14", "H15", "H16"])
    #expect(Self.places("status.note_disagrees") == ["I9", "I10"])  // optional in §7
    #expect(Self.places("plan.legend_conflict") == ["I3"])
    #expect(Self.places("layout.period_gap") == ["G6"])
    #expect(Self.places("ref.normalised") == ["A8", "A9"])  // §6 cites the seed's `Ref -1.2`
    let ragged = Self.verdict.findings.filter { $0.code == "layout.ragged_row" }
    #expect(ragged.map { $0.location?.cell?.row } == [12])
    #expect(ragged.first?.message.contains("12") == true && ragged.first?.message.contains("16") == true)
  }

  @Test func nothingElse() {
    let expected: Set<String> = [
      "status.regression_without_note", "xref.unresolved", "evidence.empty_item", "xref.self", "evidence.as_above",
      "note.before_first_review", "note.undated", "status.mixed", "status.stalled", "status.note_disagrees",
      "plan.legend_conflict", "layout.period_gap", "layout.ragged_row", "ref.normalised",
    ]
    let extra = Self.verdict.findings.filter { !expected.contains($0.code) }
    #expect(extra.isEmpty, "unexpected: \(extra.map { "\($0.code)@\($0.location?.cell?.a1 ?? "-"): \($0.message)" })")
  }

  @Test func mustNots() {
    let all = Self.verdict.findings
    #expect(!all.contains { $0.code == "note.after_last_review" || $0.code == "note.future" })  // "April 2022" is inside text
    #expect(!all.contains { $0.code.hasPrefix("lead.") })  // SCM SEND is a role
    #expect(!all.contains { $0.code == "note.out_of_order" })  // no split at "Sept 2021 -" or "Nov 2021."
    #expect(!all.contains { $0.code == "layout.trailing_block" })  // blank row 11 does not end the table
    #expect(!all.contains { $0.code == "status.red_without_note" })  // 4D's red has the Oct 2019 note
  }
}
