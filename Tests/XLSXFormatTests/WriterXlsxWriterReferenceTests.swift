import Diagnostics
import Foundation
import Grid
import Testing
import TestSupport
import XLSXFormat

/// Feature by feature, the elements we write match what XlsxWriter writes
/// for the same request. XlsxWriter's own suite proves these elements
/// byte-for-byte against files saved by Excel (panes01, autofilter00,
/// data_validation01, cond_format01, set_column01...), so this ties our
/// output to Excel's. References: fixtures/xlsx-writer/xlsxwriter/
/// (make_references.py). Volatile or optional bits are compared
/// semantically (number formats by code, not id; the optional `display`).
@Suite struct WriterXlsxWriterReferenceTests {
  private static func reference(_ name: String) -> URL { Fixtures.url("xlsx-writer/xlsxwriter/\(name).xlsx") }

  /// Every occurrence of an element, as written (`<tag .../>` or `<tag ...>...</tag>`).
  static func elements(_ tag: String, in xml: String) -> [String] {
    var found: [String] = []
    var rest = xml[...]
    while let start = rest.range(of: "<\(tag)") {
      let after = rest[start.upperBound...]
      guard let next = after.first, next == " " || next == ">" || next == "/" else {
        rest = after
        continue
      }
      let close = "</\(tag)>"
      let selfClose = after.range(of: "/>")
      let open = after.range(of: ">")
      let end: String.Index
      if let selfClose, let open, selfClose.upperBound == open.upperBound {
        end = selfClose.upperBound
      } else if let closing = after.range(of: close) {
        end = closing.upperBound
      } else {
        break
      }
      found.append(String(xml[start.lowerBound..<end]))
      rest = xml[end...]
    }
    return found
  }

  private func ours(_ build: (XLSXWriter) throws -> Void) throws -> URL {
    let url = try WriterTestSupport.scratch().appendingPathComponent("ours.xlsx")
    let writer = try XLSXWriter(path: url.path)
    try build(writer)
    try writer.finish()
    try WriterTestSupport.expectValid([url])
    return url
  }

  private func expectSame(_ tag: String, part: String = "xl/worksheets/sheet1.xml", ours: URL, reference: String) throws {
    let mine = Self.elements(tag, in: try WriterTestSupport.part(ours, part))
    let theirs = Self.elements(tag, in: try WriterTestSupport.part(Self.reference(reference), part))
    #expect(!theirs.isEmpty, "reference \(reference) has no <\(tag)>")
    #expect(mine == theirs, "<\(tag)> differs from XlsxWriter's \(reference)")
  }

  @Test func frozenTopRow() throws {
    let url = try ours { w in
      try w.beginSheet(name: "Sheet1", layout: SheetLayout(frozenRows: 1))
      try w.writeRow([.text("Ref")])
      try w.endSheet()
    }
    try expectSame("sheetViews", ours: url, reference: "panes")
  }

  @Test func frozenRowAndColumns() throws {
    let url = try ours { w in
      try w.beginSheet(name: "Sheet1", layout: SheetLayout(frozenRows: 1, frozenColumns: 2))
      try w.writeRow([.text("Ref")])
      try w.endSheet()
    }
    try expectSame("sheetViews", ours: url, reference: "panes-both")
  }

  @Test func autoFilter() throws {
    let url = try ours { w in
      try w.beginSheet(name: "Sheet1", layout: SheetLayout(autoFilter: .header(row: 1)))
      try w.writeRow([.text("Region"), .text("Item"), .text("Volume"), .text("Month")])
      for r in 1...50 { try w.writeRow([.text("East"), .text("Apple"), .number(Double(r)), .text("July")]) }
      try w.endSheet()
    }
    try expectSame("autoFilter", ours: url, reference: "autofilter")
    try expectSame("definedNames", part: "xl/workbook.xml", ours: url, reference: "autofilter")
    let sheet = { (u: URL) in Self.elements("sheetData", in: try WriterTestSupport.part(u, "xl/worksheets/sheet1.xml")) }
    #expect(try sheet(url) == sheet(Self.reference("autofilter")).map(Self.withoutSpans))
  }

  @Test func dropDownList() throws {
    let url = try ours { w in
      try w.beginSheet(name: "Sheet1")
      try w.addDataValidation(DataValidation(ranges: [CellRange(a1: "B2:B10")!], list: ["R", "A", "G", "B", "Grey", "N/A"]))
      try w.endSheet()
    }
    try expectSame("dataValidations", ours: url, reference: "data-validation")
  }

