import Foundation
import Grid
import TestSupport
import Testing
import TrackerKit

/// One `wsoa.toml`, every command: a council's own status word changes what
/// convert, validate and merge do, found beside the input or in a folder
/// above it, and `config --show` says where it came from.
@Suite("wsoa.toml: a council's own words reach convert, validate and merge")
struct CouncilConfigTests {
  /// A return whose latest status is the council's word "Paused", a master
  /// without that period's statuses, and (optionally) the council's config
  /// in the folder above them.
  static func folder(config: String?) throws -> (root: URL, returns: URL) {
    let root = try Fixtures.scratchDirectory("council-config")
    let returns = root.appendingPathComponent("returns")
    try FileManager.default.createDirectory(at: returns, withIntermediateDirectories: true)
    let header = "Ref\tAction\tLead\tSub Group\tDec-21\tMar-22\n"
    try Data((header + "1.1\tPublish the Local Offer\tAna Lima\tEHCP\tG\tPaused\n1.2\tTrain SENCOs\tBen Cole\tEHCP\tA\tG\n").utf8)
      .write(to: returns.appendingPathComponent("ehcp.tsv"))
    try Data((header + "1.1\tPublish the Local Offer\tAna Lima\tEHCP\tG\t\n1.2\tTrain SENCOs\tBen Cole\tEHCP\tA\t\n").utf8)
      .write(to: returns.appendingPathComponent("master.tsv"))
    if let config { try Data(config.utf8).write(to: root.appendingPathComponent("wsoa.toml")) }
    return (root, returns)
  }

  static let councilWords = "# our own words\n[statuses]\n\"Paused\" = \"grey\"\n"

  /// The rating a JSON output gives "Paused".
  static func pausedRating(_ json: URL) throws -> String? {
    let text = try String(contentsOf: json, encoding: .utf8)
    guard let range = text.range(of: "\"raw\":\"Paused\",\"rating\":\"") else { return nil }
    return String(text[range.upperBound...].prefix { $0 != "\"" })
  }

  /// The text of action 1.1's Mar-22 status cell (the sixth column) in a written XLSX.
  static func pausedCell(_ xlsx: URL) throws -> (text: String, fill: UInt32?)? {
    let workbook = try GridReader().readWorkbook(path: xlsx.path).value
    for sheet in workbook.sheets {
      for row in sheet.rows where row.cells.first?.value == .text("1.1") {
        guard let cell = row.cells.first(where: { $0.column == 6 }) else { return nil }
        return (cell.value.displayText, workbook.style(of: cell).fillRGB)
      }
    }
    return nil
  }

