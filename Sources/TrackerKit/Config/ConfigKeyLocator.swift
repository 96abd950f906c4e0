/// Finds where each key of an already-parsed TOML document is written, so
/// an unknown key or a bad value can be reported with its line and column
/// (TOMLKit gives positions for syntax errors only).
///
/// It is no parser: TOMLKit has accepted the text, so it only follows
/// `[table]` / `[[array]]` headers, the keys before `=` (bare, quoted,
/// dotted), the keys of inline tables, and skips the inside of multi-line
/// strings. A key it cannot place gets the position of its nearest placed
/// parent, else 1:1.
struct ConfigKeyLocator: Sendable {
  private var positions: [[String]: ConfigPosition] = [:]

  init(text: String) {
    var table: [String] = []
    var openString: [Unicode.Scalar]?
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let chars = Array(line.unicodeScalars)
      if let delimiter = openString {
        if Self.find(delimiter, in: chars, from: 0) != nil { openString = nil }
        continue
      }
      var i = Self.skipSpaces(chars, 0)
      guard i < chars.count, chars[i] != "#" else { continue }
      if chars[i] == "[" {
        i += (i + 1 < chars.count && chars[i + 1] == "[") ? 2 : 1
        let start = Self.skipSpaces(chars, i)
        guard let (keys, _) = Self.key(chars, from: start) else { continue }
        table = keys
        record(keys, ConfigPosition(line: offset + 1, column: start + 1))
        continue
      }
      guard let (keys, end) = Self.key(chars, from: i), end < chars.count, chars[end] == "=" else { continue }
      let path = table + keys
      record(path, ConfigPosition(line: offset + 1, column: i + 1))
      let valueStart = Self.skipSpaces(chars, end + 1)
      openString = Self.openMultiline(chars, valueStart)
      if valueStart < chars.count, chars[valueStart] == "{" {
        inline(chars, from: valueStart + 1, path: path, line: offset + 1)
      }
    }
  }

  /// Where `path` (table names, then keys) is written.
  func position(of path: [String]) -> ConfigPosition {
    var prefix = path
    while !prefix.isEmpty {
      if let found = positions[prefix] { return found }
      prefix.removeLast()
    }
    return ConfigPosition(line: 1, column: 1)
  }

  /// Records a key and each dotted parent it defines, first writing wins.
  private mutating func record(_ path: [String], _ position: ConfigPosition) {
    for n in 1...max(1, path.count) where positions[Array(path.prefix(n))] == nil {
      positions[Array(path.prefix(n))] = position
    }
  }

  /// The keys of an inline table `{ a = 1, b.c = "x" }` on one line.
  private mutating func inline(_ chars: [Unicode.Scalar], from start: Int, path: [String], line: Int) {
    var i = start
    while i < chars.count {
      i = Self.skipSpaces(chars, i)
      guard let (keys, end) = Self.key(chars, from: i), end < chars.count, chars[end] == "=" else { return }
      record(path + keys, ConfigPosition(line: line, column: i + 1))
      i = Self.skipSpaces(chars, end + 1)
      if i < chars.count, chars[i] == "{" {
        inline(chars, from: i + 1, path: path + keys, line: line)
      }
      // Skip the value to the next comma at this depth.
      var depth = 0
      while i < chars.count {
        let c = chars[i]
        if c == "\"" || c == "'" {
          i = Self.endOfString(chars, i)
          continue
        }
        if c == "{" || c == "[" { depth += 1 }
        if c == "}" || c == "]" {
          if depth == 0 { return }
          depth -= 1
        }
        if c == ",", depth == 0 { break }
        i += 1
      }
      i += 1
    }
  }

  /// A (dotted) key at `start`: its parts and the index after it and the spaces that follow.
  static func key(_ chars: [Unicode.Scalar], from start: Int) -> ([String], Int)? {
    var parts: [String] = []
    var i = start
    while true {
      i = skipSpaces(chars, i)
      guard i < chars.count else { return nil }
      if chars[i] == "\"" || chars[i] == "'" {
        let quote = chars[i]
        var part = String.UnicodeScalarView()
        i += 1
        while i < chars.count, chars[i] != quote {
          if quote == "\"", chars[i] == "\\", i + 1 < chars.count {
            i += 1
            part.append(contentsOf: unescape(chars, &i))
            continue
          }
          part.append(chars[i])
          i += 1
        }
        guard i < chars.count else { return nil }
        i += 1
        parts.append(String(part))
      } else {
        let begin = i
        while i < chars.count, isBare(chars[i]) { i += 1 }
        guard i > begin else { return nil }
        parts.append(String(String.UnicodeScalarView(chars[begin..<i])))
      }
      i = skipSpaces(chars, i)
      guard i < chars.count, chars[i] == "." else { return (parts, i) }
      i += 1
    }
  }

  /// The scalars of an escape after `\` (at `i`), moving past it.
  private static func unescape(_ chars: [Unicode.Scalar], _ i: inout Int) -> [Unicode.Scalar] {
    let c = chars[i]
    i += 1
    switch c {
    case "n": return ["\n"]
    case "t": return ["\t"]
    case "r": return ["\r"]
    case "b": return ["\u{08}"]
    case "f": return ["\u{0C}"]
    case "u", "U":
      let width = c == "u" ? 4 : 8
      guard i + width <= chars.count,
        let value = UInt32(String(String.UnicodeScalarView(chars[i..<(i + width)])), radix: 16),
        let scalar = Unicode.Scalar(value)
      else { return [] }
      i += width
      return [scalar]
    default: return [c]
    }
  }

  private static func isBare(_ c: Unicode.Scalar) -> Bool {
    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_" || c == "-"
  }

  private static func skipSpaces(_ chars: [Unicode.Scalar], _ start: Int) -> Int {
    var i = start
    while i < chars.count, chars[i] == " " || chars[i] == "\t" || chars[i] == "\r" { i += 1 }
    return i
  }

  /// The index after the string that starts at `start`.
  private static func endOfString(_ chars: [Unicode.Scalar], _ start: Int) -> Int {
    let quote = chars[start]
    var i = start + 1
    while i < chars.count, chars[i] != quote {
      i += (quote == "\"" && chars[i] == "\\") ? 2 : 1
    }
    return i + 1
  }

  /// `"""` or `'''` when a multi-line string opens at `start` and does not close on this line.
  private static func openMultiline(_ chars: [Unicode.Scalar], _ start: Int) -> [Unicode.Scalar]? {
    for quote: Unicode.Scalar in ["\"", "'"] {
      let delimiter = [quote, quote, quote]
      guard start + 3 <= chars.count, Array(chars[start..<(start + 3)]) == delimiter else { continue }
      return find(delimiter, in: chars, from: start + 3) == nil ? delimiter : nil
    }
    return nil
  }

  private static func find(_ needle: [Unicode.Scalar], in chars: [Unicode.Scalar], from start: Int) -> Int? {
    guard chars.count >= needle.count, start <= chars.count - needle.count else { return nil }
    for i in start...(chars.count - needle.count) where Array(chars[i..<(i + needle.count)]) == needle { return i }
    return nil
  }
}
