import Foundation
import TestSupport
import Testing

/// SIGINT and SIGTERM while the binary writes leave no temporary file
/// beside the output, and the process still ends by that signal.
@Suite(.serialized) struct SignalCleanupTests {
  /// A CSV grid of `rows` rows (about 80 bytes each).
  func makeInput(_ dir: URL, rows: Int) throws -> String {
    var random = SeededRandom(seed: UInt64(rows))
    var text = ""
    text.reserveCapacity(rows * 90)
    for row in 0..<rows {
      for column in 0..<6 {
        if column > 0 { text += "," }
        text += "r\(row)c\(column) " + String(repeating: "x", count: Int(random.next() % 12))
      }
      text += "\n"
    }
    let path = dir.appendingPathComponent("big.csv")
    try Data(text.utf8).write(to: path)
    return path.lastPathComponent
  }

  func entries(_ dir: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
  }

  /// Starts `wsoa arguments` in `dir`, waits until a file named `.output…`
  /// appears (the writer's temporary file), then sends `signal`. Returns
  /// false when the process ended before the file was seen.
  func interrupt(_ arguments: [String], output: String, in dir: URL, with signal: Int32) throws -> Bool {
    let process = Process()
    process.executableURL = ProcessRunner.wsoaURL
    process.arguments = arguments
    process.currentDirectoryURL = dir
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    var seen = false
    while process.isRunning, !seen {
      seen = (try? entries(dir))?.contains { $0.hasPrefix("." + output + ".") } ?? false
      if !seen { usleep(200) }
    }
    if seen { kill(process.processIdentifier, signal) }
    process.waitUntilExit()
    guard seen, process.terminationReason == .uncaughtSignal || process.terminationStatus != 0 else { return false }
    #expect(process.terminationReason == .uncaughtSignal, "\(arguments)")
    #expect(process.terminationStatus == signal, "\(arguments)")
    return true
  }

  @Test(arguments: [SIGTERM, SIGINT])
  func aSignalWhileWritingRemovesTheTemporaryFile(_ signal: Int32) throws {
    let dir = try Fixtures.scratchDirectory("signal-cleanup")
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = try makeInput(dir, rows: 60_000)
    // dump creates its temporary file first, then reads and writes row by row.
    #expect(try interrupt(["dump", input, "-o", "out.csv"], output: "out.csv", in: dir, with: signal))
    #expect(try entries(dir) == [input])
  }

  /// An XLSX is assembled by libzip, which makes a temporary file of its own
  /// beside ours: the signal waits until libzip is done, then both are gone.
  @Test func aSignalWhileTheZipIsWrittenRemovesEveryTemporaryFile() throws {
    let dir = try Fixtures.scratchDirectory("signal-cleanup")
    defer { try? FileManager.default.removeItem(at: dir) }
    var rows = 20_000
    for _ in 0..<4 {
      let input = try makeInput(dir, rows: rows)
      if try interrupt(["dump", input, "-o", "out.xlsx"], output: "out.xlsx", in: dir, with: SIGTERM) {
        #expect(try entries(dir) == [input])
        return
      }
      // Finished before libzip's file was seen: try a larger input.
      try? FileManager.default.removeItem(at: dir.appendingPathComponent("out.xlsx"))
      rows *= 2
    }
    Issue.record("the zip was never seen being written")
  }
}
