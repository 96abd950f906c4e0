import AtomicOutput
import DelimitedFormat
import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing

/// Thousands of small random inputs built from the bytes that matter
/// (quotes, delimiters, CR, LF, invalid UTF-8): the reader never traps, it
/// either reads or throws one of the documented errors, and whatever it reads
/// survives a write → read round trip unchanged.
@Suite struct RandomInputTests {
  static let alphabet: [[UInt8]] = [
    [0x2C], [0x22], [0x22, 0x22], [0x0A], [0x0D], [0x0D, 0x0A], [0x61], [0x62], [0x3B], [0x09], [0x7C], [0x20],
    [0xC3, 0xA9], [0xFF], [0x3D],
  ]

  @Test func randomInputsReadOrFailCleanlyAndRoundTrip() throws {
    var rng = SeededRandom(seed: 2024)
    var read = 0
    for _ in 0..<2000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int(rng.next() % 48) { bytes += Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))] }
      let outcome: Outcome<Workbook>
      do {
        outcome = try DelimitedReader().readWorkbook(bytes: bytes, name: "random.csv")
      } catch {
        switch error {
        case .emptyFile, .unterminatedQuote: continue
        default:
          Issue.record("unexpected \(error) for \(bytes)")
          continue
        }
      }
      read += 1
      let sheet = outcome.value.sheets[0]
      // Every record gives a row of its own fields, at least one.
      #expect(sheet.rows.allSatisfy { !$0.cells.isEmpty && $0.cells.last?.column == $0.cells.count }, "\(bytes)")
      // Write with each delimiter; reading back with that delimiter gives the same cells.
      for delimiter in Delimiter.allCases {
        let copyBytes = try written(sheet, options: DelimitedWriteOptions(delimiter: delimiter, guardsFormulas: false))
        let copy = try DelimitedReader(options: DelimitedReadOptions(delimiter: delimiter)).readWorkbook(
          bytes: copyBytes, name: "copy.csv")
        #expect(copy.value.sheets[0].rows.map(\.cells) == sheet.rows.map(\.cells), "\(bytes) via \(delimiter)")
        #expect(copy.diagnostics.isEmpty)
      }
    }
    #expect(read > 1000)
  }

  /// Writes through a pipe and returns the bytes: no file system, no fsync
  /// (thousands of atomic writes would take a minute). Inputs are far below
  /// the pipe's 64 KiB buffer.
  func written(_ sheet: Sheet, options: DelimitedWriteOptions) throws -> [UInt8] {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    let sink = ByteSink(fileDescriptor: fds[1])
    var writer = DelimitedWriter(sink: sink, options: options)
    writer.beginSheet(sheet)
    for row in sheet.rows { writer.consume(row) }
    try sink.flush(path: "<pipe>")
    close(fds[1])
    defer { close(fds[0]) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
      if n <= 0 { break }
      bytes += chunk[0..<n]
    }
    return bytes
  }
}
