import Diagnostics
import XMLStream

/// Parses the `r` attribute of `<c>` (`B7`) and `<row>` (`7`) from bytes.
enum CellReference {
  /// Column and row of an A1 reference, each within Excel's grid, or nil.
  @inline(__always) static func parse(_ bytes: XMLBytes) -> (column: Int, row: Int)? {
    var column = 0
    var i = 0
    while i < bytes.count {
      let letter = bytes[i] | 0x20
      guard letter >= UInt8(ascii: "a"), letter <= UInt8(ascii: "z") else { break }
      column = column * 26 + Int(letter - UInt8(ascii: "a") + 1)
      i += 1
      if i > 3 { return nil }
    }
    guard i > 0, i < bytes.count, column <= ExcelLimits.maxColumns else { return nil }
    var row = 0
    var digits = 0
    while i < bytes.count {
      let digit = bytes[i] &- UInt8(ascii: "0")
      guard digit < 10, digits < 8 else { return nil }
      row = row * 10 + Int(digit)
      digits += 1
      i += 1
    }
    guard row >= 1, row <= ExcelLimits.maxRows else { return nil }
    return (column, row)
  }

  /// A row number (`r` of `<row>`) within Excel's grid, or nil.
  @inline(__always) static func row(_ bytes: XMLBytes) -> Int? {
    guard let row = XMLValue.integer(bytes), row >= 1, row <= ExcelLimits.maxRows else { return nil }
    return row
  }
}
