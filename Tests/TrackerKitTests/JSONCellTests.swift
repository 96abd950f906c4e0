import Diagnostics
import Foundation
import Testing
@testable import TrackerKit

/// Every writer spells a cell as `CellAddress.a1` does, written straight
/// into its buffer, whatever the column's width or the row's length.
@Suite struct JSONCellTests {
  static let columns = [1, 26, 27, 702, 703, 16_384, 18_279, 475_255, Int.max, 0, -3]
  static let rows = [0, 1, 9, 10, 1_048_576, Int.max, -1, Int.min]

  @Test func aCellIsItsA1Form() {
    for column in Self.columns {
      for row in Self.rows {
        var out = JSONOutput(sink: nil, pretty: false, capacity: 4)
        out.beginArray()
        out.cell(row: row, column: column)
        out.endArray()
        let a1 = CellAddress(row: row, column: column).a1
        #expect(String(decoding: out.collected, as: UTF8.self) == "[\"\(a1)\"]", "row \(row), column \(column)")
      }
    }
  }

  @Test func aPlanLocationAndAReportLocationNameTheSameCell() throws {
    let origin = SourceOrigin(file: "q3 \"final\".xlsx", sheet: "Q3 Actions")
    for column in Self.columns {
      for row in Self.rows {
        let a1 = CellAddress(row: row, column: column).a1
        var plan = JSONOutput(sink: nil, pretty: false, capacity: 4)
        plan.beginArray()
        let compact = plan.location(origin, row: row, column: column, line: 7)
        #expect(compact)
        plan.endArray()
        var report = JSONOutput(sink: nil, pretty: false, capacity: 4)
        var locations = ReportLocationBytes()
        report.beginArray()
        locations.write(SourceLocation(origin: origin, cell: CellAddress(row: row, column: column)), to: &report)
        report.endArray()
        let planned = try #require(JSONSerialization.jsonObject(with: Data(plan.collected)) as? [[String: Any]])
        let reported = try #require(JSONSerialization.jsonObject(with: Data(report.collected)) as? [[String: Any]])
        #expect(planned.first?["cell"] as? String == a1)
        #expect(planned.first?["line"] as? Int == 7)
        #expect(reported.first?["cell"] as? String == a1)
        #expect(reported.first?["text"] as? String == "q3 \"final\".xlsx:'Q3 Actions'!\(a1)")
      }
    }
  }
}
