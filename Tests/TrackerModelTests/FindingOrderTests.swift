import Diagnostics
import TestSupport
import Testing
import TrackerModel

@Suite("Findings: sorted and filtered in place")
struct FindingOrderTests {
  /// Findings over several files (XLSX sheets and CSV lines), rows, columns,
  /// severities and codes, with whole-file findings and exact repeats (told
  /// apart by their message, so the order among equals is checked too).
  static func findings(_ count: Int, seed: UInt64) -> [Diagnostic] {
    var random = SeededRandom(seed: seed)
    let files = ["b.xlsx", "a.xlsx", "c.csv"]
    let sheets = ["Priority 2", "Actions", "Key"]
    let codes = ["status.regression_without_note", "action.overdue", "note.undated", "ref.duplicate"]
    let severities: [Severity] = [.info, .warning, .error]
    return (0..<count).map { n in
      let file = files[Int(random.next() % 3)]
      let row = Int(random.next() % 40) + 1
      let column = Int(random.next() % 6)
      let location: Diagnostics.SourceLocation?
      switch random.next() % 8 {
      case 0: location = nil
      case 1: location = Diagnostics.SourceLocation(file: file)
      default:
        location =
          file.hasSuffix(".csv")
          ? Diagnostics.SourceLocation(file: file, cell: CellAddress(row: row, column: column), line: row + 1)
          : Diagnostics.SourceLocation(file: file, sheet: sheets[Int(random.next() % 3)], cell: CellAddress(row: row, column: column))
      }
      return Diagnostic(
        code: codes[Int(random.next() % 4)], severity: severities[Int(random.next() % 3)], message: "finding \(n)",
        location: location)
    }
  }

  /// The order `FindingOrder` documents, written the plain way: file, sheet,
  /// row (or line), column, most severe first, code, then as produced.
  static func reference(_ findings: [Diagnostic]) -> [Diagnostic] {
    func rank(_ severity: Severity) -> Int { severity == .error ? 0 : severity == .warning ? 1 : 2 }
    return findings.enumerated().sorted { a, b in
      let x = a.element
      let y = b.element
      let left = (x.location?.file ?? "", x.location?.sheet ?? "", x.location?.cell?.row ?? x.location?.line ?? 0)
      let right = (y.location?.file ?? "", y.location?.sheet ?? "", y.location?.cell?.row ?? y.location?.line ?? 0)
      if left != right { return left < right }
      let more = (x.location?.cell?.column ?? 0, rank(x.severity), x.code, a.offset)
      let less = (y.location?.cell?.column ?? 0, rank(y.severity), y.code, b.offset)
      return more < less
    }.map(\.element)
  }

  @Test(arguments: [0, 1, 2, 7, 500, 5_000])
  func sortingInPlaceGivesTheDocumentedOrder(count: Int) {
    for seed in UInt64(1)...4 {
      let findings = Self.findings(count, seed: seed &* 7_919 &+ UInt64(count))
      var inPlace = findings
      FindingOrder.sort(&inPlace)
      #expect(inPlace == Self.reference(findings), "seed \(seed), \(count) findings")
      #expect(FindingOrder.sorted(findings) == inPlace)
    }
  }

  /// Keys are packed into two words when every part fits; a line past
  /// 2^32, a column past 65,535 or more than 65,536 files take the whole
  /// keys instead, with the same order.
  @Test(arguments: ["line", "column", "files"])
  func findingsTooWideToPackSortTheSameWay(_ wide: String) {
    var findings = Self.findings(3_000, seed: 99)
    switch wide {
    case "line":
      findings.insert(
        Diagnostic(
          code: "note.undated", severity: .info, message: "far down",
          location: Diagnostics.SourceLocation(file: "c.csv", line: 5_000_000_000)), at: 1_500)
    case "column":
      findings.insert(
        Diagnostic(
          code: "note.undated", severity: .info, message: "far right",
          location: Diagnostics.SourceLocation(file: "c.csv", cell: CellAddress(row: 3, column: 70_000), line: 4)), at: 10)
    default:
      findings += (0..<66_000).map { n in
        Diagnostic(
          code: "ref.duplicate", severity: .error, message: "file \(n)",
          location: Diagnostics.SourceLocation(file: "f\(65_999 - n).csv", line: n % 7))
      }
    }
    var inPlace = findings
    FindingOrder.sort(&inPlace)
    #expect(inPlace == Self.reference(findings), "\(wide)")
  }

  @Test func thePolicyRemovesAndRegradesInPlaceKeepingTheOrder() {
    let findings = Self.findings(2_000, seed: 42)
    var policy = FindingPolicy()
    policy.disable("note.undated")
    policy.regrade("action.overdue", to: .error)
    var inPlace = findings
    policy.apply(to: &inPlace)
    let expected = findings.filter { $0.code != "note.undated" }.map { finding in
      var finding = finding
      if finding.code == "action.overdue" { finding.severity = .error }
      return finding
    }
    #expect(!expected.isEmpty && expected.count < findings.count)
    #expect(inPlace == expected)
    #expect(policy.apply(to: findings) == expected)
    #expect(FindingPolicy().apply(to: findings) == findings)
  }
}
