public import Diagnostics
public import Grid

/// The "Findings" sheet of an annotated workbook (`wsoa validate --annotate`):
/// one row per finding with its severity, code, the cell of the input it is
/// about, a link to where that value is in the cleaned tracker, the message
/// and the fix.
///
/// Reading an annotated workbook back, the recogniser skips a sheet that is
/// recognisably this one (named `Findings`, `Findings 2`, … with this exact
/// header), so the workbook reads as the same plan and its old findings are
/// neither reported nor carried into a new output.
public enum FindingsSheet {
  /// The sheet's name.
  public static let name = "Findings"

  /// The header row: `Cell` is the input's cell, `Go to` links to the cleaned tracker's.
  public static let header = ["Severity", "Code", "Cell", "Go to", "Message", "Fix"]

  /// The sheet's name in a workbook that already has sheets named `taken`:
  /// `Findings`, else `Findings 2`, `Findings 3`, …
  public static func name(avoiding taken: Set<String>) -> String {
    let lowered = Set(taken.map { $0.lowercased() })
    guard lowered.contains(name.lowercased()) else { return name }
    var n = 2
    while lowered.contains("\(name) \(n)".lowercased()) { n += 1 }
    return "\(name) \(n)"
  }

  /// Whether a sheet is a Findings sheet wsoa wrote: its name is `Findings`
  /// or `Findings N` and its first row is exactly `header`.
  public static func isFindingsSheet(_ sheet: Sheet) -> Bool {
    guard sheet.name == name || sheet.name.hasPrefix(name + " ") && Int(sheet.name.dropFirst(name.count + 1)) != nil,
      let first = sheet.rows.first, first.number == 1, first.cells.count == header.count
    else { return false }
    for (cell, text) in zip(first.cells, header) {
      guard case .text(let value) = cell.value, value == text else { return false }
    }
    return true
  }

  /// The input cell as the `Cell` column shows it: `'Priority 2'!H9` for a
  /// workbook, `H9` for CSV/TSV (`H9 (line 12)` when the record starts on
  /// another line), the sheet alone for a sheet-wide finding, else empty.
  public static func cellText(_ location: SourceLocation?) -> String {
    guard let location else { return "" }
    if let cell = location.cell {
      let text = location.sheetCell ?? cell.a1
      if let line = location.line, line != cell.row { return text + " (line \(line))" }
      return text
    }
    if let sheet = location.sheet { return SourceLocation.quotedSheetName(sheet) }
    if let line = location.line { return "line \(line)" }
    return ""
  }
}
