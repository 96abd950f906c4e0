import Diagnostics
import Foundation
import TestSupport
import Testing
import TrackerKit

/// Formats are told apart by content first, then by name.
@Suite struct InputFormatTests {
  func file(_ name: String, _ bytes: [UInt8], in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  @Test func detectsByMagicBytesThenExtension() throws {
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0]
    let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    #expect(try InputFormat.detect(path: file("book.xlsx", zip, in: folder)) == .xlsx)
    #expect(try InputFormat.detect(path: file("renamed.csv", zip, in: folder)) == .xlsx)
    #expect(try InputFormat.detect(path: file("old.xls", ole, in: folder)) == .legacyOrEncrypted)
    #expect(try InputFormat.detect(path: file("locked.xlsx", ole, in: folder)) == .legacyOrEncrypted)
    #expect(try InputFormat.detect(path: file("plan.json", Array("{}".utf8), in: folder)) == .trackerJSON)
    #expect(try InputFormat.detect(path: file("plan", Array(" {\"schema\"".utf8), in: folder)) == .trackerJSON)
    #expect(try InputFormat.detect(path: file("brace.csv", Array("{a},b\n".utf8), in: folder)) == .delimited)
    #expect(try InputFormat.detect(path: file("html.xls", Array("a\tb\n".utf8), in: folder)) == .delimited)
    #expect(try InputFormat.detect(path: Fixtures.sample("staffordshire-priority-2.tsv").path) == .delimited)
  }

  @Test func anXLSXNameWithoutAZipIsMalformed() throws {
    let folder = try Fixtures.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try file("fake.xlsx", Array("a,b\n".utf8), in: folder)
    #expect(throws: InputError.self) { try InputFormat.detect(path: path) }
    do {
      _ = try InputFormat.detect(path: path)
    } catch {
      #expect(error.category == .malformed)
      #expect(error.reason.contains("not a zip archive"))
    }
  }

  @Test func missingAndFolderPaths() {
    let missing = Fixtures.url("csv/nope.csv").path
    #expect(throws: InputError.missing(location: SourceLocation(file: missing), reason: "no such file")) {
      try InputFormat.detect(path: missing)
    }
    let folder = Fixtures.url("csv").path
    #expect(throws: InputError.unreadable(location: SourceLocation(file: folder), reason: "is a directory, not a file")) {
      try InputFormat.detect(path: folder)
    }
  }

  /// Content first: byte-order marks, JSON objects and text; the name and a declared format only for text.
  @Test func theContentDecidesAndTheNameBreaksTies() throws {
    func detect(_ bytes: [UInt8], _ name: String, _ declared: InputFormat? = nil) throws -> InputFormat {
      try InputFormat.detect(head: bytes, name: name, declared: declared)
    }
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    #expect(try detect(bom + Array("{\n  \"schema\": \"wsoa/1\"".utf8), "<stdin>") == .trackerJSON)
    #expect(try detect(bom + Array("Ref,Action\n".utf8), "<stdin>") == .delimited)
    #expect(try detect([0xFF, 0xFE, 0x52, 0x00, 0x09, 0x00], "unicode.txt") == .delimited)
    #expect(try detect([0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x22], "plan") == .delimited)
    #expect(try detect(Array("Ref\tAction\n".utf8), "tracker") == .delimited)
    #expect(try detect(Array("{a},b\n".utf8), "tracker") == .delimited)
    #expect(try detect(Array("{\"schema\"".utf8), "saved.csv") == .trackerJSON)
    #expect(try detect(Array("[1, 2]".utf8), "plan.json") == .trackerJSON)  // the JSON reader says what is wrong
    #expect(try detect(Array("{\"schema\"".utf8), "x", .delimited) == .delimited)
    #expect(try detect([0x50, 0x4B, 0x03, 0x04], "x.csv", .delimited) == .xlsx)
    #expect(try detect([0xD0, 0xCF, 0x11, 0xE0], "x.json", .trackerJSON) == .legacyOrEncrypted)
    #expect(throws: InputError.self) { try detect(Array("a,b\n".utf8), "<stdin>", .xlsx) }
  }

  /// Standard input's content, in memory, is detected as a file's is.
  @Test func bytesInMemoryAreDetectedLikeFiles() throws {
    let sample = Fixtures.sample("staffordshire-priority-2.xlsx").path
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: sample)))
    #expect(try InputSource.bytes(bytes, name: InputSource.standardInputName).format() == .xlsx)
    #expect(try InputSource.file(sample).format() == .xlsx)
    #expect(InputSource.bytes(bytes, name: InputSource.standardInputName).isStandardInput)
    #expect(!InputSource.file(sample).isStandardInput)
  }
}
