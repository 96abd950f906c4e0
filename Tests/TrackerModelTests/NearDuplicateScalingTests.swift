import Testing

@testable import TrackerModel

/// The near-duplicate index (PassJoin segments, banded Levenshtein) finds
/// the same pairs for long names as for short ones: a name a few KB long is
/// matched with its one- and two-edit variants and not with a three-edit one.
@Suite struct NearDuplicateScalingTests {
  func name(_ length: Int, seed: UInt64) -> [Character] {
    var state = seed
    return (0..<length).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8((state >> 59) % 26)))
    }
  }

  @Test(arguments: [40, 1_200, 5_000]) func longNamesKeepTheirNearDuplicates(length: Int) {
    let base = name(length, seed: UInt64(length))
    var oneEdit = base
    oneEdit[length / 2] = oneEdit[length / 2] == "z" ? "y" : "z"
    var twoEdits = oneEdit
    twoEdits.remove(at: length / 3)
    var threeEdits = twoEdits
    threeEdits.insert("q", at: 1)
    let names = [String(base), String(oneEdit), String(twoEdits), String(threeEdits)]
    let found = Set(NearDuplicates.pairs(names).map { "\($0.0)-\($0.1):\($0.distance)" })
    // base~one (1), base~two (2), one~two (1), one~three (2), two~three (1); base~three is 3 apart.
    #expect(found == ["0-1:1", "0-2:2", "1-2:1", "1-3:2", "2-3:1"])
  }

  @Test func bandedDistanceMatchesTheFullOne() {
    let words = ["kitten", "sitting", "saturday", "sunday", "flaw", "lawn", "abcdefghij", "abdcefghji", "", "a"]
    for a in words {
      for b in words {
        let full = fullLevenshtein(Array(a.unicodeScalars), Array(b.unicodeScalars))
        for limit in 0...3 {
          let banded = NearDuplicates.levenshtein(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
          #expect(banded == min(full, limit + 1), "\(a) \(b) limit \(limit)")
        }
      }
    }
  }

  func fullLevenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var current = [i] + [Int](repeating: 0, count: b.count)
      for j in stride(from: 1, through: b.count, by: 1) {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return a.isEmpty ? b.count : previous[b.count]
  }
}
