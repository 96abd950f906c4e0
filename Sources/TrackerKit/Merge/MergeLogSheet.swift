import Diagnostics
public import Grid
public import TrackerModel

/// The "Merge log" sheet of a merged XLSX tracker: one row per change,
/// conflict or reported event (issue 7: action, period, field, old, new,
/// source `file!cell`, sub-group, decision), plus the diagnostic code.
public enum MergeLogSheet {
  /// The sheet's name.
  public static let name = "Merge log"

  /// The header row. The action's column is headed `Key`, not `Action`, so
  /// that reading a merged workbook back does not take the log for an
  /// action table (it is kept verbatim instead).
  public static let header = [
    "Key", "Priority", "Period", "Field", "Old", "New", "Source", "Sub-group", "Decision", "Code",
  ]

  /// Whether a sheet kept verbatim from a tracker is the log of an earlier
  /// merge: named `Merge log` (or `Merge log 2`, … as older versions wrote
  /// it) with this sheet's header in its first row. A merged workbook used
  /// as the master has its log replaced by the new one, not appended to, so
  /// re-merging gives the same bytes.
  public static func isEarlierLog(_ block: Block) -> Bool {
    guard block.kind == "sheet", let sheet = block.cells.first?.source?.sheet, isLogName(sheet) else { return false }
    let first = block.cells.filter { $0.source?.cell?.row == 1 }.sorted { ($0.source?.cell?.column ?? 0) < ($1.source?.cell?.column ?? 0) }
    return first.map(\.text) == header
  }

  /// Whether a sheet is a log an earlier merge wrote (name and header row):
  /// it is kept verbatim and replaced, never read as part of the tracker (its
  /// status and cell columns are not a key).
  static func isEarlierLog(_ sheet: Sheet) -> Bool {
    guard isLogName(sheet.name), let first = sheet.rows.first, first.number == 1 else { return false }
    return first.cells.map { MarkupText(CellText.of($0.value)).text } == header
  }

  private static func isLogName(_ sheet: String) -> Bool {
    guard sheet.hasPrefix(name) else { return false }
    let rest = sheet.dropFirst(name.count)
    return rest.isEmpty || (rest.first == " " && rest.dropFirst().allSatisfy { $0.isASCII && $0.isNumber } && rest.count > 1)
  }

  /// The log sheet's name in a workbook that already has sheets named
  /// `taken` (sheets of the master that are not an earlier log): `Merge
  /// log`, else `Merge log 2`, `Merge log 3`, …
  public static func name(avoiding taken: Set<String>) -> String {
    guard taken.contains(name) else { return name }
    var n = 2
    while taken.contains("\(name) \(n)") { n += 1 }
    return "\(name) \(n)"
  }

  /// Builds the sheet. Every value is a text cell (never a formula), so a
  /// note that starts with `=` stays text.
  ///
  /// - Parameters:
  ///   - log: the merge log, in order.
  ///   - headerStyle: the style index for the header row (bold).
  ///   - conflictStyle: the style index for conflict rows (highlighted).
  public static func sheet(
    _ log: [MergeLogEntry], named sheetName: String = name, headerStyle: Int = 0, conflictStyle: Int = 0
  ) -> Sheet {
    var rows: [Row] = [
      Row(number: 1, cells: header.enumerated().map { Cell(column: $0.offset + 1, value: .text($0.element), style: headerStyle) })
    ]
    rows.reserveCapacity(log.count + 1)
    for (index, entry) in log.enumerated() {
      let values = [
        entry.action, entry.priorityId ?? "", entry.period ?? "", entry.field.rawValue, entry.old, entry.new,
        entry.source?.reference ?? "", entry.subGroup ?? "", entry.decision.rawValue, entry.code,
      ]
      let style = entry.isConflict ? conflictStyle : 0
      rows.append(
        Row(number: index + 2, cells: values.enumerated().map { Cell(column: $0.offset + 1, value: .text(ExcelText.clipped($0.element)), style: style) }))
    }
    return Sheet(
      name: sheetName, rows: rows,
      columnWidths: [1: 10, 2: 9, 3: 12, 4: 10, 5: 30, 6: 30, 7: 36, 8: 22, 9: 18, 10: 26])
  }
}

/// Text fitted to Excel's cell limit.
enum ExcelText {
  /// Excel's limit on characters in one cell.
  static let maxCellCharacters = 32_767

  /// The text, cut to Excel's limit with a marker when longer (log cells
  /// quote notes; the tracker itself is never cut).
  static func clipped(_ text: String) -> String {
    guard text.utf16.count > maxCellCharacters else { return text }
    let marker = " […]"
    var result = ""
    var units = 0
    for character in text {
      let width = character.utf16.count
      if units + width > maxCellCharacters - marker.utf16.count { break }
      result.append(character)
      units += width
    }
    return result + marker
  }
}
