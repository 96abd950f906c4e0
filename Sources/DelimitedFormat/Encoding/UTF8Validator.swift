import ByteScan

/// Checks that bytes are well-formed UTF-8 (Unicode Table 3-7: no overlong
/// forms, no surrogates, nothing above U+10FFFF) and hold no NUL byte.
///
/// ASCII is checked 32 bytes at a time (then eight); only non-ASCII sequences are
/// decoded one by one.
enum UTF8Validator {
  /// The first problem found, in byte order.
  enum Result: Equatable {
    /// Well-formed UTF-8 without NUL bytes.
    case valid
    /// The byte at this offset starts an ill-formed sequence.
    case invalid(at: Int)
    /// A NUL byte at this offset.
    case nul(at: Int)
  }

  /// Validates `bytes[start..<end]`.
  static func validate(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Result {
    var i = start
    while true {
      // Fast path: 32 bytes of ASCII without NUL at a time, then whole ASCII words.
      let zeros = SIMD32<UInt8>(repeating: 0)
      while i + 32 <= end {
        let v = UnsafeRawPointer(bytes + i).loadUnaligned(as: SIMD32<UInt8>.self)
        let words = unsafeBitCast(v, to: SIMD4<UInt64>.self)
        if (words[0] | words[1] | words[2] | words[3]) & ByteWord.highs != 0 { break }
        if ByteSearch.firstSet(v .== zeros) != nil { break }
        i += 32
      }
      while i + 8 <= end {
        let word = UInt64(littleEndian: UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self))
        if word & 0x8080_8080_8080_8080 != 0 { break }
        let zero = ByteWord.zeroBytes(word)
        if zero != 0 { return .nul(at: i + zero.trailingZeroBitCount >> 3) }
        i += 8
      }
      guard i < end else { return .valid }
      let lead = bytes[i]
      if lead < 0x80 {
        if lead == 0 { return .nul(at: i) }
        i += 1
        continue
      }
      let length = sequenceLength(bytes, at: i, end: end)
      if length == 0 { return .invalid(at: i) }
      i += length
    }
  }

  /// A lead byte's sequence length and the range its second byte must be in
  /// (Unicode Table 3-7), or `nil` for a byte that cannot start a sequence.
  static func shape(of lead: UInt8) -> (length: Int, second: ClosedRange<UInt8>)? {
    switch lead {
    case 0xC2...0xDF: (2, 0x80...0xBF)
    case 0xE0: (3, 0xA0...0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80...0xBF)
    case 0xED: (3, 0x80...0x9F)
    case 0xF0: (4, 0x90...0xBF)
    case 0xF1...0xF3: (4, 0x80...0xBF)
    case 0xF4: (4, 0x80...0x8F)
    default: nil
    }
  }

  /// Whether the bytes from `i` to `end` are the well-formed beginning of a
  /// sequence that `end` cuts short (the rest may be in the next chunk).
  static func isCutShort(_ bytes: UnsafePointer<UInt8>, at i: Int, end: Int) -> Bool {
    guard let (length, second) = shape(of: bytes[i]) else { return false }
    guard i + length > end else { return false }
    for k in 1..<(end - i) {
      let byte = bytes[i + k]
      if k == 1 ? !second.contains(byte) : byte & 0xC0 != 0x80 { return false }
    }
    return true
  }

  /// The length (1–3) of the maximal subpart at `i`, where `sequenceLength`
  /// found an ill-formed sequence: the longest start of a well-formed
  /// sequence there (`E2 82` before a non-continuation byte is one
  /// subpart), or 1 for a byte that cannot start one (a lone continuation
  /// byte, `C0`, `F5`…). Each becomes one U+FFFD.
  static func maximalSubpart(_ bytes: UnsafePointer<UInt8>, at i: Int, end: Int) -> Int {
    guard let (length, second) = shape(of: bytes[i]) else { return 1 }
    var k = 1
    while k < length, i + k < end {
      let byte = bytes[i + k]
      if k == 1 ? !second.contains(byte) : byte & 0xC0 != 0x80 { break }
      k += 1
    }
    return min(k, length - 1)
  }

  /// The length (2–4) of the well-formed sequence starting at `i`, or 0 when
  /// the bytes there are ill-formed or cut off by `end`.
  @inline(__always)
  static func sequenceLength(_ bytes: UnsafePointer<UInt8>, at i: Int, end: Int) -> Int {
    let lead = bytes[i]
    @inline(__always) func continuation(_ offset: Int) -> Bool {
      i + offset < end && bytes[i + offset] & 0xC0 == 0x80
    }
    @inline(__always) func inRange(_ offset: Int, _ low: UInt8, _ high: UInt8) -> Bool {
      i + offset < end && (low...high).contains(bytes[i + offset])
    }
    switch lead {
    case 0xC2...0xDF:
      return continuation(1) ? 2 : 0
    case 0xE0:
      return inRange(1, 0xA0, 0xBF) && continuation(2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF:
      return continuation(1) && continuation(2) ? 3 : 0
    case 0xED:
      return inRange(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
    case 0xF0:
      return inRange(1, 0x90, 0xBF) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF1...0xF3:
      return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF4:
      return inRange(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
    default:
      return 0
    }
  }
}
