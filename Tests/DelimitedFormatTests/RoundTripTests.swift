import AtomicOutput
import DelimitedFormat
import Foundation
import Grid
import TestSupport
import Testing

/// Read → write → read gives back the same grid (values, row numbers and
/// physical lines) for every readable fixture and several writer settings.
@Suite struct RoundTripTests {
  static let fixtures = [
    "basic.csv", "quoted-newlines.csv", "doubled-quotes.csv", "crlf.csv", "lone-cr.csv", "mixed-line-endings.csv",
    "semicolon.csv", "pipe.txt", "tab.tsv", "single-column.csv", "ragged.csv", "blank-lines.csv",
    "no-final-newline.csv", "quote-in-unquoted.csv", "stray-quote.csv", "utf8-bom.csv", "utf16le-bom.txt",
    "utf16be-bom.csv", "windows-1252.csv", "utf8-bom-invalid.csv", "utf16le-unpaired-surrogate.txt",
    "formula-injection.csv",
  ]

  static let settings: [DelimitedWriteOptions] = [
    DelimitedWriteOptions(guardsFormulas: false),
    DelimitedWriteOptions(delimiter: .tab, lineEnding: .crlf, writesByteOrderMark: true, guardsFormulas: false),
    DelimitedWriteOptions(delimiter: .semicolon, guardsFormulas: false),
  ]

  @Test(arguments: fixtures, settings.indices)
  func readWriteReadIsTheSameGrid(file: String, setting: Int) throws {
    let options = Self.settings[setting]
    let original = try CSVFixture.read(file)
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("copy.csv").path
    try DelimitedWriter.write(original.sheet, to: out, options: options)
    // Detect the delimiter again unless a single column leaves nothing to detect.
    let delimiter: Delimiter? = original.report.columnCount > 1 ? nil : options.delimiter
    var builder = WorkbookBuilder()
    let report = try DelimitedReader(options: DelimitedReadOptions(delimiter: delimiter)).read(
      contentsOf: out, into: &builder)
    let copy = builder.workbook.sheets[0]
    #expect(GridText(copy) == original.grid, "\(file) via \(options)")
    #expect(copy.rows.map(\.number) == original.sheet.rows.map(\.number))
    #expect(copy.rows.map(\.cells) == original.sheet.rows.map(\.cells))
    #expect(report.delimiter == options.delimiter)
    #expect(report.encoding == (options.writesByteOrderMark ? .utf8WithBOM : .utf8))
    #expect(report.diagnostics.isEmpty)
  }

  @Test func theSeedRoundTripsAsCSV() throws {
    let seed = Fixtures.sample("staffordshire-priority-2.tsv").path
    let original = try DelimitedReader().readWorkbook(contentsOf: seed).value.sheets[0]
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("seed.csv").path
    try DelimitedWriter.write(original, to: out)
    let copy = try DelimitedReader().readWorkbook(contentsOf: out).value.sheets[0]
    #expect(copy.rows == original.rows)
  }

  /// A first cell starting with U+FEFF (one or several, alone or before
  /// text, quotes or a delimiter) comes back whatever the writer settings;
  /// without the option its bytes would be read as a byte-order mark.
  @Test(arguments: settings.indices)
  func aFirstCellStartingWithUFEFFSurvives(setting: Int) throws {
    let options = Self.settings[setting]
    let firsts = ["\u{FEFF}", "\u{FEFF}Ref", "\u{FEFF}\u{FEFF}x", "\u{FEFF}\"q\"", "\u{FEFF}a,b;c\td", "\u{FEFF}=1+1"]
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    for (i, first) in firsts.enumerated() {
      for startsAtRow in [1, 3] {
        var sheet = Sheet(name: "s")
        sheet.rows = [
          Row(number: startsAtRow, values: [.text(first), .text("\u{FEFF}b")]), Row(number: startsAtRow + 1, values: [.text("\u{FEFF}c"), .text("d")]),
        ]
        let out = folder.appendingPathComponent("bom-\(i)-\(startsAtRow).csv").path
        try DelimitedWriter.write(sheet, to: out, options: options)
        let copy = try DelimitedReader(options: DelimitedReadOptions(delimiter: options.delimiter))
          .readWorkbook(contentsOf: out).value.sheets[0]
        #expect(copy.rows.last?.cells.map(\.value) == [.text("\u{FEFF}c"), .text("d")])
        let row = try #require(copy.rows.first { $0.number == startsAtRow })
        #expect(row.cells.map(\.value) == [.text(first), .text("\u{FEFF}b")], "\(first.debugDescription) via \(options)")
      }
    }
  }
}
