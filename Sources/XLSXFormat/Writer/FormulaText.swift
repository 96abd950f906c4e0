import Diagnostics

/// Pieces of Excel formula text the writer builds: quoted sheet names,
/// string literals and absolute ranges.
enum FormulaText {
  /// A sheet name as a formula or link refers to it: bare when it is a plain
  /// identifier (ASCII letters, digits, `_`, `.`, not starting with a digit,
  /// not shaped like a cell reference such as `Q1` or `R2C3`), otherwise in
  /// single quotes with embedded quotes doubled: `'Priority 2'`.
  static func sheetName(_ name: String) -> String {
    let bytes = Array(name.utf8)
    let isIdentifier =
      !bytes.isEmpty
      && bytes.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
      && !isDigit(bytes[0])
    if isIdentifier && !looksLikeReference(name) && !["TRUE", "FALSE"].contains(name.uppercased()) {
      return name
    }
    return "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
  }

  /// A string literal: `"G"`, with embedded double quotes doubled.
  static func stringLiteral(_ text: String) -> String {
    "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }

  /// `$A$1:$C$10` for a range (`$A$1` for one cell).
  static func absolute(_ range: CellRange) -> String {
    func cell(_ a: CellAddress) -> String { "$" + CellAddress.columnName(a.column) + "$" + String(a.row) }
    return range.start == range.end ? cell(range.start) : cell(range.start) + ":" + cell(range.end)
  }

  /// A number as formula text (`5`, `0.25`).
  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : value.description
  }

  private static func looksLikeReference(_ name: String) -> Bool {
    if CellAddress(a1: name) != nil { return true }
    // R1C1 style: R, digits?, C, digits?
    let upper = Array(name.uppercased().utf8)
    guard upper.first == UInt8(ascii: "R") else { return false }
    var i = 1
    while i < upper.count, isDigit(upper[i]) { i += 1 }
    if i == upper.count { return true }  // R or R12
    guard upper[i] == UInt8(ascii: "C") else { return false }
    i += 1
    while i < upper.count, isDigit(upper[i]) { i += 1 }
    return i == upper.count
  }

  private static func isLetter(_ b: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
  }

  private static func isDigit(_ b: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) }
}
