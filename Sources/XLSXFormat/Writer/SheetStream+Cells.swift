import XMLStream
import Diagnostics
import Grid

/// Writing one cell value: `<c>` with the type Excel expects. Strings go
/// through the shared-string table, dates become serial numbers with a date
/// number format (never `t="d"`), booleans `0`/`1`.
extension SheetStream {
  /// The error codes the transitional schema and Excel accept in `t="e"`
  /// cells; newer codes (`#SPILL!`...) are written as text.
  static let cellErrorCodes: Set<String> = [
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
  ]

  /// Refuses a value that cannot be written, before any byte of its row is.
  func check(_ value: CellValue, row: Int, column: Int) throws(XLSXWriteError) {
    guard (1...ExcelLimits.maxColumns).contains(column) else {
      throw .cellOutsideSheet(file: file, sheet: name, row: row, column: column)
    }
    switch value {
    case .text(let text):
      // utf8.count is O(1) and never below the UTF-16 count.
      if text.utf8.count > ExcelLimits.maxCellCharacters, text.utf16.count > ExcelLimits.maxCellCharacters {
        throw .textTooLong(
          file: file, sheet: name, cell: CellAddress(row: row, column: column), length: text.utf16.count)
      }
    case .number(let number):
      if !number.isFinite {
        throw .invalidNumber(
          file: file, sheet: name, cell: CellAddress(row: row, column: column), value: String(describing: number))
      }
    case .date(let date):
      if ExcelSerialDate.serial(of: date) == nil {
        throw .dateOutOfRange(file: file, sheet: name, cell: CellAddress(row: row, column: column), date: date.isoText)
      }
    case .error(let error):
      if error.code.utf16.count > ExcelLimits.maxCellCharacters {
        throw .textTooLong(
          file: file, sheet: name, cell: CellAddress(row: row, column: column), length: error.code.utf16.count)
      }
    case .empty, .bool:
      break
    }
  }

  /// Writes a checked value.
  func write(
    _ value: CellValue, column: Int, style: Int, options: RowOptions, styles: inout FormatRegistry,
    strings: SharedStringsPart
  ) {
    switch value {
    case .empty:
      writeBlank(column: column, style: style, options: options)
    case .text(let text):
      writeText(text, column: column, style: style, options: options, strings: strings)
    case .number(let number):
      startCell(column: column, style: style, options: options)
      xml.raw("><v>")
      let before = xml.bytesWritten
      xml.number(number)
      fit(column: column, characters: xml.bytesWritten - before)
      xml.raw("</v></c>")
    case .bool(let flag):
      startCell(column: column, style: style, options: options)
      xml.raw(flag ? " t=\"b\"><v>1</v></c>" : " t=\"b\"><v>0</v></c>")
      fit(column: column, characters: 5)
    case .date(let date):
      guard let serial = ExcelSerialDate.serial(of: date) else { return }
      let dateStyle = styles.dateFormat(for: FormatID(index: style), display: date.display).index
      startCell(column: column, style: dateStyle, options: options)
      xml.raw("><v>")
      xml.number(serial)
      xml.raw("</v></c>")
      fit(column: column, characters: styles.formats[dateStyle].numberFormat.code.count)
    case .error(let error):
      guard SheetStream.cellErrorCodes.contains(error.code) else {
        writeText(error.code, column: column, style: style, options: options, strings: strings)
        return
      }
      startCell(column: column, style: style, options: options)
      xml.raw(" t=\"e\"><v>")
      xml.text(error.code)
      xml.raw("</v></c>")
      fit(column: column, characters: error.code.count)
    }
  }

  private func writeBlank(column: Int, style: Int, options: RowOptions) {
    guard style != 0 else { return }
    startCell(column: column, style: style, options: options)
    xml.closeEmptyElement()
  }

  private func writeText(_ text: String, column: Int, style: Int, options: RowOptions, strings: SharedStringsPart) {
    guard !text.isEmpty else {
      writeBlank(column: column, style: style, options: options)
      return
    }
    var copy = text
    copy.withUTF8 { utf8 in
      let index = strings.index(of: utf8)
      startCell(column: column, style: style, options: options)
      xml.raw(" t=\"s\"><v>")
      xml.integer(index)
      xml.raw("</v></c>")
      fit(column: column, utf8: utf8)
    }
  }
}
