import Grid

/// What one read has used of `XLSXLimits` so far, over every sheet:
/// cells seen and bytes of text produced.
final class ReadBudget {
  let limits: XLSXLimits
  @exclusivity(unchecked) private(set) var cells = 0
  @exclusivity(unchecked) private(set) var textBytes = 0

  init(limits: XLSXLimits) {
    self.limits = limits
  }

  /// Counts one `<c>`; false once past `maxCells`.
  @inline(__always) func addCell() -> Bool {
    cells += 1
    return cells <= limits.maxCells
  }

  /// Counts `count` cells' worth of work (a column range, a merge); false
  /// once past `maxCells`.
  func addCells(_ count: Int) -> Bool {
    cells += count
    return cells <= limits.maxCells
  }

  /// Counts text bytes; false once past `maxTotalTextBytes`.
  @inline(__always) func addText(_ count: Int) -> Bool {
    textBytes += count
    return textBytes <= limits.maxTotalTextBytes
  }
}

/// What a worksheet parse hands on: the sheet's start (once its columns are
/// known) and each row.
enum SheetEvent {
  case begin(Sheet)
  case row(Row)
}
