import TestSupport
import Testing

@testable import TrackerModel

/// Keys merge spells out or compares for every row, done without the
/// general-purpose steps: checked against the plain way.
@Suite struct WrittenKeysTests {
  /// `DateValue.description` as it was written before it wrote its bytes directly.
  static func plainDescription(_ date: DateValue) -> String {
    var text = String(date.year)
    if let month = date.month, date.precision != .year { text += "-" + (month < 10 ? "0" : "") + String(month) }
    if let day = date.day, date.precision == .day { text += "-" + (day < 10 ? "0" : "") + String(day) }
    return text
  }

  @Test func dateDescriptionIsThePlainOne() {
    let years = [0, 5, 9, 10, 99, 100, 999, 1000, 2021, 9999, 10_000, 123_456, -1, -2021]
    let parts: [Int?] = [nil, 0, 1, 9, 10, 12, 31, 99, 100, 1234, -1, -12]
    for year in years {
      for month in parts {
        for day in parts {
          for precision in [DateValue.Precision.year, .quarter, .month, .day] {
            let date = DateValue(year: year, month: month, day: day, precision: precision)
            #expect(date.description == Self.plainDescription(date), "\(year) \(String(describing: month)) \(String(describing: day)) \(precision)")
          }
        }
      }
    }
  }

  /// `MergeKeys.status(rating:towards:raw:equals:)` agrees with building the
  /// status's key and comparing it, for every rating pair and texts that
  /// normalise alike or not.
  @Test func statusEqualsIsTheKeyComparison() {
    let raws = ["G", "g ", "Green", "On  Track", "on track", "", " ", "N/A"]
    let towards: [Rating?] = [nil] + Rating.allCases
    var keys: [StatusKey?] = [nil]
    for rating in Rating.allCases {
      for to in towards {
        for raw in raws { keys.append(MergeKeys.status(rating: rating, towards: to, raw: raw)) }
      }
    }
    var equal = 0
    for rating in Rating.allCases {
      for to in towards {
        for raw in raws where !MergeKeys.isEmpty(rating: rating, raw: raw) {
          let own = MergeKeys.status(rating: rating, towards: to, raw: raw)
          for key in keys {
            let same = MergeKeys.status(rating: rating, towards: to, raw: raw, equals: key)
            #expect(same == (own == key), "\(rating) \(String(describing: to)) \(raw)")
            if same { equal += 1 }
          }
        }
      }
    }
    #expect(equal > 100)
  }
}
