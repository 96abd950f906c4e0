import Diagnostics
import Foundation
import TestSupport
import Testing
import TrackerKit
import TrackerModel

@Suite("wsoa.toml: reading it (TOMLKit) and finding it")
struct ValidateConfigTests {
  static let example = """
    # Staffordshire's settings
    [read]
    mixed-status = "between"   # G/A counts as the lower

    [validate]
    as-of = 2022-01-31         # a TOML date; "2022-01-31" works too
    strict = true
    period-gap-months = 9
    stalled-periods = 3

    [rules]
    "action.overdue" = "off"
    status.gap = 'info'        # a dotted key names the code as well

    [statuses]
    "On track" = "green"
    "Paused" = "grey"
    "Signed off" = { rating = "blue", completion = "embedded", label = "Signed off \\u2713" }
    "Comment" = { rating = "amber", label = \"\"\"
    Amber, with a comment\"\"\" }

    [subgroups]
    EY = "Early Years"

    [merge]
    prefer = "return"
    accept-leads = true
    """

  @Test func readsEverySetting() throws {
    let config = try TrackerConfig.parse(Self.example, path: "wsoa.toml")
    #expect(config.asOf == CivilDate(year: 2022, month: 1, day: 31))
    #expect(config.mixedStatusReading == .between)
    #expect(config.strict == true)
    #expect(config.periodGapMonths == 9)
    #expect(config.stalledPeriods == 3)
    #expect(config.policy.disabled == ["action.overdue"])
    #expect(config.policy.severities == ["status.gap": .info])
    #expect(config.vocabulary.meaning(of: "ON-TRACK")?.rating == .green)
    #expect(config.vocabulary.meaning(of: " paused ")?.rating == .grey)
    let signedOff = config.vocabulary.meaning(of: "signed off")
    #expect(signedOff?.completion == .embedded)
    #expect(signedOff?.label == "Signed off ✓")
    #expect(config.vocabulary.meaning(of: "comment")?.label == "Amber, with a comment")
    #expect(config.subGroupAliases == ["EY": "Early Years"])
    #expect(config.prefer == .return && config.acceptLeads == true && config.acceptText == nil)
    // Where each value came from, for `config --show`.
    let origins = Dictionary(config.settings.map { ("\($0.table).\($0.key)", $0.position?.line ?? 0) }) { a, _ in a }
    #expect(origins["validate.as-of"] == 6)
    #expect(origins["rules.status.gap"] == 13)
    #expect(origins["statuses.Paused"] == 17)
    #expect(origins["merge.accept-leads"] == 27)
  }

