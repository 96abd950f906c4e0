public import AtomicOutput
public import Diagnostics
public import ZipArchive

/// Why an XLSX file could not be written. In every case the target file is
/// left untouched and temporary files are removed.
///
/// Messages name the output file, the sheet and the cell or range, e.g.
/// `out.xlsx:'Priority 2'!B7: text is 40000 characters long; an Excel cell holds at most 32767`.
public enum XLSXWriteError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A text value longer than Excel's 32,767 characters (UTF-16 units); it is
  /// never cut silently.
  case textTooLong(file: String, sheet: String, cell: CellAddress, length: Int)
  /// A row or column number outside 1 ... 1,048,576 / 1 ... 16,384.
  case cellOutsideSheet(file: String, sheet: String, row: Int, column: Int)
  /// Rows must be written in ascending order.
  case rowOutOfOrder(file: String, sheet: String, row: Int, previousRow: Int)
  /// Cells of a sparse row must be in ascending column order.
  case columnOutOfOrder(file: String, sheet: String, cell: CellAddress)
  /// NaN or infinity, which a cell cannot hold.
  case invalidNumber(file: String, sheet: String, cell: CellAddress, value: String)
  /// A date Excel cannot show (before 1900-01-01, after 9999-12-31, or not a
  /// calendar date).
  case dateOutOfRange(file: String, sheet: String, cell: CellAddress, date: String)
  /// A `FormatID` that this writer did not hand out.
  case unknownFormat(file: String, sheet: String?, format: Int)
  /// A range (merge, validation, filter, link...) reaches outside the sheet.
  case rangeOutsideSheet(file: String, sheet: String, feature: String, range: String)
  /// Two merged ranges share cells (Excel repairs such a file).
  case overlappingMerge(file: String, sheet: String, range: CellRange, existing: CellRange)
  /// A merge of a single cell.
  case singleCellMerge(file: String, sheet: String, range: CellRange)
  /// A literal validation list over Excel's 255 characters (Excel repairs it).
  case validationListTooLong(file: String, sheet: String, ranges: String, length: Int)
  /// A validation, conditional format or link that cannot be expressed.
  case invalidFeature(file: String, sheet: String, feature: String, reason: String)
  /// A hyperlink to a sheet the workbook does not have.
  case hyperlinkTargetMissing(file: String, sheet: String, cell: CellAddress, target: String)
  /// A layout value out of range (negative frozen rows, width over 255...).
  case invalidLayout(file: String, sheet: String, reason: String)
  /// The calls came in an order the writer cannot follow (a row with no
  /// sheet open, `finish()` twice...).
  case invalidState(file: String, reason: String)
  /// `finish()` with no sheet written.
  case noSheets(file: String)
  /// The zip layer failed.
  case zip(file: String, ZipWriteError)
  /// The output file could not be created or replaced.
  case output(OutputError)

  /// A sentence naming the file, sheet and cell, what was wrong and Excel's limit.
  public var description: String {
    switch self {
    case .textTooLong(let file, let sheet, let cell, let length):
      "\(Self.at(file, sheet, cell)): text is \(length) characters long; an Excel cell holds at most "
        + "\(ExcelLimits.maxCellCharacters) (the text was not written)"
    case .cellOutsideSheet(let file, let sheet, let row, let column):
      "\(Self.at(file, sheet)): row \(row), column \(column) is outside Excel's sheet "
        + "(rows 1-\(ExcelLimits.maxRows), columns 1-\(ExcelLimits.maxColumns))"
    case .rowOutOfOrder(let file, let sheet, let row, let previousRow):
      "\(Self.at(file, sheet)): row \(row) written after row \(previousRow); rows must be written in ascending order"
    case .columnOutOfOrder(let file, let sheet, let cell):
      "\(Self.at(file, sheet, cell)): cells of a row must be given in ascending column order"
    case .invalidNumber(let file, let sheet, let cell, let value):
      "\(Self.at(file, sheet, cell)): \(value) cannot be stored in an Excel cell"
    case .dateOutOfRange(let file, let sheet, let cell, let date):
      "\(Self.at(file, sheet, cell)): date \(date) cannot be stored; Excel dates run from 1900-01-01 to 9999-12-31"
    case .unknownFormat(let file, let sheet, let format):
      "\(sheet.map { Self.at(file, $0) } ?? file): format #\(format) was not registered with this writer"
    case .rangeOutsideSheet(let file, let sheet, let feature, let range):
      "\(Self.at(file, sheet)): \(feature) range \(range) is outside the sheet (A1:XFD1048576)"
    case .overlappingMerge(let file, let sheet, let range, let existing):
      "\(Self.at(file, sheet)): merged range \(range.a1) overlaps merged range \(existing.a1)"
    case .singleCellMerge(let file, let sheet, let range):
      "\(Self.at(file, sheet)): merged range \(range.a1) is a single cell"
    case .validationListTooLong(let file, let sheet, let ranges, let length):
      "\(Self.at(file, sheet)): drop-down list for \(ranges) is \(length) characters long; Excel allows "
        + "\(ExcelLimits.maxValidationListLength) (put the values on a sheet and use a range)"
    case .invalidFeature(let file, let sheet, let feature, let reason):
      "\(Self.at(file, sheet)): \(feature): \(reason)"
    case .hyperlinkTargetMissing(let file, let sheet, let cell, let target):
      "\(Self.at(file, sheet, cell)): hyperlink points to \(target), but the workbook has no such sheet"
    case .invalidLayout(let file, let sheet, let reason):
      "\(Self.at(file, sheet)): \(reason)"
    case .invalidState(let file, let reason):
      "\(file): \(reason)"
    case .noSheets(let file):
      "\(file): a workbook needs at least one sheet"
    case .zip(let file, let error):
      "\(file): \(error)"
    case .output(let error):
      error.description
    }
  }

  private static func at(_ file: String, _ sheet: String, _ cell: CellAddress? = nil) -> String {
    SourceLocation(file: file, sheet: sheet, cell: cell).description
  }
}
