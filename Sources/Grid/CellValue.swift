/// The typed value of one cell, independent of the file format it came from.
public enum CellValue: Hashable, Sendable {
  /// No value (also a merged continuation cell).
  case empty
  /// Text, kept exactly as stored (no trimming).
  case text(String)
  /// A number that is not shown as a date.
  case number(Double)
  /// A boolean.
  case bool(Bool)
  /// A date or date-time; the raw serial is kept when the source had one.
  ///
  /// Indirect (boxed) because `DateCell` is 42 bytes: stored inline it would
  /// make every cell 64 bytes instead of 40, about 26 MB more for a million
  /// text cells.
  indirect case date(DateCell)
  /// An error value such as `#N/A` or `#DIV/0!`.
  case error(CellError)

  /// Whether the cell holds nothing, or only an empty string.
  public var isEmpty: Bool {
    switch self {
    case .empty: true
    case .text(let s): s.isEmpty
    default: false
    }
  }

  /// The text a person would read: text as is, numbers in their shortest
  /// round-trip form (`3`, `0.25`), `TRUE`/`FALSE`, ISO dates, error codes.
  public var displayText: String {
    switch self {
    case .empty: ""
    case .text(let s): s
    case .number(let n): CellValue.format(number: n)
    case .bool(let b): b ? "TRUE" : "FALSE"
    case .date(let d): d.isoText
    case .error(let e): e.code
    }
  }

  /// Shortest text for a number: integers without `.0`, others as Swift's
  /// round-trip `description`.
  public static func format(number n: Double) -> String {
    if n.isFinite, n == n.rounded(), abs(n) < 1e15 {
      return String(Int64(n))
    }
    return n.description
  }
}
