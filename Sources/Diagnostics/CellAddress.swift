/// A cell position in a sheet: 1-based row and column, convertible to and
/// from Excel's A1 notation.
///
/// ```swift
/// CellAddress(row: 2, column: 2).a1          // "B2"
/// CellAddress(a1: "XFD1048576")?.column      // 16_384
/// ```
public struct CellAddress: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// 1-based row number (1 ... 1,048,576 in Excel).
  public var row: Int
  /// 1-based column number (1 = A ... 16,384 = XFD in Excel).
  public var column: Int

  /// Creates an address from 1-based row and column numbers.
  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }

  /// Parses an A1 reference such as `B7` or `$B$7` (case-insensitive).
  ///
  /// Returns `nil` unless the text is letters then digits, with the column in
  /// 1 ... `maxColumns` and the row in 1 ... `maxRows` (so `A0` and `XFE1` fail).
  public init?(a1 text: some StringProtocol) {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "$") where digits == 0:
        continue
      case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
        column = column * 26 + Int(byte - UInt8(ascii: "A") + 1)
        letters += 1
      case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
        column = column * 26 + Int(byte - UInt8(ascii: "a") + 1)
        letters += 1
      case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
        row = row * 10 + Int(byte - UInt8(ascii: "0"))
        digits += 1
      default:
        return nil
      }
      if letters > 3 || digits > 7 { return nil }
    }
    guard letters > 0, digits > 0,
      (1...ExcelLimits.maxColumns).contains(column), (1...ExcelLimits.maxRows).contains(row)
    else { return nil }
    self.init(row: row, column: column)
  }

  /// The A1 form, e.g. `B7`: `columnName(column) + String(row)`, written
  /// straight into the string (merge spells out one for every status, note
  /// and evidence item it gives provenance).
  public var a1: String {
    String(unsafeUninitializedCapacity: CellAddress.maxA1Count) { out in
      CellAddress.writeA1(row: row, column: column, to: out.baseAddress!)
    }
  }

  /// The most bytes `writeA1` writes: 14 letters (the most a column number
  /// has) and 20 for the row, its sign included.
  public static let maxA1Count = 34

  /// Writes the A1 form's bytes (as `a1` spells it: `?` for a column below
  /// 1) at `out`, which has room for `maxA1Count`, and returns how many:
  /// the one way writers spell a cell without making a string.
  public static func writeA1(row: Int, column: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
    var letters = 0
    if column < 1 {
      out.pointee = UInt8(ascii: "?")
      letters = 1
    } else {
      var n = column
      while n > 0 {
        letters += 1
        n = (n - 1) / 26
      }
      // Written from the last letter back.
      n = column
      var at = letters
      while n > 0 {
        at -= 1
        out[at] = UInt8(ascii: "A") + UInt8((n - 1) % 26)
        n = (n - 1) / 26
      }
    }
    return letters + writeDigits(row, to: out + letters)
  }

  /// Writes `String(value)`'s bytes at `out`, which has room for 20, and
  /// returns how many.
  public static func writeDigits(_ value: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
    var magnitude = value.magnitude
    var sign = 0
    if value < 0 {
      out.pointee = UInt8(ascii: "-")
      sign = 1
    }
    var digits = 1
    var limit: UInt = 10
    while digits < 19, magnitude >= limit {  // Int's magnitude has at most 19 digits
      digits += 1
      limit &*= 10
    }
    // Written from the last digit back.
    var p = out + sign + digits
    repeat {
      p -= 1
      p.pointee = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
      magnitude /= 10
    } while magnitude > 0
    return sign + digits
  }

  /// The A1 form, e.g. `B7`.
  public var description: String { a1 }

  /// Orders row-major: by row, then column.
  public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
    (lhs.row, lhs.column) < (rhs.row, rhs.column)
  }

  /// Excel's letters for a 1-based column number: 1 → `A`, 28 → `AB`, 16,384 → `XFD`.
  ///
  /// Returns `?` for a number below 1.
  public static func columnName(_ column: Int) -> String {
    guard column >= 1 else { return "?" }
    var n = column
    var letters: [UInt8] = []
    while n > 0 {
      let rem = (n - 1) % 26
      letters.append(UInt8(ascii: "A") + UInt8(rem))
      n = (n - 1) / 26
    }
    letters.reverse()
    return String(decoding: letters, as: UTF8.self)
  }

  /// The 1-based column number for letters such as `AB`, or `nil` if the
  /// text is not 1–3 letters within Excel's 16,384 columns.
  public static func columnNumber(_ letters: some StringProtocol) -> Int? {
    var n = 0
    var count = 0
    for byte in letters.utf8 {
      let upper = byte & 0xDF
      guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { return nil }
      n = n * 26 + Int(upper - UInt8(ascii: "A") + 1)
      count += 1
      if count > 3 { return nil }
    }
    guard count > 0, n <= ExcelLimits.maxColumns else { return nil }
    return n
  }
}

extension CellAddress {
  /// Decodes from the A1 string form (`"H9"`).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let address = CellAddress(a1: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "\"\(text)\" is not an A1 cell reference")
    }
    self = address
  }

  /// Encodes as the A1 string form (`"H9"`).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(a1)
  }
}
