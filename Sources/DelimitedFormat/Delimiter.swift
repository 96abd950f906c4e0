/// The field separator of a delimited text file.
public enum Delimiter: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
  /// `,` (CSV).
  case comma
  /// TAB (TSV, Excel's "Unicode Text").
  case tab
  /// `;` (CSV from Excel in locales whose decimal separator is a comma).
  case semicolon
  /// `|`.
  case pipe

  /// The separator's byte.
  public var byte: UInt8 {
    switch self {
    case .comma: UInt8(ascii: ",")
    case .tab: 0x09
    case .semicolon: UInt8(ascii: ";")
    case .pipe: UInt8(ascii: "|")
    }
  }

  /// Parses a name (`comma`, `tab`, `semicolon`, `pipe`) or the character
  /// itself (`,`, `;`, `|`, a TAB, or `\t`).
  public init?(name: String) {
    switch name.lowercased() {
    case "comma", ",": self = .comma
    case "tab", "\t", "\\t": self = .tab
    case "semicolon", ";": self = .semicolon
    case "pipe", "|": self = .pipe
    default: return nil
    }
  }

  /// The delimiters a file name suggests, most likely first: `.tsv` and
  /// `.tab` → tab; `.csv` → comma, then semicolon (Excel's CSV in locales
  /// whose decimal separator is a comma); any other name → none. Detection
  /// keeps to them unless the records clearly say otherwise.
  public static func likely(forPath path: String) -> [Delimiter] {
    let lower = path.lowercased()
    if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { return [.tab] }
    if lower.hasSuffix(".csv") { return [.comma, .semicolon] }
    return []
  }

  /// The name, e.g. `tab`.
  public var description: String { rawValue }
}
