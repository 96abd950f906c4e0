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
  /// Excel's largest row height, in points.
  static let maxHeight = 409.0

  /// The height for cells whose columns are `widths` characters wide (by
  /// 1-based column); `nil` when one line is enough.
  static func height(for cells: [FormattedCell], widths: [Int: Double]) -> Double? {
    var lines = 1
    for cell in cells {
      guard case .text(let text) = cell.value, let width = widths[cell.column] else { continue }
      lines = max(lines, lineCount(text, charactersPerLine: max(1, Int(width * 1.1))))
    }
    guard lines > 1 else { return nil }
    return min(maxHeight, Double(lines) * pointsPerLine + 3)
  }

  /// Lines a text takes when wrapped at `charactersPerLine` (explicit line
  /// breaks start new lines).
  static func lineCount(_ text: String, charactersPerLine: Int) -> Int {
    var lines = 0
    var run = 0
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        lines += (run + charactersPerLine - 1) / charactersPerLine + (run == 0 ? 1 : 0)
        run = 0
      } else {
        run += 1
      }
    }
    lines += max(1, (run + charactersPerLine - 1) / charactersPerLine)
    return lines
  }
}
