import ByteScan

/// Byte-level helpers for the normalisers: they scan UTF-8 bytes with plain
/// indices (no regular expressions, no Foundation) so that recognising a
/// 100,000-action tracker stays cheap.
enum TextBytes {
  /// The decimal number in `bytes[from..<to]`, or `nil` unless every byte is a digit.
  static func number(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Int? {
    guard from < to, to <= bytes.count, to - from <= 9 else { return nil }
    var n = 0
    for i in from..<to {
      let b = bytes[i]
      guard isDigit(b) else { return nil }
      n = n * 10 + Int(b - 48)
    }
    return n
  }

  // ASCII classes and case come from `ASCIICase` (ByteScan), the one place they are defined.
  @inline(__always) static func isDigit(_ b: UInt8) -> Bool { ASCIICase.isDigit(b) }
  @inline(__always) static func isLetter(_ b: UInt8) -> Bool { ASCIICase.isLetter(b) }
  @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
  @inline(__always) static func lower(_ b: UInt8) -> UInt8 { ASCIICase.lower(b) }

  /// Whether the character just before `i` is a letter or digit (of any
  /// script; general punctuation such as dashes, curly quotes and no-break
  /// spaces is not).
  static func isWordBefore(_ bytes: [UInt8], _ i: Int) -> Bool {
    guard i > 0, i <= bytes.count else { return false }
    let b = bytes[i - 1]
    if b < 0x80 { return isAlnum(b) }
    if i >= 2, bytes[i - 2] == 0xC2, b == 0xA0 { return false }
    if i >= 3, bytes[i - 3] == 0xE2, bytes[i - 2] == 0x80 { return false }
    return true
  }

  /// Whether the character at `i` is a letter or digit (of any script).
  static func isWordAt(_ bytes: [UInt8], _ i: Int) -> Bool {
    guard i >= 0, i < bytes.count else { return false }
    let b = bytes[i]
    if b < 0x80 { return isAlnum(b) }
    if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { return false }
    if b == 0xE2, i + 1 < bytes.count, bytes[i + 1] == 0x80 { return false }
    return b >= 0xC0
  }

  /// Length of a space at `i`: ASCII space/tab (1), no-break space (2), or 0.
  @inline(__always) static func spaceLength(_ bytes: [UInt8], _ i: Int) -> Int {
    guard i < bytes.count else { return 0 }
    let b = bytes[i]
    if b == 32 || b == 9 { return 1 }
    if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { return 2 }
    return 0
  }

  @inline(__always) static func isSpace(_ bytes: [UInt8], _ i: Int) -> Bool { spaceLength(bytes, i) > 0 }

  /// Length of a dash at `i`: `-` (1), en dash or em dash (3), or 0.
  @inline(__always) static func dashLength(_ bytes: [UInt8], _ i: Int) -> Int {
    guard i < bytes.count else { return 0 }
    if bytes[i] == UInt8(ascii: "-") { return 1 }
    if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94 {
      return 3
    }
    return 0
  }

  /// The index after any spaces starting at `i`.
  @inline(__always) static func skipSpaces(_ bytes: [UInt8], _ i: Int) -> Int {
    var j = i
    while j < bytes.count {
      let n = spaceLength(bytes, j)
      if n == 0 { break }
      j += n
    }
    return j
  }

  /// The index after a run of ASCII letters starting at `i`.
  @inline(__always) static func letterRunEnd(_ bytes: [UInt8], _ i: Int) -> Int {
    bytes.withUnsafeBufferPointer { letterRunEnd($0, i) }
  }

  /// The index after a run of digits starting at `i`.
  @inline(__always) static func digitRunEnd(_ bytes: [UInt8], _ i: Int) -> Int {
    bytes.withUnsafeBufferPointer { digitRunEnd($0, i) }
  }

  /// The last index of `byte` in `bytes`, eight bytes at a time from the
  /// end (a paragraph is searched whole for its last colon).
  static func lastIndex(of byte: UInt8, in bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { p -> Int? in
      guard let base = p.baseAddress else { return nil }
      var end = p.count
      while end >= 8 {
        let found = ByteWord.equal(ByteWord.load(base + end - 8), byte)
        if found != 0 { return end - 8 + (63 - found.leadingZeroBitCount) / 8 }
        end -= 8
      }
      while end > 0 {
        end -= 1
        if base[end] == byte { return end }
      }
      return nil
    }
  }

  /// `letterRunEnd` over bytes read in place.
  @inline(__always) static func letterRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    var j = i
    while j < bytes.count, isLetter(bytes[j]) { j += 1 }
    return j
  }

