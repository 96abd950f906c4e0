import ByteScan

/// A cell's text as clean paragraphs: HTML fragments (`<p>`, `<br>`,
/// entities) and line breaks become paragraph breaks, other tags are
/// stripped, runs of spaces collapse to one (domain.md §5.5).
///
/// Markup is handled only when the cell contains tags, so a bare `&` (the
/// seed's `C&F Act`) and text like `a < b` stay as written. Clean text keeps
/// a map back to the raw bytes (a few runs per paragraph), so a split piece
/// (one note, one evidence item) can hand back its exact raw slice.
///
/// ```swift
/// MarkupText("<p>Feb 2021: Done.</p> <p>C&amp;F &amp; more</p>").paragraphs
/// // ["Feb 2021: Done.", "C&F & more"]
/// ```
public struct MarkupText: Sendable {
  /// One paragraph (or line) of clean text.
  struct Paragraph: Sendable {
    /// Clean UTF-8 bytes.
    var bytes: [UInt8] = []
    /// The paragraph's runs in `MarkupText.runs`: `firstRun ..< firstRun + runCount`.
    var firstRun = 0
    var runCount = 0
    /// The raw index just after the paragraph's last clean byte.
    var rawEnd: Int = 0
  }

  /// A stretch of clean bytes copied from consecutive raw bytes: from clean
  /// index `out` on (within its paragraph), clean byte `k` came from raw
  /// index `raw + (k - out)`. One array for every paragraph's runs, so a
  /// paragraph costs one allocation (its bytes), not three.
  struct Run: Sendable {
    var out: Int32
    var raw: Int32
  }

  /// Builds paragraphs and their runs.
  private struct Builder {
    var paragraphs: [Paragraph] = []
    var runs: [Run] = []
    var current = Paragraph()
    /// Whether a decoded entity put a tab, line break or no-break space
    /// into the text (the only way one gets into a paragraph).
    var decodedSpace = false

    /// Whether clean byte `k` of the current paragraph, from raw index
    /// `raw`, continues the last run.
    private func continuesRun(_ k: Int, _ raw: Int) -> Bool {
      guard current.runCount > 0, let last = runs.last else { return false }
      return Int(last.raw) + (k - Int(last.out)) == raw
    }

    private mutating func startRunIfNeeded(_ k: Int, _ raw: Int) {
      if !continuesRun(k, raw) {
        if current.runCount == 0 { current.firstRun = runs.count }
        runs.append(Run(out: Int32(k), raw: Int32(raw)))
        current.runCount += 1
      }
    }

