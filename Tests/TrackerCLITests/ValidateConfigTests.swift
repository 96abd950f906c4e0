import Diagnostics
import Foundation
import TestSupport
import Testing
import TrackerKit
import TrackerModel

@Suite("validate: wsoa.toml")
struct ValidateConfigTests {
  static let example = """
    # Staffordshire's settings
    [validate]
    as_of = "2022-01-31"
    mixed_status = "between"   # G/A counts as the lower
    strict = true
    period_gap_months = 9
    stalled_periods = 3

    [rules]
    "action.overdue" = "off"
    "status.gap" = 'info'

    [statuses]
    "On track" = "green"
    "Paused" = "grey"
    "Signed off" = { rating = "blue", completion = "embedded", label = "Signed off \\u2713" }
    """

  @Test func readsEverySetting() throws {
    let config = try ValidationConfig.parse(Self.example, path: "wsoa.toml")
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
  }

  @Test(arguments: [
    ("[rules]\n\"status.gapp\" = \"off\"\n", "wsoa.toml:2: unknown rule code \"status.gapp\" (see `wsoa validate --list-rules`)"),
    ("[validate]\nas_of = \"31/01/2022\"\n", "wsoa.toml:2: as_of \"31/01/2022\" is not a date like 2022-01-31"),
    ("[validate]\nstrict = yes\n", "wsoa.toml:2: \"yes\" is not a string, boolean or integer (strings need quotes)"),
    ("[rules]\nstatus.gap = \"off\"\n", "wsoa.toml:2: dotted keys are not supported; quote the key, e.g. \"status.gap\""),
    ("[statuses]\n\"On track\" = \"teal\"\n", "wsoa.toml:2: \"teal\" is not a rating; use red, amber, green, blue, grey or n/a"),
    ("[rules]\n\"status.gap\" = \"off\"\n\"status.gap\" = \"info\"\n", "wsoa.toml:3: key \"status.gap\" is defined twice in [rules]"),
    ("strict = true\n", "wsoa.toml:1: \"strict\" must be inside [validate], [rules], [statuses], [headers] or [colours]"),
    ("[output]\n", "wsoa.toml:1: unknown table [output]; expected [validate], [rules], [statuses], [headers] or [colours]"),
    ("[colours]\nteal = \"#008080\"\n", "wsoa.toml:2: \"teal\" is not a rating; use red, amber, green, blue, grey or n/a"),
    ("[colours]\namber = \"orange\"\n", "wsoa.toml:2: colour \"orange\" is not like \"#C00000\""),
    ("[colours]\nred = { font = \"#FFFFFF\" }\n", "wsoa.toml:2: colour \"red\" needs a fill"),
    ("[validate]\nmixed_status = \"between\n", "wsoa.toml:2: unterminated string"),
  ])
  func errorsNameFileAndLine(text: String, message: String) {
    #expect(throws: (any Error).self) { try ValidationConfig.parse(text, path: "wsoa.toml") }
    do {
      _ = try ValidationConfig.parse(text, path: "wsoa.toml")
    } catch {
      #expect(error.description == message)
    }
  }

  @Test func coloursSetTheFillAndAReadableTextColour() throws {
    let config = try ValidationConfig.parse(
      "[colours]\namber = \"#FFC000\"\nred = { fill = \"#C00000\", font = \"#FFFF00\" }\nblue = \"#1F3864\"\n", path: "wsoa.toml")
    #expect(config.palette.colours[.amber] == StatusPalette.Colours(fill: 0xFFC000, font: 0x000000))
    #expect(config.palette.colours[.red] == StatusPalette.Colours(fill: 0xC00000, font: 0xFFFF00))
    #expect(config.palette.colours[.blue] == StatusPalette.Colours(fill: 0x1F3864, font: 0xFFFFFF))
    #expect(config.palette.colours[.green] == StatusPalette.standard.colours[.green])
  }

  @Test func theDocumentedExampleIsValid() throws {
    let docs = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("docs/cli.md"), encoding: .utf8)
    let section = docs.components(separatedBy: "## wsoa validate").dropFirst().first ?? ""
    let block = section.components(separatedBy: "```toml\n").dropFirst().first?.components(separatedBy: "```").first
    let config = try ValidationConfig.parse(try #require(block), path: "docs/cli.md")
    #expect(config.policy.disabled == ["action.overdue", "status.stalled"])
    #expect(config.vocabulary.meaning(of: "on track")?.rating == .green)
    #expect(config.vocabulary.meaning(of: "signed off")?.completion == .embedded)
  }

  @Test func discoversTheFileBesideTheInput() throws {
    let dir = try Fixtures.scratchDirectory("validate-config")
    let input = dir.appendingPathComponent("return.tsv").path
    #expect(ValidationConfig.discover(besideInput: input) == nil)
    try Data("[validate]\nstrict = true\n".utf8).write(to: dir.appendingPathComponent("wsoa.toml"))
    #expect(ValidationConfig.discover(besideInput: input) == dir.appendingPathComponent("wsoa.toml").path)
  }
}
