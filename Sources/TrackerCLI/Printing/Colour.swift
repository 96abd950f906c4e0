import ArgumentParser
import Diagnostics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `--color`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, always, never
}

/// `--color`, the same option on every command that prints colour.
struct ColorOptions: ParsableArguments {
  @Option(help: "Colour: auto (only on a terminal, and not with NO_COLOR set or TERM=dumb), always or never.")
  var color: ColorChoice = .auto

  /// Makes this the choice every later `Colour` decision in the process
  /// follows (the command's first step, so its error lines follow it too).
  func apply() { Colour.choice = color }
}

/// The one place that decides whether to colour and paints text: every
/// command and printer asks here, so `--color`, `NO_COLOR`, `TERM=dumb` and
/// "only on a terminal" mean the same everywhere (https://no-color.org).
enum Colour {
  /// The command's `--color` (set by `ColorOptions.apply()`; `auto` until then).
  nonisolated(unsafe) static var choice: ColorChoice = .auto

  /// An SGR colour number.
  enum Ink: Int {
    case red = 31
    case green = 32
    case yellow = 33
    case cyan = 36

    /// The ink for a finding of `severity`.
    init(_ severity: Severity) {
      switch severity {
      case .error: self = .red
      case .warning: self = .yellow
      case .info: self = .cyan
      }
    }
  }

  /// Whether to colour, given the choice, whether the stream is a terminal,
  /// and the environment: `always` and `never` are final; `auto` colours a
  /// terminal unless `NO_COLOR` is set to anything non-empty or `TERM` is `dumb`.
  static func decide(_ choice: ColorChoice, isTerminal: Bool, environment: [String: String]) -> Bool {
    switch choice {
    case .always: return true
    case .never: return false
    case .auto:
      guard isTerminal else { return false }
      if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
      return environment["TERM"] != "dumb"
    }
  }

  /// Whether to colour what goes to file descriptor `fd` (1 standard output,
  /// 2 standard error) in this process.
  static func enabled(forDescriptor fd: Int32) -> Bool {
    var environment: [String: String] = [:]
    for name in ["NO_COLOR", "TERM"] {
      if let value = getenv(name) { environment[name] = String(cString: value) }
    }
    return decide(choice, isTerminal: isatty(fd) == 1, environment: environment)
  }

  /// Whether to colour standard error.
  static var onStandardError: Bool { enabled(forDescriptor: 2) }

  /// Whether to colour standard output.
  static var onStandardOutput: Bool { enabled(forDescriptor: 1) }

  /// `text` in bold `ink` when `enabled`, else `text` as it is.
  static func paint(_ text: String, _ ink: Ink, enabled: Bool) -> String {
    enabled ? "\u{1B}[1;\(ink.rawValue)m\(text)\u{1B}[0m" : text
  }
}
