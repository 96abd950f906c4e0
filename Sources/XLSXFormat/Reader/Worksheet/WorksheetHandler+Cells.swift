import Diagnostics
import Grid
import XMLStream

/// A date display as one byte, for the per-style table the hot loop reads.
enum DateCode {
  static func code(_ display: DateCell.Display?) -> UInt8 {
    switch display {
    case nil: 0
    case .date: 1
    case .dateTime: 2
    case .time: 3
    case .month: 4
    }
  }

  static func display(_ code: UInt8) -> DateCell.Display {
    switch code {
    case 2: .dateTime
    case 3: .time
    case 4: .month
    default: .date
    }
  }
}

extension WorksheetHandler {
  /// `<c r s t>`: where the cell is, its style and its type.
  func startCell(_ attributes: XMLAttributes) throws {
    guard inRow else { return }
    inCell = true
    hasValue = false
    inInline = false
    inText = false
    phoneticDepth = 0
    text.removeAll()
    cellColumn = lastColumn + 1
    cellStyle = 0
    cellType = .number
    for i in 0..<attributes.count where attributes.isUnqualified(at: i) {
      let name = attributes.localName(at: i)
      guard name.count == 1 else { continue }
      let value = attributes.value(at: i)
      switch name[0] {
      case UInt8(ascii: "r"): try placeCell(value)
      case UInt8(ascii: "s"):
        if let style = XMLValue.integer(value), style < styleCount { cellStyle = style }
      case UInt8(ascii: "t"): try readType(value)
      default: break
      }
    }
    guard cellColumn <= ExcelLimits.maxColumns else {
      throw XLSXError.invalidReference(
        file: file, part: part, sheet: sheet.name, reference: "column \(cellColumn) of row \(rowNumber)")
    }
  }

  private func placeCell(_ value: XMLBytes) throws {
    guard let (column, row) = CellReference.parse(value) else {
      throw XLSXError.invalidReference(file: file, part: part, sheet: sheet.name, reference: value.string)
    }
    cellColumn = column
    if row != rowNumber {
      // A <row> without r takes its number from its first cell.
      guard !rowHasNumber, lastColumn == 0, row > previousRow else {
        throw XLSXError.cellOutsideRow(
          file: file, part: part, sheet: sheet.name, cell: CellAddress(row: row, column: column), row: rowNumber)
      }
      rowNumber = row
      rowHasNumber = true
    }
  }

  private func readType(_ value: XMLBytes) throws {
    if value.count == 1 {
      switch value[0] {
      case UInt8(ascii: "s"): cellType = .sharedString
      case UInt8(ascii: "n"): cellType = .number
      case UInt8(ascii: "b"): cellType = .boolean
      case UInt8(ascii: "e"): cellType = .error
      case UInt8(ascii: "d"): cellType = .isoDate
      default: try invalidType(value)
      }
    } else if value.equals("str") {
      cellType = .formulaString
    } else if value.equals("inlineStr") {
      cellType = .inlineString
    } else if !value.isEmpty {
      try invalidType(value)
    }
  }

  private func invalidType(_ value: XMLBytes) throws -> Never {
    throw XLSXError.invalidCellValue(
      file: file, part: part, sheet: sheet.name, cell: currentCell, type: value.string, value: "")
  }

  /// `</c>`: converts the collected bytes to a value and adds the cell to the row.
  func finishCell() throws {
    inCell = false
    inValue = false
    inText = false
    inInline = false
    if cellColumn <= lastColumn { needsSort = true }
    lastColumn = cellColumn
    guard budget.addCell() else {
      throw XLSXError.tooManyCells(
        file: file, part: part, sheet: sheet.name, cell: currentCell, limit: budget.limits.maxCells)
    }
    let value = hasValue && text.count > 0 ? try cellValue() : .empty
    if case .empty = value, !keepsEmpty[cellStyle] { return }
    cells.append(Cell(column: cellColumn, value: value, style: cellStyle))
  }

