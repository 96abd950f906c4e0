import AtomicOutput
import Foundation
import TestSupport
import Testing

/// Blocks at least as large as the sink's buffer go straight to the file;
/// the bytes must still come out whole and in order around buffered ones.
@Suite struct ByteSinkTests {
  @Test func largeBlocksInterleaveWithBufferedBytesInOrder() throws {
    let folder = try Fixtures.scratchDirectory("bytesink")
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("out.bin")
    var random = SeededRandom(seed: 7)
    let large = (0..<(3 << 20) + 17).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    let exact = [UInt8](repeating: 0x41, count: 1 << 20)
    var expected: [UInt8] = []
    var written = 0
    try AtomicFile.write(to: target.path) { sink in
      sink.write("head")
      large.withUnsafeBytes { sink.write($0) }
      sink.write(byte: 10)
      exact.withUnsafeBytes { sink.write($0) }
      large.prefix(1000).withUnsafeBytes { sink.write($0) }
      written = sink.bytesWritten
    }
    expected = Array("head".utf8) + large + [10] + exact + large.prefix(1000)
    #expect(written == expected.count)
    #expect(try Data(contentsOf: target) == Data(expected))
  }
}
