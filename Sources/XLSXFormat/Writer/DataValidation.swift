public import Diagnostics

/// A drop-down list on a range of cells (`<dataValidation type="list">`).
///
/// ```swift
/// try writer.addDataValidation(DataValidation(
///   ranges: [CellRange(a1: "E2:H200")!], list: ["R", "A", "G", "B", "Grey", "N/A"],
///   errorMessage: "Use one of R, A, G, B, Grey, N/A."))
/// ```
///
/// Excel allows at most 255 characters in a literal list (items joined by
/// commas); longer lists, items containing a comma or a double quote, and
/// empty lists are refused. Put a long list on a sheet and use `.range`.
public struct DataValidation: Hashable, Sendable {
  /// Where the allowed values come from.
  public enum Source: Hashable, Sendable {
    /// A literal list, e.g. `["R", "A", "G"]` → `"R,A,G"`.
    case list([String])
    /// The values in a range, on this sheet (`sheet == nil`) or another.
    case range(sheet: String?, CellRange)
  }

  /// How Excel reacts to a value outside the list (`ST_DataValidationErrorStyle`).
  public enum ErrorStyle: String, Hashable, Sendable {
    /// Refuse the value.
    case stop
    /// Warn, allow on confirmation.
    case warning
    /// Inform, allow.
    case information
  }

  /// The validated cells.
  public var ranges: [CellRange]
  /// The allowed values.
  public var source: Source
  /// Whether an empty cell is allowed.
  public var allowsBlank: Bool
  /// Whether the in-cell drop-down arrow is shown.
  public var showsDropDown: Bool
  /// Title of the message shown when a bad value is typed.
  public var errorTitle: String?
  /// The message shown when a bad value is typed.
  public var errorMessage: String?
  /// How a bad value is treated.
  public var errorStyle: ErrorStyle
  /// Title of the hint shown when the cell is selected.
  public var promptTitle: String?
  /// The hint shown when the cell is selected.
  public var prompt: String?

  /// Creates a list validation.
  public init(
    ranges: [CellRange], source: Source, allowsBlank: Bool = true, showsDropDown: Bool = true,
    errorTitle: String? = nil, errorMessage: String? = nil, errorStyle: ErrorStyle = .stop,
    promptTitle: String? = nil, prompt: String? = nil
  ) {
    self.ranges = ranges
    self.source = source
    self.allowsBlank = allowsBlank
    self.showsDropDown = showsDropDown
    self.errorTitle = errorTitle
    self.errorMessage = errorMessage
    self.errorStyle = errorStyle
    self.promptTitle = promptTitle
    self.prompt = prompt
  }

  /// Creates a validation from a literal list.
  public init(ranges: [CellRange], list: [String], errorMessage: String? = nil) {
    self.init(ranges: ranges, source: .list(list), errorMessage: errorMessage)
  }
}