  private func cellValue() throws -> CellValue {
    switch cellType {
    case .number:
      guard let number = NumberParser.parse(text.bytes) else { throw invalidValue("n") }
      let code = dateCodes[cellStyle]
      if code != 0, let date = SerialDate.date(serial: number, uses1904: uses1904, display: DateCode.display(code)) {
        return .date(date)
      }
      return .number(number)
    case .sharedString:
      guard let index = XMLValue.integer(text.bytes) else { throw invalidValue("s") }
      if deferredStrings != nil {
        deferredStrings?.append(DeferredString(row: rowNumber, column: cellColumn, index: index))
        return .text("")
      }
      return .text(try sharedString(index, at: currentCell))
    case .inlineString, .formulaString:
      return .text(try inlineText())
    case .boolean:
      if text.equals("1") || text.equals("true") { return .bool(true) }
      if text.equals("0") || text.equals("false") { return .bool(false) }
      throw invalidValue("b")
    case .error:
      return .error(CellError(code: String(decoding: text.bytes, as: UTF8.self)))
    case .isoDate:
      let display = DateCode.display(dateCodes[cellStyle]) == .month ? DateCell.Display.month : nil
      guard let date = ISODate.parse(Array(text.bytes), display: display) else { throw invalidValue("d") }
      return .date(date)
    }
  }

  /// The text of an inline string or a formula's string result, with
  /// `_xHHHH_` escapes decoded (copied out only when there is one).
  private func inlineText() throws -> String {
    var decoded: [UInt8]? = nil
    if XStringEscapes.mayContainEscape(text.bytes) {
      var bytes = Array(text.bytes)
      XStringEscapes.decode(&bytes, from: 0)
      decoded = bytes
    }
    let count = decoded?.count ?? text.count
    if count > budget.limits.maxCellCharacters {
      try checkText(characters: decoded.map { XStringEscapes.utf16Length($0) } ?? XStringEscapes.utf16Length(text.bytes))
    }
    guard budget.addText(count) else { throw tooMuchText() }
    if let decoded { return String(decoding: decoded, as: UTF8.self) }
    return String(decoding: text.bytes, as: UTF8.self)
  }

  /// The text of shared string `index` for `cell`, within the read's limits.
  private func sharedString(_ index: Int, at cell: CellAddress) throws -> String {
    let count = strings?.count ?? 0
    guard let strings, index < count else {
      throw XLSXError.sharedStringOutOfRange(
        file: file, part: part, sheet: sheet.name, cell: cell, index: index, count: count)
    }
    let bytes = strings.byteCount(at: index)
    if bytes > budget.limits.maxCellCharacters { try checkText(characters: strings.characterCount(at: index), at: cell) }
    guard budget.addText(bytes) else { throw tooMuchText(at: cell) }
    return strings.string(at: index)
  }

  /// Fills in the shared-string cells recorded while `deferredStrings` was
  /// set, now that `strings` is read: `rows` are this sheet's rows, as it
  /// handed them on, in order.
  ///
  /// - Throws: `XLSXError` as the cells would have when read (an index out of
  ///   range, a text over the limits), naming the cell.
  func resolveDeferredStrings(in rows: inout [Row]) throws {
    guard let pending = deferredStrings else { return }
    deferredStrings = nil
    var r = 0
    for item in pending {
      let cell = CellAddress(row: Int(item.row), column: Int(item.column))
      while r < rows.count, rows[r].number != cell.row { r += 1 }
      guard r < rows.count, let k = rows[r].index(ofColumn: cell.column) else {
        // Not expected (every recorded cell is kept); the caller then reads
        // the sheet again the usual way.
        throw XLSXError.invalidReference(file: file, part: part, sheet: sheet.name, reference: cell.a1)
      }
      rows[r].cells[k].value = .text(try sharedString(item.index, at: cell))
    }
  }

  private func checkText(characters: Int, at cell: CellAddress? = nil) throws {
    guard characters > budget.limits.maxCellCharacters else { return }
    throw XLSXError.cellTextTooLong(
      file: file, part: part, sheet: sheet.name, cell: cell ?? currentCell, length: characters,
      limit: budget.limits.maxCellCharacters)
  }

  private func invalidValue(_ type: String) -> XLSXError {
    .invalidCellValue(
      file: file, part: part, sheet: sheet.name, cell: currentCell, type: type,
      value: String(decoding: UnsafeBufferPointer(rebasing: text.bytes.prefix(64)), as: UTF8.self))
  }

  private func tooMuchText(at cell: CellAddress? = nil) -> XLSXError {
    .tooMuchText(
      file: file, part: part, sheet: sheet.name, cell: cell ?? currentCell, limit: budget.limits.maxTotalTextBytes)
  }
}

/// A shared-string cell read before the table was: its row, column and
/// index, in 12 bytes (a large tracker has a million of them). An index past
/// `UInt32.max` is kept as `UInt32.max`, out of range of any table.
struct DeferredString {
  let row: UInt32
  let column: UInt32
  private let storedIndex: UInt32

  init(row: Int, column: Int, index: Int) {
    self.row = UInt32(row)
    self.column = UInt32(column)
    storedIndex = UInt32(clamping: index)
  }

  var index: Int { Int(storedIndex) }
}
