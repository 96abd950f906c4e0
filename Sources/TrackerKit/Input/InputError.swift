public import Diagnostics

/// Why an input could not be read, whatever its format: the one error type
/// the CLI maps to an exit status. Readers' own errors (`DelimitedError`,
/// later `XLSXError`) are translated into it at the TrackerKit boundary.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file does not exist.
  case missing(location: SourceLocation, reason: String)
  /// The sheet asked for is not in the file.
  case sheetNotFound(location: SourceLocation, requested: String, available: [String])
  /// The path exists but cannot be read as a file (a folder, a device, no permission).
  case unreadable(location: SourceLocation, reason: String)
  /// The content is broken or over a limit.
  case malformed(location: SourceLocation, reason: String)
  /// The content is a kind this build cannot read (legacy .xls, encrypted, tracker JSON for a grid).
  case unsupported(location: SourceLocation, reason: String)

  /// Which class of exit status the error belongs to.
  public enum Category: Sendable, Equatable {
    /// The input (or the part of it asked for) does not exist: exit 66.
    case missing
    /// The input exists but cannot be read as asked: exit 65.
    case malformed
  }

  /// The exit status class: `.missing` (66) for a missing file or sheet, else `.malformed` (65).
  public var category: Category {
    switch self {
    case .missing, .sheetNotFound: .missing
    case .unreadable, .malformed, .unsupported: .malformed
    }
  }

  /// Where the problem is.
  public var location: SourceLocation {
    switch self {
    case .missing(let location, _), .sheetNotFound(let location, _, _), .unreadable(let location, _),
      .malformed(let location, _), .unsupported(let location, _):
      location
    }
  }

  /// What went wrong, without the location.
  public var reason: String {
    switch self {
    case .missing(_, let reason), .unreadable(_, let reason), .malformed(_, let reason),
      .unsupported(_, let reason):
      reason
    case .sheetNotFound(_, let requested, let available):
      "no sheet \"\(requested)\"; the file has "
        + (available.isEmpty ? "no sheets" : available.enumerated().map { "\($0.offset + 1) \"\($0.element)\"" }
          .joined(separator: ", "))
    }
  }

  /// `location: reason`.
  public var description: String { "\(location): \(reason)" }
}
