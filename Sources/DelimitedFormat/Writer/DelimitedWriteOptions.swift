/// How a `DelimitedWriter` writes.
public struct DelimitedWriteOptions: Hashable, Sendable {
  /// The field separator. Default comma.
  public var delimiter: Delimiter
  /// The line break after each record. Default LF.
  public var lineEnding: LineEnding
  /// Whether to start with the UTF-8 byte-order mark `EF BB BF`, without
  /// which Excel opens a UTF-8 CSV in the locale's code page. Default off.
  public var writesByteOrderMark: Bool
  /// Whether text cells that a spreadsheet would run as a formula (starting
  /// with `=`, `+`, `-`, `@`, TAB or CR) get a leading apostrophe. Default on;
  /// turn it off only for machine consumers. See `FormulaGuard`.
  public var guardsFormulas: Bool

  /// Creates options: comma, LF, no BOM, formula guard on.
  public init(
    delimiter: Delimiter = .comma, lineEnding: LineEnding = .lf, writesByteOrderMark: Bool = false,
    guardsFormulas: Bool = true
  ) {
    self.delimiter = delimiter
    self.lineEnding = lineEnding
    self.writesByteOrderMark = writesByteOrderMark
    self.guardsFormulas = guardsFormulas
  }
}

/// A line break.
public enum LineEnding: String, Hashable, Sendable, CaseIterable {
  /// `\n` (Unix).
  case lf
  /// `\r\n` (RFC 4180, Windows).
  case crlf
}
