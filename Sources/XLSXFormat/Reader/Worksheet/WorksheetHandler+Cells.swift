import Diagnostics
import Grid
import XMLStream

extension WorksheetHandler {
  /// `<c r s t>`: where the cell is, its style and its type.
  func startCell(_ attributes: XMLAttributes) throws {
    guard inRow else { return }
    inCell = true
    hasValue = false
    inInline = false
    inText = false
    phoneticDepth = 0
    text.removeAll(keepingCapacity: true)
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
        if let style = XMLValue.integer(value), style < styles.styles.count { cellStyle = style }
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
    let value = hasValue && !text.isEmpty ? try cellValue() : .empty
    if case .empty = value, !styles.keepsEmptyCells[cellStyle] { return }
    cells.append(Cell(column: cellColumn, value: value, style: cellStyle))
  }

  private func cellValue() throws -> CellValue {
    switch cellType {
    case .number:
      guard let number = text.withUnsafeBufferPointer(NumberParser.parse) else { throw invalidValue("n") }
      if let display = styles.dateDisplays[cellStyle],
        let date = SerialDate.date(serial: number, uses1904: uses1904, display: display)
      {
        return .date(date)
      }
      return .number(number)
    case .sharedString:
      return .text(try sharedString())
    case .inlineString, .formulaString:
      XStringEscapes.decode(&text, from: 0)
      try checkText(characters: text.count > budget.limits.maxCellCharacters ? XStringEscapes.utf16Length(text) : 0)
      guard budget.addText(text.count) else { throw tooMuchText() }
      return .text(String(decoding: text, as: UTF8.self))
    case .boolean:
      if text == [UInt8(ascii: "1")] || text.elementsEqual("true".utf8) { return .bool(true) }
      if text == [UInt8(ascii: "0")] || text.elementsEqual("false".utf8) { return .bool(false) }
      throw invalidValue("b")
    case .error:
      return .error(CellError(code: String(decoding: text, as: UTF8.self)))
    case .isoDate:
      let display = styles.dateDisplays[cellStyle] == .month ? DateCell.Display.month : nil
      guard let date = ISODate.parse(text, display: display) else { throw invalidValue("d") }
      return .date(date)
    }
  }

  private func sharedString() throws -> String {
    guard let index = XMLValue.integer(text) else { throw invalidValue("s") }
    let count = strings?.count ?? 0
    guard let strings, index < count else {
      throw XLSXError.sharedStringOutOfRange(
        file: file, part: part, sheet: sheet.name, cell: currentCell, index: index, count: count)
    }
    let bytes = strings.byteCount(at: index)
    if bytes > budget.limits.maxCellCharacters { try checkText(characters: strings.characterCount(at: index)) }
    guard budget.addText(bytes) else { throw tooMuchText() }
    return strings.string(at: index)
  }

  private func checkText(characters: Int) throws {
    guard characters > budget.limits.maxCellCharacters else { return }
    throw XLSXError.cellTextTooLong(
      file: file, part: part, sheet: sheet.name, cell: currentCell, length: characters,
      limit: budget.limits.maxCellCharacters)
  }

  private func invalidValue(_ type: String) -> XLSXError {
    .invalidCellValue(
      file: file, part: part, sheet: sheet.name, cell: currentCell, type: type,
      value: String(decoding: text.prefix(64), as: UTF8.self))
  }

  private func tooMuchText() -> XLSXError {
    .tooMuchText(file: file, part: part, sheet: sheet.name, cell: currentCell, limit: budget.limits.maxTotalTextBytes)
  }
}
