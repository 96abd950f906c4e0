import ByteScan

/// Finds cross-references in notes and evidence (domain.md §5.2):
/// `SEE 6E`, `See [4a above]`, `see 4.2`. `See <words>` without a number
/// names a document (`(See SEND Strategy)`) and is not a cross-reference.
public enum CrossRefFinder {
  /// One reference found in text.
  public struct Match: Hashable, Sendable {
    /// The reference as written (`See [4a above]`).
    public var text: String
    /// The normalised target key (`4A`).
    public var targetKey: String
  }

  /// Whether `see` (any case) occurs at all: a scan with no allocation, so
  /// the common note without a reference costs little.
  static func mentionsSee(_ text: String) -> Bool {
    if let found = text.utf8.withContiguousStorageIfAvailable({ (p: UnsafeBufferPointer<UInt8>) in mentionsSee(p) }) {
      return found
    }
    return mentionsSee(Array(text.utf8)[...])
  }

  private static func mentionsSee<C: Collection<UInt8>>(_ bytes: C) -> Bool {
    var state = 0
    for b in bytes {
      let c = b | 0x20
      switch state {
      case 0: state = c == UInt8(ascii: "s") ? 1 : 0
      case 1: state = c == UInt8(ascii: "e") ? 2 : (c == UInt8(ascii: "s") ? 1 : 0)
      default:
        if c == UInt8(ascii: "e") { return true }
        state = c == UInt8(ascii: "s") ? 1 : 0
      }
    }
    return false
  }

  /// The same answer over contiguous bytes, 8 at a time: `see` needs an
  /// `ee` (rare in English, unlike `s` or `e` alone), so each word's bytes
  /// equal to `e`/`E` are marked exactly, adjacent marks give the `ee`
  /// candidates, and only those look back one byte for the `s`.
  private static func mentionsSee(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = p.count
    guard n >= 3, let base = p.baseAddress else { return false }
    let lower: UInt64 = 0x2020_2020_2020_2020
    let s = UInt8(ascii: "s")
    // `i` is where an `ee` may start: never at 0, which has no byte before it.
    var i = 1
    while i + 9 <= n {
      let marks = ByteWord.equal(ByteWord.load(base + i) | lower, UInt8(ascii: "e"))  // 0x80 in each byte that is e or E
      if marks != 0 {
        var pairs = marks & (marks >> 8)
        if marks >> 63 != 0, base[i + 8] | 0x20 == UInt8(ascii: "e") { pairs |= 1 << 63 }
        while pairs != 0 {
          if base[i + pairs.trailingZeroBitCount / 8 - 1] | 0x20 == s { return true }
          pairs &= pairs &- 1
        }
      }
      i += 8
    }
    while i + 1 < n {
      if base[i] | 0x20 == UInt8(ascii: "e"), base[i + 1] | 0x20 == UInt8(ascii: "e"), base[i - 1] | 0x20 == s {
        return true
      }
      i += 1
    }
    return false
  }

  /// Every cross-reference in the text, in order.
  public static func find(in text: String) -> [Match] {
    guard mentionsSee(text) else { return [] }
    let b = Array(text.utf8)
    var out: [Match] = []
    var i = 0
    while i + 3 < b.count {
      guard TextBytes.hasPrefixCI(b, i, "see"), !TextBytes.isWordBefore(b, i), !TextBytes.isLetter(b.at(i + 3)) else {
        i += 1
        continue
      }
      var j = TextBytes.skipSpaces(b, i + 3)
      var bracket = false
      if b.at(j) == UInt8(ascii: "[") {
        bracket = true
        j = TextBytes.skipSpaces(b, j + 1)
      }
      guard let (digits, numberEnd) = RefParser.dottedNumber(b, j) else {
        i += 3
        continue
      }
      var end = numberEnd
      var letter = ""
      var k = numberEnd
      if b.at(k) == 32 { k += 1 }
      if TextBytes.isLetter(b.at(k)), !TextBytes.isLetter(b.at(k + 1)) {
        letter = String(UnicodeScalar(b[k] & 0xDF))
        end = k + 1
      }
      var m = TextBytes.skipSpaces(b, end)
      for word: StaticString in ["above", "below"] where TextBytes.hasPrefixCI(b, m, word) && !TextBytes.isLetter(b.at(m + 5)) {
        end = m + 5
        m = TextBytes.skipSpaces(b, end)
      }
      if bracket, b.at(m) == UInt8(ascii: "]") { end = m + 1 }
      out.append(Match(text: TextBytes.string(b, i, end), targetKey: digits + letter))
      i = end
    }
    return out
  }
}
