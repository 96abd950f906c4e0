import Diagnostics
import Grid
import TestSupport
import Testing
import TrackerModel

@testable import TrackerKit

/// A large table is previewed and built in chunks on several threads; the
/// plan and every finding must be exactly those of reading it on one thread.
/// The 6,000-row grid mixes what changes from row to row in real trackers:
/// filled-down and repeated focus areas, letters and numbers, `As above`
/// leads and evidence (also across chunk edges), HTML and plain cells, dated,
/// undated, partial and invalid notes, cross-references, status words and
/// unknown codes, blank rows, an extra column and a trailing block.
@Suite struct ParallelRecognitionTests {
  static let header: [String] = [
    "Focus Area (Intent)", "Actions (Implementation)", "Lead", "Evidence (Impact)", "Dec-19", "Jan-20", "Apr-21",
    "Dec-21", "Sub Group Action to date (Implementation)", "EVIDENCE", "Comments",
  ]

  static func grid(rows count: Int) -> Workbook {
    var random = SeededRandom(seed: 42)
    func pick(_ options: [String]) -> String { options[Int(random.next() % UInt64(options.count))] }
    var rows: [[CellValue]] = [header.map { .text($0) }]
    for n in 0..<count {
      if n % 97 == 50 {
        rows.append(Array(repeating: .empty, count: header.count))
        continue
      }
      var focus = ""
      if n % 7 == 0 { focus = "Ref - 1.\(n / 7 % 9 + 1) " + pick(["aspirations and outcomes.", "the local offer", ""]) }
      if n % 211 == 3 { focus = "Cross-cutting work" }
      let letter = String(UnicodeScalar(UInt8(65 + n % 26)))
      let action = pick(["\(letter). Define the offer", "(\(letter.lowercased())) Co-produce it", "\(n % 9 + 1)) Review", "", "Audit  the  plan"])
      let lead = pick(["SCM SEND", "Tim Moss/ Lynn Tolley", "As above", "", "Head of Inclusion & SENCO network"])
      let impact = pick(["<p>district quality</p> <p>people &amp; places</p>", "plain impact text", ""])
      let statuses = (0..<4).map { _ in pick(["G", "A", "R", "B", "G/A", "Green", "complete", "??", ""]) }
      let notes = pick([
        "<p>May 2021: social plan, see 1.2A above.</p>\n<p>December 2022: young engagement</p>",
        "Undated progress text", "Q2: partial note", "31/02/2024 - not a date", "Feb 2021: done. Sept 2021: more",
        "", "<p>Jan 2021: SEE 6E</p><p>continued without a date</p>",
      ])
      let evidence = pick(["<p>1. co-produce SENCO.</p> <p>2. E12 engagement</p>", "As above", "a; b; c", "1. x 2.", ""])
      let comment = pick(["\"Quoted\", with a comma", "", "kept as extra"])
      rows.append(([focus, action, lead, impact] + statuses + [notes, evidence, comment]).map { $0.isEmpty ? .empty : .text($0) })
    }
    rows.append(Array(repeating: .empty, count: header.count))
    rows.append([.text("Notes:"), .text("figures are provisional")])
    return GridLiteral.sheet("Actions", rows)
  }

  @Test func threadsReadALargeTableExactlyAsOneThreadDoes() throws {
    let workbook = Self.grid(rows: 6_000)
    var one = RecogniserOptions()
    one.allowsThreads = false
    let single = try Recogniser.recognise(workbook, file: "large.xlsx", options: one)
    let threaded = try Recogniser.recognise(workbook, file: "large.xlsx", options: RecogniserOptions())
    #expect(single.value.actions.count > 5_000)
    #expect(single.diagnostics.count > 1_000)
    #expect(threaded.value == single.value)
    #expect(threaded.diagnostics == single.diagnostics)
  }

  /// A workbook handed over (the recogniser then frees each table's cells
  /// as its actions are built) reads exactly as one the caller keeps; a
  /// sheet asked for twice reads whole both times.
  @Test func aWorkbookGivenUpReadsAsOneStillHeld() throws {
    let held = Self.grid(rows: 3_000)
    let kept = try Recogniser.recognise(held, file: "large.xlsx")
    let given = try Recogniser.recognise(Self.grid(rows: 3_000), file: "large.xlsx")
    #expect(kept.value.actions.count > 2_500)
    #expect(given.value == kept.value)
    #expect(given.diagnostics == kept.diagnostics)
    let twice = try Recogniser.recognise(
      Self.grid(rows: 3_000), file: "large.xlsx", options: RecogniserOptions(sheets: ["Actions", "Actions"]))
    let n = kept.value.actions.count
    #expect(twice.value.actions.count == 2 * n)
    #expect(Array(twice.value.actions.prefix(n)) == kept.value.actions)
    #expect(Array(twice.value.actions.suffix(n)) == kept.value.actions)
  }
}
