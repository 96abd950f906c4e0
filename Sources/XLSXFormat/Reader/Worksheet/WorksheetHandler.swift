import Diagnostics
import Grid
import XMLStream

/// Streams one worksheet part into rows: `<row>`/`<c>` with or without `r`
/// (counters fill the gaps; `<dimension>` is never read), values converted
/// by type and style, hidden rows flagged; `<cols>` gives hidden columns and
/// widths, `<mergeCells>` the merged ranges.
///
/// Allocation-free per cell apart from the text a cell's `String` needs: the
/// value bytes go to one reused buffer and each row's cells to one reused
/// array, handed on as a `Row` when `</row>` arrives.
///
/// Its state is touched on every parser event, so its stored properties opt
/// out of dynamic exclusivity checks (`@exclusivity(unchecked)`): the handler
/// is used by one parser on one thread and never hands out `inout` access.
final class WorksheetHandler: XMLEventHandler {
  enum CellType { case number, sharedString, inlineString, formulaString, boolean, error, isoDate }

  let file: String
  let part: String
  /// The shared strings; nil while they are still being read beside this
  /// sheet (see `deferredStrings`) or when the workbook has none.
  @exclusivity(unchecked) var strings: SharedStringTable?
  /// When not nil, shared-string cells are recorded here, in document order,
  /// with an empty text standing in, for `resolveDeferredStrings` to fill in
  /// once the table is read.
  @exclusivity(unchecked) var deferredStrings: [DeferredString]?
  let styles: StyleTable
  let uses1904: Bool
  let budget: ReadBudget
  @exclusivity(unchecked) var sink: ((SheetEvent) throws -> Void)?
  @exclusivity(unchecked) private(set) var sheet: Sheet
  @exclusivity(unchecked) private var began = false
  /// The last column a `<col>` range has covered.
  @exclusivity(unchecked) private var lastDefinedColumn = 0

  // Row state.
  @exclusivity(unchecked) var rowNumber = 0
  @exclusivity(unchecked) var previousRow = 0
  @exclusivity(unchecked) var rowHasNumber = false
  @exclusivity(unchecked) var rowIsHidden = false
  @exclusivity(unchecked) var inRow = false
  @exclusivity(unchecked) var cells: [Cell] = []
  @exclusivity(unchecked) var lastColumn = 0
  @exclusivity(unchecked) var needsSort = false

  // Cell state.
  @exclusivity(unchecked) var inCell = false
  @exclusivity(unchecked) var cellColumn = 0
  @exclusivity(unchecked) var cellStyle = 0
  @exclusivity(unchecked) var cellType = CellType.number
  @exclusivity(unchecked) var hasValue = false
  @exclusivity(unchecked) var inValue = false
  @exclusivity(unchecked) var inInline = false
  @exclusivity(unchecked) var inText = false
  @exclusivity(unchecked) var phoneticDepth = 0
  @exclusivity(unchecked) var text = ScratchBytes(capacity: 4096)
  let maxCellBytes: Int
  /// Per style, the date display as a small code (see `DateCode`), and
  /// whether an empty cell is kept: plain memory, read once per cell.
  let dateCodes: UnsafeMutablePointer<UInt8>
  let keepsEmpty: UnsafeMutablePointer<Bool>
  let styleCount: Int

  init(
    file: String, part: String, sheet: Sheet, strings: SharedStringTable?, styles: StyleTable, uses1904: Bool,
    budget: ReadBudget, sink: @escaping (SheetEvent) throws -> Void
  ) {
    self.file = file
    self.part = part
    self.sheet = sheet
    self.strings = strings
    self.styles = styles
    self.uses1904 = uses1904
    self.budget = budget
    self.sink = sink
    // A UTF-8 byte is at least a third of a UTF-16 unit: more bytes than this
    // is over the character cap whatever they hold.
    maxCellBytes = budget.limits.maxCellCharacters * 3
    cells.reserveCapacity(64)
    styleCount = styles.styles.count
    dateCodes = .allocate(capacity: styleCount)
    keepsEmpty = .allocate(capacity: styleCount)
    for k in 0..<styleCount {
      dateCodes[k] = DateCode.code(styles.dateDisplays[k])
      keepsEmpty[k] = styles.keepsEmptyCells[k]
    }
  }

  deinit {
    text.free()
    dateCodes.deallocate()
    keepsEmpty.deallocate()
  }

  func startElement(_ name: XMLBytes, namespace: Int, attributes: XMLAttributes) throws {
    guard Namespaces.isMain(namespace) else { return }
    switch name.count {
    case 1:
      switch name[0] {
      case UInt8(ascii: "c"): try startCell(attributes)
      case UInt8(ascii: "v"): inValue = inCell && cellType != .inlineString
      case UInt8(ascii: "t"): inText = inInline && phoneticDepth == 0
      default: break
      }
    case 2:
      if name.equals("is"), inCell { inInline = true }
    case 3:
      if name.equals("row") {
        try startRow(attributes)
      } else if name.equals("col") {
        try readColumn(attributes)
      } else if name.equals("rPh") {
        phoneticDepth += 1
      }
    default:
      if name.equals("sheetData") {
        try begin()
      } else if name.equals("mergeCell") {
        try readMerge(attributes)
      }
    }
  }

