/// An Excel error value such as `#N/A`, kept as its code.
public struct CellError: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The code as Excel shows it (`#DIV/0!`).
  public var code: String

  /// Creates an error value from its code.
  public init(code: String) { self.code = code }

  /// Excel's error codes.
  public static let knownCodes: Set<String> = [
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
    "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
  ]

  /// Whether the code is one Excel defines.
  public var isKnown: Bool { CellError.knownCodes.contains(code) }

  /// The code.
  public var description: String { code }
}
