/// Neutralises CSV formula injection (OWASP "CSV Injection", CWE-1236).
///
/// A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, TAB or CR
/// as a formula, so a tracker cell such as `=HYPERLINK(…)` could act when a
/// colleague opens our CSV. Such text gets a leading apostrophe, which Excel
/// and LibreOffice show as plain text. Text that is just a signed number
/// (`-5`, `+0.25`) is left alone: a spreadsheet reads it as the number it is.
public enum FormulaGuard {
  /// Whether `utf8` (a text cell's bytes) needs the apostrophe.
  public static func needsGuard(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = utf8.first else { return false }
    switch first {
    case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D:
      return true
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      return !isSignedDecimal(utf8)
    default:
      return false
    }
  }

  /// Whether the text needs the apostrophe.
  public static func needsGuard(_ text: String) -> Bool {
    var copy = text
    return copy.withUTF8 { needsGuard($0) }
  }

  /// `+` or `-`, then digits with at most one `.`, at least one digit.
  private static func isSignedDecimal(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    var digits = 0
    var dots = 0
    for byte in utf8.dropFirst() {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
      case UInt8(ascii: "."): dots += 1
      default: return false
      }
    }
    return digits > 0 && dots <= 1
  }
}
