import Grid

/// The one work budget of a workbook read: what it has used of `XLSXLimits`
/// so far, over every part and every sheet, from the moment the file is
/// opened. Cells and the other records a part can make the reader keep or
/// repeat (rows, hidden or not; the columns a `<col>` range covers; merged
/// ranges; shared-string items, empty ones too; style records;
/// relationships; `<sheet>` entries and each read of a worksheet part, so a
/// part listed by many sheets pays for each read) are charged to
/// `XLSXLimits.maxCells`; text to `maxTotalTextBytes`. Inflated bytes are
/// charged by the zip reader to `ZipLimits.maxTotalSize`, each read of a
/// part again.
final class ReadBudget {
  let limits: XLSXLimits
  /// The file as errors name it.
  let file: String
  @exclusivity(unchecked) private(set) var cells = 0
  @exclusivity(unchecked) private(set) var textBytes = 0

  init(limits: XLSXLimits, file: String) {
    self.limits = limits
    self.file = file
  }

  /// A budget that starts from this one's use so far, for a part read on
  /// another thread at the same time; `join(_:_:)` adds back what the forks
  /// used.
  func fork() -> ReadBudget {
    let copy = ReadBudget(limits: limits, file: file)
    copy.cells = cells
    copy.textBytes = textBytes
    return copy
  }

  /// Adds what two forks of this budget used (each started from this one's
  /// use when forked, which has not changed since), unless the total would
  /// pass `maxCells` or `maxTotalTextBytes`.
  ///
  /// - Returns: whether the forks' use was added (the total is within the limits).
  func join(_ first: ReadBudget, _ second: ReadBudget) -> Bool {
    let joinedCells = first.cells + second.cells - cells
    let joinedText = first.textBytes + second.textBytes - textBytes
    guard joinedCells <= limits.maxCells, joinedText <= limits.maxTotalTextBytes else { return false }
    cells = joinedCells
    textBytes = joinedText
    return true
  }

  /// What has been used so far: cells (and records), and text bytes.
  var usage: (cells: Int, textBytes: Int) {
    get { (cells, textBytes) }
    set { (cells, textBytes) = newValue }
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

  /// Charges `count` records of a kind (`"shared-string items"`,
  /// `"style records"`…) read from `part`.
  ///
  /// - Throws: `XLSXError.tooManyRecords` once past `maxCells`.
  @inline(__always) func charge(_ count: Int = 1, part: String, sheet: String? = nil, what: @autoclosure () -> String)
    throws
  {
    cells += count
    if cells > limits.maxCells {
      throw XLSXError.tooManyRecords(file: file, part: part, sheet: sheet, what: what(), limit: limits.maxCells)
    }
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
