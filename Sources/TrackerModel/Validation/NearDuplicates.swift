/// Finds pairs of names within a small edit distance without comparing all
/// pairs, in time linear in the names' length (PassJoin's partition rule):
/// each name is indexed under its length and `k + 1` disjoint segments, and
/// a name within distance `k` of an indexed one holds one of its segments
/// unchanged, shifted by at most `k` places. Candidate pairs are confirmed
/// with a Levenshtein distance banded to the allowed distance. (Indexing
/// every deletion variant instead, as before, built about L²/2 strings of
/// length L per name: a 1.2 KB lead took more than 20 s.)
enum NearDuplicates {
  /// Case-folded, whitespace collapsed.
  static func fold(_ name: String) -> String {
    name.lowercased().split { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }.joined(separator: " ")
  }

  /// The edit distance two names may differ by and still be reported: 2 for
  /// names of 10 or more characters, 1 from 5, none below (short role
  /// codes such as `SPG` and `SEN` are different groups, not typos).
  static func allowedDistance(_ length: Int) -> Int { length >= 10 ? 2 : length >= 5 ? 1 : 0 }

  /// The largest distance `allowedDistance` gives: the index is built for it.
  private static let maxDistance = 2

  private struct SegmentKey: Hashable {
    var length: Int
    var segment: Int
    var text: ArraySlice<Unicode.Scalar>
  }

  /// Index pairs `(earlier, later, distance)` of distinct names (already
  /// folded and unique) that are near-duplicates, in first-seen order.
  static func pairs(_ names: [String]) -> [(Int, Int, distance: Int)] {
    let scalars = names.map { Array($0.unicodeScalars) }
    let k = maxDistance
    let shortest = 5  // the shortest length with an allowed distance
    var index: [SegmentKey: [Int]] = [:]
    var candidates: Set<Int> = []  // i * count + j
    for (position, name) in scalars.enumerated() {
      guard allowedDistance(name.count) > 0 else { continue }
      for length in max(shortest, name.count - k)...(name.count + k) {
        for (segment, start, count) in segments(length) {
          let first = max(0, start - k)
          let last = min(name.count - count, start + k)
          guard first <= last else { continue }
          for offset in first...last {
            let key = SegmentKey(length: length, segment: segment, text: name[offset..<offset + count])
            for other in index[key, default: []] where other != position {
              candidates.insert(other * names.count + position)
            }
          }
        }
      }
      for (segment, start, count) in segments(name.count) {
        let key = SegmentKey(length: name.count, segment: segment, text: name[start..<start + count])
        index[key, default: []].append(position)
      }
    }
    var result: [(Int, Int, distance: Int)] = []
    for code in candidates.sorted() {
      let (i, j) = (code / names.count, code % names.count)
      let limit = min(allowedDistance(scalars[i].count), allowedDistance(scalars[j].count))
      let distance = levenshtein(scalars[i], scalars[j], limit: limit)
      if distance > 0, distance <= limit { result.append((i, j, distance)) }
    }
    return result
  }

  /// The `maxDistance + 1` disjoint segments of a name of `length`
  /// scalars: `(segment, start, count)`, the later ones a scalar longer
  /// when the length does not divide evenly.
  private static func segments(_ length: Int) -> [(Int, Int, Int)] {
    let parts = maxDistance + 1
    let base = length / parts
    let longer = length % parts
    var result: [(Int, Int, Int)] = []
    var start = 0
    for segment in 0..<parts {
      let count = base + (segment >= parts - longer ? 1 : 0)
      result.append((segment, start, count))
      start += count
    }
    return result
  }

  /// Levenshtein distance, giving up (returning `limit + 1`) once it must
  /// exceed `limit`; only the diagonal band `limit` wide is computed, so the
  /// cost is linear in the names' length.
  static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
    let over = limit + 1
    if abs(a.count - b.count) > limit { return over }
    if a.isEmpty || b.isEmpty { return min(max(a.count, b.count), over) }
    var previous = (0...b.count).map { min($0, over) }
    var current = [Int](repeating: over, count: b.count + 1)
    for i in 1...a.count {
      let low = max(1, i - limit)
      let high = min(b.count, i + limit)
      current[0] = min(i, over)
      current[low - 1] = low == 1 ? current[0] : over
      var rowMinimum = low == 1 ? current[0] : over
      if low <= high {
        for j in low...high {
          let cost = a[i - 1] == b[j - 1] ? 0 : 1
          let value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
          current[j] = min(value, over)
          rowMinimum = min(rowMinimum, current[j])
        }
      }
      if high < b.count { current[high + 1] = over }
      if rowMinimum > limit { return over }
      swap(&previous, &current)
    }
    return min(previous[b.count], over)
  }
}