  /// `digitRunEnd` over bytes read in place.
  @inline(__always) static func digitRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    var j = i
    while j < bytes.count, isDigit(bytes[j]) { j += 1 }
    return j
  }

  /// `lowerString` over bytes read in place.
  static func lowerString(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
    var out = [UInt8](repeating: 0, count: max(0, to - from))
    for i in out.indices { out[i] = lower(bytes[from + i]) }
    return String(decoding: out, as: UTF8.self)
  }

  /// Lower-cased ASCII of `bytes[from..<to]` as a String (for table look-ups).
  static func lowerString(_ bytes: [UInt8], _ from: Int, _ to: Int) -> String {
    bytes.withUnsafeBufferPointer { lowerString($0, from, to) }
  }

  /// Whether `bytes[i...]` starts with the lower-case ASCII `word`, case-insensitively.
  static func hasPrefixCI(_ bytes: [UInt8], _ i: Int, _ word: StaticString) -> Bool {
    let n = word.utf8CodeUnitCount
    guard i + n <= bytes.count else { return false }
    return word.withUTF8Buffer { w in
      for k in 0..<n where lower(bytes[i + k]) != w[k] { return false }
      return true
    }
  }

  /// The UTF-8 bytes of `text`, copied in one go when it is stored contiguously.
  static func array(_ text: String) -> [UInt8] {
    let copied = text.utf8.withContiguousStorageIfAvailable { source in
      [UInt8](unsafeUninitializedCapacity: source.count) { buffer, count in
        if let from = source.baseAddress, source.count > 0 { buffer.baseAddress!.initialize(from: from, count: source.count) }
        count = source.count
      }
    }
    return copied ?? Array(text.utf8)
  }

  /// The string of `bytes[from..<to]`.
  static func string(_ bytes: [UInt8], _ from: Int, _ to: Int) -> String {
    String(decoding: bytes[from..<max(from, to)], as: UTF8.self)
  }

  /// Trims spaces, tabs, line breaks and no-break spaces from both ends.
  static func trimmedRange(_ bytes: [UInt8], _ from: Int, _ to: Int) -> (Int, Int) {
    var a = from
    var b = to
    while a < b {
      if bytes[a] == 10 || bytes[a] == 13 { a += 1; continue }
      let n = spaceLength(bytes, a)
      if n == 0 { break }
      a += n
    }
    while b > a {
      let c = bytes[b - 1]
      if c == 32 || c == 9 || c == 10 || c == 13 { b -= 1; continue }
      if c == 0xA0, b - 2 >= a, bytes[b - 2] == 0xC2 { b -= 2; continue }
      break
    }
    return (a, b)
  }

  /// Whether `collapsed` would return the text unchanged (no allocation).
  static func isCollapsed(_ text: String) -> Bool {
    if let answer = text.utf8.withContiguousStorageIfAvailable({ isCollapsed($0) }) { return answer }
    return Array(text.utf8).withUnsafeBufferPointer { isCollapsed($0) }
  }

  /// `isCollapsed` over UTF-8 bytes: no tab, CR or no-break space, no space
  /// after a space or line break, no line break after a space, neither
  /// starting with a space or line break nor ending with one.
  ///
  /// Eight bytes at a time: a word passes when none of its bytes may break
  /// a rule (marked exactly for spaces and line breaks, as a superset for
  /// other controls and multi-byte characters); a marked word is stepped
  /// through byte by byte. (The tests compare it with a byte-by-byte check.)
  static func isCollapsed(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = p.count
    guard n > 0, let base = p.baseAddress else { return true }
    // The start counts as a space before the text: neither a space nor a
    // line break may follow it.
    var previous: UInt8 = 32
    var i = 0
    while i < n {
      if i + 8 <= n {
        let w = ByteWord.load(base + i)
        if wordMayBreakCollapse(w, after: previous) == 0 {
          previous = UInt8(truncatingIfNeeded: w >> 56)
          i += 8
          continue
        }
      }
      let b = base[i]
      if b > 32, b != 0xA0, b != 0xC2 {
        previous = b
        i += 1
        continue
      }
      if b == 9 || b == 13 || b == 0xA0 || b == 0xC2 { return false }
      if b == 32, previous == 32 || previous == 10 { return false }
      if b == 10, previous == 32 { return false }
      previous = b
      i += 1
    }
    return previous != 32 && previous != 10
  }

  /// 0x80 in each byte of `w` (byte 0 first, `previous` before it) that may
  /// break a rule: a control byte other than a line break, a byte of a
  /// multi-byte character, a space after a space or line break, a line
  /// break after a space.
  @inline(__always)
  private static func wordMayBreakCollapse(_ w: UInt64, after previous: UInt8) -> UInt64 {
    let spaces = ByteWord.equal(w, 32)
    let breaks = ByteWord.equal(w, 10)
    let afterSpaceOrBreak = ((spaces | breaks) << 8) | (previous == 32 || previous == 10 ? 0x80 : 0)
    let afterSpace = (spaces << 8) | (previous == 32 ? 0x80 : 0)
    return (ByteWord.control(w) & ~breaks) | ByteWord.nonASCII(w) | (spaces & afterSpaceOrBreak) | (breaks & afterSpace)
  }

  /// `text` trimmed of spaces and line breaks, with every run of spaces,
  /// tabs and no-break spaces collapsed to one space (line breaks kept).
  static func collapsed(_ text: String) -> String {
    if isCollapsed(text) { return text }
    let bytes = array(text)
    let (a, b) = trimmedRange(bytes, 0, bytes.count)
    var out: [UInt8] = []
    out.reserveCapacity(b - a)
    var i = a
    var pendingSpace = false
    while i < b {
      let n = spaceLength(bytes, i)
      if n > 0 {
        pendingSpace = true
        i += n
        continue
      }
      if pendingSpace, bytes[i] != 10, out.last != 10 { out.append(32) }
      pendingSpace = false
      out.append(bytes[i])
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }
}

extension String {
  /// Trimmed of spaces and line breaks, inner runs of spaces, tabs and
  /// no-break spaces collapsed to one space; line breaks kept.
  public var collapsedWhitespace: String { TextBytes.collapsed(self) }
}
