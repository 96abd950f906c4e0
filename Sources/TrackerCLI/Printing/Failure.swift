import AtomicOutput
import ArgumentParser
import TrackerKit

/// The one place an error becomes an exit status and a message. Every
/// command throws; `WSOACommand.run(arguments:)` hands what it caught here.
///
/// | error | status | printed |
/// |---|---|---|
/// | `InputError` (missing file or sheet) | 66 | `wsoa: <file>: error: …` |
/// | `InputError` (anything else) | 65 | `wsoa: <file>:<line> (<cell>): error: …` |
/// | `OutputError` | 73 | `wsoa: error: cannot write output …` |
/// | `ExitCode` | its code | nothing more (the command printed already) |
/// | help, `--version` | 0 | the text, on standard output |
/// | bad flags, `ValidationError` | 64 | the message and usage |
/// | anything else | 70 | `wsoa: internal error: …` |
struct Failure {
  /// The process's exit status.
  var status: Int32
  /// What to print, if anything (ends in a newline).
  var message: String
  /// Whether `message` goes to standard output (help and version) rather than standard error.
  var isForStandardOutput = false

  /// Classifies `error`, thrown while parsing or running `command`.
  init(_ error: any Error, command: any ParsableCommand.Type = WSOACommand.self) {
    switch error {
    case let error as InputError:
      status = error.category == .missing ? ExitStatus.noInput.rawValue : ExitStatus.dataError.rawValue
      message = Failure.line(location: "\(error.location)", error.reason)
    case let error as OutputError:
      status = ExitStatus.cannotCreate.rawValue
      message = Failure.line(location: nil, error.description)
    case let error as ExitCode:
      status = error.rawValue
      message = ""
    default:
      let code = WSOACommand.exitCode(for: error)
      if code == .success {
        status = 0
        message = WSOACommand.fullMessage(for: error)
        isForStandardOutput = true
      } else if code == .validationFailure {
        status = ExitStatus.usage.rawValue
        // ArgumentParser starts with "Error: "; every wsoa error line starts "wsoa: error: ".
        message = WSOACommand.fullMessage(for: error)
        if message.hasPrefix("Error: ") { message = Failure.line(location: nil, String(message.dropFirst(7))) }
      } else {
        status = ExitStatus.software.rawValue
        message = "wsoa: internal error: \(error)\nThis is a bug in wsoa; please report it with the command you ran."
      }
    }
    if !message.isEmpty, !message.hasSuffix("\n") { message += "\n" }
  }

  /// `wsoa: <location>: error: <reason>` for a message about `file`: a
  /// message that starts with the file's own location (`f.csv:3 (B3): …`,
  /// `f.csv: no such file`) gives that location; any other is about `file`.
  static func line(file: String, _ message: String) -> String {
    if message.hasPrefix(file), let colon = message.dropFirst(file.count).firstRange(of: ": ") {
      return line(location: String(message[..<colon.lowerBound]), String(message[colon.upperBound...]))
    }
    return line(location: file, message)
  }

  /// `wsoa: <location>: error: <reason>`, with `error` coloured on a terminal.
  static func line(location: String?, _ reason: String) -> String {
    "wsoa: " + (location.map { "\($0): " } ?? "") + Colour.paint("error", .red, enabled: Colour.onStandardError) + ": " + reason
  }
}
