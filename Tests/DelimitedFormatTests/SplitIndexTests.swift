import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import DelimitedFormat

/// With two threads the second half of a file is indexed from a guessed
/// record boundary at the same time as the first. Whatever the file, the
/// index, warnings and errors must be exactly those of one sequential pass;
/// and on ordinary files the guess must be right, or there is no speed-up.
@Suite struct SplitIndexTests {
  /// What one indexing pass gave, comparable field by field.
  struct Outcome: Equatable, CustomStringConvertible {
    var records: [RecordSpan] = []
    var fieldCounts: [Int32] = []
    var width = 0
    var encoding: TextEncoding?
    var diagnostics: [Diagnostic] = []
    var error: DelimitedError?
    var joinedAt: Int?

    static func == (a: Outcome, b: Outcome) -> Bool {
      a.records == b.records && a.fieldCounts == b.fieldCounts && a.width == b.width && a.encoding == b.encoding
        && a.diagnostics == b.diagnostics && a.error == b.error
    }

    var description: String {
      error.map { "error \($0)" }
        ?? "\(records.count) records, width \(width), \(encoding.map { "\($0)" } ?? "-"), \(diagnostics)"
    }
  }

  static func index(_ path: String, threads: Int, chunk: Int, limits: DelimitedLimits = DelimitedLimits())
    throws -> Outcome
  {
    let file = try InputFile(path: path, displayName: path, maxBytes: .max)
    do {
      let result = try ChunkedIndexer.index(
        file, delimiter: .comma, likely: [], limits: limits, chunkBytes: chunk, threads: threads)
      return Outcome(
        records: result.index.records, fieldCounts: result.index.fieldCounts, width: result.index.width,
        encoding: result.encoding, diagnostics: result.diagnostics, joinedAt: result.joinedAt)
    } catch {
      return Outcome(error: error)
    }
  }

  /// A tracker-like file: quoted notes with line breaks, commas and doubled quotes.
  static func trackerText(records: Int) -> [UInt8] {
    var text = "ref,action,notes,status\n"
    for i in 1..<records {
      let note = "Feb 2021: step \(i), \"\"agreed\"\".\nMar 2021: done"
      text += i % 5 == 0 ? "\n" : "\(i).1,Action \(i),\"\(note)\",\(["R", "A", "G"][i % 3])\r\n"
    }
    return Array(text.utf8)
  }

  /// `base` with `insert` put at the first record start after three quarters of it.
  static func withInsert(_ insert: String, into base: [UInt8]) -> [UInt8] {
    withInsert(Array(insert.utf8), into: base)
  }

  static func withInsert(_ insert: [UInt8], into base: [UInt8]) -> [UInt8] {
    var at = base.count * 3 / 4
    while base[at - 1] != 0x0A || base[at] == 0x0A { at += 1 }
    return Array(base[..<at]) + insert + Array(base[at...])
  }

  /// `bytes` with the first letter at or after `offset` replaced by `byte`.
  static func replacingLetter(after offset: Int, in bytes: [UInt8], with byte: UInt8) -> [UInt8] {
    var bytes = bytes
    var at = offset
    while !(0x61...0x7A).contains(bytes[at]) { at += 1 }
    bytes[at] = byte
    return bytes
  }

  func compare(_ bytes: [UInt8], limits: DelimitedLimits = DelimitedLimits(), expectJoin: Bool) throws {
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("split.csv").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    for chunk in [97, 4096] {
      let sequential = try Self.index(path, threads: 1, chunk: chunk, limits: limits)
      let split = try Self.index(path, threads: 2, chunk: chunk, limits: limits)
      #expect(split == sequential, "chunk \(chunk)")
      #expect(sequential.joinedAt == nil)
      if expectJoin, bytes.count >= 2 * chunk {  // smaller files are not split
        #expect(split.joinedAt != nil, "chunk \(chunk): the guessed boundary was not used (\(sequential))")
      }
    }
  }

  @Test func anOrdinaryFileIsJoinedAtTheGuessedBoundary() throws {
    try compare(Self.trackerText(records: 600), expectJoin: true)
  }

  @Test func warningsInTheSecondHalfKeepTheirRowsAndLines() throws {
    let base = Self.trackerText(records: 600)
    // Text after a closing quote; a wider record; a byte that is not UTF-8.
    try compare(Self.withInsert("9.9,\"say\"x,ok,G\n", into: base), expectJoin: true)
    try compare(Self.withInsert("9.9,a,b,c,d,e,f\n", into: base), expectJoin: true)
    try compare(Self.withInsert(Array("9.9,caf".utf8) + [0xE9, 0x0A], into: base), expectJoin: true)
    let withBOM: [UInt8] = [0xEF, 0xBB, 0xBF] + base
    try compare(Self.replacingLetter(after: withBOM.count * 3 / 4, in: withBOM, with: 0xFF), expectJoin: true)
    // Not UTF-8 in both halves: the first one is reported.
    let once = Self.replacingLetter(after: 100, in: base, with: 0xFF)
    try compare(Self.replacingLetter(after: base.count * 3 / 4, in: once, with: 0xFE), expectJoin: true)
  }