  @Test func theCouncilsWordsChangeEveryCommand() throws {
    let (root, returns) = try Self.folder(config: Self.councilWords)
    let input = returns.appendingPathComponent("ehcp.tsv").path
    let master = returns.appendingPathComponent("master.tsv").path

    // convert: no status.unknown, rating grey, the cell coloured grey in the XLSX.
    let json = root.appendingPathComponent("out.json")
    let convert = try ProcessRunner.wsoa(["convert", input, "-o", json.path])
    #expect(convert.status == 0, "\(convert.stderr)")
    #expect(!convert.stderr.contains("status.unknown"))
    #expect(convert.stderr.contains("info[status.normalised]: \"Paused\" read as Grey (council word from wsoa.toml)"))
    #expect(try Self.pausedRating(json) == "grey")
    let xlsx = root.appendingPathComponent("out.xlsx")
    #expect(try ProcessRunner.wsoa(["convert", input, "-o", xlsx.path]).status == 0)
    // The cleaned tracker keeps the council's word, and a conditional
    // format fills it grey (docs/printing.md).
    #expect(try Self.pausedCell(xlsx)?.text == "Paused")

    // validate: exit 0, no status.unknown.
    let validate = try ProcessRunner.wsoa(["validate", input, "--as-of", "2022-04-30"])
    #expect(validate.status == 0, "\(validate.stdout)")
    #expect(!validate.stdout.contains("status.unknown"))

    // merge (the master's wsoa.toml): the return's word merges as grey, with no error.
    let merged = root.appendingPathComponent("merged.json")
    let merge = try ProcessRunner.wsoa(["merge", master, input, "-o", merged.path])
    #expect(merge.status == 0, "\(merge.stderr)")
    #expect(!merge.stderr.contains("status.unknown"))
    #expect(try Self.pausedRating(merged) == "grey")

    // config --show names the file and the line.
    let show = try ProcessRunner.wsoa(["config", "--show", input])
    #expect(show.status == 0)
    #expect(show.stdout.contains("Paused = \"grey\""))
    #expect(show.stdout.contains(root.appendingPathComponent("wsoa.toml").path + ":3"))
    let shown = try ProcessRunner.wsoa(["config", "--show", input, "--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: shown.stdoutData) as? [String: Any])
    #expect(object["schema"] as? String == "wsoa-config/1")
    let settings = try #require(object["settings"] as? [[String: Any]])
    let paused = try #require(settings.first { $0["table"] as? String == "statuses" })
    #expect(paused["key"] as? String == "Paused" && paused["value"] as? String == "grey")
    #expect(paused["origin"] as? String == root.appendingPathComponent("wsoa.toml").path + ":3")
    #expect(settings.contains { $0["key"] as? String == "strict" && $0["origin"] as? String == "default" && $0["value"] as? Bool == false })
  }

  @Test func withoutTheWordsEveryCommandReportsTheUnknownStatus() throws {
    let (root, returns) = try Self.folder(config: nil)
    let input = returns.appendingPathComponent("ehcp.tsv").path
    let json = root.appendingPathComponent("out.json")
    let convert = try ProcessRunner.wsoa(["convert", input, "-o", json.path])
    #expect(convert.status == 1)
    #expect(convert.stderr.contains("error[status.unknown]"))
    #expect(try Self.pausedRating(json) == "unknown")
    let xlsx = root.appendingPathComponent("out.xlsx")
    #expect(try ProcessRunner.wsoa(["convert", input, "-o", xlsx.path]).status == 1)
    #expect(try Self.pausedCell(xlsx)?.text == "Paused")
    #expect(try ProcessRunner.wsoa(["validate", input, "--as-of", "2022-04-30"]).status == 1)
    let merge = try ProcessRunner.wsoa(
      ["merge", returns.appendingPathComponent("master.tsv").path, input, "-o", root.appendingPathComponent("m.json").path])
    #expect(merge.stderr.contains("error[status.unknown]"))
    // The same words given with --config, from anywhere, work as well.
    let config = root.appendingPathComponent("council.toml")
    try Data(Self.councilWords.utf8).write(to: config)
    let given = try ProcessRunner.wsoa(["convert", input, "-o", json.path, "--config", config.path])
    #expect(given.status == 0 && !given.stderr.contains("status.unknown"))
    // And --disable governs a code on convert too.
    let quiet = try ProcessRunner.wsoa(["convert", input, "-o", json.path, "--severity", "status.unknown=warning"])
    #expect(quiet.status == 0 && quiet.stderr.contains("warning[status.unknown]"))
  }

  @Test func aBadConfigIsTheSameErrorEverywhere() throws {
    let (root, returns) = try Self.folder(config: "[statuses]\n\"Paused\" = \"teal\"\n")
    let input = returns.appendingPathComponent("ehcp.tsv").path
    let expected = root.appendingPathComponent("wsoa.toml").path + ":2:1: \"teal\" is not a rating"
    let convert = try ProcessRunner.wsoa(["convert", input, "-o", root.appendingPathComponent("o.json").path])
    let validate = try ProcessRunner.wsoa(["validate", input])
    let merge = try ProcessRunner.wsoa(
      ["merge", returns.appendingPathComponent("master.tsv").path, input, "-o", root.appendingPathComponent("m.json").path])
    let show = try ProcessRunner.wsoa(["config", "--show", input])
    for run in [convert, validate, merge, show] {
      #expect(run.status == 65)
      #expect((run.stderr + run.stdout).contains(expected), "\(run.stderr)\(run.stdout)")
    }
  }

  /// `[subgroups]` and `[merge]` steer merge as `--sub-group` and `--prefer` would.
  @Test func subGroupSpellingsAndMergePreferences() throws {
    let root = try Fixtures.scratchDirectory("council-merge")
    let header = "Ref\tAction\tLead\tSub Group\tDec-21\tMar-22\n"
    let master = root.appendingPathComponent("master.tsv")
    try Data((header + "1.1\tPublish the Local Offer\tAna Lima\tEarly Years\tG\tA\n1.2\tTrain SENCOs\tBen Cole\tSchools\tA\tG\n").utf8)
      .write(to: master)
    let ret = root.appendingPathComponent("ey-update.tsv")
    try Data("Ref\tAction\tLead\tDec-21\tMar-22\n1.1\tPublish the Local Offer\tAna Lima\tG\tR\n".utf8).write(to: ret)
    let out = root.appendingPathComponent("merged.json").path
    let plain = try ProcessRunner.wsoa(["merge", master.path, ret.path, "-o", out])
    #expect(plain.status == 1)  // the conflict stays unresolved
    #expect(!plain.stderr.contains("Early Years (from the file name)"))
    try Data("[subgroups]\nEY = \"Early Years\"\n\n[merge]\nprefer = \"return\"\n".utf8)
      .write(to: root.appendingPathComponent("wsoa.toml"))
    let configured = try ProcessRunner.wsoa(["merge", master.path, ret.path, "-o", out])
    #expect(configured.status == 0, "\(configured.stderr)")
    #expect(configured.stderr.contains("ey-update.tsv: Early Years (from the file name)"))
    #expect(configured.stderr.contains("took \"R\" (--prefer return)"))
    // The command line still wins.
    let flagged = try ProcessRunner.wsoa(["merge", master.path, ret.path, "-o", out, "--prefer", "master"])
    #expect(flagged.stderr.contains("kept the master's value"))
  }
}
