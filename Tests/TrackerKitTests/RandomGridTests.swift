import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// Random grids built from tracker-shaped and hostile pieces never crash the
/// recogniser, always give a document the schema accepts, and read back from
/// JSON unchanged.
@Suite struct RandomGridTests {
  static let pieces: [String] = [
    "Ref", "Action", "Actions (Implementation)", "Lead", "Progress", "Evidence", "Focus Area", "Priority 3: Title",
    "Dec-19", "Q3 2024/25", "Quarter 9 2024 to 2025", "2024-02-30", "31/02/2023", "12/31/2023", "RAG ??", "Status",
    "G", "A", "R", "B", "G/A", "Grey", "N/A", "Pink", "GR", " a ", "ON TRACK", "", "As above", "TBC", "SEE 6E",
    "See [4a above]", "<p>Feb 2021: x</p><p>Apr 2021 - y</p>", "<p", "</p>", "&#99999999;", "&amp;&lt;&", "<br/>",
    "1. a 2. 3.", "E12; E13", "Q2: partial", "Ref -1.2 Title", "A. Letter", "3.2(b)", "x\ny\r\nz", "\u{A0}\u{A0}",
    "Milestone 1 – Jul 23", "6 months", "Autumn term 2022", "21/22 academic year", "Red - Delayed Amber – Slow",
    "💥 ünïcödé –—", String(repeating: "long ", count: 400), "=HYPERLINK(\"x\")", "-5", "@x", "\t", "Oct 2019:",
  ]

  @Test(arguments: 0..<40)
  func randomGridsAreSafe(seed: Int) throws {
    var rng = SeededRandom(seed: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
    var rows: [[CellValue]] = []
    for _ in 0..<(1 + Int(rng.next() % 18)) {
      var row: [CellValue] = []
      for _ in 0..<(1 + Int(rng.next() % 12)) {
        let pick = Int(rng.next() % UInt64(Self.pieces.count + 3))
        switch pick {
        case Self.pieces.count: row.append(.number(Double(rng.next() % 1000) / 7))
        case Self.pieces.count + 1:
          row.append(.date(DateCell(year: 2019 + Int(rng.next() % 5), month: 1 + Int(rng.next() % 12), day: 1, display: .month)))
        case Self.pieces.count + 2: row.append(.empty)
        default: row.append(.text(Self.pieces[pick]))
        }
      }
      rows.append(row)
    }
    // Make a table likely: a header row somewhere.
    if rng.next() % 3 != 0 {
      rows.insert([.text("Ref"), .text("Action"), .text("Lead"), .text("Dec-19"), .text("Jan-20"), .text("Progress"), .text("Evidence")], at: Int(rng.next() % UInt64(rows.count)))
    }
    let workbook = GridLiteral.sheet("Sheet \(seed)", rows)
    let outcome = try Recogniser.recognise(workbook, file: "random-\(seed).xlsx")
    let bytes = PlanJSONWriter.bytes(outcome.value, findings: outcome.diagnostics)
    let back = try PlanJSONReader.read(bytes, file: "random.json")
    #expect(back.value == outcome.value)
    let schema = try JSONSchemaSubset(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("schemas/wsoa-1.schema.json"))
    #expect(try schema.problems(Data(bytes)) == [])
    // Every writer takes it, and what it writes reads back to the same actions
    // (kept junk goes where it cannot pass for an action; a guarded formula
    // comes back unguarded).
    let dir = try Fixtures.scratchDirectory("wsoa-random")
    for (name, format) in [("out.csv", TrackerFormat.csv), ("out.xlsx", .xlsx)] {
      let path = dir.appendingPathComponent(name).path
      try TrackerWriter.write(outcome.value, findings: [], to: path, options: WriteOptions(format: format))
      let back = try TrackerLoader.load(path)
      #expect(back.value.actions.map(\.key) == outcome.value.actions.map(\.key), "\(name) of grid \(seed)")
    }
  }
}

