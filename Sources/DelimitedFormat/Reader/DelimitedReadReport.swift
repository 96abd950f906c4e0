public import Diagnostics

/// What a read found out about a file besides its rows.
public struct DelimitedReadReport: Hashable, Sendable {
  /// The encoding the file was decoded from.
  public var encoding: TextEncoding
  /// The field separator used.
  public var delimiter: Delimiter
  /// Whether `delimiter` was detected (as opposed to given in the options).
  public var delimiterWasDetected: Bool
  /// Number of records (rows) read, blank lines included.
  public var rowCount: Int
  /// The widest record's field count; every row was padded to it.
  public var columnCount: Int
  /// Warnings about the encoding and quoting; empty for a clean file.
  public var diagnostics: [Diagnostic]
  /// Rows with fewer fields than `columnCount` (the widest record): 1-based
  /// row number → the row's own field count (ragged rows, e.g. the seed's
  /// rows 12–16).
  public var shortRows: [Int: Int]

  /// Creates a report.
  public init(
    encoding: TextEncoding, delimiter: Delimiter, delimiterWasDetected: Bool, rowCount: Int, columnCount: Int,
    diagnostics: [Diagnostic], shortRows: [Int: Int] = [:]
  ) {
    self.shortRows = shortRows
    self.encoding = encoding
    self.delimiter = delimiter
    self.delimiterWasDetected = delimiterWasDetected
    self.rowCount = rowCount
    self.columnCount = columnCount
    self.diagnostics = diagnostics
  }
}
