/// Finds the physical line of a byte offset, counting LF, CRLF and a lone
/// CR as one line break each. Used only to place an error, so it may scan.
enum LineCounter {
  /// The 1-based line holding the byte at `offset` of `bytes[start..<end]`.
  static func line(at offset: Int, in bytes: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
    var line = 1
    var i = start
    while i < min(offset, end) {
      let byte = bytes[i]
      if byte == 0x0A {
        line += 1
      } else if byte == 0x0D, !(i + 1 < end && bytes[i + 1] == 0x0A) {
        line += 1  // a lone CR; a CRLF counts once, at its LF
      }
      i += 1
    }
    return line
  }
}