    /// Appends `raw[from..<to]` unchanged.
    mutating func appendRun(_ raw: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
      startRunIfNeeded(current.bytes.count, from)
      current.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: raw[from..<to]))
      current.rawEnd = to
    }

    mutating func append(_ b: UInt8, raw: Int, rawEnd end: Int? = nil) {
      startRunIfNeeded(current.bytes.count, raw)
      current.bytes.append(b)
      current.rawEnd = end ?? raw + 1
    }

    /// Ends the current paragraph (dropped if empty).
    mutating func endParagraph() {
      guard !current.bytes.isEmpty else { return }
      paragraphs.append(current)
      current = Paragraph()
    }
  }

  /// The cell as written (its UTF-8 is read in place, never copied whole).
  private let source: String
  /// The cell as written, when it is already one clean paragraph.
  private let plain: String?
  /// Whether the cell was read as HTML.
  public let isMarkup: Bool
  /// The paragraphs, in order, none empty.
  var items: [Paragraph]
  /// Every paragraph's runs back to raw bytes.
  var runs: [Run]
  /// Whether every paragraph is already trimmed with its whitespace
  /// collapsed (`TextBytes.isCollapsed`), so pieces of it need no collapsing.
  let isCollapsed: Bool

  /// Cleans a cell's text.
  public init(_ text: String) {
    source = text
    let read = text.utf8.withContiguousStorageIfAvailable { MarkupText.read($0) }
      ?? Array(text.utf8).withUnsafeBufferPointer { MarkupText.read($0) }
    guard let built = read.built else {
      isMarkup = false
      plain = text
      let bytes = TextBytes.array(text)
      items = [Paragraph(bytes: bytes, firstRun: 0, runCount: 1, rawEnd: bytes.count)]
      runs = [Run(out: 0, raw: 0)]
      isCollapsed = true
      return
    }
    plain = nil
    isMarkup = read.isMarkup
    (items, runs, isCollapsed) = (built.paragraphs, built.runs, !built.decodedSpace)
  }

  /// Splits a cell's bytes; `built` is nil for a cell that is already one
  /// clean paragraph.
  private static func read(_ raw: UnsafeBufferPointer<UInt8>) -> (built: Builder?, isMarkup: Bool) {
    if isPlain(raw) { return (nil, false) }
    let markup = containsTag(raw)
    return (special.withUnsafeBufferPointer { split(raw, $0, markup: markup) }, markup)
  }

  /// The raw index clean byte `k` of paragraph `p` came from.
  func rawIndex(_ p: Int, _ k: Int) -> Int {
    let paragraph = items[p]
    var low = paragraph.firstRun
    var high = paragraph.firstRun + paragraph.runCount - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if Int(runs[mid].out) <= k { low = mid } else { high = mid - 1 }
    }
    return Int(runs[low].raw) + (k - Int(runs[low].out))
  }

  /// The raw index where clean position `k` of paragraph `p` ends (start
  /// of byte `k`, or the paragraph's end).
  func rawEnd(_ p: Int, at k: Int) -> Int { k >= items[p].bytes.count ? items[p].rawEnd : rawIndex(p, k) }

  /// A cell's clean text (`MarkupText(text).text`), returning a cell that
  /// is already one clean paragraph as it is, without copying its bytes.
  public static func cleanText(_ text: String) -> String {
    if text.utf8.withContiguousStorageIfAvailable({ isPlain($0) }) == true { return text }
    return MarkupText(text).text
  }

  /// A cell's clean paragraphs (`MarkupText(text).paragraphs`), without
  /// copying the bytes of a cell that is already one clean paragraph.
  public static func cleanParagraphs(_ text: String) -> [String] {
    if text.utf8.withContiguousStorageIfAvailable({ isPlain($0) }) == true { return [text] }
    return MarkupText(text).paragraphs
  }

  /// The clean paragraphs, in order, none empty.
  public var paragraphs: [String] {
    if let plain { return [plain] }
    return items.map { String(decoding: $0.bytes, as: UTF8.self) }
  }

  /// The paragraphs joined with line breaks.
  public var text: String {
    if let plain { return plain }
    guard items.count != 1 else { return String(decoding: items[0].bytes, as: UTF8.self) }
    return paragraphs.joined(separator: "\n")
  }

  /// The raw text from clean position `from` (paragraph, byte) up to clean
  /// position `to` (exclusive; `to` may be `(p, bytes.count)`).
  func rawSlice(from: (Int, Int), to: (Int, Int)) -> String {
    guard from.0 < items.count, to.0 < items.count, from.1 < items[from.0].bytes.count, to.1 > 0 else {
      return ""
    }
    let a = rawIndex(from.0, from.1)
    let b = rawEnd(to.0, at: to.1)
    guard a < b else { return "" }
    return source.utf8.withContiguousStorageIfAvailable { String(decoding: UnsafeBufferPointer(rebasing: $0[a..<b]), as: UTF8.self) }
      ?? String(decoding: Array(source.utf8)[a..<b], as: UTF8.self)
  }

  /// Whether the bytes hold something shaped like an HTML tag (`<p>`, `</p>`, `<br/>`).
  static func containsTag(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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
  static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
    var j = i + 1
    while j < bytes.count {
      let b = bytes[j]
      if b == UInt8(ascii: ">") { return j + 1 }
      if b == UInt8(ascii: "<") || b == 10 { return nil }
      j += 1
    }
    return nil
  }

  /// Whether a tag name (lower-cased letters and digits) ends a paragraph or line.
  private static func isBreakTag(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
    guard to - from <= 5 else { return false }
    var key: UInt64 = 0
    for i in from..<to { key = key << 8 | UInt64(TextBytes.lower(bytes[i])) }
    switch key {
    case 0x70, 0x6272, 0x646976, 0x6C69, 0x756C, 0x6F6C, 0x7472, 0x7461626C65: return true  // p br div li ul ol tr table
    default: return to - from == 2 && TextBytes.lower(bytes[from]) == UInt8(ascii: "h") && TextBytes.isDigit(bytes[from + 1])
    }
  }

  /// Whether the text is already one clean paragraph (no markup, breaks,
  /// tabs, no-break spaces, doubled or edge spaces), the common case.
  static func isPlain(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
    // One plain run from the first byte to the last: no special byte but
    // single spaces, and a space never last (nor, checked here, first).
    guard let first = raw.first, first != 32 else { return false }
    return special.withUnsafeBufferPointer { plainRunEnd(raw, from: 0, $0) } == raw.count
  }

  /// Bytes that end a plain run: space, tab, line breaks, NUL, the lead
  /// byte of a no-break space, `<` and `&`.
  private static let special: [Bool] = {
    var table = [Bool](repeating: false, count: 256)
    for b: UInt8 in [32, 9, 10, 13, 0, 0xC2, UInt8(ascii: "<"), UInt8(ascii: "&")] { table[Int(b)] = true }
    return table
  }()

  /// Where the run of plain bytes starting at `from` ends: at the first
  /// special byte other than a space, or at a space followed by a special
  /// byte (another space included) or by the end.
  ///
  /// Eight bytes at a time: each word's spaces and possible stops are
  /// marked exactly or as a superset (any control byte, any byte of a
  /// multi-byte character, `<`, `&`), and only a marked byte is looked at
  /// one by one, so ordinary words and single spaces pass without a branch
  /// each. (The tests compare it with a byte-by-byte scan.)
  static func plainRunEnd(_ r: UnsafeBufferPointer<UInt8>, from: Int, _ isSpecial: UnsafeBufferPointer<Bool>) -> Int {
    let n = r.count
    guard let base = r.baseAddress else { return from }
    var j = from
    while true {
      // Whole words while a ninth byte follows (a space's neighbour).
      while j + 9 <= n {
        let w = ByteWord.load(base + j)
        let stops = wordStops(w, nextIsPossibleStop: mayStop(base[j + 8]))
        if stops == 0 {
          j += 8
          continue
        }
        j += stops.trailingZeroBitCount >> 3
        break
      }
      guard j < n else { return n }
      let c = base[j]
      if !isSpecial[Int(c)] {
        j += 1
        continue
      }
      if c == 32, j + 1 < n, !isSpecial[Int(base[j + 1])] {
        j += 2
        continue
      }
      return j
    }
  }

  /// Whether a byte may be special: a superset (control bytes, bytes of
  /// multi-byte characters, space, `<`, `&`).
  @inline(__always)
  private static func mayStop(_ b: UInt8) -> Bool {
    b <= 32 || b >= 0x80 || b == UInt8(ascii: "<") || b == UInt8(ascii: "&")
  }

  /// 0x80 in each byte of `w` (little-endian: byte 0 first) that may end
  /// the run: a possible special byte that is not a space, or a space whose
  /// next byte may be special. Never misses a real stop; may mark a byte
  /// that is not one (the byte-by-byte step then passes it).
  @inline(__always)
  private static func wordStops(_ w: UInt64, nextIsPossibleStop: Bool) -> UInt64 {
    let spaces = ByteWord.equal(w, 32)
    let others = ByteWord.control(w) | ByteWord.nonASCII(w) | ByteWord.equal(w, UInt8(ascii: "<")) | ByteWord.equal(w, UInt8(ascii: "&"))
    let special = others | spaces
    let nextSpecial = (special >> 8) | (nextIsPossibleStop ? 0x80 << 56 : 0)
    return others | (spaces & nextSpecial)
  }

  private static func split(
    _ r: UnsafeBufferPointer<UInt8>, _ isSpecial: UnsafeBufferPointer<Bool>, markup: Bool
  ) -> Builder {
    var out = Builder()
    let n = r.count
    out.current.bytes.reserveCapacity(min(n, 4096))
    var pendingSpace = -1
    var i = 0
    while i < n {
      let b = r[i]
      if isSpecial[Int(b)] {
        if b == 10 || b == 13 {
          out.endParagraph()
          pendingSpace = -1
          i += 1
          continue
        }
        if markup, b == UInt8(ascii: "<"), let end = tagEnd(r, i) {
          var s = i + 1
          if s < end, r[s] == UInt8(ascii: "/") { s += 1 }
          let nameEnd = TextBytes.digitRunEnd(r, TextBytes.letterRunEnd(r, s))
          if nameEnd > s, TextBytes.isLetter(r[s]) {
            if isBreakTag(r, s, nameEnd) {
              out.endParagraph()
              pendingSpace = -1
            }
            i = end
            continue
          }
        }
        if markup, b == UInt8(ascii: "&"), let (decoded, end) = HTMLEntities.decode(r, i) {
          if decoded == [32] {
            if pendingSpace < 0 { pendingSpace = i }
          } else {
            if pendingSpace >= 0, !out.current.bytes.isEmpty { out.append(32, raw: pendingSpace) }
            pendingSpace = -1
            for d in decoded {
              if d == 9 || d == 10 || d == 13 || d == 32 || d == 0xA0 || d == 0xC2 { out.decodedSpace = true }
              out.append(d, raw: i, rawEnd: end)
            }
          }
          i = end
          continue
        }
        if b == 32 || b == 9 || (b == 0xC2 && i + 1 < n && r[i + 1] == 0xA0) {
          if pendingSpace < 0 { pendingSpace = i }
          i += b == 0xC2 ? 2 : 1
          continue
        }
        if b == 0 {
          i += 1
          continue
        }
      }
      if pendingSpace >= 0, !out.current.bytes.isEmpty { out.append(32, raw: pendingSpace) }
      pendingSpace = -1
      // Copy the run of plain bytes that follows in one go; single spaces
      // between words stay inside the run.
      let j = plainRunEnd(r, from: i + 1, isSpecial)
      if out.current.bytes.capacity == 0 { out.current.bytes.reserveCapacity(min(n - i, 4096)) }
      out.appendRun(r, i, j)
      i = j
    }
    out.endParagraph()
    return out
  }
}
