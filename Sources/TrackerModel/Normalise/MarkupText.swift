/// A cell's text as clean paragraphs: HTML fragments (`<p>`, `<br>`,
/// entities) and line breaks become paragraph breaks, other tags are
/// stripped, runs of spaces collapse to one (domain.md §5.5).
///
/// Markup is handled only when the cell contains tags, so a bare `&` (the
/// seed's `C&F Act`) and text like `a < b` stay as written. Every output
/// byte remembers the raw bytes it came from, so a split piece (one note,
/// one evidence item) can hand back its exact raw slice.
///
/// ```swift
/// MarkupText("<p>Feb 2021: Done.</p> <p>C&amp;F &amp; more</p>").paragraphs
/// // ["Feb 2021: Done.", "C&F & more"]
/// ```
public struct MarkupText: Sendable {
  /// One paragraph (or line) of clean text.
  struct Paragraph: Sendable {
    /// Clean UTF-8 bytes.
    var bytes: [UInt8]
    /// For each clean byte, the raw index where its source starts.
    var starts: [Int32]
    /// For each clean byte, the raw index just after its source.
    var ends: [Int32]
  }

  /// The cell's bytes as written.
  let raw: [UInt8]
  /// Whether the cell was read as HTML.
  public let isMarkup: Bool
  /// The paragraphs, in order, none empty.
  var items: [Paragraph]

  /// Cleans a cell's text.
  public init(_ text: String) {
    raw = Array(text.utf8)
    isMarkup = MarkupText.containsTag(raw)
    items = MarkupText.split(raw, markup: isMarkup)
  }

  /// The clean paragraphs, in order, none empty.
  public var paragraphs: [String] { items.map { String(decoding: $0.bytes, as: UTF8.self) } }

  /// The paragraphs joined with line breaks.
  public var text: String { paragraphs.joined(separator: "\n") }

  /// The raw text from clean position `from` (paragraph, byte) up to and
  /// including the clean byte before `to`; `to` may be `(p, bytes.count)`.
  func rawSlice(from: (Int, Int), to: (Int, Int)) -> String {
    guard from.0 < items.count, to.0 < items.count, from.1 < items[from.0].bytes.count, to.1 > 0 else {
      return ""
    }
    let a = Int(items[from.0].starts[from.1])
    let b = Int(items[to.0].ends[to.1 - 1])
    return a < b ? String(decoding: raw[a..<b], as: UTF8.self) : ""
  }

  /// Whether the bytes hold something shaped like an HTML tag (`<p>`, `</p>`, `<br/>`).
  static func containsTag(_ bytes: [UInt8]) -> Bool {
    var i = 0
    while i + 2 < bytes.count {
      if bytes[i] == UInt8(ascii: "<") {
        var j = i + 1
        if bytes[j] == UInt8(ascii: "/") { j += 1 }
        if j < bytes.count, TextBytes.isLetter(bytes[j]), tagEnd(bytes, i) != nil { return true }
      }
      i += 1
    }
    return false
  }

  /// The index after the `>` closing the tag that starts at `i`, if it closes
  /// before another `<` or a line break.
  static func tagEnd(_ bytes: [UInt8], _ i: Int) -> Int? {
    var j = i + 1
    while j < bytes.count {
      let b = bytes[j]
      if b == UInt8(ascii: ">") { return j + 1 }
      if b == UInt8(ascii: "<") || b == 10 { return nil }
      j += 1
    }
    return nil
  }

  /// Tags that end a paragraph or line.
  private static let breakTags: Set<String> = [
    "p", "br", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
  ]

  private static func split(_ raw: [UInt8], markup: Bool) -> [Paragraph] {
    var out: [Paragraph] = []
    var cur = Paragraph(bytes: [], starts: [], ends: [])
    var pendingSpace: Int? = nil
    func flush() {
      if !cur.bytes.isEmpty { out.append(cur) }
      cur = Paragraph(bytes: [], starts: [], ends: [])
      pendingSpace = nil
    }
    func emit(_ bytes: [UInt8], _ start: Int, _ end: Int) {
      if let space = pendingSpace, !cur.bytes.isEmpty {
        cur.bytes.append(32)
        cur.starts.append(Int32(space))
        cur.ends.append(Int32(space + 1))
      }
      pendingSpace = nil
      for b in bytes {
        cur.bytes.append(b)
        cur.starts.append(Int32(start))
        cur.ends.append(Int32(end))
      }
    }
    var i = 0
    while i < raw.count {
      let b = raw[i]
      if b == 10 || b == 13 {
        flush()
        i += 1
        continue
      }
      if markup, b == UInt8(ascii: "<"), let end = tagEnd(raw, i) {
        var n = i + 1
        if n < end, raw[n] == UInt8(ascii: "/") { n += 1 }
        let nameEnd = TextBytes.letterRunEnd(raw, n)
        let digitEnd = TextBytes.digitRunEnd(raw, nameEnd)
        if nameEnd > n {
          if breakTags.contains(TextBytes.lowerString(raw, n, digitEnd)) { flush() }
          i = end
          continue
        }
      }
      if markup, b == UInt8(ascii: "&"), let (decoded, end) = HTMLEntities.decode(raw, i) {
        if decoded == [32] {
          if pendingSpace == nil { pendingSpace = i }
        } else {
          emit(decoded, i, end)
        }
        i = end
        continue
      }
      let space = TextBytes.spaceLength(raw, i)
      if space > 0 {
        if pendingSpace == nil { pendingSpace = i }
        i += space
        continue
      }
      if b == 0 {
        i += 1
        continue
      }
      emit([b], i, i + 1)
      i += 1
    }
    flush()
    return out
  }
}
