public import TrackerModel

/// Who sent each return: `--sub-group` values, the file name, or the
/// return's sub-group column (in that order; README "wsoa merge").
///
/// `--sub-group` takes `NAME` (allowed with exactly one return) or
/// `FILE=NAME` (repeatable; `FILE` is a return as given on the command line,
/// or its file name).
public struct MergeSubGroupFlags: Hashable, Sendable {
  /// Sub-group by return path, as given.
  public private(set) var byFile: [String: String] = [:]

  /// Why the `--sub-group` values cannot be used.
  public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The message, naming the offending value.
    public let description: String
  }

  /// Parses `--sub-group` values against the returns given.
  ///
  /// - Throws: `Problem` when a bare `NAME` is given with several returns,
  ///   `FILE` names no return, a return gets two names, or `NAME` is empty.
  public init(_ values: [String], returns: [String]) throws(Problem) {
    for value in values {
      if let split = value.lastIndex(of: "="),
        let file = MergeSubGroupFlags.match(String(value[..<split]), in: returns)
      {
        try assign(String(value[value.index(after: split)...]), to: file)
      } else if returns.count == 1 {
        try assign(value, to: returns[0])
      } else {
        throw Problem(
          description: "--sub-group \"\(value)\" names no return; with several returns use --sub-group FILE=NAME")
      }
    }
  }

  private mutating func assign(_ name: String, to file: String) throws(Problem) {
    let trimmed = name.trimmingCharacters(in: " \t")
    guard !trimmed.isEmpty else { throw Problem(description: "--sub-group for \(file) has an empty name") }
    if let existing = byFile[file], existing != trimmed {
      throw Problem(description: "--sub-group gives \(file) two names: \"\(existing)\" and \"\(trimmed)\"")
    }
    byFile[file] = trimmed
  }

  private static func match(_ file: String, in returns: [String]) -> String? {
    if returns.contains(file) { return file }
    let named = returns.filter { ($0.split(separator: "/").last.map(String.init) ?? $0) == file }
    return named.count == 1 ? named[0] : nil
  }
}

/// When a return was received, from a `yyyy-mm-dd` date in its file name
/// (`2022-03-14 EHCP.xlsx`); `nil` when the name holds none. File times are
/// not used: copies and checkouts change them, and output must not depend on them.
public enum MergeReceivedDate {
  /// The first valid `yyyy-mm-dd` in the file's base name.
  public static func fromFileName(_ file: String) -> DateValue? {
    let base = Array((file.split(separator: "/").last.map(String.init) ?? file).utf8)
    guard base.count >= 10 else { return nil }
    func digits(_ from: Int, _ count: Int) -> Int? {
      var value = 0
      for i in from..<(from + count) {
        guard (48...57).contains(base[i]) else { return nil }
        value = value * 10 + Int(base[i] - 48)
      }
      return value
    }
    for start in 0...(base.count - 10) where base[start + 4] == UInt8(ascii: "-") && base[start + 7] == UInt8(ascii: "-") {
      if start > 0, (48...57).contains(base[start - 1]) { continue }
      guard let year = digits(start, 4), let month = digits(start + 5, 2), let day = digits(start + 8, 2) else { continue }
      let date = CivilDate(year: year, month: month, day: day)
      if date.isValid { return DateValue(year: year, month: month, day: day) }
    }
    return nil
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    let characters = Set(set)
    guard let first = firstIndex(where: { !characters.contains($0) }),
      let last = lastIndex(where: { !characters.contains($0) })
    else { return "" }
    return String(self[first...last])
  }
}
