import AtomicOutput

/// Writes HTML to a `ByteSink`: markup as given, text and attribute values
/// escaped (`& < > "`), characters XML does not allow replaced, so the
/// document is also well-formed XML.
struct HTMLSink {
  let sink: ByteSink

  /// Markup, written as is.
  func raw(_ markup: String) { sink.write(markup) }

  /// Text (or an attribute value), escaped.
  func text(_ value: String) { sink.write(HTMLSink.escaped(value)) }

  /// `value` escaped for text and attribute values; line breaks in
  /// attributes are kept as `&#10;` so tooltips keep their lines.
  static func escaped(_ value: String) -> String {
    var needs = false
    for byte in value.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte < 0x20 || byte == 0xEF {
      needs = true
      break
    }
    guard needs else { return value }
    var out = ""
    out.reserveCapacity(value.utf8.count + 16)
    for scalar in value.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\n": out += "&#10;"
      case "\t": out += " "
      case "\r": continue
      case "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
      default:
        if scalar.value < 0x20 { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }

  /// At most `limit` UTF-8 bytes of `value`, cut at a character boundary,
  /// with `…` when cut (by bytes, not grapheme clusters: a tooltip of a
  /// 2,000-character note is cut without walking it).
  static func clipped(_ value: String, _ limit: Int) -> String {
    let bytes = value.utf8
    guard bytes.count > limit else { return value }
    var end = bytes.index(bytes.startIndex, offsetBy: limit)
    while end > bytes.startIndex, UTF8.isContinuation(bytes[end]) { end = bytes.index(before: end) }
    return String(value[..<end]) + "…"
  }
}
