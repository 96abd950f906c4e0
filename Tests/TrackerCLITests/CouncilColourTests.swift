import Foundation
import TestSupport
import Testing

/// `wsoa.toml` beside the input colours the cleaned XLSX: `[statuses]` words
/// keep their word and get their rating's colour, `[colours]` sets the fills;
/// `convert` and `validate --annotate` alike.
@Suite struct CouncilColourTests {
  static let tracker = """
    Ref\tAction\tLead\tMar-24\tJun-24\tProgress notes
    1.1A\tOpen a single front door.\tEarly Help Manager\tA\tPaused\t01/03/2024: Front door live.

    """
  static let config = """
    [statuses]
    "Paused" = "grey"

    [colours]
    amber = "#FFC000"
    grey = { fill = "#7F7F7F", font = "#FFFFFF" }

    """

  private func part(_ xlsx: String, _ name: String) throws -> String {
    try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/unzip"), ["-p", xlsx, name]).stdout
  }

  @Test(arguments: ["convert", "validate"])
  func configuredWordsAndColoursReachTheWorkbook(command: String) throws {
    let dir = try Fixtures.scratchDirectory("wsoa-council-colours")
    let input = dir.appendingPathComponent("tracker.tsv").path
    try Data(Self.tracker.utf8).write(to: URL(fileURLWithPath: input))
    try Data(Self.config.utf8).write(to: dir.appendingPathComponent("wsoa.toml"))
    let out = dir.appendingPathComponent("out.xlsx").path
    let arguments = command == "convert" ? ["convert", input, "-o", out, "-q"] : ["validate", input, "--annotate", out]
    let run = try ProcessRunner.wsoa(arguments)
    // Both read the statuses with the config: no status.unknown, exit 0.
    #expect(run.status == 0, "\(run.stderr)")
    let sheet = try part(out, "xl/worksheets/sheet1.xml")
    #expect(sheet.contains("<formula>\"Paused\"</formula>"), "no colour rule for the configured word")
    let strings = try part(out, "xl/sharedStrings.xml")
    #expect(strings.contains(">Paused<"), "the word was not kept")
    let styles = try part(out, "xl/styles.xml")
    #expect(styles.contains("FFFFC000") && styles.contains("FF7F7F7F"), "the configured fills are missing")
    #expect(!styles.contains("FFFFB000"), "the default amber is still used")
  }
}
