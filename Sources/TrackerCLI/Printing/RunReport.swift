import AtomicOutput
import Diagnostics
import TrackerKit

/// What every command says about its run on standard error, the same way:
///
/// - **progress** while a batch (two or more files) runs, `[2/5] file`, only
///   when standard error is a terminal and not with `--quiet`; erased before
///   anything else is written, so it never lands in a log;
/// - **findings** of each file: with `--format text` as `FindingLines` as the
///   file is done (unless the command prints its own report), with
///   `--format json` one `wsoa-validate/1` document once all are done;
/// - **errors** about the run (`wsoa: FILE: error: …`, see `Failure.line`): the
///   file is recorded as not read and the others go on;
/// - the **closing tally** (`wsoa: 3 files (1 not read), 2 errors, 5 warnings, 0.42 s`)
///   after two or more files, or one with `--verbose`; never with `--quiet` or
///   `--format json` (the document has the counts);
/// - the **exit status**: the worst of every file's (`ExitStatus.worse`).
final class RunReport {
  let options: ReportStyle
  /// How many files the run will do (for progress and the tally).
  let total: Int
  /// Every file's verdict so far, in the order done.
  private(set) var verdicts: [FileValidation] = []
  /// The worst status so far.
  private(set) var status: ExitStatus = .success
  private let started = ContinuousClock.now
  private let showsProgress: Bool
  /// The length of the progress line on screen (0: none).
  private var progressWidth = 0

  init(_ options: ReportStyle, files total: Int) {
    self.options = options
    self.total = total
    showsProgress = total > 1 && !options.quiet && FileProbe.isTerminal(2)
  }

  /// Shows progress before file number `index` (0-based) is done.
  func starting(_ file: String, index: Int) {
    guard showsProgress else { return }
    clearProgress()
    let line = "[\(index + 1)/\(total)] \(file)"
    StandardError.write(line)
    progressWidth = line.count
  }

  /// Writes `text` on standard error, erasing the progress line first.
  func write(_ text: String) {
    guard !text.isEmpty else { return }
    clearProgress()
    StandardError.write(text)
  }

  /// Writes `findings` on standard error as `FindingLines` (info left out
  /// with `--quiet`; `file` for those without a location), erasing the
  /// progress line first. The lines go out through one buffer a finding at
  /// a time, as validate's report does, so the findings of a large tracker
  /// are never built into one string.
  func writeFindings(_ findings: [Diagnostic], file: String) {
    guard findings.contains(where: { !(options.quiet && $0.severity == .info) }) else { return }
    clearProgress()
    StandardError.writing { sink in
      FindingLines.write(findings, quiet: options.quiet, colour: Colour.onStandardError, file: file) { sink.write($0) }
    }
  }

  /// Records a file's verdict. One that was read: prints its findings (text
  /// format, unless `printsFindings` is false because the command has its own
  /// report) and `done` with `--verbose`; raises the status to `.findings`
  /// when it fails. One that was not (`verdict.failure`): prints the error
  /// line and raises the status to 66 (missing) or 65.
  func finished(_ verdict: FileValidation, printsFindings: Bool = true, done: String? = nil) {
    if let failure = verdict.failure {
      if case .missing = failure { record(verdict, failure.message, .noInput) } else { record(verdict, failure.message, .dataError) }
      return
    }
    verdicts.append(verdict)
    if options.format == .text, printsFindings { writeFindings(verdict.findings, file: verdict.file) }
    if options.verbose, options.format == .text, let done { write("wsoa: \(done)\n") }
    if !verdict.passes { raise(.findings) }
  }

  /// Records a file that could not be read (or whose output could not be
  /// written): prints `wsoa: FILE: error: MESSAGE` (text format) and raises
  /// the status to `status`.
  func failed(_ file: String, _ message: String, status: ExitStatus, findings: [Diagnostic] = []) {
    let failure: FileValidation.Failure = status == .noInput ? .missing(message) : .unreadable(message)
    record(FileValidation(file: file, findings: findings, failure: failure), message, status)
  }

  private func record(_ verdict: FileValidation, _ message: String, _ status: ExitStatus) {
    verdicts.append(verdict)
    if options.format == .text { write(Failure.line(file: verdict.file, message) + "\n") }
    raise(status)
  }

  /// Makes the exit status at least as bad as `status`.
  func raise(_ status: ExitStatus) { self.status = ExitStatus.worse(self.status, status) }

  /// Ends the run: the JSON document (`--format json`, unless the command
  /// writes it elsewhere) or the tally; returns the exit status.
  @discardableResult
  func finish(writesJSON: Bool = true) -> ExitStatus {
    clearProgress()
    if options.format == .json {
      if writesJSON {
        StandardError.writing { sink in
          ValidationReportJSON.write(verdicts, asOf: nil, tool: "wsoa \(WSOACommand.version)", to: sink)
        }
      }
    } else if !options.quiet, verdicts.count > 1 || options.verbose {
      StandardError.write("wsoa: " + tally() + "\n")
    }
    return status
  }

  /// `3 files (1 not read), 2 errors, 5 warnings, 0.42 s`.
  func tally() -> String {
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    let unread = verdicts.filter { $0.failure != nil }.count
    let errors = verdicts.reduce(0) { $0 + $1.count(.error) }
    let warnings = verdicts.reduce(0) { $0 + $1.count(.warning) }
    let (seconds, attoseconds) = (ContinuousClock.now - started).components
    let hundredths = Int(seconds) * 100 + Int(attoseconds / 10_000_000_000_000_000)
    let time = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100) s"
    return plural(verdicts.count, "file") + (unread > 0 ? " (\(unread) not read)" : "") + ", "
      + plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + time
  }

  private func clearProgress() {
    // Spaces over the line rather than an escape sequence, so a dumb
    // terminal (or NO_COLOR) gets no control codes but carriage returns.
    if progressWidth > 0 {
      StandardError.write("\r" + String(repeating: " ", count: progressWidth) + "\r")
      progressWidth = 0
    }
  }
}
