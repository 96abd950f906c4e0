public import Diagnostics

/// Why a CSV/TSV file could not be read. Every case names the file, and the
/// physical line where one applies, so a message reads like a compiler's:
/// `returns.csv:12: unterminated quoted field …`.
public enum DelimitedError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Nothing exists at the path (or a folder on the way is missing).
  case fileNotFound(path: String)
  /// The path is a folder, not a file.
  case isDirectory(path: String)
  /// The path is a device, FIFO or socket, which we refuse to read (it may never end).
  case notRegularFile(path: String)
  /// The file exists but the system refused to read it.
  case unreadable(path: String, reason: String)
  /// The file holds no bytes (or only a byte-order mark).
  case emptyFile(path: String)
  /// The file is larger than `DelimitedLimits.maxFileBytes`.
  case fileTooLarge(path: String, bytes: Int, limit: Int)
  /// The file holds a NUL byte, so it is binary, not text.
  case nulByte(path: String, line: Int)
  /// A quoted field opened at `cell` (physical `line`) is never closed.
  case unterminatedQuote(path: String, line: Int, cell: CellAddress)
  /// The file has more records than `DelimitedLimits.maxRows`.
  case tooManyRows(path: String, line: Int, limit: Int)
  /// A record has more fields than `DelimitedLimits.maxColumns`.
  case tooManyColumns(path: String, line: Int, row: Int, count: Int, limit: Int)
  /// A field is longer than `DelimitedLimits.maxFieldCharacters`.
  case fieldTooLong(path: String, line: Int, cell: CellAddress, characters: Int, limit: Int)
  /// Another program changed the file while it was being read.
  case changedWhileReading(path: String)
  /// The records up to `line` hold more fields than
  /// `DelimitedLimits.maxCells`, the read's work budget.
  case tooManyCells(path: String, line: Int, rows: Int, limit: Int)

  /// The file the error is about.
  public var path: String {
    switch self {
    case .fileNotFound(let path), .isDirectory(let path), .notRegularFile(let path),
      .unreadable(let path, _), .emptyFile(let path), .fileTooLarge(let path, _, _),
      .nulByte(let path, _), .unterminatedQuote(let path, _, _), .tooManyRows(let path, _, _),
      .tooManyColumns(let path, _, _, _, _), .fieldTooLong(let path, _, _, _, _), .changedWhileReading(let path),
      .tooManyCells(let path, _, _, _):
      path
    }
  }

  /// Where the problem is: the file, and the line and cell when known.
  public var location: SourceLocation {
    switch self {
    case .fileNotFound, .isDirectory, .notRegularFile, .unreadable, .emptyFile, .fileTooLarge, .changedWhileReading:
      SourceLocation(file: path)
    case .nulByte(_, let line), .tooManyRows(_, let line, _), .tooManyColumns(_, let line, _, _, _),
      .tooManyCells(_, let line, _, _):
      SourceLocation(file: path, line: line)
    case .unterminatedQuote(_, let line, let cell), .fieldTooLong(_, let line, let cell, _, _):
      SourceLocation(file: path, cell: cell, line: line)
    }
  }

  /// Whether the error means the input does not exist (as opposed to being
  /// unreadable or malformed).
  public var isMissingInput: Bool {
    if case .fileNotFound = self { return true }
    return false
  }

  /// What went wrong, without the location.
  public var reason: String {
    switch self {
    case .fileNotFound:
      "no such file"
    case .isDirectory:
      "is a directory, not a CSV/TSV file"
    case .notRegularFile:
      "is not a regular file (a device, FIFO or socket)"
    case .unreadable(_, let reason):
      "cannot read: \(reason)"
    case .emptyFile:
      "the file is empty"
    case .fileTooLarge(_, let bytes, let limit):
      "the file is \(bytes) bytes, over the limit of \(limit) bytes"
    case .nulByte:
      "NUL byte: this is a binary file, not CSV/TSV text"
    case .unterminatedQuote(_, _, let cell):
      "unterminated quoted field: the quote opening cell \(cell.a1) is never closed before the end of the file"
    case .tooManyRows(_, _, let limit):
      "more than \(limit) rows (Excel's limit is \(ExcelLimits.maxRows))"
    case .tooManyColumns(_, _, let row, let count, let limit):
      "row \(row) has \(count) fields, over the limit of \(limit) columns"
    case .fieldTooLong(_, _, let cell, let characters, let limit):
      "cell \(cell.a1) holds \(characters) characters, over the limit of \(limit) per cell"
    case .changedWhileReading:
      "the file changed while it was being read; run again once it is saved"
    case .tooManyCells(_, _, let rows, let limit):
      "the first \(rows) rows hold more than \(limit) cells, the limit of one read's work budget"
    }
  }

  /// `file:line: reason`, or `file: reason` for whole-file problems.
  public var description: String { "\(location): \(reason)" }
}