  @Test func conditionalFormats() throws {
    let url = try ours { w in
      try w.beginSheet(name: "Sheet1")
      try w.writeRow(number: 2, cells: [FormattedCell(column: 2, value: .text("G"))])
      let green = DifferentialFormat(fillRGB: 0xC6EFCE, fontColorRGB: 0x006100)
      try w.addConditionalFormat(ConditionalFormat(ranges: [CellRange(a1: "B2:B10")!], rules: [ConditionalRule(.cellEquals(.text("G")), format: green)]))
      try w.addConditionalFormat(ConditionalFormat(ranges: [CellRange(a1: "C2:C10")!], rules: [ConditionalRule(.containsText("overdue"), format: green)]))
      try w.addConditionalFormat(ConditionalFormat(ranges: [CellRange(a1: "D2:D10")!], rules: [ConditionalRule(.beginsWith("Gr"), format: green)]))
      try w.endSheet()
    }
    try expectSame("conditionalFormatting", ours: url, reference: "cond-format")
    try expectSame("dxfs", part: "xl/styles.xml", ours: url, reference: "cond-format")
  }

  @Test func columnWidths() throws {
    let url = try ours { w in
      try w.beginSheet(name: "Sheet1", layout: SheetLayout(columns: [
        ColumnLayout(1...1, width: 12), ColumnLayout(2...3, width: 50), ColumnLayout(5...5, width: 0.5),
      ]))
      try w.writeRow([.text("x")])
      try w.endSheet()
    }
    try expectSame("cols", ours: url, reference: "set-column")
  }

  @Test func cellFormats() throws {
    let url = try ours { w in
      try w.beginSheet(name: "Sheet1")
      let formats = [
        CellFormat(font: FontFormat(isBold: true)), CellFormat(fillRGB: 0xFFEB9C), CellFormat(border: .all(.thin)),
        CellFormat(alignment: AlignmentFormat(vertical: .top, wrapsText: true)),
        CellFormat(numberFormat: .monthYear), CellFormat(numberFormat: .date),
      ].map { w.addFormat($0) }
      let values: [CellValue] = [.text("Head"), .text("Fill"), .text("Box"), .text("Wrap"), .number(43_800), .number(44_287)]
      for (value, format) in zip(values, formats) { try w.writeRow([value], format: format) }
      try w.endSheet()
    }
    for tag in ["fonts", "fills", "borders", "cellStyleXfs", "cellStyles"] {
      try expectSame(tag, part: "xl/styles.xml", ours: url, reference: "formats")
    }
    // Number formats by code: Excel's built-in 17 is "mmm-yy"; XlsxWriter
    // declares it as a custom format instead.
    let mine = try Self.resolvedXFs(WriterTestSupport.part(url, "xl/styles.xml"))
    let theirs = try Self.resolvedXFs(WriterTestSupport.part(Self.reference("formats"), "xl/styles.xml"))
    #expect(mine == theirs)
    #expect(mine.count == 7)
    let sheet = { (u: URL) in Self.elements("sheetData", in: try WriterTestSupport.part(u, "xl/worksheets/sheet1.xml")) }
    #expect(try sheet(url).map(Self.withoutSpans) == sheet(Self.reference("formats")).map(Self.withoutSpans))
  }

  @Test func internalHyperlink() throws {
    let url = try ours { w in
      let link = w.addFormat(.hyperlink)
      try w.beginSheet(name: "Findings")
      try w.writeRow([.text("see H9")], format: link)
      try w.addHyperlink(Hyperlink(at: CellAddress(a1: "A1")!, to: .cell(sheet: "Priority 2", CellAddress(a1: "H9")!)))
      try w.endSheet()
      try w.beginSheet(name: "Priority 2")
      try w.endSheet()
    }
    let mine = Self.elements("hyperlink", in: try WriterTestSupport.part(url, "xl/worksheets/sheet1.xml"))
    let theirs = Self.elements("hyperlink", in: try WriterTestSupport.part(Self.reference("internal-link"), "xl/worksheets/sheet1.xml"))
    #expect(mine == theirs.map { $0.replacingOccurrences(of: #" display="see H9""#, with: "") })
  }

  /// `xf` elements with `numFmtId` replaced by the format code.
  static func resolvedXFs(_ styles: String) -> [String] {
    var codes: [String: String] = ["0": "General", "17": "mmm-yy"]
    for numFmt in elements("numFmt", in: styles) {
      if let id = attribute("numFmtId", in: numFmt), let code = attribute("formatCode", in: numFmt) { codes[id] = code }
    }
    let cellXfs = elements("cellXfs", in: styles).first ?? ""
    return elements("xf", in: cellXfs).map { xf in
      guard let id = attribute("numFmtId", in: xf) else { return xf }
      return xf.replacingOccurrences(of: #"numFmtId="\#(id)""#, with: #"numFmt="\#(codes[id] ?? id)""#)
    }
  }

  static func attribute(_ name: String, in element: String) -> String? {
    guard let start = element.range(of: " \(name)=\"") else { return nil }
    let rest = element[start.upperBound...]
    guard let end = rest.firstIndex(of: "\"") else { return nil }
    return String(rest[..<end])
  }

  /// XlsxWriter adds the optional `spans` hint to rows; we do not.
  static func withoutSpans(_ xml: String) -> String {
    xml.replacingOccurrences(of: #" spans="[0-9]+:[0-9]+""#, with: "", options: .regularExpression)
  }
}
