/// Splits an evidence cell into items (domain.md §5.5): on `<p>`, `<br>`,
/// line breaks and numbered markers (`1. `, `2. `); on `;` only when none of
/// those are present.
///
/// A numbered marker counts at the start of a paragraph, or inside one when
/// it is the next number after the previous marker, so `in 2021. Next` is
/// not a marker but the dangling `2.` of the seed's J14 is (an empty item).
public enum EvidenceSplitter {
  /// The items of one cell, and what to report about it.
  public struct Result: Hashable, Sendable {
    /// The non-empty items, in order.
    public var items: [EvidenceItem]
    /// Numbers of numbered items that had no text (dropped; `evidence.empty_item`).
    public var emptyNumbers: [Int]
    /// Whether the whole cell says `As above` / `See above` / `Ditto`.
    public var isAsAbove: Bool
  }

  /// Splits a cell.
  ///
  /// - Parameters:
  ///   - text: the cell as written.
  ///   - source: the cell, given to every item.
  public static func split(_ text: String, source: CellRef? = nil) -> Result {
    let markup = MarkupText(text)
    if markup.items.count == 1, AsAbove.mayBe(markup.items[0].bytes), AsAbove.says(markup.text) {
      return Result(items: [], emptyNumbers: [], isAsAbove: true)
    }
    var items: [EvidenceItem] = []
    var empty: [Int] = []
    var lastNumber = 0
    var sawMarker = false
    var pieces: [(number: Int?, from: (Int, Int), to: (Int, Int), textStart: Int)] = []
    for (p, paragraph) in markup.items.enumerated() {
      let b = paragraph.bytes
      var cuts: [(at: Int, number: Int, textStart: Int)] = []
      var i = 0
      while i < b.count {
        if TextBytes.isDigit(b[i]), !TextBytes.isWordBefore(b, i), let (n, textStart) = marker(b, i),
          i == 0 ? true : n == lastNumber + 1
        {
          cuts.append((i, n, textStart))
          lastNumber = n
          sawMarker = true
          i = textStart
          continue
        }
        i += 1
      }
      if cuts.first?.at != 0 {
        pieces.append((nil, (p, 0), (p, b.count), 0))
      }
      for (c, cut) in cuts.enumerated() {
        let end = c + 1 < cuts.count ? cuts[c + 1].at : b.count
        pieces.append((cut.number, (p, cut.at), (p, end), cut.textStart))
      }
    }
    let useSemicolons = !sawMarker && markup.items.count == 1 && !markup.isMarkup
    for piece in pieces {
      let b = markup.items[piece.from.0].bytes
      let (ta, tb) = TextBytes.trimmedRange(b, piece.textStart, piece.to.1)
      if ta >= tb {
        if let n = piece.number { empty.append(n) }
        continue
      }
      if useSemicolons, piece.number == nil {
        items += semicolonItems(markup, b, source)
        continue
      }
      let textBytes = trimTrailingSeparators(b, ta, tb)
      let slice = TextBytes.string(b, ta, textBytes)
      let itemText = markup.isCollapsed ? slice : slice.collapsedWhitespace
      let raw = markup.rawSlice(from: piece.from, to: (piece.to.0, textBytes))
      items.append(EvidenceItem(number: piece.number, text: itemText, ref: eCode(itemText), raw: raw, source: source))
    }
    return Result(items: items, emptyNumbers: empty, isAsAbove: false)
  }

  /// A marker `n.` followed by a space or the end: (n, index of its text).
  private static func marker(_ b: [UInt8], _ i: Int) -> (Int, Int)? {
    let end = TextBytes.digitRunEnd(b, i)
    guard end - i <= 2, b.at(end) == UInt8(ascii: "."), end + 1 == b.count || TextBytes.isSpace(b, end + 1),
      let n = TextBytes.number(b, i, end), n >= 1
    else { return nil }
    return (n, end + 1)
  }

  private static func trimTrailingSeparators(_ b: [UInt8], _ a: Int, _ e: Int) -> Int {
    var end = e
    while end > a, b[end - 1] == UInt8(ascii: ";") || b[end - 1] == 32 { end -= 1 }
    return end
  }

  private static func semicolonItems(_ markup: MarkupText, _ b: [UInt8], _ source: CellRef?) -> [EvidenceItem] {
    var out: [EvidenceItem] = []
    var start = 0
    for i in 0...b.count where i == b.count || b[i] == UInt8(ascii: ";") {
      let (ta, tb) = TextBytes.trimmedRange(b, start, i)
      if ta < tb {
        let text = TextBytes.string(b, ta, tb)
        out.append(EvidenceItem(text: text, ref: eCode(text), raw: markup.rawSlice(from: (0, ta), to: (0, tb)), source: source))
      }
      start = i + 1
    }
    return out
  }

  /// The first evidence-log code (`E12`) in the text, if any.
  public static func eCode(_ text: String) -> String? {
    // Most items hold no capital E followed by a digit: answer that without copying.
    let maybe = text.utf8.withContiguousStorageIfAvailable { p -> Bool in
      guard p.count > 1 else { return false }
      for i in 0..<(p.count - 1) where p[i] == UInt8(ascii: "E") && TextBytes.isDigit(p[i + 1]) { return true }
      return false
    }
    if maybe == false { return nil }
    let b = TextBytes.array(text)
    var i = 0
    while i < b.count {
      if b[i] == UInt8(ascii: "E"), !TextBytes.isWordBefore(b, i) {
        let end = TextBytes.digitRunEnd(b, i + 1)
        if end > i + 1, end - i <= 5, !TextBytes.isWordAt(b, end) { return TextBytes.string(b, i, end) }
      }
      i += 1
    }
    return nil
  }
}
