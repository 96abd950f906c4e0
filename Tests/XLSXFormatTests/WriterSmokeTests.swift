import Diagnostics
import Foundation
import Grid
import Testing
import XLSXFormat

@Suite struct WriterSmokeTests {
  @Test func writesAValidWorkbook() throws {
    let dir = try WriterTestSupport.scratch()
    let out = dir.appendingPathComponent("smoke.xlsx")
    let writer = try XLSXWriter(path: out.path)
    let bold = writer.addFormat(CellFormat(font: FontFormat(isBold: true)))
    try writer.beginSheet(name: "Priority 2", layout: SheetLayout(frozenRows: 1, autoFilter: .header(row: 1), autoFit: AutoFit()))
    try writer.writeRow([.text("Ref"), .text("Status"), .text("Date")], format: bold)
    try writer.writeRow([.text("2.1"), .text("G"), .date(DateCell(year: 2021, month: 4, day: 1))])
    try writer.writeRow([.number(3.25), .text(" spaced "), .date(DateCell(year: 2019, month: 12, day: 1, display: .month))])
    try writer.endSheet()
    try writer.finish()
    let output = try WriterTestSupport.expectValid([out])
    print(output)
    print(try WriterTestSupport.entryNames(out))
    print(try WriterTestSupport.part(out, "xl/worksheets/sheet1.xml"))
  }
}
