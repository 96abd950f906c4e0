import ArgumentParser

/// A subcommand name that is not one: `wsoa conver` and `wsoa help bogus`
/// are usage errors (exit 64) that name the closest command, checked before
/// ArgumentParser parses (which would say only "unexpected argument", or
/// show the root help and exit 0).
enum CommandSuggestion {
  /// The usage error for `arguments`, or nil when their first word is a
  /// subcommand, `help`, or an option.
  static func problem(_ arguments: [String], root: any ParsableCommand.Type = WSOACommand.self) -> String? {
    let names = root.configuration.subcommands.map { $0._commandName }
    var words = arguments[...]
    if words.first == "help" { words = words.dropFirst() }
    guard let word = words.first, !word.hasPrefix("-"), !names.contains(word) else { return nil }
    var message = "unknown command '\(word)'"
    if let near = closest(to: word, in: names) { message += "; did you mean '\(near)'?" }
    let list = names.joined(separator: ", ")
    return Failure.line(location: nil, message) + "\nCommands: \(list). See 'wsoa --help'.\n"
  }

  /// The name nearest `word` (edit distance counting a swap of two
  /// neighbours as one edit, case ignored), when it is close enough to be a slip: at most a third of its
  /// length, or `word` is its prefix.
  static func closest(to word: String, in names: [String]) -> String? {
    let lower = word.lowercased()
    let scored = names.map { ($0, distance(Array(lower), Array($0.lowercased()))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    if best.1 <= max(1, best.0.count / 3) { return best.0 }
    return names.first { $0.hasPrefix(lower) && lower.count >= 2 }
  }

  /// Optimal-string-alignment distance: insertions, deletions,
  /// substitutions and swaps of neighbours each cost one.
  static func distance(_ a: [Character], _ b: [Character]) -> Int {
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
      }
    }
    return d[a.count][b.count]
  }
}
