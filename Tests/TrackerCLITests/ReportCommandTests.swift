import AtomicOutput
import Diagnostics
import Foundation
import TestSupport
import Testing
import TrackerKit
import TrackerModel

@testable import TrackerCLI

/// `wsoa report`: the HTML's structure, self-containment, determinism and
/// content, on the sample and on a merge of the fixture returns.
@Suite("report: the board report HTML")
struct ReportCommandTests {
  static let sample = Fixtures.sample("staffordshire-priority-2.xlsx").path

  /// Runs `wsoa report ARGS -o <scratch>/report.html` in-process; the status and the file's text.
  static func report(_ arguments: [String]) throws -> (status: Int32, html: String) {
    let dir = try Fixtures.scratchDirectory("wsoa-report")
    let out = dir.appendingPathComponent("report.html").path
    let status = WSOACommand.run(arguments: ["report"] + arguments + ["-o", out])
    let html = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    return (status, html)
  }

  /// The merged fixture returns, as wsoa/1 JSON in a scratch folder.
  static func mergedFixture() throws -> String {
    let dir = try Fixtures.scratchDirectory("wsoa-report-merge")
    let merged = dir.appendingPathComponent("merged.json").path
    let returns = ["ehcp-return.tsv", "gr-return.csv", "joint-comm-q4.csv", "old-template-return.xlsx"]
      .map { Fixtures.url("merge/returns/\($0)").path }
    let status = WSOACommand.run(arguments: ["merge", Fixtures.url("merge/master.tsv").path] + returns + ["-o", merged, "--quiet"])
    // 1: conflicts are left for the officer (the merged tracker is still written).
    #expect(status == 0 || status == 1)
    return merged
  }

