/// What the first bytes of a file say it is.
enum FileSignature {
  /// A zip archive (local header, or the end record of an empty archive).
  case zip
  /// An OLE2 Compound File Binary container: an encrypted OOXML workbook or
  /// a legacy `.xls`.
  case compoundFile
  /// Anything else.
  case other

  /// Classifies a file by its first (up to) 8 bytes.
  init(prefix: some Collection<UInt8>) {
    let bytes = Array(prefix.prefix(8))
    if bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B,
      (bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6)
        || (bytes[2] == 7 && bytes[3] == 8)
    {
      self = .zip
    } else if bytes == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
      self = .compoundFile
    } else {
      self = .other
    }
  }

  /// A short description of the first bytes for "not a zip" messages.
  static func describe(prefix: some Collection<UInt8>) -> String {
    let bytes = Array(prefix.prefix(4))
    if bytes.isEmpty { return "the file is empty" }
    if bytes.first == UInt8(ascii: "<") { return "it starts with \"<\", like XML or HTML" }
    let hex = bytes.map { byte -> String in
      let digits = Array("0123456789ABCDEF")
      return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
    return "it starts with bytes \(hex.joined(separator: " ")), not PK 03 04"
  }
}
