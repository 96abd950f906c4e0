/// Excel's hard limits ("Excel specifications and limits"), used by every
/// reader and writer so that a grid we accept is one Excel can hold.
public enum ExcelLimits {
  /// Rows per sheet: 1,048,576.
  public static let maxRows = 1_048_576
  /// Columns per sheet: 16,384 (`XFD`).
  public static let maxColumns = 16_384
  /// Characters (UTF-16 code units) per cell: 32,767.
  public static let maxCellCharacters = 32_767
  /// Characters in a sheet name: 31.
  public static let maxSheetNameLength = 31
  /// Characters a sheet name may not contain.
  public static let forbiddenSheetNameCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
  /// Characters in a data-validation list (comma-joined): 255.
  public static let maxValidationListLength = 255
  /// Column width in characters: 255.
  public static let maxColumnWidth = 255.0
}
