import ArgumentParser
import AtomicOutput
import Diagnostics
import TrackerKit
import TrackerModel

/// `wsoa diff`: what changed between two versions of a tracker, matched as
/// merge matches (actions by key, periods by date), for a person or a dashboard.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show what changed between two versions of a tracker.",
    discussion: HelpText.reflow(
      """
      Both files (XLSX, CSV, TSV or wsoa/1 JSON, in any mix) are read into the canonical model, then \
      compared as merge matches them: actions by priority and reference (1.1 never equals 1.10; rows \
      without a reference by their exact wording), periods by date range (Dec-21 = December 2021). \
      It lists periods and actions added or removed, each priority's overall status and wording changes, \
      and for each action the status changes per period \
      (improved or slipped on the scale red < amber < green < complete < blue, as the new tracker's key \
      ranks it: G is complete where the key says Green = Completed; a new period's status is \
      measured from the one before it), notes added, edited or removed, evidence added or removed, and \
      changes to its wording, leads, due date and other fields. Text is for a person; --format json \
      (schemas/diff.schema.json) is for a dashboard. The same two files always give the same output. \
      What reading each file found is printed on standard error as on every command (-q, -v, --format).

      Exit codes: 0 the trackers are the same; 1 they differ (as diff(1)); 64 usage; \
      65 a file is unreadable; 66 a file is missing; 73 the output cannot be written.
      """)
  )

  @Argument(help: "The earlier version of the tracker; - reads standard input.")
  var old: String

  @Argument(help: "The later version of the tracker; - reads standard input.")
  var new: String

  @OptionGroup var input: InputOptions

  @Option(name: [.short, .customLong("output")], help: "Write the changes to a file instead of standard output (-).")
  var output: String? = nil

  @OptionGroup var reporting: ReportingOptions

  func validate() throws {
    if old == InputOptions.standardInputArgument, new == InputOptions.standardInputArgument {
      throw ValidationError("- (standard input) can be given once only.")
    }
    try InputProtection.check(output, flag: "-o", inputs: [old, new])
  }

  func run() throws {
    reporting.apply()
    let standardInput = try InputOptions.standardInput(for: [old, new])
    let options = LoadOptions(format: input.from?.format, delimiter: input.delimiter.delimiter)
    // What reading found is reported as every command reports it (RunReport);
    // the changes are diff's output.
    let run = RunReport(reporting.style, files: 2)
    let before = try Self.load(old, options: options, standardInput: standardInput, run: run)
    let after = try Self.load(new, options: options, standardInput: standardInput, run: run)
    run.finish()
    // Both plans are freed by the exit, not one value at a time.
    KeptUntilExit.keep((before, after))
    let diff = PlanDiff(old: before, new: after)
    let names = (InputOptions.displayName(old), InputOptions.displayName(new))
    switch reporting.format {
    case .text:
      // A file is not a terminal: only --color always colours it.
      let colour = output == nil ? Colour.onStandardOutput : Colour.choice == .always
      let text = DiffTextReport(colour: colour).render(diff, old: names.0, new: names.1)
      try ReportOutput.write(to: output) { $0.write(text) }
    case .json:
      try ReportOutput.write(to: output) { sink in
        DiffReportJSON.write(diff, old: names.0, new: names.1, tool: "wsoa \(WSOACommand.version)", to: sink)
      }
    }
    if !diff.isEmpty { throw ExitCode(ExitStatus.findings.rawValue) }
  }

  /// Reads one tracker as `convert` does (with the header, period and status
  /// words of a `wsoa.toml` beside it, so the council's words rank as report
  /// and validate rank them), reporting its findings through `run`. Missing and unreadable files, and files with no
  /// action table (as for merge), throw `InputError`, which `Failure` turns
  /// into 66 and 65.
  static func load(_ argument: String, options: LoadOptions, standardInput: InputSource?, run: RunReport) throws -> Plan {
    let source = argument == InputOptions.standardInputArgument ? standardInput ?? .file(argument) : .file(argument)
    do {
      var config = TrackerConfig()
      if case .file(let path) = source.content { config = try TrackerConfig.resolve(for: path, explicit: nil) }
      var (format, outcome) = try TrackerLoader.loadDetected(source, options: config.loadOptions(options))
      outcome = config.applied(to: outcome, policy: config.policy)
      // A file with no action table at all is not a tracker: every action would read as removed.
      if outcome.value.actions.isEmpty, let problem = outcome.diagnostics.first(where: { $0.code == "layout.no_header" }) {
        throw InputError.malformed(location: problem.location ?? SourceLocation(file: source.name), reason: problem.message)
      }
      // What reading found bears on the comparison, so it is shown, as merge shows it
      // (a wsoa/1 document carries the findings made when it was written: they are not repeated).
      run.finished(FileValidation(file: source.name, findings: format == .trackerJSON ? [] : outcome.diagnostics))
      return outcome.value
    } catch let error as InputError {
      throw error
    } catch {
      let location = SourceLocation(file: source.name)
      // Most readers' errors start with the file's name already.
      var reason = "\(error)"
      if reason.hasPrefix(source.name + ": ") { reason.removeFirst(source.name.count + 2) }
      if TrackerLoader.isMissingInput(error) { throw InputError.missing(location: location, reason: reason) }
      throw InputError.unreadable(location: location, reason: reason)
    }
  }
}
