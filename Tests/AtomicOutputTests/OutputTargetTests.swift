import AtomicOutput
import Foundation
import TestSupport
import Testing

/// Only regular files are replaced: devices and FIFOs are written into, links followed, the rest refused.
@Suite struct OutputTargetTests {
  func scratch() throws -> URL { try Fixtures.scratchDirectory("atomic-target") }

  func entries(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  func kind(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
  }

  @Test func devNullIsWrittenIntoAndStaysACharacterDevice() throws {
    #expect(kind("/dev/null") == S_IFCHR)
    try AtomicFile.write(to: "/dev/null") { sink in sink.write(String(repeating: "x", count: 3 << 20)) }
    try AtomicFile.produce(at: "/dev/null") { temp in try Data([1, 2, 3]).write(to: URL(fileURLWithPath: temp)) }
    #expect(kind("/dev/null") == S_IFCHR)
    #expect(try FileManager.default.contentsOfDirectory(atPath: "/dev").filter { $0.hasPrefix(".null.") }.isEmpty)
  }

  /// Writes into a FIFO while a thread reads it; returns what the thread read.
  func readThroughFIFO(_ write: (String) throws -> Void) throws -> (Data, URL) {
    let folder = try scratch()
    let fifo = folder.appendingPathComponent("out.json").path
    #expect(mkfifo(fifo, 0o600) == 0)
    nonisolated(unsafe) var received = Data()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      if let handle = FileHandle(forReadingAtPath: fifo) { received = ProcessRunner.readToEnd(handle) }
      done.signal()
    }
    try write(fifo)
    // A writer that replaced the FIFO would leave the reader waiting: release it rather than hang.
    if done.wait(timeout: .now() + 120) == .timedOut {
      Issue.record("the reader never saw the end of the output")
      let release = open(fifo, O_WRONLY | O_NONBLOCK)
      if release >= 0 { close(release) }
      done.wait()
    }
    #expect(kind(fifo) == S_IFIFO)
    return (received, folder)
  }

  @Test func aFIFOReceivesTheOutputAndStaysAFIFO() throws {
    let text = String(repeating: "0123456789", count: 300_000)
    let (received, folder) = try readThroughFIFO { fifo in try AtomicFile.write(to: fifo) { sink in sink.write(text) } }
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(received == Data(text.utf8))
    #expect(try entries(folder) == ["out.json"])
  }

  @Test func aFIFOReceivesWhatALibraryProduced() throws {
    let bytes = Data((0..<200_000).map { UInt8($0 % 251) })
    let (received, folder) = try readThroughFIFO { fifo in
      try AtomicFile.produce(at: fifo) { temp in try bytes.write(to: URL(fileURLWithPath: temp)) }
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(received == bytes)
    #expect(try entries(folder) == ["out.json"])
  }

  @Test func aSymbolicLinkIsFollowedAndKept() throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let real = folder.appendingPathComponent("real.csv")
    let link = folder.appendingPathComponent("link.csv").path
    try Data("old".utf8).write(to: real)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: real.path)
    #expect(symlink("real.csv", link) == 0)
    try AtomicFile.write(to: link) { sink in sink.write("new") }
    #expect(kind(link) == S_IFLNK)
    #expect(try String(contentsOf: real, encoding: .utf8) == "new")
    #expect(try FileManager.default.attributesOfItem(atPath: real.path)[.posixPermissions] as? Int == 0o640)
    try AtomicFile.produce(at: link) { temp in try Data("zip".utf8).write(to: URL(fileURLWithPath: temp)) }
    #expect(kind(link) == S_IFLNK)
    #expect(try String(contentsOf: real, encoding: .utf8) == "zip")
    #expect(try entries(folder) == ["link.csv", "real.csv"])
  }

  @Test func aLinkToNothingIsRefusedAndKept() throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let link = folder.appendingPathComponent("link.csv").path
    #expect(symlink("missing.csv", link) == 0)
    #expect(throws: OutputError.self) { try AtomicFile.write(to: link) { sink in sink.write("x") } }
    #expect(throws: OutputError.self) { try AtomicFile.produce(at: link) { _ in } }
    #expect(kind(link) == S_IFLNK)
    #expect(try entries(folder) == ["link.csv"])
  }

  @Test func aLinkToAFolderIsRefused() throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let link = folder.appendingPathComponent("here").path
    #expect(symlink(folder.path, link) == 0)
    #expect(throws: OutputError.isDirectory(path: link)) { try AtomicFile.write(to: link) { sink in sink.write("x") } }
    #expect(kind(link) == S_IFLNK)
  }
}
