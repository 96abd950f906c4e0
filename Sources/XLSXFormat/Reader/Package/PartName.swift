/// Part-name arithmetic for OPC packages: where a part's relationships
/// live, and how a relationship target resolves against its source part.
enum PartName {
  /// The relationships part of `part`: `xl/workbook.xml` →
  /// `xl/_rels/workbook.xml.rels`; the package itself (`""`) → `_rels/.rels`.
  static func relationshipsPart(of part: String) -> String {
    guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
    return "\(part[..<slash])/_rels/\(part[part.index(after: slash)...]).rels"
  }

  /// Resolves a relationship target against the part it belongs to.
  ///
  /// Absolute targets (`/xl/worksheets/sheet1.xml`) start at the package
  /// root; relative ones start in the source part's folder; `.` and `..`
  /// segments are applied; `\` is treated as `/`; `%XX` escapes are decoded.
  /// Returns the part name without a leading `/`.
  static func resolve(_ target: String, from source: String) -> String {
    let cleaned = percentDecoded(target.replacingBackslashes())
    var segments: [Substring] = []
    if !cleaned.hasPrefix("/"), let slash = source.lastIndex(of: "/") {
      segments = source[..<slash].split(separator: "/")
    }
    for segment in cleaned.split(separator: "/") {
      switch segment {
      case ".": continue
      case "..": if !segments.isEmpty { segments.removeLast() }
      default: segments.append(segment)
      }
    }
    return segments.joined(separator: "/")
  }

  private static func percentDecoded(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
    var bytes: [UInt8] = []
    let utf8 = Array(text.utf8)
    var i = 0
    while i < utf8.count {
      if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count, let high = hexValue(utf8[i + 1]),
        let low = hexValue(utf8[i + 2])
      {
        bytes.append(high << 4 | low)
        i += 3
      } else {
        bytes.append(utf8[i])
        i += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}

extension String {
  fileprivate func replacingBackslashes() -> String {
    guard utf8.contains(UInt8(ascii: "\\")) else { return self }
    return String(decoding: utf8.map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 }, as: UTF8.self)
  }
}