  @Test func sampleReportHasTheLandmarksSectionsAndAccessibleTables() throws {
    let (status, html) = try Self.report([Self.sample])
    #expect(status == 0)
    let root = try HTMLNode.parse(html)
    #expect(root.name == "html" && root.attributes["lang"] == "en-GB")
    let body = try #require(root.all("body").first)
    #expect(body.children.map(\.name) == ["header", "main", "footer"])
    #expect(root.all("nav").count == 1)
    #expect(root.all("title").first?.text.contains("Progress report") == true)
    for id in ["summary", "attention", "changes", "priorities", "actions", "findings", "sources"] {
      let section = try #require(root.element(id: id), "section \(id)")
      #expect(section.name == "section")
      #expect(section.attributes["aria-labelledby"].flatMap { root.element(id: $0) }?.name == "h2")
    }
    // Every table: a caption, column headings with scope, and each body row headed by a th with scope.
    let tables = root.all("table")
    #expect(tables.count >= 5)
    for table in tables {
      #expect(table.children.first?.name == "caption" && table.children.first?.text.isEmpty == false)
      for th in table.all("thead").flatMap({ $0.all("th") }) { #expect(th.attributes["scope"] == "col") }
      for row in table.all("tbody").flatMap({ $0.all("tr") }) {
        let first = row.children.first
        #expect(first?.name == "th" && ["row", "rowgroup"].contains(first?.attributes["scope"] ?? "") || first?.attributes["colspan"] != nil)
      }
    }
  }

  @Test func heatmapHasEveryActionAndPeriodWithALetterAndTheNoteInTheTooltip() throws {
    let html = try Self.report([Self.sample]).html
    let root = try HTMLNode.parse(html)
    let plan = try TrackerLoader.load(Self.sample).value
    let heat = root.all("table").filter { $0.classes.contains("heat") }
    #expect(heat.count == 1)
    let rows = heat.flatMap { $0.all("tbody") }.flatMap { $0.all("tr") }.filter { !$0.classes.contains("fa") }
    #expect(rows.map { $0.children[0].text } == plan.actions.map(\.key))
    let headings = heat[0].all("thead")[0].all("th").map(\.text)
    #expect(Array(headings.suffix(plan.periods.count)) == plan.periods.map(\.label))
    // Focus-area groups, in source order.
    let areas = heat[0].all("tr").filter { $0.classes.contains("fa") }.map(\.text)
    #expect(areas.count == Set(plan.actions.compactMap(\.focusRef)).count)
    #expect(areas.first?.hasPrefix("1.1 Roles") == true)
    let palette = Set(BoardReport.ratingOrder.map { ReportPalette.swatch($0).cssClass })
    for (row, action) in zip(rows, plan.actions) {
      let cells = row.children.filter { $0.classes.contains("s") }
      #expect(cells.count == plan.periods.count)
      for (cell, period) in zip(cells, plan.periods) {
        // Colour and letter: a palette class and visible text.
        #expect(!cell.classes.intersection(palette).isEmpty)
        #expect(!cell.text.isEmpty)
        let title = try #require(cell.attributes["title"])
        #expect(title.hasPrefix("\(action.key), \(period.label): "))
        for note in action.notes where note.periodId == period.id {
          #expect(title.contains(String(note.text.prefix(40))), "\(action.key) \(period.label)")
        }
      }
    }
    // 3.1F's G/A in Dec-21 keeps what was written and is coloured as what it counts as (amber, moving towards).
    let f = try #require(rows.first { $0.children[0].text == "3.1F" })
    let dec21 = f.children.filter { $0.classes.contains("s") }.last!
    #expect(dec21.text == "G/A" && dec21.classes.contains("a"))
  }

  @Test func headlineCountsAreTheLatestAndPreviousPeriods() throws {
    let root = try HTMLNode.parse(try Self.report([Self.sample]).html)
    let plan = try TrackerLoader.load(Self.sample).value
    let reading = LegendReading(scheme: LegendReading.entries(plan.statusScheme, scope: .periods), mixed: plan.mixedStatusReading)
    func count(_ rating: Rating, _ period: String) -> Int {
      plan.actions.filter { ($0.status(for: period).map { reading.effectiveRating($0.status) } ?? .none) == rating }.count
    }
    let table = try #require(root.element(id: "summary")?.all("table").first)
    #expect(table.children[0].text.contains("Dec-21") && table.children[0].text.contains("Apr-21"))
    let rows = table.all("tbody")[0].all("tr")
    for rating in [Rating.red, .amber, .green, .blue, .grey] {
      let name = ReportPalette(reading: reading).name(rating)
      let row = try #require(rows.first { $0.children[0].text.hasSuffix(name) }, "\(rating)")
      let values = row.children.dropFirst().map(\.text)
      #expect(values[0] == "\(count(rating, "2021-12"))")
      #expect(values[1] == "\(count(rating, "2021-04"))")
    }
    // The council's words from the key over the period columns: Green = Completed.
    #expect(rows.contains { $0.children[0].text.hasSuffix("Green (Completed)") })
  }

  @Test func attentionIsWhatValidateReportsWithTheCell() throws {
    let root = try HTMLNode.parse(try Self.report([Self.sample]).html)
    let settings = ValidationSettings(today: CivilDate(year: 9999, month: 12, day: 31))
    let verdict = TrackerValidation.validate(file: Self.sample, settings: settings, loader: TrackerValidation.defaultLoader)
    let expected = verdict.findings.filter { BoardReport.attentionCodes.contains($0.code) }
    #expect(!expected.isEmpty)
    let section = try #require(root.element(id: "attention"))
    let rows = section.all("tbody").flatMap { $0.all("tr") }
    #expect(rows.count == expected.count)
    for finding in expected {
      let cell = try #require(finding.location?.sheetCell)
      #expect(rows.contains { $0.children[1].text == cell && $0.children[2].text == finding.message }, "\(finding.code) \(cell)")
    }
    #expect(rows.contains { $0.children[0].text == "3.1F" && $0.children[1].text == "'Priority 2'!H9" })
  }

  /// The attention rules' findings are the report's content, in the HTML with their cells; the
  /// terminal shows what reading found (as convert does), not a line per regression.
  @Test func attentionFindingsGoToTheHTMLNotTheTerminal() throws {
    let dir = try Fixtures.scratchDirectory("wsoa-report-stderr")
    let out = dir.appendingPathComponent("report.html").path
    let tracker = Fixtures.sample("staffordshire-priority-2.tsv").path
    let run = try ProcessRunner.wsoa(["report", tracker, "-o", out, "--color", "never"])
    #expect(run.status == 0, "\(run.stderr)")
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(html.contains("3.1F went from G (Apr-21) to G/A (Dec-21)"))
    #expect(!run.stderr.contains("status.regression_without_note"), "\(run.stderr)")
    // What reading found is still shown.
    #expect(run.stderr.contains("note.undated") || run.stderr.contains("evidence.empty_item"), "\(run.stderr)")
  }

  /// The report runs only the rules its attention list needs: the findings summary counts what reading
  /// found and what those rules found, exactly as validate counts them, and names every code it left out.
  @Test func findingsCountReadingAndTheAttentionRulesAndNameTheRulesLeftOut() throws {
    let root = try HTMLNode.parse(try Self.report([Self.sample]).html)
    let settings = ValidationSettings(today: CivilDate(year: 9999, month: 12, day: 31))
    let verdict = TrackerValidation.validate(file: Self.sample, settings: settings, loader: TrackerValidation.defaultLoader)
    let leftOut = Set(BoardReport.codesNotNeeded)
    #expect(verdict.findings.contains { leftOut.contains($0.code) }, "the sample has findings of a rule left out")
    #expect(leftOut.isDisjoint(with: BoardReport.attentionCodes))
    var expected: [String: Int] = [:]
    for finding in verdict.findings where !leftOut.contains(finding.code) { expected[finding.code, default: 0] += 1 }
    let section = try #require(root.element(id: "findings"))
    var counts: [String: Int] = [:]
    for row in section.all("tbody")[0].all("tr") { counts[row.children[0].text] = Int(row.children[2].text) }
    #expect(counts == expected)
    let note = try #require(section.all("p").first).text
    for code in leftOut { #expect(note.contains(code), "\(code)") }
  }

  /// A cell's tooltip keeps at most 400 bytes of its period's notes, each note's line (date prefix and
  /// text) cut at a character boundary with "…" once the budget runs out, as the report has always cut it.
  @Test func tooltipNotesAreClippedToTheBudgetAtACharacterBoundary() throws {
    let dir = try Fixtures.scratchDirectory("wsoa-report-tooltip")
    let tracker = dir.appendingPathComponent("tracker.tsv")
    let master = try String(contentsOf: Fixtures.url("merge/master.tsv"), encoding: .utf8)
    // 1.1A's notes (column J): two long notes dated in December 2021, the second in two-byte letters.
    let notes = "<p>Dec 2021: " + String(repeating: "plan agreed ", count: 24) + "</p> <p>Dec 2021: "
      + String(repeating: "réunion été ", count: 30) + "</p>"
    let lines = master.components(separatedBy: "\n").map { line -> String in
      var cells = line.components(separatedBy: "\t")
      guard cells.count > 9, cells[1].hasPrefix("A. Co-produce and clearly define") else { return line }
      cells[9] = notes
      return cells.joined(separator: "\t")
    }
    try lines.joined(separator: "\n").write(to: tracker, atomically: true, encoding: .utf8)
    let (status, html) = try Self.report([tracker.path])
    #expect(status == 0)
    // The old algorithm, as the oracle: each line clipped to what is left, the "…" counted.
    func clipped(_ value: String, _ limit: Int) -> String {
      let bytes = Array(value.utf8)
      guard bytes.count > limit else { return value }
      var end = limit
      while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
      return String(decoding: bytes[..<end], as: UTF8.self) + "…"
    }
    let plan = try TrackerLoader.load(tracker.path).value
    let action = try #require(plan.actions.first { $0.key == "1.1A" })
    let root = try HTMLNode.parse(html)
    let heat = root.all("table").filter { $0.classes.contains("heat") }
    let row = try #require(heat.flatMap { $0.all("tr") }.first { $0.children.first?.text == "1.1A" })
    #expect(row.children.filter { $0.classes.contains("s") }.count == plan.periods.count)
    var checked = 0
    for (cell, period) in zip(row.children.filter { $0.classes.contains("s") }, plan.periods) {
      var budget = 400
      var expected: [String] = []
      for note in action.notes where note.periodId == period.id && budget > 0 {
        let line = clipped((note.prefix.map { $0 + ": " } ?? "") + note.text, budget)
        expected.append(line)
        budget -= line.utf8.count
      }
      let title = try #require(cell.attributes["title"])
      #expect(Array(title.components(separatedBy: "\n").dropFirst()) == expected, "\(period.label)")
      if expected.count >= 2 && expected.last?.hasSuffix("…") == true { checked += 1 }
    }
    #expect(checked == 1, "one period holds both long notes, the second cut")
  }

  @Test func selfContainedNoScriptNoURL() throws {
    let html = try Self.report([Self.sample]).html
    let root = try HTMLNode.parse(html)
    for banned in ["script", "img", "link", "iframe", "object", "embed", "audio", "video", "source", "base", "form", "image", "use"] {
      #expect(root.all(banned).isEmpty, "<\(banned)>")
    }
    for node in root.descendants {
      for (name, value) in node.attributes where ["src", "href", "srcset", "action", "xlink:href", "data"].contains(name) {
        #expect(value.hasPrefix("#"), "\(name)=\(value)")
      }
      #expect(!node.attributes.keys.contains { $0.hasPrefix("on") }, "event handler on <\(node.name)>")
    }
    let style = root.all("style").map(\.text).joined()
    #expect(!style.contains("url(") && !style.contains("@import") && !style.contains("@font-face"))
    #expect(style.contains("@page{size:A4 landscape"))
    // The only URL is the SVG namespace name (an identifier, never fetched).
    let unnamespaced = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    #expect(!unnamespaced.contains("http://") && !unnamespaced.contains("https://"))
    let csp = root.all("meta").first { $0.attributes["http-equiv"] == "Content-Security-Policy" }
    #expect(csp?.attributes["content"]?.hasPrefix("default-src 'none'") == true)
  }

  @Test func committedSampleReportIsWhatTheCommandGives() throws {
    // scripts/demo.sh writes samples/report.html from the repository root, with this relative path.
    let dir = try Fixtures.scratchDirectory("wsoa-report-sample")
    let out = dir.appendingPathComponent("report.html").path
    let result = try ProcessRunner.wsoa(["report", "samples/staffordshire-priority-2.xlsx", "-o", out], in: Fixtures.repositoryRoot)
    #expect(result.status == 0)
    let committed = try String(contentsOf: Fixtures.sample("report.html"), encoding: .utf8)
    #expect(try String(contentsOfFile: out, encoding: .utf8) == committed, "rerun scripts/demo.sh and commit samples/report.html")
  }

  @Test func sameInputsGiveTheSameBytes() throws {
    let first = try Self.report([Self.sample])
    let second = try Self.report([Self.sample])
    #expect(first.status == 0 && !first.html.isEmpty)
    #expect(first.html == second.html)
  }

  @Test func barsHaveOneTitledBarPerPeriod() throws {
    let root = try HTMLNode.parse(try Self.report([Self.sample]).html)
    let plan = try TrackerLoader.load(Self.sample).value
    let svgs = try #require(root.element(id: "priorities")).all("svg")
    #expect(svgs.count == plan.priorities.count)
    for svg in svgs {
      #expect(svg.children.first?.name == "title" && svg.attributes["role"] == "img")
      let bars = svg.all("g")
      #expect(bars.count == plan.periods.count)
      for (bar, period) in zip(bars, plan.periods) {
        #expect(bar.children.first?.name == "title")
        #expect(bar.children.first?.text.hasPrefix(period.label + ": ") == true)
        // Segment widths add up to the whole bar.
        let widths = bar.all("rect").compactMap { Int($0.attributes["width"] ?? "") }
        #expect(widths.reduce(0, +) == 240)
      }
    }
  }

  @Test func mergedReturnsReportWithTheirSourcesAndNewPeriods() throws {
    let merged = try Self.mergedFixture()
    let (status, html) = try Self.report([merged])
    #expect(status == 0)
    let root = try HTMLNode.parse(html)
    let plan = try TrackerLoader.load(merged).value
    let heat = root.all("table").filter { $0.classes.contains("heat") }
    let keys = heat.flatMap { $0.all("tbody") }.flatMap { $0.all("tr") }.filter { !$0.classes.contains("fa") }.map { $0.children[0].text }
    #expect(Set(keys) == Set(plan.actions.map(\.key)))
    #expect(keys.contains("4E"))  // the action the EHCP return added
    let sources = try #require(root.element(id: "sources")).text
    #expect(sources.contains("merged from \(plan.sources.count) files"))
    #expect(plan.sources.count == 5)
    // The latest period is the merged one (Mar-22 or the quarter), compared with the one before.
    let caption = try #require(root.element(id: "summary")?.all("caption").first).text
    #expect(caption.contains(plan.periods.last!.label))
  }

  @Test func sinceComparesWithTheEarlierVersion() throws {
    let merged = try Self.mergedFixture()
    let master = Fixtures.url("merge/master.tsv").path
    let (status, html) = try Self.report([merged, "--since", master])
    #expect(status == 0)
    let root = try HTMLNode.parse(html)
    let caption = try #require(root.element(id: "summary")?.all("caption").first).text
    #expect(caption.contains(master))
    // "Before" counts are the master's latest period.
    let old = try TrackerLoader.load(master).value
    let total = try #require(root.element(id: "summary")).all("tbody")[0].all("tr").dropLast()
      .compactMap { Int($0.children[2].text) }.reduce(0, +)
    #expect(total == old.actions.count)
    // What changed is the PlanDiff of the two versions.
    let diff = PlanDiff(old: old, new: try TrackerLoader.load(merged).value)
    let changes = try #require(root.element(id: "changes"))
    func rows(_ heading: String) -> [HTMLNode] {
      changes.all("table").first { $0.children[0].text.hasPrefix(heading + ":") }.map { $0.all("tbody")[0].all("tr") } ?? []
    }
    #expect(rows("New actions").map { $0.children[0].text } == diff.actionsAdded.map(\.key))
    #expect(rows("New actions").contains { $0.children[0].text == "4E" })
    // Status moves ranked with the merged tracker's key (Green = Completed), a new period's status
    // against the one before it; one that ranks the same as before is no change.
    let tracker = try #require(ReportTracker.trackers([TrackerValidation.validate(
      file: merged, settings: ValidationSettings(today: CivilDate(year: 9999, month: 12, day: 31)),
      loader: TrackerValidation.defaultLoader)], mixed: nil).first)
    var moves: [String: Int] = [:]
    for (_, change) in diff.statusChanges {
      let from = change.old ?? change.baseline?.status
      guard let from, let to = change.new, let a = tracker.reading.rank(from), let b = tracker.reading.rank(to) else {
        moves["Status changed", default: 0] += 1
        continue
      }
      if a == b && change.periodAdded { continue }
      moves[b > a ? "Status improved" : b < a ? "Status slipped" : "Status changed", default: 0] += 1
    }
    for heading in ["Status improved", "Status slipped", "Status changed"] {
      #expect(rows(heading).count == moves[heading] ?? 0, "\(heading)")
    }
    #expect(rows("Status changed").contains { $0.children[0].text == "5F" && $0.children[1].text == "empty → A (Mar-22)" })
    #expect(rows("New notes").count == diff.counts.notesAdded + diff.counts.notesEdited)
    #expect(rows("New review periods").count == diff.periodsAdded.count)
    #expect(changes.text.contains("Compared: \(master) → \(merged)"))
  }

  @Test func usageAndMissingInputs() throws {
    #expect(WSOACommand.run(arguments: ["report"]) == ExitStatus.usage.rawValue)
    #expect(WSOACommand.run(arguments: ["report", Self.sample, "--since", "a", "--since", "b"]) == ExitStatus.usage.rawValue)
    #expect(try Self.report(["/nonexistent/wsoa-report.xlsx"]).status == ExitStatus.noInput.rawValue)
  }

  @Test func longTrackersArePagedAndCollapsed() throws {
    // 1,203 actions under one priority: three closed pages of at most 500.
    var lines = ["Focus Area (Intent)\tActions (Implementation)\tLead\tDec-21\tMar-22"]
    for n in 0..<1203 {
      lines.append("Ref - \(n / 8 + 1).1 Area \(n / 8 + 1)\t\(["A", "B", "C", "D", "E", "F", "G", "H"][n % 8]). Action \(n)\tLead \(n % 7)\t\(["R", "A", "G"][n % 3])\t\(["G", "A", "R", "B"][n % 4])")
    }
    let dir = try Fixtures.scratchDirectory("wsoa-report-long")
    let path = dir.appendingPathComponent("long.tsv").path
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let (status, html) = try Self.report([path])
    #expect(status == 0)
    let root = try HTMLNode.parse(html)
    let details = try #require(root.element(id: "actions")).all("details")
    #expect(details.count == 3)
    #expect(details.allSatisfy { $0.attributes["open"] == nil })
    let rows = details.flatMap { $0.all("tbody") }.flatMap { $0.all("tr") }.filter { !$0.classes.contains("fa") }
    #expect(rows.count == 1203)
    for (number, page) in details.enumerated() {
      #expect(page.all("summary")[0].text.contains("(page \(number + 1) of 3)"))
    }
  }

  /// The lists keep `listLimit` entries per kind and count every one; the
  /// heatmap written on several threads is the same bytes as on one.
  @Test func listsAreCappedButCountedAndThreadsDoNotChangeTheBytes() throws {
    // 2,400 actions whose statuses move in every direction, with notes in the latest period.
    var lines = ["Focus Area (Intent)\tActions (Implementation)\tLead\tDec-21\tMar-22\tProgress notes"]
    for n in 0..<2400 {
      let letter = ["A", "B", "C", "D", "E", "F", "G", "H"][n % 8]
      let note = n % 3 == 0 ? "Mar 2022: reviewed \(n)" : ""
      lines.append("Ref - \(n / 8 + 1).1 Area\t\(letter). Action \(n)\tLead\t\(["R", "A", "G"][n % 3])\t\(["G", "A", "R", "B"][n % 4])\t\(note)")
    }
    let dir = try Fixtures.scratchDirectory("wsoa-report-capped")
    let path = dir.appendingPathComponent("moves.tsv").path
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let settings = ValidationSettings(today: CivilDate(year: 9999, month: 12, day: 31))
    let verdict = TrackerValidation.validate(file: path, settings: settings, loader: TrackerValidation.defaultLoader)
    let trackers = ReportTracker.trackers([verdict], mixed: nil)
    let all = BoardReport(trackers: trackers, listLimit: .max)
    let capped = BoardReport(trackers: trackers, listLimit: 40)
    #expect(all.changeCounts == capped.changeCounts)
    #expect(all.attentionCounts == capped.attentionCounts)
    #expect(all.changeCounts.reduce(0, +) == all.changes.count)
    #expect(all.attentionCounts.reduce(0, +) == all.attention.count)
    #expect(all.changeCounts.filter { $0 > 40 }.count >= 3)
    for kind in ChangeItem.Kind.allCases {
      let kept = capped.changes.filter { $0.kind == kind }
      #expect(kept == Array(all.changes.filter { $0.kind == kind }.prefix(40)), "\(kind)")
    }
    for code in BoardReport.attentionCodes {
      #expect(capped.attention.filter { $0.code == code } == Array(all.attention.filter { $0.code == code }.prefix(40)))
    }
    // The same report written with and without threads.
    var bytes: [[UInt8]] = []
    for threads in [true, false] {
      var html = BoardReportHTML(capped)
      html.pageSize = 100
      html.allowsThreads = threads
      let out = dir.appendingPathComponent("threads-\(threads).html").path
      try AtomicFile.write(to: out) { html.write(to: $0) }
      bytes.append(Array(try Data(contentsOf: URL(fileURLWithPath: out))))
    }
    #expect(bytes[0] == bytes[1])
    let root = try HTMLNode.parse(String(decoding: bytes[0], as: UTF8.self))
    #expect(try #require(root.element(id: "actions")).all("details").count == 24)
    let changes = try #require(root.element(id: "changes"))
    #expect(changes.all("p").contains { $0.text.hasPrefix("… and \(capped.changeCounts[ChangeItem.Kind.allCases.firstIndex(of: .slipped)!] - 40) more") })
  }
}
