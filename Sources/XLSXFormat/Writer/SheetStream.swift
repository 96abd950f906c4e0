import Diagnostics
import Grid
import XMLStream
import ZipArchive

/// The sheet being written: its `<sheetData>` rows go straight into a
/// compressing spool as they come, while only what the header and footer
/// need is remembered (extent, fitted widths, declared features).
final class SheetStream {
  let name: String
  /// The layout; may change until the sheet ends (`XLSXWriter.updateLayout`).
  var layout: SheetLayout {
    didSet { columnFormats = SheetStream.columnFormats(layout) }
  }
  let file: String
  var features: SheetFeatures
  private let spool: DeflateSpool
  let xml: XMLWriter
  /// The format of cells written with `.normal`, per 1-based column (from
  /// `ColumnLayout.format`), or empty when no column has one.
  private var columnFormats: [Int32]
  /// Extent of the cells written (`lastRow` is the last row started, which
  /// may hold only row options).
  private(set) var lastRow = 0
  private(set) var firstRow = 0
  private(set) var lastCellRow = 0
  private(set) var minColumn = Int.max
  private(set) var maxColumn = 0
  /// Longest line seen per column, in characters (with `autoFit`).
  private(set) var fittedCharacters: [Int] = []
  private let fitCap: Int
  // Per-row scratch: the row number's digits, reused for every cell.
  private var rowDigits: [UInt8] = []
  private var rowIsOpen = false

  init(name: String, layout: SheetLayout, file: String, spool: DeflateSpool) {
    self.name = name
    self.layout = layout
    self.file = file
    self.spool = spool
    self.features = SheetFeatures(file: file, sheet: name)
    xml = XMLWriter(capacity: 256 * 1024) { [spool] bytes in spool.write(bytes) }
    columnFormats = SheetStream.columnFormats(layout)
    // Widths are measured when autoFit is on at the start; the cap is generous
    // so a later, wider maximum still sees the real lengths.
    fitCap = layout.autoFit.map { Int($0.maxWidth.rounded(.up)) + 1 } ?? 0
    rowDigits.reserveCapacity(8)
  }

  /// The default format per column, from the layout's column formats.
  private static func columnFormats(_ layout: SheetLayout) -> [Int32] {
    var formats: [Int32] = []
    for column in layout.columns {
      guard let format = column.format, format != .normal else { continue }
      if formats.count <= column.columns.upperBound {
        formats += [Int32](repeating: 0, count: column.columns.upperBound + 1 - formats.count)
      }
      for c in column.columns { formats[c] = Int32(format.index) }
    }
    return formats
  }

  /// Ends `<sheetData>` content and returns the compressed rows.
  func finishBody() throws(ZipWriteError) -> DeflateSegment {
    xml.flush()
    return try spool.finish()
  }

  // MARK: Rows

  /// Checks a row number against order and Excel's limit.
  func checkRow(_ number: Int) throws(XLSXWriteError) {
    guard (1...ExcelLimits.maxRows).contains(number) else {
      throw .cellOutsideSheet(file: file, sheet: name, row: number, column: 1)
    }
    guard number > lastRow else {
      throw .rowOutOfOrder(file: file, sheet: name, row: number, previousRow: lastRow)
    }
  }

  /// Starts a row (the `<row>` tag is written with its first cell, or at
  /// `endRow` when the row has only options).
  func beginRow(_ number: Int) {
    lastRow = number
    rowDigits.removeAll(keepingCapacity: true)
    var n = number
    repeat {
      rowDigits.append(UInt8(ascii: "0") + UInt8(n % 10))
      n /= 10
    } while n > 0
    rowDigits.reverse()
    rowIsOpen = false
  }

  /// Closes the row; a row without cells is written only when it carries options.
  func endRow(_ options: RowOptions) {
    if rowIsOpen {
      xml.raw("</row>")
    } else if !options.isDefault {
      writeRowTag(options)
      xml.closeEmptyElement()
    }
  }

  private func writeRowTag(_ options: RowOptions) {
    xml.raw("<row r=\"")
    rowDigits.withUnsafeBytes { xml.raw($0) }
    xml.byte(UInt8(ascii: "\""))
    if options.isDefault { return }
    if let format = options.format, format != .normal {
      xml.attribute("s", format.index)
      xml.attribute("customFormat", constant: "1")
    }
    if let height = options.height {
      xml.attribute("ht", height)
      xml.attribute("customHeight", constant: "1")
    }
    if options.isHidden { xml.attribute("hidden", constant: "1") }
  }

  // MARK: Cells

  /// The format a cell is written with: its own, else the row's, else its
  /// column's. An empty cell without its own format gets none (the row's or
  /// column's style already shows on it).
  @inline(__always)
  func effectiveFormat(_ format: FormatID, value: CellValue, column: Int, row: RowOptions) -> Int {
    if format.index != 0 { return format.index }
    if value.isEmpty { return 0 }
    if let rowFormat = row.format, rowFormat.index != 0 { return rowFormat.index }
    return column < columnFormats.count ? Int(columnFormats[column]) : 0
  }

  /// Writes `<c r="B7"` (and ` s="3"`), opening the row first if needed.
  @inline(__always)
  func startCell(column: Int, style: Int, options: RowOptions) {
    if !rowIsOpen {
      writeRowTag(options)
      xml.byte(UInt8(ascii: ">"))
      rowIsOpen = true
    }
    if firstRow == 0 { firstRow = lastRow }
    lastCellRow = lastRow
    if column < minColumn { minColumn = column }
    if column > maxColumn { maxColumn = column }
    xml.raw("<c r=\"")
    let packed = ColumnLetters.table[column]
    let letters = Int(packed >> 24)
    for i in 0..<letters { xml.byte(UInt8(truncatingIfNeeded: packed >> (8 * UInt32(i)))) }
    rowDigits.withUnsafeBytes { xml.raw($0) }
    xml.byte(UInt8(ascii: "\""))
    if style != 0 { xml.attribute("s", style) }
  }

  // MARK: Fitted widths

  /// Records a displayed width for a column (with `autoFit`).
  @inline(__always)
  func fit(column: Int, characters: Int) {
    guard fitCap > 1 else { return }
    if column >= fittedCharacters.count {
      fittedCharacters += [Int](repeating: 0, count: column + 1 - fittedCharacters.count)
    }
    if characters > fittedCharacters[column] { fittedCharacters[column] = min(characters, fitCap) }
  }

  /// Records the longest line of a text (with `autoFit`), counting characters
  /// as UTF-8 lead bytes and stopping at the cap.
  func fit(column: Int, utf8: UnsafeBufferPointer<UInt8>) {
    guard fitCap > 1 else { return }
    var longest = 0
    var current = 0
    for byte in utf8 {
      if byte == 0x0A {
        current = 0
      } else if byte & 0xC0 != 0x80 {
        current += 1
        if current > longest {
          longest = current
          if longest >= fitCap { break }
        }
      }
    }
    fit(column: column, characters: longest)
  }
}
