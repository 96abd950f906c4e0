/// A small, strict reader for the TOML subset `wsoa.toml` uses: comments,
/// `[table]` headers, `key = value` lines with bare or quoted keys, and
/// values that are strings (basic `"…"` with escapes, literal `'…'`),
/// booleans, integers, arrays of strings, and inline tables of those.
/// Anything else is an error naming the file and line, never ignored.
struct TOMLSubset {
  /// A value of the subset.
  enum Value: Equatable, Sendable {
    case string(String)
    case bool(Bool)
    case integer(Int)
    case strings([String])
    case table([(key: String, value: Value)])

    static func == (lhs: Value, rhs: Value) -> Bool {
      switch (lhs, rhs) {
      case (.string(let a), .string(let b)): a == b
      case (.bool(let a), .bool(let b)): a == b
      case (.integer(let a), .integer(let b)): a == b
      case (.strings(let a), .strings(let b)): a == b
      case (.table(let a), .table(let b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
      default: false
      }
    }
  }

  /// One `key = value` line.
  struct Entry: Sendable {
    let table: String
    let key: String
    let value: Value
    let line: Int
  }

  let path: String
  private(set) var entries: [Entry] = []
  /// The `[table]` headers with their lines, in order.
  private(set) var tables: [(name: String, line: Int)] = []

  /// Parses the text of a file; `path` is used in errors.
  init(text: String, path: String) throws(ConfigError) {
    self.path = path
    var table = ""
    var seen: Set<String> = []
    var tableNames: Set<String> = [""]
    for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = offset + 1
      var cursor = Cursor(Array(rawLine.unicodeScalars), path: path, line: line)
      cursor.skipSpaces()
      if cursor.atEndOrComment { continue }
      if cursor.peek == "[" {
        cursor.advance()
        cursor.skipSpaces()
        let name = try cursor.key()
        cursor.skipSpaces()
        try cursor.expect("]")
        try cursor.expectEnd()
        guard tableNames.insert(name).inserted else { throw cursor.error("table [\(name)] is defined twice") }
        table = name
        tables.append((name, line))
        continue
      }
      let key = try cursor.key()
      cursor.skipSpaces()
      try cursor.expect("=")
      cursor.skipSpaces()
      let value = try cursor.value()
      try cursor.expectEnd()
      guard seen.insert(table + "\u{1F}" + key).inserted else {
        throw cursor.error("key \"\(key)\" is defined twice\(table.isEmpty ? "" : " in [\(table)]")")
      }
      entries.append(Entry(table: table, key: key, value: value, line: line))
    }
  }
}

/// Reads one line of the subset.
private struct Cursor {
  let scalars: [Unicode.Scalar]
  let path: String
  let line: Int
  var index = 0

  init(_ scalars: [Unicode.Scalar], path: String, line: Int) {
    var trimmed = scalars
    if trimmed.last == "\r" { trimmed.removeLast() }
    self.scalars = trimmed
    self.path = path
    self.line = line
  }

  var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
  var atEndOrComment: Bool { peek == nil || peek == "#" }
  mutating func advance() { index += 1 }
  mutating func skipSpaces() { while peek == " " || peek == "\t" { advance() } }

  func error(_ reason: String) -> ConfigError { .syntax(path: path, line: line, reason: reason) }

  mutating func expect(_ scalar: Unicode.Scalar) throws(ConfigError) {
    guard peek == scalar else { throw error("expected \"\(scalar)\"\(found)") }
    advance()
  }

  mutating func expectEnd() throws(ConfigError) {
    skipSpaces()
    guard atEndOrComment else { throw error("unexpected text after the value\(found)") }
  }

  private var found: String {
    guard index < scalars.count else { return " at the end of the line" }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[index..<min(scalars.count, index + 20)])
    return ", found \"\(String(view))\""
  }

  mutating func key() throws(ConfigError) -> String {
    if peek == "\"" { return try basicString() }
    if peek == "'" { return try literalString() }
    var view = String.UnicodeScalarView()
    while let scalar = peek, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" {
      view.append(scalar)
      advance()
    }
    guard !view.isEmpty else { throw error("expected a key\(found)") }
    if peek == "." { throw error("dotted keys are not supported; quote the key, e.g. \"status.gap\"") }
    return String(view)
  }

  mutating func value() throws(ConfigError) -> TOMLSubset.Value {
    switch peek {
    case "\"": return .string(try basicString())
    case "'": return .string(try literalString())
    case "[": return .strings(try stringArray())
    case "{": return .table(try inlineTable())
    default:
      var view = String.UnicodeScalarView()
      while let scalar = peek, scalar != " ", scalar != "\t", scalar != ",", scalar != "}", scalar != "#" {
        view.append(scalar)
        advance()
      }
      let word = String(view)
      if word == "true" { return .bool(true) }
      if word == "false" { return .bool(false) }
      if let number = Int(word.filter { $0 != "_" }), !word.isEmpty { return .integer(number) }
      throw error(word.isEmpty ? "expected a value\(found)" : "\"\(word)\" is not a string, boolean or integer (strings need quotes)")
    }
  }

  mutating func basicString() throws(ConfigError) -> String {
    try expect("\"")
    var view = String.UnicodeScalarView()
    while let scalar = peek {
      advance()
      if scalar == "\"" { return String(view) }
      if scalar == "\\" {
        guard let escape = peek else { break }
        advance()
        switch escape {
        case "\"": view.append("\"")
        case "\\": view.append("\\")
        case "n": view.append("\n")
        case "t": view.append("\t")
        case "r": view.append("\r")
        case "u", "U":
          let digits = escape == "u" ? 4 : 8
          var code: UInt32 = 0
          for _ in 0..<digits {
            guard let hex = peek, let value = UInt32(String(hex), radix: 16) else {
              throw error("bad \\\(escape) escape")
            }
            code = code * 16 + value
            advance()
          }
          guard let decoded = Unicode.Scalar(code) else { throw error("bad \\\(escape) escape") }
          view.append(decoded)
        default: throw error("unknown escape \\\(escape)")
        }
      } else {
        view.append(scalar)
      }
    }
    throw error("unterminated string")
  }

  mutating func literalString() throws(ConfigError) -> String {
    try expect("'")
    var view = String.UnicodeScalarView()
    while let scalar = peek {
      advance()
      if scalar == "'" { return String(view) }
      view.append(scalar)
    }
    throw error("unterminated string")
  }

  mutating func stringArray() throws(ConfigError) -> [String] {
    try expect("[")
    var items: [String] = []
    while true {
      skipSpaces()
      if peek == "]" { advance(); return items }
      switch try value() {
      case .string(let text): items.append(text)
      default: throw error("arrays may hold only strings")
      }
      skipSpaces()
      if peek == "," { advance() } else if peek != "]" { throw error("expected \",\" or \"]\"\(found)") }
    }
  }

  mutating func inlineTable() throws(ConfigError) -> [(key: String, value: TOMLSubset.Value)] {
    try expect("{")
    var items: [(key: String, value: TOMLSubset.Value)] = []
    while true {
      skipSpaces()
      if peek == "}" { advance(); return items }
      let key = try key()
      skipSpaces()
      try expect("=")
      skipSpaces()
      let value = try value()
      if case .table = value { throw error("inline tables may not nest") }
      guard !items.contains(where: { $0.key == key }) else { throw error("key \"\(key)\" is defined twice") }
      items.append((key, value))
      skipSpaces()
      if peek == "," { advance() } else if peek != "}" { throw error("expected \",\" or \"}\"\(found)") }
    }
  }
}
