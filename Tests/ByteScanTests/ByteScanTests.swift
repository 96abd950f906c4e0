import ByteScan
import TestSupport
import Testing

/// The word-at-a-time helpers agree with a byte-by-byte reading on random
/// bytes drawn mostly from the bytes they look for, at every offset and length.
@Suite struct ByteScanTests {
  /// Random bytes, most of them from `alphabet` so matches are frequent.
  static func bytes(_ count: Int, _ random: inout SeededRandom) -> [UInt8] {
    let alphabet: [UInt8] = [0x00, 0x0A, 0x0D, 0x20, 0x22, 0x2C, 0x5C, 0x41, 0x5A, 0x61, 0x7F, 0x80, 0xC3, 0xFF, 0x09, 0x1F]
    return (0..<count).map { _ in
      random.below(3) == 0 ? UInt8(truncatingIfNeeded: random.next()) : alphabet[random.below(alphabet.count)]
    }
  }

  /// The bytes of `w` marked 0x80 by a test, as indices.
  static func marked(_ w: UInt64) -> [Int] { (0..<8).filter { w >> ($0 * 8 + 7) & 1 == 1 } }

  @Test func exactWordTestsMarkEveryMatchingByteAndNoOther() {
    var random = SeededRandom(seed: 0xB17E)
    for _ in 0..<3000 {
      let eight = Self.bytes(8, &random)
      let w = eight.withUnsafeBufferPointer { ByteWord.load($0.baseAddress!) }
      for c: UInt8 in [0x00, 0x0A, 0x20, 0x22, 0x5C, 0x80, 0xFF] {
        #expect(Self.marked(ByteWord.equal(w, c)) == eight.indices.filter { eight[$0] == c })
      }
      #expect(Self.marked(ByteWord.control(w)) == eight.indices.filter { eight[$0] < 0x20 })
      #expect(Self.marked(ByteWord.nonASCII(w)) == eight.indices.filter { eight[$0] >= 0x80 })
      let zero = ByteWord.zeroBytes(w)
      let firstZero = eight.firstIndex(of: 0)
      #expect((zero == 0 ? nil : ByteWord.firstMarked(zero)) == firstZero)
    }
  }

  @Test func searchesFindTheFirstMatchAtEveryOffset() {
    var random = SeededRandom(seed: 0x5EA7C4)
    for _ in 0..<400 {
      let text = Self.bytes(random.below(90), &random)
      let (a, b, c): (UInt8, UInt8, UInt8) = (0x2C, 0x22, 0x0A)
      text.withUnsafeBufferPointer { buffer in
        let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        for from in 0...text.count {
          for end in [text.count, max(from, text.count - 3)] {
            let one = ByteSearch.firstIndex(of: ByteWord.broadcast(a), in: base, from: from, to: end)
            #expect(one == (from..<end).first { text[$0] == a } ?? end)
            let three = ByteSearch.firstIndex(
              of: ByteWord.broadcast(a), ByteWord.broadcast(b), ByteWord.broadcast(c), in: base, from: from, to: end)
            #expect(three == (from..<end).first { [a, b, c].contains(text[$0]) } ?? end)
            let escape = ByteSearch.firstIndex(ofControlOr: b, 0x5C, in: base, from: from, to: end)
            #expect(escape == (from..<end).first { text[$0] < 0x20 || text[$0] == b || text[$0] == 0x5C } ?? end)
          }
        }
      }
    }
  }

  @Test func asciiCaseLowersCapitalsOnly() {
    for b in UInt8.min...UInt8.max {
      let expected: UInt8 = (65...90).contains(b) ? b + 32 : b
      #expect(ASCIICase.lower(b) == expected)
      #expect(ASCIICase.isLetter(b) == ((65...90).contains(b) || (97...122).contains(b)))
      #expect(ASCIICase.isDigit(b) == (48...57).contains(b))
    }
    #expect(ASCIICase.lowercased("Vision: ÉTÉ 2021") == "vision: ÉtÉ 2021")
    #expect(ASCIICase.hasPrefix("As At 31 March", lowercasePrefix: "as at"))
    #expect(!ASCIICase.hasPrefix("Révision", lowercasePrefix: "revision"))
    #expect(!ASCIICase.hasPrefix("Vis", lowercasePrefix: "vision"))
    #expect(ASCIICase.hasPrefix("anything", lowercasePrefix: ""))
  }
}