  @Test(arguments: [
    ("[rules]\n\"status.gapp\" = \"off\"\n", "wsoa.toml:2:1: unknown rule code \"status.gapp\" (see `wsoa rules`)"),
    ("[rules]\n  status.gapp = \"off\"\n", "wsoa.toml:2:3: unknown rule code \"status.gapp\" (see `wsoa rules`)"),
    ("[validate]\nas-of = \"31/01/2022\"\n", "wsoa.toml:2:1: as-of \"31/01/2022\" is not a date like 2022-01-31"),
    ("[validate]\nas-of = 2022-02-30\n", nil),
    ("[validate]\nstrict = \"yes\"\n", "wsoa.toml:2:1: strict must be true or false, not a string"),
    ("[validate]\nas_of = 2022-01-31\n",
     "wsoa.toml:2:1: unknown key \"as_of\" in [validate]; keys are spelt as on the command line: \"as-of\"; expected as-of, strict, period-gap-months, stalled-periods"),
    ("[read]\nmixed-status = \"moving_towards\"\n", "wsoa.toml:2:1: mixed-status \"moving_towards\" must be \"moving-towards\" or \"between\""),
    ("[statuses]\n\"On track\" = \"teal\"\n", "wsoa.toml:2:1: \"teal\" is not a rating; use red, amber, green, blue, grey or n/a"),
    ("[statuses]\nDone = { rating = \"blue\", colour = \"x\" }\n",
     "wsoa.toml:2:27: unknown field \"colour\" for status \"Done\"; expected rating, completion, label (strings)"),
    ("[merge]\nprefer = \"returns\"\n", "wsoa.toml:2:1: prefer \"returns\" must be \"master\" or \"return\""),
    ("strict = true\n", "wsoa.toml:1:1: \"strict\" must be inside a table; expected [read], [validate], [rules], [statuses], [headers], [periods], [colours], [subgroups], [merge]"),
    ("\n[output]\n", "wsoa.toml:2:2: unknown table [output]; expected [read], [validate], [rules], [statuses], [headers], [periods], [colours], [subgroups], [merge]"),
    ("[colours]\nteal = \"#008080\"\n", "wsoa.toml:2:1: \"teal\" is not a rating; use red, amber, green, blue, grey or n/a"),
    ("[colours]\namber = \"orange\"\n", "wsoa.toml:2:1: colour \"orange\" is not like \"#C00000\""),
    ("[colours]\nred = { font = \"#FFFFFF\" }\n", "wsoa.toml:2:1: colour \"red\" needs a fill"),
  ] as [(String, String?)])
  func semanticErrorsNameFileLineAndColumn(text: String, message: String?) {
    do {
      _ = try TrackerConfig.parse(text, path: "wsoa.toml")
      Issue.record("accepted: \(text)")
    } catch {
      if let message { #expect(error.description == message) } else { #expect(error.description.hasPrefix("wsoa.toml:2:")) }
    }
  }

  /// TOMLKit's own syntax errors carry its line and column.
  @Test(arguments: [
    ("[validate]\nmixed-status = \"between\n", 2),
    ("[rules]\n\"status.gap\" = \"off\"\n\"status.gap\" = \"info\"\n", 3),
    ("[validate]\nstrict = yes\n", 2),
    ("[read]\n\n\n[read]\n", 4),
  ])
  func syntaxErrorsNameLine(text: String, line: Int) {
    do {
      _ = try TrackerConfig.parse(text, path: "wsoa.toml")
      Issue.record("accepted: \(text)")
    } catch {
      guard case .syntax(let path, let found, let column, let reason) = error else {
        Issue.record("expected a syntax error, got \(error)")
        return
      }
      #expect(path == "wsoa.toml" && found == line && column >= 1 && !reason.isEmpty, "\(error)")
    }
  }

  @Test func coloursSetTheFillAndAReadableTextColour() throws {
    let config = try TrackerConfig.parse(
      "[colours]\namber = \"#FFC000\"\nred = { fill = \"#C00000\", font = \"#FFFF00\" }\nblue = \"#1F3864\"\n", path: "wsoa.toml")
    #expect(config.palette.colours[.amber] == StatusPalette.Colours(fill: 0xFFC000, font: 0x000000))
    #expect(config.palette.colours[.red] == StatusPalette.Colours(fill: 0xC00000, font: 0xFFFF00))
    #expect(config.palette.colours[.blue] == StatusPalette.Colours(fill: 0x1F3864, font: 0xFFFFFF))
    #expect(config.palette.colours[.green] == StatusPalette.standard.colours[.green])
  }

  @Test func theDocumentedExampleIsValid() throws {
    let docs = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("docs/configuration.md"), encoding: .utf8)
    let block = docs.components(separatedBy: "```toml\n").dropFirst().first?.components(separatedBy: "```").first
    let config = try TrackerConfig.parse(try #require(block), path: "docs/configuration.md")
    #expect(config.policy.disabled == ["action.overdue", "status.stalled"])
    #expect(config.vocabulary.meaning(of: "on track")?.rating == .green)
    #expect(config.vocabulary.meaning(of: "signed off")?.completion == .embedded)
    let sample = try TrackerConfig.load(path: Fixtures.repositoryRoot.appendingPathComponent("samples/wsoa.example.toml").path)
    #expect(sample.vocabulary.meaning(of: "paused")?.rating == .grey)
  }

  @Test func discoversTheFileBesideTheInputOrAbove() throws {
    let dir = try Fixtures.scratchDirectory("validate-config")
    let nested = dir.appendingPathComponent("returns/2022")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    let input = nested.appendingPathComponent("return.tsv").path
    #expect(TrackerConfig.discover(from: input) == nil)
    try Data("[validate]\nstrict = true\n".utf8).write(to: dir.appendingPathComponent("wsoa.toml"))
    #expect(TrackerConfig.discover(from: input) == dir.appendingPathComponent("wsoa.toml").path)
    #expect(TrackerConfig.discover(from: nested.path) == dir.appendingPathComponent("wsoa.toml").path)
    // The nearest one wins.
    try Data("[validate]\nstrict = false\n".utf8).write(to: nested.appendingPathComponent("wsoa.toml"))
    #expect(TrackerConfig.discover(from: input) == nested.appendingPathComponent("wsoa.toml").path)
    // A repository root stops the search.
    try FileManager.default.removeItem(at: nested.appendingPathComponent("wsoa.toml"))
    try FileManager.default.createDirectory(at: nested.appendingPathComponent(".git"), withIntermediateDirectories: true)
    #expect(TrackerConfig.discover(from: input) == nil)
  }
}
