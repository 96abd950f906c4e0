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

  /// The delimiter a file extension suggests: `.tsv` and `.tab` → tab, otherwise comma.
  public static func preferred(forPath path: String) -> Delimiter {
    let lower = path.lowercased()
    return lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") ? .tab : .comma
  }

  /// The name, e.g. `tab`.
  public var description: String { rawValue }
}
