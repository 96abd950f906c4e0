import DelimitedFormat
import Diagnostics
import Testing

/// Encodings Excel writes, decided as Excel decides: BOM, strict UTF-8, Windows-1252.
@Suite struct ReaderEncodingTests {
  static let rows = [["Ref", "Notes"], ["1.1", "Plan – café £45"], ["1.2", "Smart ‘quotes’ €5"]]

  @Test(arguments: [
    ("utf8-bom.csv", TextEncoding.utf8WithBOM, Delimiter.comma),
    ("utf16be-bom.csv", .utf16BE, .comma),
  ])
  func decodesByByteOrderMark(file: String, encoding: TextEncoding, delimiter: Delimiter) throws {
    let (grid, _, report) = try CSVFixture.read(file)
    #expect(grid == GridText(rows: Self.rows))
    #expect(report.encoding == encoding)
    #expect(report.delimiter == delimiter)
    #expect(report.diagnostics.isEmpty)
  }

  @Test func excelUnicodeTextIsUTF16LETabsAndCRLF() throws {
    let (grid, _, report) = try CSVFixture.read("utf16le-bom.txt")
    #expect(grid == GridText(rows: Self.rows + [["1.3", "Done 😀"]]))
    #expect(report.encoding == .utf16LE)
    #expect(report.delimiter == .tab)
    #expect(report.diagnostics.isEmpty)
  }

  @Test func invalidUTF8FallsBackToWindows1252WithAWarning() throws {
    let (grid, _, report) = try CSVFixture.read("windows-1252.csv")
    #expect(grid == GridText(rows: Self.rows))
    #expect(report.encoding == .windows1252)
    let warning = try #require(report.diagnostics.first)
    #expect(report.diagnostics.count == 1)
    #expect(warning.code == "csv.encoding_fallback")
    #expect(warning.severity == .warning)
    #expect(warning.location == SourceLocation(file: CSVFixture.path("windows-1252.csv"), line: 2))
    #expect(warning.message.contains("0x96"))  // the en dash, first non-ASCII byte
  }

  @Test func invalidBytesAfterAUTF8BOMAreReplacedWithAWarning() throws {
    let (grid, _, report) = try CSVFixture.read("utf8-bom-invalid.csv")
    #expect(grid.rows == [["Ref", "Notes"], ["1.1", "caf\u{FFFD}"]])
    #expect(report.encoding == .utf8WithBOM)
    #expect(report.diagnostics.map(\.code) == ["csv.invalid_utf8"])
    #expect(report.diagnostics.first?.location?.line == 2)
  }

  @Test func unpairedUTF16SurrogateIsReplacedWithAWarning() throws {
    let (grid, _, report) = try CSVFixture.read("utf16le-unpaired-surrogate.txt")
    #expect(grid.rows == [["a", "b"], ["\u{FFFD}x", ""]])
    #expect(report.encoding == .utf16LE)
    #expect(report.diagnostics.map(\.code) == ["csv.invalid_utf16"])
  }

  @Test func plainUTF8WithoutBOMIsUTF8() throws {
    let (_, _, report) = try CSVFixture.read("quoted-newlines.csv")
    #expect(report.encoding == .utf8)
  }
}