  @Test func errorsInTheSecondHalfAreThoseOfOneSequentialPass() throws {
    let base = Self.trackerText(records: 600)
    try compare(Self.withInsert("9.9,\"never closed\n", into: base), expectJoin: false)
    try compare(Self.withInsert("9.9,nul\u{0}here\n", into: base), expectJoin: false)
    let narrow = DelimitedLimits(maxColumns: 5)
    try compare(Self.withInsert("9.9,a,b,c,d,e,f\n", into: base), limits: narrow, expectJoin: false)
    let short = DelimitedLimits(maxFieldCharacters: 60)
    try compare(Self.withInsert("9.9,\(String(repeating: "x", count: 61))\n", into: base), limits: short, expectJoin: false)
  }

  @Test func aRowLimitReachedInTheSecondHalfNamesTheRightLine() throws {
    try compare(Self.trackerText(records: 600), limits: DelimitedLimits(maxRows: 500), expectJoin: false)
    try compare(Self.trackerText(records: 600), limits: DelimitedLimits(maxRows: 599), expectJoin: false)
    try compare(Self.trackerText(records: 600), limits: DelimitedLimits(maxRows: 600), expectJoin: true)
  }

  @Test func aQuotedFieldAcrossTheMiddleIsSkippedWhole() throws {
    // The middle of the file is inside one long quoted field whose text has
    // doubled quotes: the inside reading explains them, and is right.
    var text = "a,b\n1,\""
    for i in 0..<400 { text += "x\(i),y\n\"\"q\"\",z\n" }
    text += "\",end\n2,3\n"
    let bytes = Array(text.utf8)
    for mid in bytes.count / 2..<bytes.count / 2 + 16 {  // wherever the window starts
      let boundary = Array(bytes[(mid - 1)...]).withUnsafeBufferPointer { SplitPoint.boundary(in: $0, delimiter: 0x2C) }
      #expect(boundary.map { mid - 1 + $0 } == bytes.count - 4, "window from \(mid)")
    }
    try compare(bytes, expectJoin: true)
  }

  @Test func aWrongGuessIsCaughtAndTheFirstScanGoesOn() throws {
    // The middle is inside a quoted field longer than the window, of text
    // that reads as plain records: the guess (outside quotes) is wrong.
    var text = "a,b\n1,\""
    for i in 0..<30_000 { text += "x\(i),y\n" }
    text += "\",end\n2,3\n"
    let limits = DelimitedLimits(maxFieldCharacters: 1 << 20)
    try compare(Array(text.utf8), limits: limits, expectJoin: false)
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("wrong.csv").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let file = try InputFile(path: path, displayName: path, maxBytes: .max)
    #expect(SplitPoint.find(in: file, delimiter: 0x2C, after: file.size / 2) != nil)
    let outcome = try Self.index(path, threads: 2, chunk: 4096, limits: limits)
    #expect(outcome.records.count == 3, "\(outcome)")
    #expect(outcome.joinedAt == nil)
  }

  @Test(
    arguments: ChunkedReadTests.fixtures + [
      "unterminated-quote.csv", "nul-byte.csv", "too-many-columns.csv", "field-too-long.csv", "single-column.csv",
    ])
  func everyFixtureReadsTheSameWithOneThreadOrTwo(file: String) throws {
    // Tiny chunks, so even these small files are split in two.
    let path = CSVFixture.path(file)
    for chunk in [8, 16, 64] {
      let sequential = try Self.index(path, threads: 1, chunk: chunk)
      let split = try Self.index(path, threads: 2, chunk: chunk)
      #expect(split == sequential, "\(file), chunk \(chunk)")
    }
  }

  @Test func randomFilesReadTheSameWithOneThreadOrTwo() throws {
    var rng = SeededRandom(seed: 7)
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("random.csv").path
    var joined = 0
    for _ in 0..<300 {
      var bytes: [UInt8] = []
      let length = 200 + Int(rng.next() % 2000)
      while bytes.count < length {
        bytes += RandomInputTests.alphabet[Int(rng.next() % UInt64(RandomInputTests.alphabet.count))]
        if rng.next() % 4 == 0 { bytes += Array("text,".utf8) }
      }
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let sequential = try Self.index(path, threads: 1, chunk: 64)
      let split = try Self.index(path, threads: 2, chunk: 64)
      #expect(split == sequential, "\(bytes)")
      if split.joinedAt != nil { joined += 1 }
    }
    #expect(joined > 0)
  }

  @Test func theSplitPointIsARecordStartUnderTheLikelierReading() {
    func find(_ text: String) -> Int? {
      Array(("." + text).utf8).withUnsafeBufferPointer { SplitPoint.boundary(in: $0, delimiter: 0x2C) }
    }
    // Outside quotes: the first line break ends a record.
    #expect(find("b,c\n\"x\ny\",z\n") == 5)
    // Inside a quoted field: its line breaks are skipped until it closes.
    #expect(find("tail of note\nmore\",G\n3,\"n\",A\n") == 22)
    // No quote at all tells nothing about the inside reading; outside wins.
    #expect(find("a,b\nc,d\n") == 5)
    // A quote neither reading explains: no guess.
    #expect(find("x\"y\nz\n") == nil)
    // One stray quote among well-formed quoted fields: the outside reading still wins.
    #expect(find("a\n1,\"x\"y,\"p\",\"q\",\"r\"\n2,\"s\",\"t\"\n") == 3)
  }
}
