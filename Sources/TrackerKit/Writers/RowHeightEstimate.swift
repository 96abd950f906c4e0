import Grid
import XLSXFormat

/// Estimates the height a row of wrapped text needs, so the cleaned tracker
/// reads well in every spreadsheet program.
///
/// Excel fits rows without an explicit height when it opens a file, but
/// LibreOffice (headless conversions) and some viewers keep the default 15 pt,
/// so long notes overlap the rows below. Writing an estimate avoids that; a
/// person can still double-click the row border to refit.
enum RowHeightEstimate {
  /// Points per line of 11 pt Calibri, as Excel lays it out.
  static let pointsPerLine = 15.0
  /// Characters of prose per unit of column width: a width counts digits,
  /// and Calibri's average letter (spaces included) is narrower; kept a
  /// little under the measured ~1.3 so a line of wide letters still fits.
  static let charactersPerWidth = 1.2
  /// Excel's largest row height, in points.
  static let maxHeight = 409.0

  /// The height for cells whose columns are `widths` characters wide (by
  /// 1-based column); `nil` when one line is enough.
  static func height(for cells: [FormattedCell], widths: [Int: Double]) -> Double? {
    var lines = 1
    for cell in cells {
      guard case .text(let text) = cell.value, let width = widths[cell.column] else { continue }
      lines = max(lines, lineCount(text, charactersPerLine: max(1, Int(width * charactersPerWidth))))
    }
    guard lines > 1 else { return nil }
    return min(maxHeight, Double(lines) * pointsPerLine + 3)
  }

  /// The height for one text wrapped in `width` characters (a merged
  /// range's widths summed), in a font `scale` times the normal size (bold
  /// headings: about 1.1; a 14 pt title: about 1.4); `nil` when one line is enough.
  static func height(text: String, width: Double, scale: Double = 1) -> Double? {
    let lines = lineCount(text, charactersPerLine: max(1, Int(width * charactersPerWidth / scale)))
    guard lines > 1 || scale > 1.2 else { return nil }
    return min(maxHeight, Double(lines) * pointsPerLine * scale + 3)
  }

  /// Lines a text takes when wrapped at `charactersPerLine` as a
  /// spreadsheet wraps it: whole words to a line, a word longer than a line
  /// broken across lines, explicit line breaks starting new lines.
  /// Characters are Unicode scalars; words are separated by spaces, lines by
  /// line feeds. One pass over the UTF-8 bytes (both separators are ASCII,
  /// never part of a longer character), with no array of paragraphs or
  /// words: a 100,000-action tracker has a million cells to measure.
  static func lineCount(_ text: String, charactersPerLine width: Int) -> Int {
    var text = text
    return text.withUTF8 { bytes in
      var lines = 0
      var paragraphLines = 1
      var used = 0  // characters on the current line
      var word = 0  // characters of the word being read
      for byte in bytes {
        switch byte {
        case 0x0A:
          paragraphLines += wrap(&word, after: &used, width: width)
          lines += paragraphLines
          paragraphLines = 1
          used = 0
        case 0x20:
          paragraphLines += wrap(&word, after: &used, width: width)
        default:
          if byte & 0xC0 != 0x80 { word += 1 }  // not a continuation byte: a new scalar
        }
      }
      paragraphLines += wrap(&word, after: &used, width: width)
      return max(1, lines + paragraphLines)
    }
  }

  /// Places a word of `word` characters after the `used` characters of the
  /// current line; returns the lines it adds. `word` is reset to 0.
  @inline(__always)
  private static func wrap(_ word: inout Int, after used: inout Int, width: Int) -> Int {
    guard word > 0 else { return 0 }
    defer { word = 0 }
    if used > 0, used + 1 + word <= width {
      used += 1 + word
      return 0
    }
    var added = used > 0 ? 1 : 0
    // A word wider than a line fills whole lines first.
    var length = word
    while length > width {
      length -= width
      added += 1
    }
    used = length
    return added
  }
}
