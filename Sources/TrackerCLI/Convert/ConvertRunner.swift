import Diagnostics
import TrackerKit
import TrackerModel

/// Runs the conversions one by one: a failing input is reported and the
/// others still convert. Findings, progress, errors and the tally go through
/// `RunReport`, as in every command.
struct ConvertRunner {
  let load: LoadOptions
  let write: WriteOptions
  let summary: Bool
  /// Which `wsoa.toml` each input uses, and the command line's policy.
  let config: ConfigChoice
  /// `--mixed-status`, which wins over the config's.
  let mixedStatus: MixedStatusReading?
  /// Standard input, read already, for the input `-`.
  let standardInput: InputSource?

  init(
    load: LoadOptions, write: WriteOptions, summary: Bool = false, config: ConfigChoice = ConfigChoice(),
    mixedStatus: MixedStatusReading? = nil, standardInput: InputSource? = nil
  ) {
    self.load = load
    self.write = write
    self.summary = summary
    self.config = config
    self.mixedStatus = mixedStatus
    self.standardInput = standardInput
  }

  /// Converts every item; returns the exit status (the worst file's, see
  /// `ExitStatus.worse`).
  func run(_ plan: ConvertPlan, style: ReportStyle) -> ExitStatus {
    let report = RunReport(style, files: plan.items.count)
    if let folder = plan.folder { FileProbe.makeDirectories(folder) }
    for (n, item) in plan.items.enumerated() {
      report.starting(item.input, index: n)
      convert(item, report)
    }
    return report.finish()
  }

  private func convert(_ item: ConvertPlan.Item, _ report: RunReport) {
    let source =
      item.input == InputOptions.standardInputArgument ? standardInput ?? .file(item.input) : .file(item.input)
    var outcome: Outcome<Plan>
    var writeOptions = write
    let format: InputFormat
    var policy = FindingPolicy()
    do {
      // The council's wsoa.toml (header words, status words, rules) reads
      // the tracker as `validate` and `merge` read it; its status words and
      // colours colour the cleaned XLSX.
      let settings = try config.config(for: item.input)
      (format, outcome) = try TrackerLoader.loadDetected(
        source, options: settings.loadOptions(load, mixedStatusFromCommandLine: mixedStatus))
      policy = settings.policy(overriddenBy: config.policy)
      outcome = settings.applied(to: outcome, policy: policy)
      writeOptions.palette = settings.palette
      writeOptions.statusWords = settings.vocabulary
    } catch {
      report.failed(source.name, "\(error)", status: Self.status(for: error))
      return
    }
    // A wsoa/1 document carries the findings made when it was written; they are kept, not repeated.
    var findings = format == .trackerJSON ? [] : outcome.diagnostics
    do {
      // What writing found (a sheet renamed in the XLSX) is reported with the reading's findings.
      findings += policy.apply(
        to: try PhaseTimer.measure("write") {
          try TrackerWriter.write(outcome.value, findings: outcome.diagnostics, to: item.output, options: writeOptions)
        })
    } catch {
      report.failed(item.output ?? "<stdout>", "\(error)", status: error is TrackerError ? .dataError : .cannotCreate, findings: findings)
      return
    }
    report.finished(FileValidation(file: source.name, findings: findings), done: "\(source.name) -> \(item.output ?? "<stdout>")")
    if summary {
      report.write(ConvertSummary.render(outcome.value, findings: outcome.diagnostics, input: source.name, output: item.output))
    }
    KeptUntilExit.keep(outcome.value)
  }

  /// Missing input or sheet 66, anything else unreadable 65 (as `Failure`).
  static func status(for error: any Error) -> ExitStatus {
    TrackerLoader.isMissingInput(error) ? .noInput : .dataError
  }
}
