import AtomicOutput

/// Writes HTML to a `ByteSink`: markup as given, text and attribute values
/// escaped (`& < > "`), characters XML does not allow replaced, so the
/// document is also well-formed XML. Text is escaped straight into the
/// output (runs of ordinary bytes copied at once), never through a new
/// string; the many small pieces of a large report's cells are gathered in
/// a buffer of its own and handed to the sink in blocks (`flush()`), or,
/// for a part written on another thread, kept in memory (`bytes`).
final class HTMLSink {
  /// Where the bytes go; `nil` keeps them in `bytes`.
  let sink: ByteSink?
  /// What a sink without a `ByteSink` has gathered (after `flush()`).
  private(set) var bytes: [UInt8] = []
  private static let capacity = 1 << 16
  /// The gathered bytes and their count, behind pointers so that appending
  /// needs no exclusivity check or array bookkeeping per piece.
  private let buffer = UnsafeMutableRawPointer.allocate(byteCount: HTMLSink.capacity, alignment: 1)
  private let used = UnsafeMutablePointer<Int>.allocate(capacity: 1)

  /// A writer into `sink`, or, with none, into `bytes`.
  init(sink: ByteSink? = nil) {
    self.sink = sink
    used.initialize(to: 0)
  }

  deinit {
    buffer.deallocate()
    used.deallocate()
  }

  /// Hands what is gathered to the sink; call it when the document is written.
  func flush() {
    pass(UnsafeRawBufferPointer(start: buffer, count: used.pointee))
    used.pointee = 0
  }

  /// Bytes to the sink, or to `bytes` when there is none.
  private func pass(_ block: UnsafeRawBufferPointer) {
    if let sink { sink.write(block) } else { bytes.append(contentsOf: block) }
  }

  /// Markup already written (by another `HTMLSink`), as is.
  func raw(bytes block: [UInt8]) {
    block.withUnsafeBytes { append($0) }
  }

  /// Appends bytes to the buffer (large blocks go straight to the sink).
  private func append(_ bytes: UnsafeRawBufferPointer) {
    let n = bytes.count
    guard n > 0 else { return }
    if used.pointee + n > HTMLSink.capacity { flush() }
    if n > HTMLSink.capacity / 2 {
      pass(bytes)
      return
    }
    (buffer + used.pointee).copyMemory(from: bytes.baseAddress!, byteCount: n)
    used.pointee += n
  }

  /// Markup, written as is.
  func raw(_ markup: String) {
    var markup = markup
    markup.withUTF8 { append(UnsafeRawBufferPointer($0)) }
  }

  /// Text (or an attribute value), escaped; line breaks in attributes are
  /// kept as `&#10;` so tooltips keep their lines.
  func text(_ value: String) {
    var value = value
    value.withUTF8 { escaped($0) }
  }

  /// Text escaped, at most `limit` of its UTF-8 bytes, cut at a character
  /// boundary with `…` when cut (as `clipped`); returns the bytes the
  /// clipped text has (the `…` counted), before escaping.
  @discardableResult
  func text(_ value: String, limit: Int) -> Int {
    var value = value
    return value.withUTF8 { bytes in
      guard bytes.count > limit else {
        escaped(bytes)
        return bytes.count
      }
      let end = HTMLSink.cut(bytes, limit)
      escaped(UnsafeBufferPointer(rebasing: bytes[0..<end]))
      raw(HTMLSink.ellipsis)
      return end + HTMLSink.ellipsis.utf8.count
    }
  }

  /// At most `limit` UTF-8 bytes of `value`, cut at a character boundary,
  /// with `…` when cut (by bytes, not grapheme clusters: a tooltip of a
  /// 2,000-character note is cut without walking it).
  static func clipped(_ value: String, _ limit: Int) -> String {
    let bytes = value.utf8
    guard bytes.count > limit else { return value }
    var end = bytes.index(bytes.startIndex, offsetBy: limit)
    while end > bytes.startIndex, UTF8.isContinuation(bytes[end]) { end = bytes.index(before: end) }
    return String(value[..<end]) + ellipsis
  }

  private static let ellipsis = "…"

  /// Where to cut `bytes` (longer than `limit`) to keep at most `limit` bytes: not inside a character.
  private static func cut(_ bytes: UnsafeBufferPointer<UInt8>, _ limit: Int) -> Int {
    var end = max(0, limit)
    while end > 0, UTF8.isContinuation(bytes[end]) { end -= 1 }
    return end
  }

  /// Bytes that may need more than a copy: `&<>"`, C0 controls, and 0xEF
  /// (the lead byte of U+FFFE/U+FFFF).
  private static let special: [Bool] = {
    var table = [Bool](repeating: false, count: 256)
    for b in 0..<0x20 { table[b] = true }
    for c in "&<>\"" { table[Int(c.asciiValue!)] = true }
    table[0xEF] = true
    return table
  }()

  /// Writes UTF-8 bytes escaped: `&amp; &lt; &gt; &quot;`, a line feed as
  /// `&#10;`, a tab as a space, no carriage return, and U+FFFD for other
  /// controls and for U+FFFE/U+FFFF (which XML does not allow).
  private func escaped(_ bytes: UnsafeBufferPointer<UInt8>) {
    let special = HTMLSink.special
    var runStart = 0
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      guard special[Int(b)] else {
        i += 1
        continue
      }
      let replacement: StaticString
      var consumed = 1
      switch b {
      case UInt8(ascii: "&"): replacement = "&amp;"
      case UInt8(ascii: "<"): replacement = "&lt;"
      case UInt8(ascii: ">"): replacement = "&gt;"
      case UInt8(ascii: "\""): replacement = "&quot;"
      case 0x0A: replacement = "&#10;"
      case 0x09: replacement = " "
      case 0x0D: replacement = ""
      case 0xEF:
        guard i + 2 < n, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF else {
          i += 1
          continue
        }
        replacement = "\u{FFFD}"
        consumed = 3
      default: replacement = "\u{FFFD}"
      }
      append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[runStart..<i]))
      replacement.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
      i += consumed
      runStart = i
    }
    append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[runStart..<n]))
  }
}
