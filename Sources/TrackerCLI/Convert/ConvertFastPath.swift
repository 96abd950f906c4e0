/// Reads the everyday shapes of `wsoa convert ...` arguments without
/// ArgumentParser, so converting a small tracker does not pay for
/// ArgumentParser's start-up (about 1.5 ms of a 10 ms run: it reflects over
/// every command's property wrappers and parses the arguments twice more to
/// look for `--generate-completion-script`).
///
/// It accepts only what it understands exactly: `convert` first, then inputs
/// that do not start with `-`, and the known options (`-o X`, `--output X`,
/// `--output=X`, ...) and flags, each option or flag at most once except
/// `--sheet`, every value non-empty and not starting with `-`, enum values
/// spelled as `--help` lists them, and a request that passes
/// `ConvertRequest.problem`. Anything else (help, `--version`, `--`, a
/// misspelt flag, a repeated option, `-o -`, an invalid combination) returns
/// nil and goes to ArgumentParser, which parses it and prints its usual
/// messages. `ConvertFastPathTests` checks that whenever this returns a
/// request, ArgumentParser parses the same arguments into the same request.
enum ConvertFastPath {
  /// The request `arguments` (without the program name) ask for, or nil when
  /// ArgumentParser must decide.
  static func request(for arguments: [String]) -> ConvertRequest? {
    guard arguments.first == "convert" else { return nil }
    var request = ConvertRequest()
    var seen = Seen()
    var index = 1
    while index < arguments.count {
      let token = arguments[index]
      index += 1
      guard token.utf8.first == UInt8(ascii: "-") else {
        // "help" is ArgumentParser's word; leave it to decide.
        guard !token.isEmpty, token != "help" else { return nil }
        request.inputs.append(token)
        continue
      }
      var name = token
      var inline: String?
      if token.utf8.starts(with: "--".utf8), let equals = token.utf8.firstIndex(of: UInt8(ascii: "=")) {
        name = String(token[..<equals])
        inline = String(token[token.utf8.index(after: equals)...])
      }
      /// The option's value: after `=`, else the next argument.
      func value() -> String? {
        let value: String
        if let inline {
          value = inline
        } else {
          guard index < arguments.count else { return nil }
          value = arguments[index]
          index += 1
        }
        guard let first = value.utf8.first, first != UInt8(ascii: "-") else { return nil }
        return value
      }
      switch name {
      case "-o", "--output":
        guard seen.first(.output), let output = value() else { return nil }
        request.output = output
      case "--to":
        guard seen.first(.to), let target = value().flatMap(ConvertTarget.init(rawValue:)) else { return nil }
        request.target = target
      case "--from":
        guard seen.first(.from), let source = value().flatMap(ConvertTarget.init(rawValue:)) else { return nil }
        request.source = source
      case "--shape":
        guard seen.first(.shape), let shape = value().flatMap(ConvertShape.init(rawValue:)) else { return nil }
        request.shape = shape
      case "--mixed-status":
        guard seen.first(.mixedStatus), let reading = value().flatMap(ConvertMixedReading.init(rawValue:)) else {
          return nil
        }
        request.mixedStatus = reading
      case "--sheet":
        guard let sheet = value() else { return nil }
        request.sheets.append(sheet)
      case "--compact":
        guard inline == nil, seen.first(.compact) else { return nil }
        request.compact = true
      case "--bom":
        guard inline == nil, seen.first(.bom) else { return nil }
        request.bom = true
      case "-q", "--quiet":
        guard inline == nil, seen.first(.quiet) else { return nil }
        request.quiet = true
      case "--summary":
        guard inline == nil, seen.first(.summary) else { return nil }
        request.summary = true
      default:
        return nil
      }
    }
    return request.problem == nil ? request : nil
  }

  /// The options and flags already given (a bit each; no hashing at start-up).
  private struct Seen {
    enum Key: UInt16 { case output, to, from, shape, mixedStatus, compact, bom, quiet, summary }
    private var bits: UInt16 = 0

    /// True the first time `key` is seen.
    mutating func first(_ key: Key) -> Bool {
      let bit: UInt16 = 1 << key.rawValue
      defer { bits |= bit }
      return bits & bit == 0
    }
  }
}
