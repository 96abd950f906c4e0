/// A sheet renamed to satisfy Excel's rules, reported to the caller.
public struct SheetRename: Hashable, Sendable, CustomStringConvertible {
  /// The name asked for.
  public var requested: String
  /// The name written.
  public var written: String
  /// Why it changed.
  public var reason: String

  /// Creates a rename record.
  public init(requested: String, written: String, reason: String) {
    self.requested = requested
    self.written = written
    self.reason = reason
  }

  /// `sheet "a/b" written as "a_b": contains / ...`.
  public var description: String { "sheet \"\(requested)\" written as \"\(written)\": \(reason)" }
}

/// Makes sheet names valid and unique the way Excel requires: 1 ... 31
/// UTF-16 units, none of `[ ] : * ? / \`, no `'` at either end, no control
/// characters, not `History` (reserved by Excel), and unique ignoring case.
struct SheetNamer {
  private var used: Set<String> = []

  /// The valid, unique name for a requested one, and why it changed (`nil`
  /// when it did not).
  mutating func assign(_ requested: String) -> (name: String, reason: String?) {
    var reasons: [String] = []
    var name = String(
      String.UnicodeScalarView(
        requested.unicodeScalars.map { scalar in
          if "[]:*?/\\".unicodeScalars.contains(scalar) || scalar.value < 0x20 || scalar.value == 0xFFFE
            || scalar.value == 0xFFFF
          {
            return "_"
          }
          return scalar
        }))
    if name != requested { reasons.append("contains a character Excel forbids ([ ] : * ? / \\ or a control character)") }
    let trimmed = String(name.drop(while: { $0 == "'" }).reversed().drop(while: { $0 == "'" }).reversed())
    if trimmed != name {
      reasons.append("starts or ends with an apostrophe")
      name = trimmed
    }
    if name.isEmpty {
      reasons.append("is empty")
      name = "Sheet"
    }
    if name.utf16.count > 31 {
      reasons.append("is longer than 31 characters")
      name = SheetNamer.truncate(name, to: 31)
    }
    if name.lowercased() == "history" {
      reasons.append("History is reserved by Excel")
      name += "_"
    }
    if used.contains(name.lowercased()) {
      reasons.append("another sheet already has this name")
      name = uniqueVariant(of: name)
    }
    used.insert(name.lowercased())
    return (name, reasons.isEmpty ? nil : reasons.joined(separator: "; "))
  }

  /// Whether a name is already taken (ignoring case).
  func isTaken(_ name: String) -> Bool { used.contains(name.lowercased()) }

  private func uniqueVariant(of name: String) -> String {
    var number = 2
    while true {
      let suffix = " (\(number))"
      let candidate = SheetNamer.truncate(name, to: 31 - suffix.utf16.count) + suffix
      if !used.contains(candidate.lowercased()) { return candidate }
      number += 1
    }
  }

  /// The longest prefix of whole characters within `limit` UTF-16 units.
  static func truncate(_ name: String, to limit: Int) -> String {
    var result = ""
    var units = 0
    for character in name {
      let width = character.utf16.count
      if units + width > limit { break }
      result.append(character)
      units += width
    }
    return result
  }
}