  func endElement(_ name: XMLBytes, namespace: Int) throws {
    guard Namespaces.isMain(namespace) else { return }
    switch name.count {
    case 1:
      switch name[0] {
      case UInt8(ascii: "c"): if inCell { try finishCell() }
      case UInt8(ascii: "v"): if inValue { hasValue = true; inValue = false }
      case UInt8(ascii: "t"): if inText { hasValue = true; inText = false }
      default: break
      }
    case 2:
      if name.equals("is") { inInline = false }
    case 3:
      if name.equals("row") {
        try finishRow()
      } else if name.equals("rPh") {
        phoneticDepth -= 1
      }
    default: break
    }
  }

  func characters(_ bytes: XMLBytes) throws {
    guard inValue || inText else { return }
    text.append(bytes)
    if text.count > maxCellBytes {
      throw XLSXError.cellTextTooLong(
        file: file, part: part, sheet: sheet.name, cell: currentCell, length: XStringEscapes.utf16Length(text.bytes),
        limit: budget.limits.maxCellCharacters)
    }
  }

  /// Ends the sheet: starts it if `<sheetData>` never came, and returns the
  /// sheet with merges, hidden columns and widths (rows empty).
  func finish() throws -> Sheet {
    try begin()
    return sheet
  }

  /// The cell being read (for errors).
  var currentCell: CellAddress { CellAddress(row: max(rowNumber, 1), column: max(cellColumn, 1)) }

  // MARK: Rows

  private func begin() throws {
    guard !began else { return }
    began = true
    try sink?(.begin(sheet))
  }

  private func startRow(_ attributes: XMLAttributes) throws {
    try budget.charge(part: part, sheet: sheet.name, what: "rows")
    rowIsHidden = false
    rowHasNumber = false
    rowNumber = previousRow + 1
    for i in 0..<attributes.count where attributes.isUnqualified(at: i) {
      let name = attributes.localName(at: i)
      if name.equals("r") {
        let value = attributes.value(at: i)
        guard let number = CellReference.row(value) else {
          throw XLSXError.invalidReference(file: file, part: part, sheet: sheet.name, reference: value.string)
        }
        rowNumber = number
        rowHasNumber = true
      } else if name.equals("hidden") {
        rowIsHidden = XMLValue.isTrue(attributes.value(at: i))
      }
    }
    guard rowNumber <= ExcelLimits.maxRows else {
      throw XLSXError.invalidReference(file: file, part: part, sheet: sheet.name, reference: "row \(rowNumber)")
    }
    if rowNumber <= previousRow {
      throw XLSXError.rowOutOfOrder(file: file, part: part, sheet: sheet.name, row: rowNumber, previous: previousRow)
    }
    inRow = true
    lastColumn = 0
    needsSort = false
  }

  private func finishRow() throws {
    guard inRow else { return }
    inRow = false
    if needsSort { try sortCells() }
    if !cells.isEmpty || rowIsHidden {
      try begin()
      // The row takes the array; the next row starts a new one sized like
      // this one (rows are usually alike), so a consumer that keeps rows
      // keeps little slack and no cell is copied.
      let width = cells.count
      let row = Row(number: rowNumber, isHidden: rowIsHidden, cells: cells)
      cells = []
      cells.reserveCapacity(width)
      try sink?(.row(row))
    }
    previousRow = rowNumber
  }

  private func sortCells() throws {
    cells.sort { $0.column < $1.column }
    for k in cells.indices.dropFirst() where cells[k].column == cells[k - 1].column {
      throw XLSXError.duplicateCell(
        file: file, part: part, sheet: sheet.name, cell: CellAddress(row: rowNumber, column: cells[k].column))
    }
  }

  // MARK: Columns and merges

  /// `<col min max width customWidth hidden>`. Ranges must ascend without
  /// overlapping (as every writer emits them); one that overlaps an earlier
  /// range is ignored, so a sheet's `<cols>` costs at most 16,384 steps
  /// however many ranges a hostile file repeats; each column a range covers
  /// is charged to the read's work budget.
  private func readColumn(_ attributes: XMLAttributes) throws {
    guard let low = attributes.value(named: "min").flatMap(XMLValue.integer),
      let high = attributes.value(named: "max").flatMap(XMLValue.integer), low > lastDefinedColumn, low <= high,
      low <= ExcelLimits.maxColumns
    else { return }
    let columns = low...min(high, ExcelLimits.maxColumns)
    lastDefinedColumn = columns.upperBound
    try budget.charge(columns.count, part: part, sheet: sheet.name, what: "columns of <col> ranges")
    if attributes.value(named: "hidden").map(XMLValue.isTrue) ?? false {
      for column in columns { sheet.hiddenColumns.insert(column) }
    }
    if attributes.value(named: "customWidth").map(XMLValue.isTrue) ?? false,
      let width = attributes.value(named: "width").flatMap(XMLValue.double)
    {
      for column in columns { sheet.columnWidths[column] = width }
    }
  }

  private func readMerge(_ attributes: XMLAttributes) throws {
    guard let reference = attributes.value(named: "ref") else { return }
    let text = reference.string
    guard let range = CellRange(a1: text) else {
      throw XLSXError.invalidReference(file: file, part: part, sheet: sheet.name, reference: text)
    }
    guard budget.addCells(1) else {
      throw XLSXError.tooManyCells(
        file: file, part: part, sheet: sheet.name, cell: range.start, limit: budget.limits.maxCells)
    }
    sheet.mergedRanges.append(range)
  }
}
