@testable import DelimitedFormat
import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing

/// Delimiter detection proved on generated trackers: every layout × every
/// delimiter × prose holding all the other delimiters (and quotes and line
/// breaks) × preamble and footer variants × padded or ragged rows × with,
/// without and against the file name's hint.
@Suite struct DelimiterDetectionTests {
  /// One way of laying a tracker out.
  struct Layout: CustomStringConvertible {
    /// Lines above the table: 0 none, 1 a title, 2 + an as-at line, 3 + a legend line, 4 + a prose line.
    var preamble: Int
    /// Lines below the table: 0 none, 1 a note, 2 + a prose line.
    var footer: Int
    /// Trailing empty cells dropped (as hand-written and some exported files do), else every row padded.
    var ragged: Bool
    /// Prose punctuated densely with the other delimiters.
    var heavy: Bool
    /// How many actions, at least and at most.
    var actions: ClosedRange<Int>

    var description: String {
      "preamble \(preamble), footer \(footer), \(ragged ? "ragged" : "padded"), \(heavy ? "heavy" : "light") prose, "
        + "\(actions) actions"
    }

    static let all: [Layout] = {
      var layouts: [Layout] = []
      for preamble in 0...4 {
        for footer in 0...2 {
          for ragged in [false, true] {
            for heavy in [false, true] {
              for actions in [1...3, 3...12, 12...60] {
                layouts.append(Layout(preamble: preamble, footer: footer, ragged: ragged, heavy: heavy, actions: actions))
              }
            }
          }
        }
      }
      return layouts
    }()
  }

  /// Renders synthetic trackers as delimited text.
  struct TrackerText {
    var rng: SeededRandom

    static let words = (
      "the local area will review plans with parents and carers schools settings health partners ensure outcomes "
        + "improve timely assessments co-production training audit quality"
    ).split(separator: " ").map(String.init)
    /// What may follow a word in prose: every candidate delimiter, quotes and a line break among them.
    static let punctuation = [", ", "; ", " | ", "\t", " \"quoted\" ", "\n", ", ", ": ", " - ", "; ", ", "]

    mutating func pick<T>(_ items: [T]) -> T { items[rng.below(items.count)] }

    mutating func prose(heavy: Bool) -> String {
      var text = ""
      for _ in 0..<(3 + rng.below(28)) {
        text += pick(Self.words)
        text += rng.below(100) < (heavy ? 35 : 15) ? pick(Self.punctuation) : " "
      }
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      return trimmed.isEmpty ? "x" : trimmed
    }

    mutating func render(_ layout: Layout, delimiter: Delimiter) -> String {
      let periods = 1 + rng.below(6)
      var header = ["Ref", "Focus area", "Action", "Lead", "Due date"] + (1...periods).map { "Q\($0) RAG" }
      header += ["Update", "Evidence"]
      if rng.below(10) < 3 { header.shuffle(using: &rng) }
      let width = header.count
      var rows: [[String]] = []
      let preamble = [
        "SEND Written Statement of Action tracker",
        "Position as at 30/09/2023; updated by J. Smith, SEND team | draft",
        "Key: R = not started; A = in progress, G = done | B = embedded",
        prose(heavy: true),
      ].prefix(layout.preamble)
      for line in preamble { rows.append([line] + Array(repeating: "", count: width - 1)) }
      if !preamble.isEmpty, layout.preamble % 2 == 0 { rows.append(Array(repeating: "", count: width)) }
      rows.append(header)
      let actions = layout.actions.lowerBound + rng.below(layout.actions.count)
      for n in 0..<actions {
        if rng.below(100) < 15 {
          rows.append(["Priority \(n): " + prose(heavy: layout.heavy)] + Array(repeating: "", count: width - 1))
        }
        rows.append(
          header.map { column in
            switch column {
            case "Ref": return "\(n / 3 + 1).\(n % 3 + 1)"
            case "Action", "Update", "Evidence", "Focus area": return rng.below(10) < 9 ? prose(heavy: layout.heavy) : ""
            case "Lead": return pick(["J. Smith", "Head of SEND", "A Jones; B Patel", "SENCO, schools", "Health | CCG"])
            case "Due date": return pick(["Sep-23", "31/03/2024", "Ongoing", ""])
            default: return pick(["R", "A", "G", "B", "G/A", "", "Complete"])
            }
          })
      }
      let footer = ["Notes: see the evidence log; RAG is reviewed quarterly, by the board", prose(heavy: true)]
      for line in footer.prefix(layout.footer) { rows.append([line] + Array(repeating: "", count: width - 1)) }
      let separator = String(UnicodeScalar(delimiter.byte))
      let lineEnd = (layout.preamble + layout.footer) % 2 == 1 ? "\r\n" : "\n"
      return rows.map { row in
        var cells = row
        if layout.ragged { while cells.count > 1, cells.last == "" { cells.removeLast() } }
        return cells.map { Self.field($0, separator: separator) }.joined(separator: separator)
      }.joined(separator: lineEnd) + lineEnd
    }

