public import Diagnostics
public import ZipArchive

/// Why an XLSX workbook could not be read. Every case names the file and,
/// where there is one, the part, sheet and cell.
public enum XLSXError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The package itself: missing file, not a zip, an encrypted or legacy
  /// `.xls` file, damaged zip, a zip bomb, duplicate entries.
  case archive(ZipError)
  /// `_rels/.rels` names no workbook (no `officeDocument` relationship).
  case noWorkbook(file: String)
  /// A part that a relationship points to is not in the package.
  case missingPart(file: String, part: String, referencedBy: String)
  /// A part is not well-formed XML.
  case malformedXML(file: String, part: String, line: Int, column: Int, reason: String)
  /// A part declares a DOCTYPE, which OPC forbids (and which entity attacks need).
  case doctypeForbidden(file: String, part: String, line: Int)
  /// No sheet has the requested name.
  case sheetNotFound(file: String, name: String, available: [String])
  /// The requested 1-based sheet number is not a worksheet's.
  case sheetIndexOutOfRange(file: String, index: Int, count: Int)
  /// The requested sheet is a chart sheet (or another kind without cells).
  case notAWorksheet(file: String, sheet: String)
  /// A cell or range reference is malformed or outside Excel's grid (`A0`, `XFE1`).
  case invalidReference(file: String, part: String, sheet: String, reference: String)
  /// A `t="s"` cell points past the end of the shared-strings table.
  case sharedStringOutOfRange(file: String, part: String, sheet: String, cell: CellAddress, index: Int, count: Int)
  /// A cell's value does not fit its type (`t="b"` holding `yes`, `t="n"` holding text).
  case invalidCellValue(file: String, part: String, sheet: String, cell: CellAddress, type: String, value: String)
  /// A row number is not above the previous row's.
  case rowOutOfOrder(file: String, part: String, sheet: String, row: Int, previous: Int)
  /// A cell's reference names another row than the `<row>` it sits in.
  case cellOutsideRow(file: String, part: String, sheet: String, cell: CellAddress, row: Int)
  /// Two cells have the same address.
  case duplicateCell(file: String, part: String, sheet: String, cell: CellAddress)
  /// More cells than `XLSXLimits.maxCells`.
  case tooManyCells(file: String, part: String, sheet: String, cell: CellAddress, limit: Int)
  /// A cell's text is longer than `XLSXLimits.maxCellCharacters`.
  case cellTextTooLong(file: String, part: String, sheet: String, cell: CellAddress, length: Int, limit: Int)
  /// More text than `XLSXLimits.maxTotalTextBytes`, in the cells (a shared
  /// string counted each time a cell uses it) or in the shared-strings table.
  case tooMuchText(file: String, part: String, sheet: String?, cell: CellAddress?, limit: Int)
  /// Cells and records (rows, shared strings, styles, relationships,
  /// sheets, re-reads of a part) past `XLSXLimits.maxCells`, the read's
  /// work budget; `what` is the kind of record that went over.
  case tooManyRecords(file: String, part: String, sheet: String?, what: String, limit: Int)

  /// Where the problem is, for diagnostics.
  public var location: SourceLocation {
    switch self {
    case .archive(let error): SourceLocation(file: error.archiveName, part: error.isDuplicateOrMissing ? nil : error.entry)
    case .noWorkbook(let file), .sheetNotFound(let file, _, _), .sheetIndexOutOfRange(let file, _, _):
      SourceLocation(file: file)
    case .missingPart(let file, let part, _): SourceLocation(file: file, part: part)
    case .malformedXML(let file, let part, _, _, _), .doctypeForbidden(let file, let part, _):
      SourceLocation(file: file, part: part)
    case .notAWorksheet(let file, let sheet): SourceLocation(file: file, sheet: sheet)
    case .invalidReference(let file, let part, let sheet, _), .rowOutOfOrder(let file, let part, let sheet, _, _):
      SourceLocation(file: file, sheet: sheet, part: part)
    case .sharedStringOutOfRange(let file, let part, let sheet, let cell, _, _),
      .invalidCellValue(let file, let part, let sheet, let cell, _, _),
      .duplicateCell(let file, let part, let sheet, let cell),
      .cellOutsideRow(let file, let part, let sheet, let cell, _),
      .tooManyCells(let file, let part, let sheet, let cell, _),
      .cellTextTooLong(let file, let part, let sheet, let cell, _, _):
      SourceLocation(file: file, sheet: sheet, cell: cell, part: part)
    case .tooMuchText(let file, let part, let sheet, let cell, _):
      SourceLocation(file: file, sheet: sheet, cell: cell, part: part)
    case .tooManyRecords(let file, let part, let sheet, _, _):
      SourceLocation(file: file, sheet: sheet, part: part)
    }
  }

  /// A message that starts with the location and says what was expected and found.
  public var description: String {
    switch self {
    case .archive(let error): error.description
    case .malformedXML(_, _, let line, let column, let reason):
      "\(location):\(line):\(column): not well-formed XML: \(reason)"
    case .doctypeForbidden(_, _, let line):
      "\(location):\(line): \(reason)"
    default:
      "\(location): \(reason)"
    }
  }

  /// Whether the file could not be opened at all (missing, a folder, no permission).
  public var isUnopenable: Bool {
    if case .archive(.cannotOpen) = self { return true }
    return false
  }

  /// Whether the file is an OLE/CFB container: encrypted, or a legacy `.xls`.
  public var isEncryptedOrLegacy: Bool {
    if case .archive(.encryptedOrLegacyFormat) = self { return true }
    return false
  }

  /// What is wrong, without the location (for callers that print the
  /// location apart, such as TrackerKit's `InputError`).
  public var reason: String {
    switch self {
    case .archive(let error):
      error.reason
    case .noWorkbook:
      "not a spreadsheet: _rels/.rels has no officeDocument relationship pointing to a workbook"
    case .missingPart(_, _, let referencedBy):
      "the part is missing from the package (\(referencedBy) refers to it)"
    case .malformedXML(_, _, let line, let column, let reason):
      "line \(line), column \(column): not well-formed XML: \(reason)"
    case .doctypeForbidden:
      "a DOCTYPE declaration is not allowed in a workbook part (ECMA-376 Part 2, M1.18); "
        + "the file may be an attack (entity expansion or external entities)"
    case .sheetNotFound(_, let name, let available):
      "no sheet named \"\(name)\"; the sheets are: " + available.map { "\"\($0)\"" }.joined(separator: ", ")
    case .sheetIndexOutOfRange(_, let index, let count):
      "there is no sheet \(index); the workbook has \(count) worksheet\(count == 1 ? "" : "s")"
    case .notAWorksheet:
      "this is a chart sheet (or another kind of sheet without cells)"
    case .invalidReference(_, _, _, let reference):
      "\"\(reference)\" is not a cell reference inside Excel's grid (A1 to XFD1048576)"
    case .sharedStringOutOfRange(_, _, _, _, let index, let count):
      "shared string \(index) does not exist (the table has \(count))"
    case .invalidCellValue(_, _, _, _, let type, let value):
      "\"\(value.prefix(40))\" is not a valid value for a cell of type t=\"\(type)\""
    case .rowOutOfOrder(_, _, _, let row, let previous):
      "row \(row) comes after row \(previous); rows must be in ascending order"
    case .cellOutsideRow(_, _, _, _, let row):
      "the cell is inside <row r=\"\(row)\">; a cell must be in its own row"
    case .duplicateCell:
      "the cell appears twice"
    case .tooManyCells(_, _, _, _, let limit):
      "the workbook has more than \(limit) cells and records, the limit of one read's work budget"
    case .cellTextTooLong(_, _, _, _, let length, let limit):
      "the cell holds \(length) characters, more than the limit of \(limit)"
    case .tooMuchText(_, _, let sheet, _, let limit):
      sheet == nil
        ? "the shared-strings table holds more than \(limit) bytes of text, the limit"
        : "the cells hold more than \(limit) bytes of text, the limit (a shared string counts each time a cell uses it)"
    case .tooManyRecords(_, _, _, let what, let limit):
      "the workbook asks for more than \(limit) cells and records, the limit of one read's work budget (reached counting \(what))"
    }
  }
}

extension ZipError {
  /// Duplicate names are about two entries and a missing entry is named in
  /// the reason, so neither puts an entry in the location.
  fileprivate var isDuplicateOrMissing: Bool {
    switch self {
    case .duplicateEntry, .entryNotFound: true
    default: false
    }
  }
}
