import Foundation
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// The two trackers the input-layer issue describes, made from the sample:
/// a TSV whose prose holds semicolons, and a CSV with one "; " in a footer
/// line. Each must read to the same actions, periods and statuses as the sample.
@Suite struct DelimiterRecognitionTests {
  static let sample = Fixtures.sample("staffordshire-priority-2.tsv").path

  /// What must not change: each action's key and status code per period, and the periods.
  static func shape(_ plan: Plan) -> [String] {
    plan.periods.map(\.label)
      + plan.actions.map { action in
        action.key + ": " + action.statuses.map { "\($0.periodId)=\($0.status.code)" }.joined(separator: " ")
      }
  }

  static func load(_ text: String, name: String) throws -> Plan {
    let folder = try Fixtures.scratchDirectory("delimiter-recognition")
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return try TrackerLoader.load(url.path).value
  }

  /// The sample's records as cells (it has no quoted fields: one line, one record).
  static func records() throws -> [[String]] {
    var lines = try String(contentsOfFile: sample, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    return lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
  }

  static func render(_ records: [[String]], delimiter: String) -> String {
    records.map { cells in
      cells.map { cell in
        cell.contains(delimiter) || cell.contains("\"")
          ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
      }.joined(separator: delimiter)
    }.joined(separator: "\n") + "\n"
  }

  @Test func semicolonsInATSVsProseDoNotSplitIt() throws {
    let expected = Self.shape(try TrackerLoader.load(Self.sample).value)
    #expect(expected.count > 9)
    var records = try Self.records()
    // One semicolon in each row's first prose cell: every such line then splits in two at it,
    // more consistently than the ragged rows (10 or 11 fields) split at the tabs.
    for r in records.indices {
      if let c = records[r].firstIndex(where: { $0.count > 40 }) { records[r][c] += "; see the log" }
    }
    let text = Self.render(records, delimiter: "\t")
    for name in ["p2.tsv", "p2.txt", "p2"] {
      #expect(Self.shape(try Self.load(text, name: name)) == expected, "\(name)")
    }
  }

  @Test func oneSemicolonInACSVFooterDoesNotFlipIt() throws {
    let expected = Self.shape(try TrackerLoader.load(Self.sample).value)
    let records = try Self.records() + [["Reviewed quarterly by the board; see the evidence log"]]
    let text = Self.render(records, delimiter: ",")
    for name in ["p2.csv", "p2"] {
      #expect(Self.shape(try Self.load(text, name: name)) == expected, "\(name)")
    }
  }
}
