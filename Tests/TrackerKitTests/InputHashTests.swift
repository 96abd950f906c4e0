import Foundation
import TestSupport
import Testing

@testable import TrackerKit

/// A merge hashes each input beside reading it (`InputHash`), so the hash
/// must end on its own for inputs the reader refuses: a FIFO or a device
/// would never end, and a huge file the reader refused at once need not be
/// read to its end.
@Suite("Input hashes: regular files only, and cancellable")
struct InputHashTests {
  @Test func aRegularFileHashesToItsSHA256() throws {
    let dir = try Fixtures.scratchDirectory("wsoa-input-hash")
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("abc.csv").path
    try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
    let expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"  // FIPS 180-2, "abc"
    #expect(FileProbe.sha256(path) == expected)
    #expect(InputHash(path).value() == expected)
  }

  @Test func aFIFOOrADeviceHasNoHash() throws {
    let dir = try Fixtures.scratchDirectory("wsoa-input-hash")
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("fifo.csv").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let zero = dir.appendingPathComponent("zero.xlsx").path
    #expect(symlink("/dev/zero", zero) == 0)
    // Neither returns if it is read: a FIFO with no writer blocks on open, /dev/zero never ends.
    for path in [fifo, zero, "/dev/zero"] {
      #expect(FileProbe.sha256(path) == nil, "\(path)")
      #expect(InputHash(path).value() == nil, "\(path)")
    }
  }

  @Test func aHashAskedToStopGivesNothing() throws {
    let dir = try Fixtures.scratchDirectory("wsoa-input-hash")
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("pieces.csv").path
    try Data(repeating: 0x61, count: 300_000).write(to: URL(fileURLWithPath: path))
    var asked = 0
    #expect(FileProbe.sha256(path) { asked += 1; return asked < 3 } == nil)
    #expect(asked == 3)
    #expect(FileProbe.sha256(path) != nil)
  }

  @Test func cancellingStopsTheHashOfAHugeFile() throws {
    let dir = try Fixtures.scratchDirectory("wsoa-input-hash")
    defer { try? FileManager.default.removeItem(at: dir) }
    // 64 GiB that take no disk (a sparse file): read to its end, it would take minutes.
    let path = dir.appendingPathComponent("huge.csv").path
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    #expect(truncate(path, 64 << 30) == 0)
    let hashing = InputHash(path)
    hashing.cancel()
    #expect(hashing.value() == nil)
  }
}
