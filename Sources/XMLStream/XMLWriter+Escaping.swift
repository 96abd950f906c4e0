/// Excel-compatible escaping of text and attribute values.
extension XMLWriter {
  /// Where escaped text goes: element content or an attribute value.
  enum EscapeMode {
    case text
    case attribute
  }

  /// Bytes that may need more than a copy: `&<>"`, `_`, C0 controls, and
  /// 0xEF (the lead byte of U+FFFE/U+FFFF).
  private static let special: [Bool] = {
    var table = [Bool](repeating: false, count: 256)
    for b in 0..<0x20 { table[b] = true }
    for c in "&<>\"_" { table[Int(c.asciiValue!)] = true }
    table[0xEF] = true
    return table
  }()

  /// Writes `value` escaped. Runs of ordinary bytes are copied in one go.
  func escaped(_ value: String, mode: EscapeMode) {
    var copy = value
    copy.withUTF8 { escaped($0, mode: mode) }
  }

  /// Writes UTF-8 bytes escaped.
  func escaped(_ bytes: UnsafeBufferPointer<UInt8>, mode: EscapeMode) {
    let special = XMLWriter.special
    var runStart = 0
    var i = 0
    let n = bytes.count
    while i < n {
      if !special[Int(bytes[i])] {
        i += 1
        continue
      }
      guard let replacement = XMLWriter.replacement(for: bytes, at: i, mode: mode) else {
        i += 1
        continue
      }
      raw(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[runStart..<i])))
      raw(replacement.text)
      i += replacement.consumed
      runStart = i
    }
    raw(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[runStart..<n])))
  }

  /// What to write for the special byte at `index`, or `nil` to copy it.
  private static func replacement(
    for bytes: UnsafeBufferPointer<UInt8>, at index: Int, mode: EscapeMode
  ) -> (text: StaticString, consumed: Int)? {
    let b = bytes[index]
    switch b {
    case UInt8(ascii: "&"): return ("&amp;", 1)
    case UInt8(ascii: "<"): return ("&lt;", 1)
    case UInt8(ascii: ">"): return ("&gt;", 1)
    case UInt8(ascii: "\""): return mode == .attribute ? ("&quot;", 1) : nil
    case 0x09: return mode == .attribute ? ("&#9;", 1) : nil
    case 0x0A: return mode == .attribute ? ("&#10;", 1) : nil
    case 0x0D: return mode == .attribute ? ("&#13;", 1) : ("_x000D_", 1)
    case UInt8(ascii: "_"):
      return mode == .text && startsEscapeLookalike(bytes, at: index) ? ("_x005F_", 1) : nil
    case 0xEF:
      guard index + 2 < bytes.count, bytes[index + 1] == 0xBF else { return nil }
      switch bytes[index + 2] {
      case 0xBE: return ("_xFFFE_", 3)
      case 0xBF: return ("_xFFFF_", 3)
      default: return nil
      }
    default:
      return (controlEscapes[Int(b)], 1)
    }
  }

  /// `_x0000_` ... `_x001F_`, indexed by the control character.
  private static let controlEscapes: [StaticString] = [
    "_x0000_", "_x0001_", "_x0002_", "_x0003_", "_x0004_", "_x0005_", "_x0006_", "_x0007_",
    "_x0008_", "_x0009_", "_x000A_", "_x000B_", "_x000C_", "_x000D_", "_x000E_", "_x000F_",
    "_x0010_", "_x0011_", "_x0012_", "_x0013_", "_x0014_", "_x0015_", "_x0016_", "_x0017_",
    "_x0018_", "_x0019_", "_x001A_", "_x001B_", "_x001C_", "_x001D_", "_x001E_", "_x001F_",
  ]

  /// Whether `_xHHHH_` (four hex digits, either case) starts at `index`.
  private static func startsEscapeLookalike(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    guard index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"), bytes[index + 6] == UInt8(ascii: "_")
    else { return false }
    for k in 2...5 {
      let c = bytes[index + k]
      let isHex =
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(c)
        || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(c)
      if !isHex { return false }
    }
    return true
  }

  /// Whether Excel would mark the text `xml:space="preserve"`: it starts or
  /// ends with a space, tab, line feed or carriage return.
  public static func needsSpacePreserve(_ value: String) -> Bool {
    guard let first = value.utf8.first, let last = value.utf8.last else { return false }
    return isEdgeSpace(first) || isEdgeSpace(last)
  }

  /// `needsSpacePreserve(_:)` for UTF-8 bytes.
  public static func needsSpacePreserve(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last else { return false }
    return isEdgeSpace(first) || isEdgeSpace(last)
  }

  private static func isEdgeSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

  /// The escaped form of text content, as `text(_:)` writes it.
  public static func escapedText(_ value: String) -> String {
    String(decoding: document { $0.text(value) }, as: UTF8.self)
  }

  /// The escaped form of an attribute value, as `attribute(_:_:)` writes it.
  public static func escapedAttribute(_ value: String) -> String {
    String(decoding: document { $0.escaped(value, mode: .attribute) }, as: UTF8.self)
  }
}
