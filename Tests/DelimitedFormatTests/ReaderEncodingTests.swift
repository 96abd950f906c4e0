import DelimitedFormat
import Diagnostics
import Foundation
import TestSupport
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
    #expect(grid.rows == [["a", "b"], ["\u{FFFD}x"]])
    #expect(report.encoding == .utf16LE)
    #expect(report.diagnostics.map(\.code) == ["csv.invalid_utf16"])
  }

  @Test func plainUTF8WithoutBOMIsUTF8() throws {
    let (_, _, report) = try CSVFixture.read("quoted-newlines.csv")
    #expect(report.encoding == .utf8)
  }

  /// Ill-formed UTF-8 after a UTF-8 byte-order mark reads the same from
  /// memory and from a file, one U+FFFD per maximal subpart (Unicode's
  /// recommended practice, which Swift's own decoder follows).
  @Test func malformedUTF8DecodesTheSameInBothReadersAsUnicodeRecommends() throws {
    let known: [([UInt8], String)] = [
      ([0x80, 0x80], "\u{FFFD}\u{FFFD}"), ([0xE2, 0x82], "\u{FFFD}"), ([0xE2, 0x82, 0x41], "\u{FFFD}A"),
      ([0xF0, 0x9F, 0x98], "\u{FFFD}"), ([0xC0, 0xAF], "\u{FFFD}\u{FFFD}"), ([0xED, 0xA0, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}"),
      ([0xF4, 0x90, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"), ([0xE0, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}"),
      ([0x61, 0xF1, 0x80, 0x80, 0xE1, 0x80, 0xC2, 0x62], "a\u{FFFD}\u{FFFD}\u{FFFD}b"), ([0xFF, 0xC3, 0xA9], "\u{FFFD}é"),
    ]
    var rng = SeededRandom(seed: 13)
    let alphabet: [UInt8] = [0x41, 0x80, 0x9F, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x90]
    var cases = known.map { ($0.0, Optional($0.1)) }
    for _ in 0..<300 {
      cases.append(((0..<(1 + rng.below(9))).map { _ in alphabet[rng.below(alphabet.count)] }, nil))
    }
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    for (n, (bad, expected)) in cases.enumerated() {
      let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,b\nx".utf8) + bad + Array(",y\n".utf8)
      let path = folder.appendingPathComponent("bad-\(n).csv").path
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let fromFile = try DelimitedReader().readWorkbook(contentsOf: path)
      let fromMemory = try DelimitedReader().readWorkbook(bytes: bytes, name: path)
      let recommended = "x" + String(decoding: bad, as: UTF8.self)
      if let expected { #expect(recommended == "x" + expected, "\(bad)") }
      #expect(fromFile.value.sheets[0].rows[1].cells[0].value == .text(recommended), "file \(bad)")
      #expect(fromMemory.value.sheets[0].rows[1].cells[0].value == .text(recommended), "memory \(bad)")
      #expect(fromFile.diagnostics.map(\.code) == fromMemory.diagnostics.map(\.code))
    }
  }
}