    /// RFC 4180 quoting, as spreadsheet programs write it: only fields holding the delimiter, a quote or a line break.
    static func field(_ text: String, separator: String) -> String {
      guard text.contains(separator) || text.contains("\"") || text.contains("\n") || text.contains("\r") else {
        return text
      }
      return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
  }

  /// A file name whose extension agrees with `delimiter`, one that says nothing, and one that disagrees.
  static func names(for delimiter: Delimiter) -> (agreeing: String, neutral: String, disagreeing: String) {
    switch delimiter {
    case .tab: ("tracker.tsv", "tracker.txt", "tracker.csv")
    case .comma, .semicolon: ("tracker.csv", "tracker", "tracker.tsv")
    case .pipe: ("tracker.txt", "tracker", "tracker.csv")
    }
  }

  static func read(_ text: String, name: String) throws -> DelimitedReadReport {
    var builder = WorkbookBuilder()
    return try DelimitedReader().read(bytes: Array(text.utf8), name: name, into: &builder)
  }

  @Test func everyGeneratedTrackerIsReadWithItsOwnDelimiter() throws {
    var generator = TrackerText(rng: SeededRandom(seed: 12))
    var checked = 0
    var unclear = 0
    for layout in Layout.all {
      for round in 0..<2 {
        for delimiter in Delimiter.allCases {
          let text = generator.render(layout, delimiter: delimiter)
          let names = Self.names(for: delimiter)
          for name in [names.agreeing, names.neutral] {
            let report = try Self.read(text, name: name)
            #expect(
              report.delimiter == delimiter,
              "\(name) (\(layout), round \(round)) read as \(report.delimiter), written with \(delimiter)")
            if report.diagnostics.contains(where: { $0.code == "csv.delimiter_guess" }) { unclear += 1 }
            checked += 1
          }
          // A name that disagrees is a strong prior: the records must overrule it,
          // or, when they are too few to, the reader says it guessed and names the runner-up.
          let report = try Self.read(text, name: names.disagreeing)
          if report.delimiter != delimiter {
            let guess = report.diagnostics.first { $0.code == "csv.delimiter_guess" }
            #expect(
              guess?.message.contains("but \(delimiter) splits") == true,
              "\(names.disagreeing) (\(layout)) silently read as \(report.delimiter), written with \(delimiter)")
          }
        }
      }
    }
    #expect(checked == Layout.all.count * 2 * 4 * 2)
    // Close calls are the exception, not the rule.
    #expect(unclear * 50 < checked, "\(unclear) of \(checked) reads were reported as guesses")
  }

  /// The chunked first pass over a file detects as the in-memory read does.
  @Test func filesAreDetectedLikeBytes() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-delimiters-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var generator = TrackerText(rng: SeededRandom(seed: 99))
    for (n, layout) in Layout.all.enumerated() where n % 9 == 0 {
      for delimiter in Delimiter.allCases {
        let text = generator.render(layout, delimiter: delimiter)
        let name = Self.names(for: delimiter).neutral
        let path = folder.appendingPathComponent("\(n)-\(delimiter)-\(name)").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var builder = WorkbookBuilder()
        let fromFile = try DelimitedReader().read(contentsOf: path, into: &builder)
        let fromBytes = try Self.read(text, name: path)
        #expect(fromFile.delimiter == delimiter, "\(path) (\(layout))")
        #expect(fromFile.diagnostics == fromBytes.diagnostics)
      }
    }
  }

  /// The cases the issue describes: prose semicolons in a TSV, one "; " in a CSV's footer.
  @Test func proseDelimitersDoNotOutvoteTheTable() throws {
    let tsv = """
      Tracker; draft
      Ref\tAction\tLead\tDec-21
      1.1\tReview plans; agree outcomes\tJ. Smith\tG
      1.2\tTrain staff; audit files; report\tA. Jones\tA
      1.3\tPublish the local offer\tB. Patel; C. Khan\tR

      """
    #expect(try Self.read(tsv, name: "p2.tsv").delimiter == .tab)
    #expect(try Self.read(tsv, name: "p2").delimiter == .tab)
    let csv = """
      Ref,Action,Lead,Dec-21
      1.1,"Review plans, agree outcomes",J. Smith,G
      1.2,Train staff,A. Jones,A
      Notes: reviewed quarterly; see the log

      """
    #expect(try Self.read(csv, name: "p2.csv").delimiter == .comma)
    #expect(try Self.read(csv, name: "p2").delimiter == .comma)
  }

  /// The prior from the name holds against weaker evidence; a close call is reported, a clear one is not.
  @Test func thePriorHoldsUnlessClearlyOutweighed() {
    typealias E = DelimiterDetector.Evidence
    let close: [Delimiter: E] = [.tab: E(fields: 4, records: 5, score: 1.0), .semicolon: E(fields: 2, records: 7, score: 1.4)]
    let kept = DelimiterDetector.decide(close, likely: [.tab])
    #expect(kept == DelimiterGuess(delimiter: .tab, runnerUp: .semicolon, isClear: false))
    let clear: [Delimiter: E] = [.tab: E(fields: 2, records: 1, score: 0.2), .comma: E(fields: 9, records: 9, score: 3)]
    #expect(DelimiterDetector.decide(clear, likely: [.tab]) == DelimiterGuess(delimiter: .comma, runnerUp: .tab))
    #expect(DelimiterDetector.decide([:], likely: [.tab]) == DelimiterGuess(delimiter: .tab))
    #expect(DelimiterDetector.decide([:], likely: []) == DelimiterGuess(delimiter: .comma))
    let finding = DelimiterDetector.findings(kept, file: "p2.tsv")
    #expect(finding.map(\.code) == ["csv.delimiter_guess"])
    #expect(finding.first?.severity == .info)
    #expect(finding.first?.message.contains("read as tab, but semicolon splits") == true)
    #expect(DelimiterDetector.findings(DelimiterGuess(delimiter: .comma, runnerUp: .tab), file: "x.csv").isEmpty)
  }

  /// A delimiter given by the caller is used as is and never reported.
  @Test func aGivenDelimiterIsNotGuessed() throws {
    var builder = WorkbookBuilder()
    let report = try DelimitedReader(options: DelimitedReadOptions(delimiter: .semicolon))
      .read(bytes: Array("a,b;c\n".utf8), name: "x.csv", into: &builder)
    #expect(report.delimiter == .semicolon)
    #expect(!report.delimiterWasDetected)
    #expect(report.diagnostics.isEmpty)
  }

  /// A declared kind (`--from tsv` on standard input) is the prior when the name gives none.
  @Test func declaredKindIsThePrior() throws {
    let text = "a;b\tc\nd;e\tf\n"
    var builder = WorkbookBuilder()
    let tab = try DelimitedReader(options: DelimitedReadOptions(likelyDelimiters: [.tab]))
      .read(bytes: Array(text.utf8), name: "<stdin>", into: &builder)
    #expect(tab.delimiter == .tab)
    let semicolon = try DelimitedReader(options: DelimitedReadOptions(likelyDelimiters: [.semicolon]))
      .read(bytes: Array(text.utf8), name: "<stdin>", into: &builder)
    #expect(semicolon.delimiter == .semicolon)
  }
}
