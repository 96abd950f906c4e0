import Foundation
import Grid
import TestSupport
import Testing
import TrackerKit
import TrackerModel
import XLSXFormat

/// Status cells of the cleaned XLSX keep the officer's word, are coloured by
/// its meaning (a configured word too), and offer the words used in the drop-down.
@Suite struct StatusCellTests {
  /// A tracker whose key says green means completed, with council words,
  /// a word outside every vocabulary and a mixed code.
  static let tracker = """
    Status key: Green - Completed Amber - In progress Red - Delayed
    Ref\tAction\tLead\tMar-24\tJun-24\tProgress notes
    1.1A\tOpen a single front door.\tEarly Help Manager\tOn track\tPaused\t01/03/2024: Front door live.
    1.1B\tClear the review backlog.\tSEN Team Manager\tIn progress\tG/A\t20/03/2024: 40 reviews left.
    1.1C\tAgree the pathway.\tICB Commissioner\tR\tOff track\t15/03/2024: Drafted.

    """

  /// Writes the tracker as XLSX (with `words` as the council's) and returns
  /// the plan, the file and its first sheet's XML.
  static func write(_ words: CouncilVocabulary = CouncilVocabulary()) throws -> (plan: Plan, xlsx: String, xml: String) {
    let dir = try Fixtures.scratchDirectory("wsoa-status-cells")
    let tsv = dir.appendingPathComponent("tracker.tsv")
    try Data(tracker.utf8).write(to: tsv)
    let plan = try TrackerLoader.load(tsv.path).value
    let xlsx = dir.appendingPathComponent("tracker.xlsx").path
    var options = WriteOptions(format: .xlsx)
    options.statusWords = words
    try TrackerWriter.write(plan, findings: [], to: xlsx, options: options)
    let check = try SchemaCheck.run([xlsx])
    #expect(check.isAcceptable, "\(check.message)")
    let xml = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/unzip"), ["-p", xlsx, "xl/worksheets/sheet1.xml"]).stdout
    return (plan, xlsx, xml)
  }

  @Test func cellsKeepTheWordAndReadBackToTheSameStatus() throws {
    let (plan, xlsx, _) = try Self.write()
    let sheet = try #require(try XLSXReader(path: xlsx).readWorkbook().sheets.first)
    let texts = Set(sheet.rows.flatMap { $0.cells.compactMap { cell -> String? in
      if case .text(let t) = cell.value { return t } else { return nil }
    } })
    for word in ["On track", "Paused", "In progress", "G/A", "R", "Off track"] {
      #expect(texts.contains(word), "\"\(word)\" was not kept")
    }
    #expect(!texts.contains("Complete"))
    let back = try TrackerLoader.load(xlsx).value
    let same = PlanComparison.same(back, plan, .xlsx)
    #expect(same.0, "\(same.1)")
  }

  @Test func wordsAreColouredByMeaningAndOfferedInTheDropDown() throws {
    let plain = try Self.write().xml
    // Known words get a rule each; a word nobody defined does not.
    for word in ["On track", "In progress", "Off track", "R", "Complete"] {
      #expect(plain.contains("<formula>\"\(word)\"</formula>"), "no colour rule for \(word)")
    }
    #expect(!plain.contains("<formula>\"Paused\"</formula>"))
    // The drop-down: the codes, then the words used.
    #expect(plain.contains("<formula1>\"R,A,G,B,Grey,N/A,Complete,On track,Paused,In progress,G/A,Off track\"</formula1>"))

    var council = CouncilVocabulary()
    council.define("Paused", as: .init(rating: .grey))
    let configured = try Self.write(council).xml
    #expect(configured.contains("<formula>\"Paused\"</formula>"))
  }

  @Test func theOverallStatusIsLabelledAndColoured() throws {
    let dir = try Fixtures.scratchDirectory("wsoa-status-overall")
    let xlsx = dir.appendingPathComponent("p2.xlsx").path
    let plan = try TrackerLoader.load(Fixtures.sample("staffordshire-priority-2.xlsx").path).value
    try TrackerWriter.write(plan, findings: [], to: xlsx, options: WriteOptions(format: .xlsx))
    let styles = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/unzip"), ["-p", xlsx, "xl/styles.xml"]).stdout
    #expect(styles.contains(#"formatCode="&quot;Overall status: &quot;@""#))
    let xml = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/unzip"), ["-p", xlsx, "xl/worksheets/sheet1.xml"]).stdout
    // The overall status (A3) has its own colour rules, G/A among them.
    #expect(xml.contains(#"<conditionalFormatting sqref="A3">"#))
    let back = try TrackerLoader.load(xlsx).value
    #expect(back.priorities.first?.overallStatus?.effective == .amber)
  }
}
