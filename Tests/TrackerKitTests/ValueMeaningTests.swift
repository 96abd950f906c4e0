import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// Values keep their meaning through recognition: a decimal comma in
/// % complete, and a key or preamble status word never an overall status
/// nor the start of a priority.
@Suite struct ValueMeaningTests {
  private func load(_ text: String, name: String, options: LoadOptions = LoadOptions()) throws -> Outcome<Plan> {
    let folder = try Fixtures.scratchDirectory("wsoa-value-meaning")
    let path = folder.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try TrackerLoader.load(path, options: options)
  }

  private static let percents: [(text: String, semicolon: Double?, comma: Double?, ambiguous: Bool)] = [
    ("62,5", 62.5, 62.5, false), ("62,5 %", 62.5, 62.5, false), ("0,5", 0.5, 0.5, false), ("100", 100, 100, false),
    ("37.5", 37.5, 37.5, false), ("1,250", 1.25, 1250, true), ("50-60", nil, nil, false), ("12,25%", 12.25, 12.25, false), ("N/A", nil, nil, false), ("TBC", nil, nil, false),
  ]

  private func tracker(delimiter: String) -> String {
    func field(_ s: String) -> String { s.contains(delimiter) ? "\"\(s)\"" : s }
    var lines = [["Ref", "Action", "Lead", "% complete", "Dec-21"].joined(separator: delimiter)]
    for (i, p) in Self.percents.enumerated() {
      let letter = String(UnicodeScalar(UInt8(65 + i)))
      lines.append(["1.1\(letter)", "Action \(letter)", "SCM SEND", field(p.text), "G"].map { $0 }.joined(separator: delimiter))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test(arguments: [(";", true), (",", false), ("\t", false)])
  func percentCompleteKeepsItsDecimalComma(delimiter: String, semicolon: Bool) throws {
    let outcome = try load(tracker(delimiter: delimiter), name: delimiter == "\t" ? "p.tsv" : "p.csv")
    let actions = outcome.value.actions
    #expect(actions.count == Self.percents.count)
    for (action, p) in zip(actions, Self.percents) {
      #expect(action.percentComplete == (semicolon ? p.semicolon : p.comma), "\(p.text) with \(delimiter.debugDescription)")
    }
    let ambiguous = outcome.diagnostics.filter { $0.code == "number.ambiguous_separator" }
    #expect(ambiguous.count == Self.percents.filter(\.ambiguous).count)
    #expect(ambiguous.allSatisfy { $0.severity == .warning && $0.location?.cell?.column == 4 })
    let invalid = outcome.diagnostics.filter { $0.code == "number.invalid" }
    #expect(invalid.count == 1)
    #expect(invalid.first?.message.contains("50-60") == true)
  }

  @Test func theLocaleCanBeGivenInsteadOfGuessed() throws {
    let csv = tracker(delimiter: ",")
    let comma = try load(csv, name: "p.csv", options: LoadOptions(decimalComma: true)).value.actions
    #expect(comma.first { $0.key == "1.1F" }?.percentComplete == 1.25)
    let point = try load(tracker(delimiter: ";"), name: "p.csv", options: LoadOptions(decimalComma: false)).value.actions
    #expect(point.first { $0.key == "1.1F" }?.percentComplete == 1250)
    #expect(point.first { $0.key == "1.1A" }?.percentComplete == 62.5)
  }

  // MARK: Keys and preambles

  /// Keys as councils lay them out above the table, one cell per entry.
  private static func keyRows(_ words: [String], layout: Int) -> [[CellValue]] {
    let meanings = ["Delayed", "In progress, some slippage", "On track", "Completed and embedded", "Not yet started"]
    switch layout {
    case 0: return [[.text("Key")]] + words.enumerated().map { [.text($1), .text(meanings[$0 % meanings.count])] }
    case 1: return [[.text("Key:")] + words.map { .text($0) }]
    case 2: return words.enumerated().map { [.empty, .empty, .text($1), .text(meanings[$0 % meanings.count])] }
    case 3: return [[.text("RAG key"), .text(words[0])]]
    case 4: return [[.empty, .text(words[0]), .text(meanings[0])]]
    case 6: return [[.text("Progress status")] + words.map { .text($0) }]
    default: return words.map { [.empty, .text($0)] }
    }
  }

  private static let vocabularies = [
    ["Red", "Amber", "Green", "Blue"], ["R", "A", "G", "B"], ["Green", "Complete"], ["On track", "At risk", "Off track"],
    ["G/A", "A/R"], ["Grey"], ["Complete"],
  ]

  private static func table() -> [[CellValue]] {
    [
      [.text("Ref"), .text("Action"), .text("Lead"), .text("Dec-21")],
      [.text("1.1A"), .text("Do it"), .text("SCM SEND"), .text("G")],
      [.text("1.1B"), .text("Do more"), .text("SCM SEND"), .text("A")],
    ]
  }

  @Test func aKeyIsNeverAnOverallStatusNorAPriority() throws {
    var checked = 0
    for words in Self.vocabularies {
      for layout in 0..<7 where layout < 5 || words.count > 1 {
        for labelled in [false, true] {
          for sheetName in ["Tracker", "Sheet1", "APP tracker"] {
            var rows: [[CellValue]] = labelled ? [[.text("Priority 4: Improve the local offer")]] : []
            rows += Self.keyRows(words, layout: layout)
            rows.append([])
            rows += Self.table()
            let outcome = try Recogniser.recognise(GridLiteral.sheet(sheetName, rows), file: "k.xlsx")
            let plan = outcome.value
            #expect(plan.priorities.allSatisfy { $0.overallStatus == nil }, "\(words) layout \(layout) on \(sheetName)")
            #expect(!plan.priorities.contains { $0.id == sheetName }, "priority made from the sheet name \(sheetName)")
            #expect(plan.priorities.map(\.id) == (labelled ? ["4"] : []), "\(words) layout \(layout)")
            #expect(plan.actions.count == 2)
            // The key's cells are kept verbatim or read as the key (codes or words), not lost.
            let kept = Set(plan.unparsed.flatMap(\.cells).map(\.text))
            for word in layout == 3 || layout == 4 ? [words[0]] : words {
              #expect(kept.contains(word) || plan.statusScheme.contains { $0.code == word || $0.label == word }, "\(word) lost (layout \(layout))")
            }
            checked += 1
          }
        }
      }
    }
    #expect(checked > 200)
  }

  @Test func aLabelledOrLoneOverallStatusIsStillRead() throws {
    for (words, rating) in [(["Amber"], Rating.amber), (["G"], .green), (["Red"], .red)] {
      // Labelled, with a key beside it.
      var rows: [[CellValue]] = [[.text("Priority 2: Aspirations are high")], [.text("Overall status"), .text(words[0])]]
      rows += Self.keyRows(["Red", "Amber", "Green"], layout: 0)
      rows += Self.table()
      let labelled = try Recogniser.recognise(GridLiteral.sheet("Tracker", rows), file: "o.xlsx").value
      #expect(labelled.priorities.map(\.id) == ["2"])
      #expect(labelled.priorities.first?.overallStatus?.rating == rating)
      // Labelled above, with a key laid out across a row.
      var below: [[CellValue]] = [[.text("Priority 2: Aspirations are high")], [.empty, .text("Overall RAG")]]
      below += [[.empty, .text(words[0])]] + Self.keyRows(["R", "A", "G"], layout: 1) + Self.table()
      let above = try Recogniser.recognise(GridLiteral.sheet("Tracker", below), file: "o.xlsx").value
      #expect(above.priorities.first?.overallStatus?.rating == rating)
      // Alone in the preamble, as in the seed (I4 `G/A`).
      let lone: [[CellValue]] = [[.text("Priority 2: Aspirations are high")], [.text("Vision: better"), .empty, .text(words[0])]]
        + Self.table()
      let plan = try Recogniser.recognise(GridLiteral.sheet("Tracker", lone), file: "o.xlsx").value
      #expect(plan.priorities.first?.overallStatus?.rating == rating)
      #expect(plan.priorities.first?.vision == "better")
    }
  }

  @Test func withoutAPriorityTheOverallStatusAndVisionAreKeptVerbatim() throws {
    let rows: [[CellValue]] = [[.text("Vision: better outcomes"), .empty, .text("Amber")], []] + Self.table()
    let plan = try Recogniser.recognise(GridLiteral.sheet("Tracker", rows), file: "v.xlsx").value
    #expect(plan.priorities.isEmpty)
    let kept = plan.unparsed.flatMap(\.cells).map(\.text)
    #expect(kept.contains("Vision: better outcomes"))
    #expect(kept.contains("Amber"))
  }
}
