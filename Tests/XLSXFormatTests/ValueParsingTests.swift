import Grid
import Testing

@testable import XLSXFormat

/// The small pure parsers: number formats, serial dates, ISO dates,
/// `_xHHHH_` escapes, numbers, part names, colours.
@Suite struct ValueParsingTests {
  @Test(arguments: [
    ("mmm-yy", DateCell.Display.month), ("mmmm yyyy", .month), ("[$-809]mmm\\-yy", .month), ("mm/yyyy", .month),
    ("dd/mm/yyyy", .date), ("d-mmm", .date), ("yyyy", .date), ("[Red]dd/mm/yyyy;@", .date),
    ("dd/mm/yyyy hh:mm", .dateTime), ("m/d/yyyy h:mm AM/PM", .dateTime),
    ("h:mm", .time), ("mm:ss", .time), ("[h]:mm:ss", .time), ("[mm]:ss", .time), ("h:mm AM/PM", .time),
    ("hh:mm:ss.000", .time), ("mmss.0", .time),
  ])
  func dateFormats(_ code: String, _ display: DateCell.Display) {
    #expect(NumberFormatClassifier.dateDisplay(code) == display)
  }

  @Test(arguments: [
    "General", "0.00", "#,##0", "0.00E+00", "##0.0E+0", "\"Q\"0", "\\d\\a\\y 0", "@", "0%", "[Red]0.00",
    "_(* #,##0_)", "\"days\" 0;\"dated\" 0", "[>=100]0;0.0", "[$€-2] #,##0.00",
  ])
  func numberFormats(_ code: String) {
    #expect(NumberFormatClassifier.dateDisplay(code) == nil)
  }

  @Test func builtInDateIDs() {
    let dates = (0...60).filter { BuiltInNumberFormats.dateDisplay($0) != nil }
    #expect(dates == [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47,
                      50, 51, 52, 53, 54, 55, 56, 57, 58])
    #expect(BuiltInNumberFormats.dateDisplay(17) == .month)
    #expect(BuiltInNumberFormats.code(17) == "mmm-yy")
  }

  @Test func serialDates1900() throws {
    func iso(_ serial: Double, _ display: DateCell.Display = .date) -> String? {
      SerialDate.date(serial: serial, uses1904: false, display: display)?.isoText
    }
    #expect(iso(1) == "1900-01-01")
    #expect(iso(59) == "1900-02-28")
    #expect(iso(60) == "1900-02-29")
    #expect(iso(61) == "1900-03-01")
    #expect(iso(43800) == "2019-12-01")
    #expect(iso(2_958_465) == "9999-12-31")
    #expect(iso(2_958_466) == nil)
    #expect(iso(-1) == nil)
    #expect(iso(0) == "1899-12-31")
    #expect(iso(44287.395833333336, .dateTime) == "2021-04-01T09:30:00")
    #expect(iso(0.999999999, .time) == "1900-01-01T00:00:00")
    let cell = try #require(SerialDate.date(serial: 43800.5, uses1904: false, display: .month))
    #expect(cell.serial == 43800.5 && cell.secondsOfDay == 43200 && cell.display == .month)
  }

  @Test func serialDates1904() {
    #expect(SerialDate.date(serial: 0, uses1904: true, display: .date)?.isoText == "1904-01-01")
    #expect(SerialDate.date(serial: 42338, uses1904: true, display: .date)?.isoText == "2019-12-01")
    #expect(SerialDate.date(serial: 2_957_003, uses1904: true, display: .date)?.isoText == "9999-12-31")
    #expect(SerialDate.date(serial: 2_957_004, uses1904: true, display: .date) == nil)
  }

  @Test func isoDates() {
    func iso(_ text: String) -> String? { ISODate.parse(Array(text.utf8), display: nil)?.isoText }
    #expect(iso("2021-04-01") == "2021-04-01")
    #expect(iso("2021-04-01T09:30:00") == "2021-04-01T09:30:00")
    #expect(iso("2021-04-01T09:30") == "2021-04-01T09:30:00")
    #expect(iso("2021-04-01 09:30:05.5Z") == "2021-04-01T09:30:05.500")
    #expect(iso("2021-04-01T09:30:00-05:00") == "2021-04-01T09:30:00")
    #expect(iso("13:45:00") == "1899-12-31T13:45:00")
    for bad in ["2021-13-01", "2021-04-01T25:00", "yesterday", "2021-04-01T09:30:00junk", "2021/04/01"] {
      #expect(iso(bad) == nil, "\(bad)")
    }
  }

  @Test func escapes() {
    func decode(_ text: String) -> String {
      var bytes = Array(text.utf8)
      XStringEscapes.decode(&bytes, from: 0)
      return String(decoding: bytes, as: UTF8.self)
    }
    #expect(decode("a_x000D_b") == "a\rb")
    #expect(decode("_x005F_x0041_") == "_x0041_")
    #expect(decode("_xD83D__xDE00_") == "😀")
    #expect(decode("_xD83D_x") == "\u{FFFD}x")
    #expect(decode("_x00e9_t_x20AC_") == "ét€")
    #expect(decode("no escape _x12_ _xGGGG_ _x0041") == "no escape _x12_ _xGGGG_ _x0041")
    #expect(XStringEscapes.utf16Length(Array("a😀é".utf8)) == 4)
  }

  @Test func numbers() {
    func parse(_ text: String) -> Double? {
      Array(text.utf8).withUnsafeBufferPointer(NumberParser.parse)
    }
    let cases = ["0", "-0", "3", "0.25", "1e-07", "1E+20", "6428.519", "44287.395833333336", "0.30000000000000004",
                 "1.7976931348623157E308", "4.9E-324", "123456789012345678901234567890", "-1.5e-10", ".5", "5.",
                 "0.1", "9007199254740993", "2.2250738585072014E-308", "1e23"]
    for text in cases {
      #expect(parse(text) == Double(text), "\(text)")
    }
    for bad in ["", "-", ".", "e5", "1e", "12abc", " 1", "1 ", "0x10", "inf", "NaN", "1..2"] {
      #expect(parse(bad) == nil, "\(bad)")
    }
  }

  @Test func partNames() {
    #expect(PartName.resolve("worksheets/sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
    #expect(PartName.resolve("/xl/worksheets/sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
    #expect(PartName.resolve("../customXml/item1.xml", from: "xl/workbook.xml") == "customXml/item1.xml")
    #expect(PartName.resolve("./strings.xml", from: "book/main.xml") == "book/strings.xml")
    #expect(PartName.resolve("xl/workbook.xml", from: "") == "xl/workbook.xml")
    #expect(PartName.resolve("My%20Sheet.xml", from: "a/b.xml") == "a/My Sheet.xml")
    #expect(PartName.resolve("..\\x\\y.xml", from: "a/b/c.xml") == "a/x/y.xml")
    #expect(PartName.resolve("../../../../etc/passwd", from: "xl/workbook.xml") == "etc/passwd")
    #expect(PartName.relationshipsPart(of: "xl/workbook.xml") == "xl/_rels/workbook.xml.rels")
    #expect(PartName.relationshipsPart(of: "workbook.xml") == "_rels/workbook.xml.rels")
  }

  @Test func tints() {
    #expect(ColorSpec.apply(tint: 0, to: 0x4472C4) == 0x4472C4)
    #expect(ColorSpec.apply(tint: 0.3999755851924192, to: 0xC0504D) == 0xD99694)
    #expect(ColorSpec.apply(tint: -0.5, to: 0xFFFFFF) == 0x808080)
    #expect(ColorSpec.apply(tint: 1, to: 0x123456) == 0xFFFFFF)
  }
}
