/// Excel's column letters for every column 1 ... 16,384, packed for the
/// cell-writing hot path: up to three ASCII letters in the low bytes of a
/// `UInt32`, with the count in the top byte.
enum ColumnLetters {
  static let table: [UInt32] = {
    var table = [UInt32](repeating: 0, count: 16_385)
    for column in 1...16_384 {
      var n = column
      var letters: [UInt8] = []
      while n > 0 {
        letters.insert(UInt8(ascii: "A") + UInt8((n - 1) % 26), at: 0)
        n = (n - 1) / 26
      }
      var packed = UInt32(letters.count) << 24
      for (i, letter) in letters.enumerated() { packed |= UInt32(letter) << (8 * UInt32(i)) }
      table[column] = packed
    }
    return table
  }()
}
