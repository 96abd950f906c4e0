/// Why a `wsoa.toml` could not be used: always names the file and, for
/// syntax and value errors, the 1-based line and column.
public enum ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file could not be read.
  case unreadable(path: String, reason: String)
  /// The text is not valid TOML (as TOMLKit's parser reports it).
  case syntax(path: String, line: Int, column: Int, reason: String)
  /// A key or value the config does not accept.
  case invalid(path: String, line: Int, column: Int, reason: String)

  /// `wsoa.toml:7:1: unknown rule code "status.gapp"`.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason): "\(path): cannot read the config file: \(reason)"
    case .syntax(let path, let line, let column, let reason): "\(path):\(line):\(column): \(reason)"
    case .invalid(let path, let line, let column, let reason): "\(path):\(line):\(column): \(reason)"
    }
  }
}
