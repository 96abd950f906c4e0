import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing
import XLSXFormat

/// The reader's API: sheet listing and selection, streaming order, styles,
/// and the same grid whatever program wrote the file.
@Suite struct XLSXReaderTests {
  private func reader(_ name: String) throws -> XLSXReader {
    try XLSXReader(path: Fixtures.url("xlsx/\(name)").path, name: name)
  }

  @Test func listsSheetsWithKindsAndVisibility() throws {
    let book = try reader("hand-sheet-kinds.xlsx")
    #expect(book.sheets.map(\.name) == ["Data", "Chart", "Hidden", "Dialog", "Very", "Macro"])
    #expect(book.sheets.map(\.kind) == [.worksheet, .chartsheet, .worksheet, .dialogsheet, .worksheet, .macrosheet])
    #expect(book.worksheets.map(\.visibility) == [.visible, .hidden, .veryHidden])
    #expect(book.sheets[0].part == "xl/worksheets/sheet1.xml")
  }

  @Test func selectsByNameIndexAndNumber() throws {
    let book = try reader("hand-sheet-kinds.xlsx")
    #expect(try book.select(.name("Hidden")).map(\.name) == ["Hidden"])
    #expect(try book.select(.name("very")).map(\.name) == ["Very"])
    #expect(try book.select(.index(2)).map(\.name) == ["Hidden"])
    #expect(try book.select(.name("3")).map(\.name) == ["Very"])
    #expect(try book.select(.all).count == 3)
    #expect(throws: XLSXError.notAWorksheet(file: "hand-sheet-kinds.xlsx", sheet: "Chart")) {
      try book.select(.name("Chart"))
    }
    #expect(throws: XLSXError.sheetIndexOutOfRange(file: "hand-sheet-kinds.xlsx", index: 4, count: 3)) {
      try book.select(.index(4))
    }
    #expect(
      throws: XLSXError.sheetNotFound(
        file: "hand-sheet-kinds.xlsx", name: "Nope",
        available: ["Data", "Chart", "Hidden", "Dialog", "Very", "Macro"])
    ) { try book.select(.name("Nope")) }
  }

  @Test func readsOneSelectedSheet() throws {
    let book = try reader("openpyxl-structure.xlsx").readWorkbook(.name("Very hidden"))
    #expect(book.sheets.map(\.name) == ["Very hidden"])
    #expect(book.sheets[0].value(at: CellAddress(row: 2, column: 2)) == .number(7))
  }

  /// Records the calls a reader makes, in order.
  struct Recorder: RowConsumer {
    var calls: [String] = []
    mutating func beginSheet(_ sheet: Sheet) {
      calls.append("begin \(sheet.name) widths \(sheet.columnWidths.keys.sorted())")
    }
    mutating func consume(_ row: Row) { calls.append("row \(row.number)") }
    mutating func endSheet(_ sheet: Sheet) {
      calls.append("end \(sheet.name) merged \(sheet.mergedRanges.map(\.a1)) hidden \(sheet.hiddenColumns.sorted())")
    }
  }

  @Test func streamsRowsInOrderBetweenBeginAndEnd() throws {
    var recorder = Recorder()
    try reader("openpyxl-structure.xlsx").read(.name("Main"), into: &recorder)
    #expect(
      recorder.calls == [
        "begin Main widths [2, 4]", "row 1", "row 2", "row 3", "row 4", "row 5", "row 6", "row 7", "row 9",
        "end Main merged [\"A1:B2\", \"C5:D7\"] hidden [2]",
      ])
  }

  @Test func consumerErrorsPassThrough() throws {
    struct Full: Error {}
    struct Failing: RowConsumer {
      mutating func beginSheet(_ sheet: Sheet) {}
      mutating func consume(_ row: Row) throws { if row.number == 3 { throw Full() } }
      mutating func endSheet(_ sheet: Sheet) {}
    }
    var consumer = Failing()
    #expect(throws: Full.self) { try reader("openpyxl-tracker.xlsx").read(into: &consumer) }
  }

  @Test func stylesAreExposed() throws {
    let book = try reader("openpyxl-styles.xlsx")
    #expect(book.styles[0] == CellStyle())
    let workbook = try book.readWorkbook()
    let cell = try #require(workbook.sheets[0].row(3)?.cells.first)
    #expect(workbook.style(of: cell) == CellStyle(fillRGB: 0x00B050, isBold: true, numberFormat: nil))
  }

  @Test func dateSystemIsReported() throws {
    #expect(try reader("hand-1904.xlsx").usesDate1904)
    #expect(try !reader("hand-cell-types.xlsx").usesDate1904)
  }

  /// The tracker written by openpyxl, XlsxWriter and re-saved by LibreOffice
  /// reads to the same values and the same meaningful styles.
  @Test func trackerGridIsTheSameWhateverTheWriter() throws {
    func grid(_ name: String) throws -> [String] {
      let book = try reader(name).readWorkbook()
      let sheet = try #require(book.sheets.first)
      var lines = ["merged \(sheet.mergedRanges.map(\.a1).sorted())"]
      for row in sheet.rows {
        for cell in row.cells {
          let style = book.style(of: cell)
          let fill = style.fillRGB.map { String($0, radix: 16) } ?? "-"
          var value = "\(cell.value)"
          if case .date(let date) = cell.value { value = "\(date.isoText) \(date.display)" }
          lines.append("\(CellAddress(row: row.number, column: cell.column).a1) \(value) \(fill) \(style.isBold)")
        }
      }
      return lines
    }
    let openpyxl = try grid("openpyxl-tracker.xlsx")
    #expect(openpyxl.count > 100)
    #expect(try grid("xlsxwriter-tracker.xlsx") == openpyxl)
    #expect(try grid("libreoffice-tracker.xlsx") == openpyxl)
  }

  @Test func inMemoryWorkbookReadsLikeTheFile() throws {
    let path = Fixtures.url("xlsx/hand-cell-types.xlsx")
    let bytes = try [UInt8](Data(contentsOf: path))
    #expect(try XLSXReader(bytes: bytes, name: "m.xlsx").readWorkbook() == reader("hand-cell-types.xlsx").readWorkbook())
  }

  @Test func overlappingAndOutOfGridColumnRangesAreIgnored() throws {
    let sheet = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="2" hidden="1"/><col min="2" max="3" width="9" customWidth="1"/><col min="20000" max="30000" hidden="1"/><col min="5" max="5" width="4" customWidth="1"/></cols><sheetData/></worksheet>"#
    let book = try XLSXReader(bytes: StoredZip.workbook(sheet: Array(sheet.utf8)), name: "c.xlsx").readWorkbook()
    #expect(book.sheets[0].hiddenColumns == [1, 2])
    #expect(book.sheets[0].columnWidths == [5: 4])
  }
}
