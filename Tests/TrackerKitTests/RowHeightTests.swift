import Foundation
import TestSupport
import Testing
import TrackerKit

/// The cleaned tracker sets row heights for long wrapped text, so rows don't
/// overlap in programs that don't refit rows on open (LibreOffice headless).
@Suite struct RowHeightTests {
  @Test func longNotesGetTallRowsAndShortRowsStayAutomatic() throws {
    let plan = try TrackerLoader.load(Fixtures.sample("staffordshire-priority-2.tsv").path).value
    let folder = try Fixtures.scratchDirectory("wsoa-heights")
    let xlsx = folder.appendingPathComponent("p2.xlsx").path
    try TrackerWriter.write(plan, findings: [], to: xlsx, options: WriteOptions(format: .xlsx))
    let unzip = try ProcessRunner.run(
      URL(fileURLWithPath: "/usr/bin/unzip"), ["-p", xlsx, "xl/worksheets/sheet1.xml"])
    #expect(unzip.status == 0)
    // Every <row ...> tag, with its r and ht.
    var heights: [(row: Int, height: Double?)] = []
    var rest = Substring(unzip.stdout)
    while let start = rest.range(of: "<row ") {
      let tagEnd = rest[start.upperBound...].firstIndex(of: ">") ?? rest.endIndex
      let tag = rest[start.upperBound..<tagEnd]
      if let r = Self.attribute("r", in: tag).flatMap(Int.init) {
        heights.append((r, Self.attribute("ht", in: tag).flatMap(Double.init)))
      }
      rest = rest[tagEnd...]
    }
    let dataHeights = heights.compactMap(\.height)
    // The seed's 3.3C and 5C notes run to several hundred characters in a
    // 70-character column: those rows need many lines.
    #expect(dataHeights.contains { $0 >= 8 * 15 }, "heights: \(heights)")
    #expect(dataHeights.allSatisfy { $0 <= 409 })
    // The header rows keep the automatic height.
    #expect(heights.contains { $0.height == nil })
  }

  private static func attribute(_ name: String, in tag: Substring) -> String? {
    guard let range = tag.range(of: " \(name)=\"") ?? (tag.hasPrefix("\(name)=\"") ? tag.range(of: "\(name)=\"") : nil)
    else { return nil }
    let value = tag[range.upperBound...]
    return value.firstIndex(of: "\"").map { String(value[..<$0]) }
  }
}
