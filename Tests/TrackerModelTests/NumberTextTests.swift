import TestSupport
import Testing
import TrackerModel

/// Numbers typed as text keep their meaning: a decimal comma is a decimal
/// separator, a thousands separator is one, the locale decides only when
/// the text cannot, and that is reported; digits are never pulled out of
/// other text.
@Suite struct NumberTextTests {
  @Test(arguments: [
    // (text, decimal comma locale?, expected)
    ("62,5", false, NumberText.Reading.number(62.5)), ("62,5", true, .number(62.5)),
    ("62,5 %", false, .number(62.5)), ("62,5%", true, .number(62.5)), ("% 62,5", true, .number(62.5)),
    ("62.5", true, .number(62.5)), ("62.5 %", false, .number(62.5)), ("0,250", false, .number(0.25)),
    ("1,250", false, .ambiguous(1250, otherwise: 1.25)), ("1,250", true, .ambiguous(1.25, otherwise: 1250)),
    ("1.250", false, .ambiguous(1.25, otherwise: 1250)), ("1.250", true, .ambiguous(1250, otherwise: 1.25)),
    ("1.250,5", false, .number(1250.5)), ("1,250.5", true, .number(1250.5)), ("1,250,000", true, .number(1_250_000)),
    ("1 250,5", true, .number(1250.5)), ("1\u{00A0}250", false, .number(1250)), ("100", false, .number(100)),
    (" 75 ", true, .number(75)), ("-5,5", true, .number(-5.5)), (",5", true, .number(0.5)), ("12,75", false, .number(12.75)),
    ("50-60", false, .invalid), ("about 50", false, .invalid), ("Q3 50%", false, .invalid), ("1,25,0", false, .invalid),
    ("1.2.3", true, .invalid), ("1,2,5", false, .invalid), ("5,5,5.5", false, .invalid), ("%", false, .invalid),
    ("62,5,", true, .invalid), ("1.250,5,5", true, .invalid),
  ])
  func reads(text: String, decimalComma: Bool, expected: NumberText.Reading) {
    #expect(NumberText.read(text, decimalComma: decimalComma) == expected)
  }

  /// Any value written the way a locale writes it (decimal point or comma,
  /// with or without thousands grouping, a `%` or not) reads back as that
  /// value when the file's locale is known; when the text alone cannot
  /// tell, the reading says so.
  @Test func everyLocalesWritingReadsBack() {
    var rng = SeededRandom(seed: 62)
    for _ in 0..<5_000 {
      let whole = [rng.below(10), rng.below(100), rng.below(1000), rng.below(1_000_000), rng.below(1_000_000_000)][rng.below(5)]
      let decimals = rng.below(4)
      let fraction = decimals == 0 ? 0 : rng.below([1, 10, 100, 1000][decimals])
      let value = Double(whole) + Double(fraction) / Double([1, 10, 100, 1000][decimals])
      let decimalComma = rng.below(2) == 0
      let grouping = rng.below(3)  // 0 none, 1 the other separator, 2 a space
      var digits = String(whole)
      if grouping > 0 {
        var groups: [String] = []
        while digits.count > 3 {
          groups.insert(String(digits.suffix(3)), at: 0)
          digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        digits = groups.joined(separator: grouping == 2 ? " " : decimalComma ? "." : ",")
      }
      var text = digits
      if decimals > 0 {
        let padded = String(repeating: "0", count: decimals - String(fraction).count) + String(fraction)
        text += (decimalComma ? "," : ".") + padded
      }
      if rng.below(3) == 0 { text += [" %", "%", "\u{00A0}%"][rng.below(3)] }
      switch NumberText.read(text, decimalComma: decimalComma) {
      case .number(let n), .ambiguous(let n, _):
        #expect(abs(n - value) < 1e-9, "\(text) read as \(n), written from \(value) (decimal comma: \(decimalComma))")
      case .invalid:
        Issue.record("\(text) not read (written from \(value))")
      }
      // Ambiguous only when one separator appears once with three digits after it.
      if case .ambiguous = NumberText.read(text, decimalComma: decimalComma) {
        let separators = text.filter { $0 == "," || $0 == "." }
        #expect(separators.count == 1, "\(text)")
      }
    }
  }

  /// The bug this replaces: a decimal comma never multiplies by ten.
  @Test func aDecimalCommaNeverMultipliesByTen() {
    for tenths in 1..<1000 where tenths % 10 != 0 {
      let text = "\(tenths / 10),\(tenths % 10)"
      for comma in [false, true] {
        #expect(NumberText.read(text, decimalComma: comma) == .number(Double(tenths) / 10), "\(text)")
      }
    }
  }
}
