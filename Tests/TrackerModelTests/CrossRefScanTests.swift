import TestSupport
import Testing

@testable import TrackerModel

/// The word-at-a-time `see` scan must answer exactly as a plain search: on
/// random text made of the letters that matter (s, e in both cases), others,
/// spaces and multi-byte characters, of every length around the 8-byte steps.
@Suite struct CrossRefScanTests {
  @Test func seeScanMatchesAPlainSearch() {
    var random = SeededRandom(seed: 5)
    let pieces = ["s", "S", "e", "E", "x", " ", "é", "ſ", "see", "\u{2013}"]
    var found = 0
    for length in 0..<40 {
      for _ in 0..<200 {
        var text = ""
        for _ in 0..<length { text += pieces[Int(random.next() % UInt64(pieces.count))] }
        let expected = Self.plain(text)
        #expect(CrossRefFinder.mentionsSee(text) == expected, "\(text)")
        if expected { found += 1 }
      }
    }
    #expect(found > 1_000)
  }

  /// `s`, `e`, `e` in a row, each matched as its byte OR 0x20.
  static func plain(_ text: String) -> Bool {
    let b = Array(text.utf8)
    guard b.count >= 3 else { return false }
    for i in 0...(b.count - 3)
    where b[i] | 0x20 == UInt8(ascii: "s") && b[i + 1] | 0x20 == UInt8(ascii: "e") && b[i + 2] | 0x20 == UInt8(ascii: "e") {
      return true
    }
    return false
  }
}
