import TestSupport
import Testing

@testable import TrackerModel

/// The word-at-a-time run scan in `MarkupText` must stop exactly where the
/// byte-by-byte scan stops: from every start, on random text made of the
/// bytes that matter (spaces alone and doubled, tabs, line breaks, NUL, the
/// no-break space's bytes, `<`, `&`, other controls, multi-byte characters,
/// `!` just above the space) and plain letters, of lengths around the
/// 8-byte steps.
@Suite struct PlainRunScanTests {
  @Test func wordScanStopsWhereTheByteScanStops() {
    var random = SeededRandom(seed: 11)
    let pieces: [[UInt8]] = [
      [32], [32, 32], [9], [10], [13], [0], [0xC2, 0xA0], [0xC3, 0xA9], [0xE2, 0x80, 0x93], [60], [38], [7], [31], [33],
      Array("word".utf8), Array("a".utf8), Array("Z".utf8), Array("<p>".utf8), Array("&amp;".utf8),
    ]
    let special: [Bool] = {
      var table = [Bool](repeating: false, count: 256)
      for b: UInt8 in [32, 9, 10, 13, 0, 0xC2, 60, 38] { table[Int(b)] = true }
      return table
    }()
    var stopsInsideWords = 0
    for length in 0..<48 {
      for _ in 0..<150 {
        let bytes = Self.randomText(&random, length: length, pieces: pieces, oneIn: 3)
        bytes.withUnsafeBufferPointer { r in
          special.withUnsafeBufferPointer { isSpecial in
            for from in 0...r.count {
              let expected = Self.plainRunEndByteByByte(r, from: from, isSpecial)
              let got = MarkupText.plainRunEnd(r, from: from, isSpecial)
              #expect(got == expected, "from \(from) in \(Array(r))")
              if expected - from >= 9 { stopsInsideWords += 1 }
            }
          }
        }
      }
    }
    // Enough runs were long enough to go through whole words.
    #expect(stopsInsideWords > 10_000)
  }

  @Test func plainCellsAreTheSameAsByTheirDefinition() {
    var random = SeededRandom(seed: 12)
    let pieces: [[UInt8]] = [[32], [32, 32], [9], [10], [13], [0], [0xC2, 0xA0], [0xC2, 0xA3], [0xC3, 0xA9], [60], [38], [7]]
    var plain = 0
    for length in 0..<40 {
      for _ in 0..<200 {
        let bytes = Self.randomText(&random, length: length, pieces: pieces, oneIn: 6)
        let expected = Self.isPlainByDefinition(bytes)
        #expect(bytes.withUnsafeBufferPointer { MarkupText.isPlain($0) } == expected, "\(bytes)")
        if expected { plain += 1 }
      }
    }
    #expect(plain > 500)
  }

  /// One clean paragraph: not empty, no space at either end, no doubled
  /// space, no line break, tab, NUL, no-break space lead byte, `<` or `&`.
  static func isPlainByDefinition(_ b: [UInt8]) -> Bool {
    guard let first = b.first, let last = b.last, first != 32, last != 32 else { return false }
    for (i, c) in b.enumerated() {
      if [10, 13, 9, 0, 0xC2, 60, 38].contains(c) { return false }
      if c == 32, i > 0, b[i - 1] == 32 { return false }
    }
    return true
  }

  @Test func collapsedCheckMatchesTheByteByByteCheck() {
    var random = SeededRandom(seed: 13)
    let pieces: [[UInt8]] = [[32], [32, 32], [10], [10, 10], [32, 10], [10, 32], [9], [13], [0], [0xC2, 0xA0], [0xC3, 0xA9], [7]]
    var collapsed = 0
    for length in 0..<40 {
      for _ in 0..<200 {
        let bytes = Self.randomText(&random, length: length, pieces: pieces, oneIn: 5)
        bytes.withUnsafeBufferPointer { p in
          let expected = Self.isCollapsedByteByByte(p)
          #expect(TextBytes.isCollapsed(p) == expected, "\(Array(p))")
          if expected { collapsed += 1 }
        }
      }
    }
    #expect(collapsed > 500)
  }

  @Test func lastIndexMatchesTheStandardLibrary() {
    var random = SeededRandom(seed: 14)
    for length in 0..<40 {
      for _ in 0..<100 {
        let bytes = (0..<length).map { _ in random.next() % 4 == 0 ? UInt8(ascii: ":") : UInt8(97 + random.next() % 26) }
        #expect(TextBytes.lastIndex(of: UInt8(ascii: ":"), in: bytes) == bytes.lastIndex(of: UInt8(ascii: ":")), "\(bytes)")
      }
    }
    #expect(TextBytes.lastIndex(of: 0x80, in: [0x80, 0x7F, 0xFF, 0x80, 1, 2, 3, 4, 5, 6]) == 3)
  }

  /// Where a plain run ends, byte by byte: at a special byte other than a
  /// space, or at a space followed by a special byte or by the end.
  static func plainRunEndByteByByte(_ r: UnsafeBufferPointer<UInt8>, from: Int, _ isSpecial: UnsafeBufferPointer<Bool>) -> Int {
    var j = from
    while j < r.count {
      if !isSpecial[Int(r[j])] {
        j += 1
      } else if r[j] == 32, j + 1 < r.count, !isSpecial[Int(r[j + 1])] {
        j += 2
      } else {
        break
      }
    }
    return j
  }

  /// Collapsed text, byte by byte: no tab, CR or no-break space byte, no
  /// space after a space or line break, no line break after a space, and
  /// neither starting nor ending with a space or line break.
  static func isCollapsedByteByByte(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = p.first, let last = p.last else { return true }
    if first == 32 || first == 10 || last == 32 || last == 10 { return false }
    for i in p.indices {
      let b = p[i]
      if b == 9 || b == 13 || b == 0xA0 || b == 0xC2 { return false }
      if i > 0, b == 32, p[i - 1] == 32 || p[i - 1] == 10 { return false }
      if i > 0, b == 10, p[i - 1] == 32 { return false }
    }
    return true
  }

  /// At least `length` random bytes: mostly lower-case letters, as in real
  /// cells (so long runs reach the word steps), and one of `pieces` one time
  /// in `odds`.
  static func randomText(_ random: inout SeededRandom, length: Int, pieces: [[UInt8]], oneIn odds: UInt64) -> [UInt8] {
    var bytes: [UInt8] = []
    while bytes.count < length {
      bytes += random.next() % odds == 0 ? pieces[Int(random.next() % UInt64(pieces.count))] : [UInt8(97 + random.next() % 26)]
    }
    return bytes
  }
}
