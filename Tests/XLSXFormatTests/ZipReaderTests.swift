import Foundation
import TestSupport
import Testing
import ZipArchive

/// The zip layer on its own: listing, case-insensitive lookup, chunked
/// reading on one or two threads, limits, early stop.
@Suite struct ZipReaderTests {
  private let tracker = Fixtures.url("xlsx/openpyxl-tracker.xlsx").path

  @Test func listsAndFindsEntriesIgnoringCaseAndSeparators() throws {
    let zip = try ZipReader(path: tracker)
    #expect(zip.entries.map(\.name).contains("xl/worksheets/sheet1.xml"))
    #expect(zip.entry(named: "XL\\Worksheets\\Sheet1.XML")?.name == "xl/worksheets/sheet1.xml")
    #expect(zip.entry(named: "/xl/workbook.xml")?.name == "xl/workbook.xml")
    #expect(zip.entry(named: "xl/nothing.xml") == nil)
  }

  @Test func normalizedNames() {
    #expect(ZipEntry.normalizedName("/XL\\SharedStrings.xml") == "xl/sharedstrings.xml")
    #expect(ZipEntry.normalizedName("xl/Ünïcode.xml") == "xl/ünïcode.xml")
  }

  @Test(arguments: [true, false]) func chunkedReadEqualsWholeRead(prefetch: Bool) throws {
    let zip = try ZipReader(path: tracker)
    let entry = try #require(zip.entry(named: "xl/worksheets/sheet1.xml"))
    let whole = try zip.readAll(entry)
    var chunked: [UInt8] = []
    var chunks = 0
    try zip.read(entry, chunkSize: 4096, prefetch: prefetch) { chunk in
      chunks += 1
      #expect(chunk.count <= 4096)
      chunk.withUnsafeBufferPointer { chunked.append(contentsOf: $0) }
    }
    #expect(chunked == whole)
    #expect(chunks == (whole.count + 4095) / 4096)
    #expect(String(decoding: whole.prefix(10), as: UTF8.self) == "<worksheet")
  }

  private struct Stop: Error {}

  @Test(arguments: [true, false]) func bodyErrorStopsTheReadAndTheReaderStaysUsable(prefetch: Bool) throws {
    let zip = try ZipReader(path: tracker)
    let entry = try #require(zip.entry(named: "xl/worksheets/sheet1.xml"))
    var calls = 0
    #expect(throws: Stop.self) {
      try zip.read(entry, chunkSize: 4096, prefetch: prefetch) { _ in
        calls += 1
        if calls == 2 { throw Stop() }
      }
    }
    #expect(calls == 2)
    #expect(try zip.readAll(entry).count > 8192)
  }

  @Test func inMemoryArchiveReadsLikeTheFile() throws {
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: tracker)))
    let memory = try ZipReader(bytes: bytes, name: "memory.xlsx")
    let file = try ZipReader(path: tracker)
    for entry in file.entries {
      let other = try #require(memory.entry(named: entry.name))
      #expect(try memory.readAll(other) == file.readAll(entry))
    }
  }

  @Test func totalIsCountedAcrossEntries() throws {
    let zip = try ZipReader(path: tracker)
    var sum = 0
    for entry in zip.entries { sum += try zip.readAll(entry).count }
    #expect(zip.totalInflatedBytes == sum)
  }

  @Test func entryNotFromThisArchive() throws {
    let zip = try ZipReader(path: tracker)
    let stranger = ZipEntry(index: 999, name: "x.xml", declaredSize: 1, compressedSize: 1)
    #expect(throws: ZipError.entryNotFound(archive: tracker, entry: "x.xml")) { try zip.readAll(stranger) }
  }

  @Test func tooManyEntriesByLimit() {
    #expect(throws: ZipError.tooManyEntries(archive: "t.xlsx", count: 9, limit: 3)) {
      _ = try ZipReader(path: tracker, name: "t.xlsx", limits: ZipLimits(maxEntries: 3))
    }
  }
}
