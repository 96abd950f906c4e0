import Foundation
import Testing
import ZipArchive

/// The zip layer: precompressed, concatenated deflate segments that unzip
/// back to the exact bytes, with a fixed timestamp.
@Suite struct WriterZipTests {
  private func write(_ entries: [(String, [DeflateSegment])]) throws -> URL {
    let dir = try WriterTestSupport.scratch()
    let url = dir.appendingPathComponent("test.zip")
    let zip = try ZipWriter(creatingAt: url.path)
    for (name, segments) in entries { try zip.addEntry(name, segments: segments) }
    try zip.close()
    return url
  }

  @Test func segmentsConcatenateIntoOneEntry() throws {
    let head = try DeflateSegment.compress("<head>", level: 6)
    let dir = try WriterTestSupport.scratch()
    let spool = try DeflateSpool(directory: dir.path, level: 1)
    var expected = "<head>"
    // Several 1 MiB chunks through the background queue.
    for i in 0..<60_000 {
      let line = "<row r=\"\(i)\">some repeated text \(i % 97)</row>\n"
      expected += line
      var copy = line
      copy.withUTF8 { spool.write(UnsafeRawBufferPointer($0)) }
    }
    let body = try spool.finish()
    let tail = try DeflateSegment.compress("</tail>", level: 9)
    expected += "</tail>"
    let empty = try DeflateSegment.compress("", level: 1)
    let url = try write([("a.xml", [head, empty, body, tail]), ("b.txt", [try DeflateSegment.compress("b", level: 0)])])
    #expect(body.uncompressedSize > 2 << 20)
    #expect(try WriterTestSupport.part(url, "a.xml") == expected)
    #expect(try WriterTestSupport.part(url, "b.txt") == "b")
    #expect(try WriterTestSupport.entryNames(url) == ["a.xml", "b.txt"])
    let test = try ProcessRunnerShim.unzipTest(url)
    #expect(test.contains("No errors detected"), "\(test)")
  }

  @Test func backgroundAndInlineCompressionGiveTheSameBytes() throws {
    let dir = try WriterTestSupport.scratch()
    var segments: [DeflateSegment] = []
    for background in [true, false] {
      let spool = try DeflateSpool(directory: dir.path, level: 1, compressesInBackground: background)
      for i in 0..<40_000 {
        var line = "cell \(i * 7919 % 10007) "
        line.withUTF8 { spool.write(UnsafeRawBufferPointer($0)) }
      }
      segments.append(try spool.finish())
    }
    let a = try write([("x", [segments[0]])])
    let b = try write([("x", [segments[1]])])
    #expect(try Data(contentsOf: a) == Data(contentsOf: b))
  }

  @Test func entriesCarryTheDOSEpochAndRefuseDuplicates() throws {
    let dir = try WriterTestSupport.scratch()
    let url = dir.appendingPathComponent("t.zip")
    let zip = try ZipWriter(creatingAt: url.path)
    try zip.addEntry("x", segments: [DeflateSegment.compress("x", level: 6)])
    #expect(throws: ZipWriteError.self) { try zip.addEntry("x", segments: []) }
    try zip.close()
    let bytes = [UInt8](try Data(contentsOf: url))
    // Local file header: signature PK\3\4, then time at offset 10, date at 12.
    #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
    #expect(UInt16(bytes[10]) | UInt16(bytes[11]) << 8 == 0)  // 00:00:00
    #expect(UInt16(bytes[12]) | UInt16(bytes[13]) << 8 == (0 << 9) | (1 << 5) | 1)  // 1980-01-01
  }

  @Test func anUnclosedWriterLeavesNoFile() throws {
    let dir = try WriterTestSupport.scratch()
    let url = dir.appendingPathComponent("never.zip")
    do {
      let zip = try ZipWriter(creatingAt: url.path)
      try zip.addEntry("x", segments: [DeflateSegment.compress("x", level: 6)])
    }
    #expect(!FileManager.default.fileExists(atPath: url.path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  @Test func creatingInAMissingFolderFails() {
    #expect(throws: ZipWriteError.self) {
      let zip = try ZipWriter(creatingAt: "/nonexistent-wsoa/x.zip")
      try zip.addEntry("x", segments: [DeflateSegment.compress("x", level: 6)])
      try zip.close()
    }
    #expect(throws: ZipWriteError.self) { try DeflateSpool(directory: "/nonexistent-wsoa", level: 1) }
    #expect(throws: ZipWriteError.self) { try DeflateSegment.compress("x", level: 10) }
  }
}

import TestSupport

enum ProcessRunnerShim {
  static func unzipTest(_ url: URL) throws -> String {
    try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/unzip"), ["-t", url.path]).stdout
  }
}
