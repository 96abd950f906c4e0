import Foundation
import TestSupport
import Testing

/// A workbook whose shared strings and sheet are both over 1 MiB is read
/// from a file with its strings on a second thread, beside the sheet
/// (`XLSXReader`'s beside read); from standard input it is read in order.
/// The two must give the same tracker, through the whole command, for
/// `convert` and for `validate`.
@Suite("A large workbook reads the same from a file and from standard input")
struct LargeWorkbookTests {
  /// How many actions the tracker has: enough for both parts to pass 1 MiB.
  static let actions = 4_500

  /// A tracker with unique long wording, notes and evidence,
  /// as CSV; `wsoa convert` turns it into the cleaned workbook.
  static func trackerCSV() -> String {
    var random = SeededRandom(seed: 0x5EED_B16)
    let words = [
      "aspirations", "evidence", "quality", "response", "providers", "assessment", "co-produce", "SENCO",
      "transition", "EHCP", "health", "inclusion", "families", "review", "outcomes", "network", "café", "naïve",
    ]
    func phrase(_ n: Int) -> String { (0..<n).map { _ in words[random.below(words.count)] }.joined(separator: " ") }
    let statuses = ["G", "A", "R", "B", "G/A"]
    var csv = "Focus Area (Intent),Actions (Implementation),Lead,Evidence (Impact),Dec-19,Jan-20,Apr-21,Dec-21,EVIDENCE,Comments\n"
    for i in 0..<Self.actions {
      let area = i % 40 == 0 ? "Ref - \(i / 400 + 1).\(i / 40 % 10 + 1) \(phrase(6))" : ""
      let letter = String(UnicodeScalar(UInt8(65 + i % 26)))
      let row = [
        area, "\(letter). action \(i) \(phrase(14))", "Lead \(i % 37)", "impact \(i) \(phrase(10))",
        statuses[random.below(5)], statuses[random.below(5)], statuses[random.below(5)], statuses[random.below(5)],
        "1. evidence \(i) \(phrase(5))\n2. \(phrase(4))", "Feb 2021: note \(i) \(phrase(8))\nMay 2021: \(phrase(6))",
      ]
      csv += row.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\n"
    }
    return csv
  }

  /// The sizes `unzip -l` lists for the workbook's parts.
  static func partSizes(_ path: String) throws -> [String: Int] {
    let listing = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["unzip", "-l", path])
    var sizes: [String: Int] = [:]
    for line in listing.stdout.split(separator: "\n") {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      if fields.count == 4, let size = Int(fields[0]) { sizes[String(fields[3])] = size }
    }
    return sizes
  }

  /// A JSON document with the input's name (`big.xlsx`, or `<stdin>`),
  /// wherever it appears, and the plan id made from it, replaced by one
  /// placeholder.
  static func document(_ data: Data) throws -> NSDictionary {
    var text = String(decoding: data, as: UTF8.self)
    for name in ["big.xlsx", "<stdin>"] { text = text.replacingOccurrences(of: name, with: "INPUT") }
    text = text.replacingOccurrences(of: "\"id\": \"big\"", with: "\"id\": \"INPUT\"")
    return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
  }

  @Test func convertAndValidateGiveTheSameFromAFileAndFromStandardInput() throws {
    let dir = try Fixtures.scratchDirectory("wsoa-large-workbook")
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(Self.trackerCSV().utf8).write(to: dir.appendingPathComponent("big.csv"))
    let made = try ProcessRunner.wsoa(["convert", "big.csv", "-o", "big.xlsx", "-q"], in: dir)
    #expect(made.status == 0 || made.status == 1, "\(made.stderr)")
    // Both parts over the 1 MiB from which the strings are read beside the sheet.
    let sizes = try Self.partSizes(dir.appendingPathComponent("big.xlsx").path)
    #expect((sizes["xl/sharedStrings.xml"] ?? 0) > 1 << 20, "\(sizes)")
    #expect((sizes["xl/worksheets/sheet1.xml"] ?? 0) > 1 << 20, "\(sizes)")
    let bytes = try Data(contentsOf: dir.appendingPathComponent("big.xlsx"))

    let fromFile = try ProcessRunner.wsoa(["convert", "big.xlsx", "-o", "-", "--to", "json", "-q"], in: dir)
    let fromInput = try ProcessRunner.wsoa(["convert", "-", "-o", "-", "--to", "json", "-q"], stdin: bytes, in: dir)
    #expect(fromFile.status == fromInput.status)
    let file = try Self.document(fromFile.stdoutData)
    let input = try Self.document(fromInput.stdoutData)
    let actions = (file["plan"] as? NSDictionary)?["actions"] as? [NSDictionary] ?? []
    let otherActions = (input["plan"] as? NSDictionary)?["actions"] as? [NSDictionary] ?? []
    #expect(actions.count == Self.actions)
    // Compared as a flag: a failure printing two 6 MB documents helps no one.
    let same = file == input
    #expect(same, "first action that differs: \(actions.indices.first { $0 >= otherActions.count || actions[$0] != otherActions[$0] } ?? -1)")

    let checkedFile = try ProcessRunner.wsoa(["validate", "big.xlsx", "--no-config", "--format", "json"], in: dir)
    let checkedInput = try ProcessRunner.wsoa(
      ["validate", "-", "--no-config", "--format", "json"], stdin: bytes, in: dir)
    #expect(checkedFile.status == checkedInput.status)
    let sameFindings = try Self.document(checkedFile.stdoutData) == Self.document(checkedInput.stdoutData)
    #expect(sameFindings)
  }
}
