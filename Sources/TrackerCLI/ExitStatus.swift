/// The exit codes every `wsoa` command uses (sysexits.h values where one fits).
///
/// | code | meaning |
/// |---|---|
/// | 0 | success (warnings allowed unless `--strict`) |
/// | 1 | the input has error-level findings (or, for merge, unresolved conflicts; for diff, the trackers differ) |
/// | 64 | usage: bad flags or arguments |
/// | 65 | an input is unreadable or malformed |
/// | 66 | an input is missing |
/// | 70 | internal error (a bug in wsoa) |
/// | 73 | an output cannot be written |
public enum ExitStatus: Int32, Sendable, CaseIterable {
  /// Success.
  case success = 0
  /// The input has error-level findings.
  case findings = 1
  /// Bad flags or arguments (`EX_USAGE`).
  case usage = 64
  /// An input is unreadable or malformed (`EX_DATAERR`).
  case dataError = 65
  /// An input is missing (`EX_NOINPUT`).
  case noInput = 66
  /// Internal error (`EX_SOFTWARE`).
  case software = 70
  /// An output cannot be written (`EX_CANTCREAT`).
  case cannotCreate = 73

  /// The more serious of two statuses, for a run over several files: a
  /// missing input beats an unreadable one, which beats an unwritable
  /// output, which beats failing findings, which beat success (so the exit
  /// status of a batch is that of its worst file).
  public static func worse(_ a: ExitStatus, _ b: ExitStatus) -> ExitStatus {
    let order: [ExitStatus] = [.usage, .software, .noInput, .dataError, .cannotCreate, .findings, .success]
    return (order.firstIndex(of: a) ?? order.count) <= (order.firstIndex(of: b) ?? order.count) ? a : b
  }

  /// The help text's table of exit codes.
  public static let helpText = """
    Exit codes:
      0   success (warnings allowed unless --strict)
      1   the input has error-level findings (merge: conflicts left unresolved;
          diff: the trackers differ)
      64  usage error (bad flags or arguments)
      65  an input is unreadable or malformed
      66  an input is missing
      70  internal error (a bug in wsoa; please report it)
      73  an output cannot be written
    """
}
