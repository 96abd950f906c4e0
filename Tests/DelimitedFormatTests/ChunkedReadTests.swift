import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing

@testable import DelimitedFormat

/// Files are indexed in chunks: records, quoted line breaks, CRLF pairs and
/// UTF-8 sequences cut by a chunk's end must read exactly as in one piece.
@Suite struct ChunkedReadTests {
  static let fixtures = [
    "basic.csv", "quoted-newlines.csv", "doubled-quotes.csv", "crlf.csv", "lone-cr.csv", "mixed-line-endings.csv",
    "semicolon.csv", "pipe.txt", "tab.tsv", "ragged.csv", "blank-lines.csv", "no-final-newline.csv",
    "quote-in-unquoted.csv", "stray-quote.csv", "utf8-bom.csv", "windows-1252.csv", "utf8-bom-invalid.csv",
    "formula-injection.csv",
  ]

  func read(_ path: String, chunk: Int, delimiter: Delimiter? = nil) throws -> (Workbook, DelimitedReadReport) {
    var reader = DelimitedReader(options: DelimitedReadOptions(delimiter: delimiter))
    reader.chunkBytes = chunk
    let document = try reader.prepare(path: path)
    return (try document.workbook(), document.report)
  }

  @Test(arguments: fixtures)
  func everyChunkSizeReadsTheSameGrid(file: String) throws {
    let path = CSVFixture.path(file)
    // In memory (one piece) is the reference.
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let reference = try DelimitedReader().readWorkbook(bytes: bytes, name: path)
    let delimiter = try read(path, chunk: 1 << 20).1.delimiter
    for chunk in [8, 9, 10, 11, 13, 16, 17, 31, 64] {
      // Detection sees only the first chunk, so give the delimiter for tiny chunks.
      let (workbook, report) = try read(path, chunk: chunk, delimiter: delimiter)
      #expect(workbook.sheets[0].rows == reference.value.sheets[0].rows, "\(file), chunk \(chunk)")
      #expect(report.diagnostics == reference.diagnostics, "\(file), chunk \(chunk)")
    }
  }

  @Test func errorsKeepTheirLineAcrossChunks() {
    for chunk in [8, 12, 64] {
      var reader = DelimitedReader(options: DelimitedReadOptions(delimiter: .comma))
      reader.chunkBytes = chunk
      let quote = CSVFixture.path("unterminated-quote.csv")
      #expect(throws: DelimitedError.unterminatedQuote(path: quote, line: 3, cell: CellAddress(row: 3, column: 2))) {
        try reader.prepare(path: quote)
      }
      let nul = CSVFixture.path("nul-byte.csv")
      #expect(throws: DelimitedError.nulByte(path: nul, line: 2)) { try reader.prepare(path: nul) }
    }
  }

  @Test func aFileChangedBetweenThePassesIsAnError() throws {
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("moving.csv")
    try Data("a,b\n1,2\n".utf8).write(to: url)
    let document = try DelimitedReader().prepare(path: url.path)
    let handle = try FileHandle(forWritingTo: url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("3,4\n".utf8))
    try handle.close()
    #expect(throws: DelimitedError.changedWhileReading(path: url.path)) { try document.workbook() }
  }
}
