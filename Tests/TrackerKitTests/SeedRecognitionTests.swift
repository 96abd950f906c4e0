import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// The seed must parse exactly as domain.md §7 says.
@Suite struct SeedRecognitionTests {
  /// Read through the real CSV/TSV reader, as `wsoa convert` reads it.
  static let outcome: Outcome<Plan>? = try? TrackerLoader.load(Fixtures.sample("staffordshire-priority-2.tsv").path)

  var plan: Plan { Self.outcome?.value ?? Plan(id: "missing") }
  var diagnostics: [Diagnostic] { Self.outcome?.diagnostics ?? [] }

  @Test func nineActionsWithTheirKeys() {
    #expect(plan.actions.map(\.key) == ["1.1A", "1.2C", "3.1F", "3.3C", "4D", "5C", "5F", "6E", "6F"])
    #expect(plan.actions.map(\.focusRef) == ["1.1", "1.2", "3.1", "3.3", "4", "5", "5", "6", "6"])
    #expect(plan.focusAreas.map(\.ref) == ["1.1", "1.2", "3.1", "3.3", "4", "5", "6"])
  }

  @Test func periodsAreTheFourMonths() {
    #expect(plan.periods.map(\.label) == ["Dec-19", "Jan-20", "Apr-21", "Dec-21"])
    #expect(plan.periods.map(\.id) == ["2019-12", "2020-01", "2021-04", "2021-12"])
    #expect(plan.periods.allSatisfy { $0.kind == .month })
    #expect(plan.periods.map { $0.source?.cell?.a1 } == ["E6", "F6", "G6", "H6"])
  }

  @Test func statusTable() {
    let table = plan.actions.map { $0.statuses.map(\.status.code).joined(separator: " ") }
    #expect(table == [
      "G G G G", "A A G G", "A A G G/A", "A A G G", "R G G G", "A A A G", "A A A A", "A A A A", "A A A A",
    ])
    let h9 = plan.actions[2].statuses[3]
    #expect(h9.status.rating == .green && h9.status.towards == .amber && h9.source?.cell?.a1 == "H9")
    // The key over the period columns says Green = Completed.
    #expect(plan.actions[0].statuses[0].status.completion == .complete)
  }

  @Test func datedNoteCounts() {
    #expect(plan.actions.map { $0.notes.filter { $0.date != nil }.count } == [2, 1, 1, 3, 4, 2, 2, 0, 0])
    let oct = plan.actions[4].notes[0]
    #expect(oct.date == DateValue(year: 2019, month: 10) && oct.periodId == "2019-12")
    #expect(plan.actions[2].notes.last?.periodId == "2021-04")
  }

  @Test func priorityPreamble() throws {
    let priority = try #require(plan.priorities.first)
    #expect(plan.priorities.count == 1)
    #expect(priority.id == "2")
    #expect(priority.title == "Aspirations and expectations for children and young people are not routinely high enough.")
    #expect(priority.description?.hasPrefix("This priority is embedded within the other priorities") == true)
    #expect(priority.vision?.hasPrefix("To provide mechanisms that help providers to implement the C&F Act/ CoP/") == true)
    #expect(priority.overallStatus?.rating == .green && priority.overallStatus?.towards == .amber)
    #expect(plan.actions.allSatisfy { $0.priorityId == "2" })
  }

  @Test func legendsI3AndE5() {
    let overall = plan.statusScheme.filter { $0.scope == .overall }
    let periods = plan.statusScheme.filter { $0.scope == .periods }
    #expect(overall.map(\.rating) == [.blue, .red, .amber, .green, .grey])
    #expect(overall.allSatisfy { $0.source?.cell?.a1 == "I3" })
    #expect(periods.map(\.rating) == [.red, .amber, .green, .grey])
    #expect(periods.allSatisfy { $0.source?.cell?.a1 == "E5" })
  }

  @Test func leadsEvidenceAndCrossReferences() {
    #expect(plan.actions[0].leads.map(\.name) == ["Tim Moss", "Lynn Tolley"])
    #expect(plan.actions[1].leads.map(\.kind) == [.role])
    #expect(plan.actions[2].leads.map(\.name) == ["Head od SEND", "Dorne Collinson"])
    #expect(plan.actions[0].evidence.map(\.number) == [1, 2, 3])
    let asAbove = plan.actions[4].evidence
    #expect(asAbove.map(\.text) == ["Position Statement (GR)"])
    #expect(asAbove.first?.resolvedTo?.cell?.a1 == "J10")
    #expect(plan.actions[6].evidence.map(\.text) == ["Positive Practice eg (Transitions)"])
    let refs = plan.actions.flatMap(\.crossRefs)
    #expect(refs.map(\.targetKey) == ["4A", "6E", "6F"])
    #expect(refs.map(\.resolution) == [.unresolved, .self, .self])
    #expect(refs.map { $0.fromCell?.cell?.a1 } == ["I12", "I15", "I16"])
  }

  @Test func recogniserFindings() {
    func cells(_ code: String) -> [String] { diagnostics.filter { $0.code == code }.compactMap { $0.location?.cell?.a1 } }
    #expect(cells("evidence.empty_item") == ["J14"])
    #expect(cells("evidence.as_above") == ["J12"])
    #expect(cells("note.undated") == ["I13", "I15", "I16"])
    #expect(cells("plan.legend_conflict") == ["I3"])
    #expect(cells("layout.ragged_row") == ["A12"])
    #expect(cells("ref.normalised") == ["A8", "A9"])
    #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
    // Must-nots: no lead finding for the role "SCM SEND", nothing at blank row 11.
    #expect(!diagnostics.contains { $0.code.hasPrefix("lead.") })
    #expect(!diagnostics.contains { $0.location?.cell?.row == 11 })
    #expect(plan.unparsed.isEmpty)
  }

  @Test func locationsNameTheLine() {
    let j14 = diagnostics.first { $0.code == "evidence.empty_item" }
    #expect(j14?.location?.description.hasSuffix("samples/staffordshire-priority-2.tsv:14 (J14)") == true)
  }
}


/// The recogniser works on any grid, not only on what a file reader made.
@Suite struct GridRecognitionTests {
  @Test func seedSplitByHandGivesTheSamePlan() throws {
    let text = try String(contentsOf: Fixtures.sample("staffordshire-priority-2.tsv"), encoding: .utf8)
    let workbook = GridLiteral.tsv(text, sheetName: "staffordshire-priority-2")
    let path = Fixtures.sample("staffordshire-priority-2.tsv").path
    let plan = try Recogniser.recognise(workbook, file: path, options: RecogniserOptions(isDelimited: true)).value
    #expect(plan == SeedRecognitionTests.outcome?.value)
  }
}
