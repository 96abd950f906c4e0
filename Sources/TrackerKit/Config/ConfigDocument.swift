import TOMLKit
import TrackerModel

/// A `wsoa.toml` parsed by TOMLKit (a complete TOML 1.0 parser, toml++
/// underneath: dotted keys, dates, multi-line strings, inline tables) and
/// copied into plain values, each key with the line and column it was
/// written at, in the order of the file.
struct ConfigDocument: Sendable {
  /// A TOML value, as the config reads it.
  indirect enum Value: Sendable {
    case string(String)
    case bool(Bool)
    case integer(Int)
    case float(Double)
    case date(CivilDate)
    case array([Value])
    case table([Member])
    /// A time or date-time: valid TOML, accepted by no setting.
    case other(String)

    /// The TOML name of the kind, for "expected a string, found an integer".
    var kind: String {
      switch self {
      case .string: "a string"
      case .bool: "a boolean"
      case .integer: "an integer"
      case .float: "a float"
      case .date: "a date"
      case .array: "an array"
      case .table: "a table"
      case .other(let name): "a \(name)"
      }
    }
  }

  /// One `key = value` (or `[table]`) with where its key is written.
  struct Member: Sendable {
    var key: String
    var value: Value
    var position: ConfigPosition
  }

  /// The top-level keys and tables.
  let members: [Member]

  /// Parses TOML text; `path` names the file in errors.
  ///
  /// - Throws: `ConfigError.syntax` with TOMLKit's message, line and column.
  init(text: String, path: String) throws(ConfigError) {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw .syntax(path: path, line: error.source.begin.line, column: error.source.begin.column, reason: error.description)
    } catch {
      throw .syntax(path: path, line: 1, column: 1, reason: String(describing: error))
    }
    let locator = ConfigKeyLocator(text: text)
    members = Self.members(of: table, at: [], locator: locator)
  }

  private static func members(of table: TOMLTable, at path: [String], locator: ConfigKeyLocator) -> [Member] {
    var result: [Member] = []
    for (key, value) in table {
      let keyPath = path + [key]
      result.append(Member(key: key, value: convert(value, at: keyPath, locator: locator), position: locator.position(of: keyPath)))
    }
    // TOMLKit lists keys sorted; the file's order reads better and reports the first problem first.
    return result.sorted { ($0.position.line, $0.position.column, $0.key) < ($1.position.line, $1.position.column, $1.key) }
  }

  private static func convert(_ value: any TOMLValueConvertible, at path: [String], locator: ConfigKeyLocator) -> Value {
    switch value.type {
    case .string: return .string(value.string ?? "")
    case .bool: return .bool(value.bool ?? false)
    case .int: return .integer(value.int ?? 0)
    case .double: return .float(value.double ?? 0)
    case .date:
      guard let date = value.date else { return .other("date") }
      return .date(CivilDate(year: date.year, month: date.month, day: date.day))
    case .time: return .other("time")
    case .dateTime: return .other("date-time")
    case .array: return .array((value.array.map(Array.init) ?? []).map { convert($0, at: path, locator: locator) })
    case .table:
      guard let table = value.table else { return .table([]) }
      return .table(members(of: table, at: path, locator: locator))
    }
  }
}

/// Where a key is written: 1-based line and column.
public struct ConfigPosition: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// 1-based line.
  public var line: Int
  /// 1-based column (in Unicode scalars).
  public var column: Int

  /// Creates a position.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// `12:3`.
  public var description: String { "\(line):\(column)" }

  /// Earlier in the file first.
  public static func < (a: ConfigPosition, b: ConfigPosition) -> Bool { (a.line, a.column) < (b.line, b.column) }
}
