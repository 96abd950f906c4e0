/// Finds pairs of names within a small edit distance without comparing all
/// pairs: each name is indexed under its deletion variants (a name within
/// distance *k* of another shares a variant with at most *k* deletions from
/// each), then candidate pairs are confirmed with Levenshtein distance.
enum NearDuplicates {
  /// Case-folded, whitespace collapsed.
  static func fold(_ name: String) -> String {
    name.lowercased().split { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }.joined(separator: " ")
  }

  /// The edit distance two names may differ by and still be reported: 2 for
  /// names of 10 or more characters, 1 from 5, none below (short role
  /// codes such as `SPG` and `SEN` are different groups, not typos).
  static func allowedDistance(_ length: Int) -> Int { length >= 10 ? 2 : length >= 5 ? 1 : 0 }

  /// Index pairs `(earlier, later, distance)` of distinct names (already
  /// folded and unique) that are near-duplicates, in first-seen order.
  static func pairs(_ names: [String]) -> [(Int, Int, distance: Int)] {
    let scalars = names.map { Array($0.unicodeScalars) }
    var index: [String: [Int]] = [:]
    var candidates: Set<Int> = []  // i * count + j
    for (position, name) in scalars.enumerated() {
      let allowed = allowedDistance(name.count)
      guard allowed > 0 else { continue }
      var variants: Set<String> = []
      deletions(of: name, depth: allowed, start: 0, into: &variants)
      for variant in variants {
        for other in index[variant, default: []] {
          candidates.insert(other * names.count + position)
        }
        index[variant, default: []].append(position)
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

  private static func deletions(
    of name: [Unicode.Scalar], depth: Int, start: Int, into variants: inout Set<String>
  ) {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: name)
    variants.insert(String(view))
    guard depth > 0, name.count > 1 else { return }
    for position in start..<name.count {
      var shorter = name
      shorter.remove(at: position)
      deletions(of: shorter, depth: depth - 1, start: position, into: &variants)
    }
  }

  /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
  static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      current[0] = i
      var rowMinimum = current[0]
      for j in stride(from: 1, through: b.count, by: 1) {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        rowMinimum = min(rowMinimum, current[j])
      }
      if rowMinimum > limit { return limit + 1 }
      swap(&previous, &current)
    }
    return a.isEmpty ? b.count : previous[b.count]
  }
}
