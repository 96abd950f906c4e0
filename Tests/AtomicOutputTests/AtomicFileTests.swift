import AtomicOutput
import Foundation
import TestSupport
import Testing

/// Readers see the old file or the whole new one; errors leave no trace.
@Suite struct AtomicFileTests {
  struct Boom: Error {}

  func scratch() throws -> URL { try Fixtures.scratchDirectory("atomic") }

  func entries(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  @Test func createsANewFileWithTheUmaskMode() throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("new.csv")
    try AtomicFile.write(to: target.path) { sink in sink.write("a,b\n") }
    #expect(try String(contentsOf: target, encoding: .utf8) == "a,b\n")
    let mask = umask(0)
    umask(mask)
    let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
    #expect(mode == 0o666 & ~Int(mask))
    #expect(try entries(folder) == ["new.csv"])
  }

  @Test func replacingKeepsTheTargetsMode() throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("private.csv")
    try Data("old".utf8).write(to: target)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
    try AtomicFile.write(to: target.path) { sink in sink.write("new") }
    #expect(try String(contentsOf: target, encoding: .utf8) == "new")
    let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test func anErrorLeavesTheTargetUntouchedAndNoTemporaryFile() throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("keep.csv")
    try Data("old".utf8).write(to: target)
    #expect(throws: Boom.self) {
      try AtomicFile.write(to: target.path) { sink in
        sink.write(String(repeating: "x", count: 3 << 20))  // past the buffer: bytes reach the temp file
        throw Boom()
      }
    }
    #expect(try String(contentsOf: target, encoding: .utf8) == "old")
    #expect(try entries(folder) == ["keep.csv"])
  }

  @Test func anErrorBeforeTheFirstWriteCreatesNothing() throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: Boom.self) {
      try AtomicFile.write(to: folder.appendingPathComponent("never.csv").path) { _ in throw Boom() }
    }
    #expect(try entries(folder).isEmpty)
  }

  @Test func aFolderAsTargetIsRefused() throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: OutputError.isDirectory(path: folder.path)) {
      try AtomicFile.write(to: folder.path) { sink in sink.write("x") }
    }
  }

  @Test func aMissingFolderCannotBeCreated() throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("missing/out.csv").path
    do {
      try AtomicFile.write(to: target) { sink in sink.write("x") }
      Issue.record("expected an error")
    } catch let error as OutputError {
      guard case .cannotCreate(let path, _) = error else {
        Issue.record("expected .cannotCreate, got \(error)")
        return
      }
      #expect(path == target)
      #expect(error.description.hasPrefix("cannot create output \(target)"))
    }
    #expect(try entries(folder).isEmpty)
  }

  @Test func produceRenamesWhatALibraryWrote() throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("lib.bin")
    try AtomicFile.produce(at: target.path) { temp in
      #expect(!FileManager.default.fileExists(atPath: temp))
      try Data([1, 2, 3]).write(to: URL(fileURLWithPath: temp))
    }
    #expect(try Data(contentsOf: target) == Data([1, 2, 3]))
    #expect(throws: Boom.self) {
      try AtomicFile.produce(at: target.path) { temp in
        try Data([9]).write(to: URL(fileURLWithPath: temp))
        throw Boom()
      }
    }
    #expect(try Data(contentsOf: target) == Data([1, 2, 3]))
    #expect(try entries(folder) == ["lib.bin"])
  }

  @Test func byteSinkWritesLargeAndSmallPiecesInOrder() throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("pieces.bin")
    var expected: [UInt8] = []
    try AtomicFile.write(to: target.path) { sink in
      for i in 0..<5000 {
        let piece = [UInt8](repeating: UInt8(i & 0xFF), count: (i * 37) % 900)
        piece.withUnsafeBytes { sink.write($0) }
        sink.write(byte: 0x0A)
        expected += piece + [0x0A]
      }
      #expect(sink.bytesWritten == expected.count)
    }
    #expect(Array(try Data(contentsOf: target)) == expected)
  }
}
