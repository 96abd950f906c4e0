import AtomicOutput
import DelimitedFormat
import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing
import TrackerKit

/// Grid JSON is valid JSON with the documented shape, whatever the cell text holds.
@Suite struct GridJSONWriterTests {
  func render(_ body: (ByteSink) throws -> Void) throws -> (text: String, json: [String: Any]) {
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("grid.json").path
    try AtomicFile.write(to: path, body)
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    return (String(decoding: data, as: UTF8.self), try #require(object))
  }

  @Test func everyValueKindAndSheetFeature() throws {
    let tricky = "quote \" backslash \\ newline \n tab \t cr \r bell \u{07} nul-free – 😀"
    var sheet = Sheet(name: "Q3 \"Actions\"", visibility: .hidden)
    sheet.mergedRanges = [try #require(CellRange(a1: "A1:B1"))]
    sheet.hiddenColumns = [4, 2]
    let rows = [
      Row(number: 1, values: [.text(tricky), .number(0.25), .bool(false)]),
      Row(
        number: 3, isHidden: true,
        cells: [
          Cell(column: 2, value: .date(DateCell(year: 2021, month: 4, day: 1, serial: 44287))),
          Cell(column: 4, value: .error(CellError(code: "#N/A"))), Cell(column: 5, value: .number(.nan)),
        ]),
    ]
    let (text, json) = try render { sink in
      var writer = GridJSONWriter(sink: sink, file: "q3.xlsx")
      writer.beginSheet(sheet)
      for row in rows { writer.consume(row) }
      writer.endSheet(sheet)
      writer.finish(report: GridReadReport(format: .xlsx))
    }
    #expect(json["file"] as? String == "q3.xlsx")
    let sheets = try #require(json["sheets"] as? [[String: Any]])
    #expect(sheets.count == 1)
    #expect(sheets[0]["name"] as? String == "Q3 \"Actions\"")
    #expect(sheets[0]["visibility"] as? String == "hidden")
    #expect(sheets[0]["merged"] as? [String] == ["A1:B1"])
    #expect(sheets[0]["hiddenColumns"] as? [Int] == [2, 4])
    let jsonRows = try #require(sheets[0]["rows"] as? [[String: Any]])
    #expect(jsonRows.map { $0["row"] as? Int } == [1, 3])
    #expect(jsonRows[0]["line"] == nil)
    #expect(jsonRows[1]["hidden"] as? Bool == true)
    let first = try #require(jsonRows[0]["cells"] as? [Any])
    #expect(first[0] as? String == tricky)
    #expect(first[1] as? Double == 0.25)
    #expect(first[2] as? Bool == false)
    let second = try #require(jsonRows[1]["cells"] as? [Any])
    #expect(second.count == 5)
    #expect(second[0] is NSNull && second[2] is NSNull && second[4] is NSNull)
    #expect((second[1] as? [String: Any])?["date"] as? String == "2021-04-01")
    #expect((second[1] as? [String: Any])?["serial"] as? Int == 44287)
    #expect((second[3] as? [String: Any])?["error"] as? String == "#N/A")
    #expect((json["input"] as? [String: Any])?["format"] as? String == "xlsx")
    // One row per line.
    #expect(text.split(separator: "\n").filter { $0.contains("{\"row\": ") }.count == 2)
    #expect(text.contains("\\u0007"))
  }

  @Test func csvRowsCarryTheirLineAndTheInputDescribesTheDecoding() throws {
    let path = Fixtures.url("csv/quoted-newlines.csv").path
    let (_, json) = try render { sink in
      try GridDump.write(path: path, reading: GridReadOptions(), writing: GridWriteOptions(format: .json), to: sink)
    }
    let rows = try #require((json["sheets"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]])
    #expect(rows.map { $0["line"] as? Int } == [1, 2, 4, 6])
    #expect((rows[1]["cells"] as? [String])?[1] == "<p>Oct 2019: started</p>\n<p>Dec 2019: on track</p>")
    let input = try #require(json["input"] as? [String: String])
    #expect(input == ["format": "delimited", "encoding": "utf-8", "delimiter": "comma"])
  }

  @Test func anEmptyWorkbookIsStillValidJSON() throws {
    let (_, json) = try render { sink in
      GridJSONWriter(sink: sink, file: "none").finish(report: GridReadReport(format: .xlsx))
    }
    #expect((json["sheets"] as? [Any])?.isEmpty == true)
  }
}
