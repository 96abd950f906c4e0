import ArgumentParser
import AtomicOutput
import TrackerKit
import TrackerModel

/// `wsoa report`: one self-contained HTML file a board can read.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write a board report: one self-contained HTML file (statuses, changes, what needs attention).",
    discussion: HelpText.reflow(
      """
      The report has the counts per status at the latest review and the change since the previous one \
      (or since --since, an earlier version of the trackers), a heatmap of actions by review period \
      grouped by priority and focus area (each cell's tooltip gives that period's notes), a stacked bar \
      per priority and period, what changed, what needs attention (overdue, regressions, red without a note, \
      stalled: the rules validate applies, with the cell), the findings and the sources. \
      It has no script and loads nothing from the network; it prints on A4 landscape. \
      The same inputs give the same bytes: overdue actions are judged at --as-of, else the tracker's \
      as-at date, else its latest review, never today's date.

      Examples:
        wsoa report tracker.xlsx -o report.html
        wsoa report merged.xlsx --since last-cycle.xlsx -o board.html

      \(ExitStatus.helpText)
      """)
  )

  @Argument(help: "Tracker files (XLSX, CSV, TSV, wsoa/1 JSON); - reads standard input.")
  var files: [String] = []

  @Option(
    name: .customLong("since"),
    help: ArgumentHelp(
      "An earlier version to compare with (repeatable: one per tracker, in the same order).", valueName: "previous"))
  var since: [String] = []

  @Option(name: [.short, .customLong("output")], help: "The HTML file to write (default, or -: standard output).")
  var output: String? = nil

  @Option(name: .customLong("as-of"), help: "The date to judge overdue actions against (yyyy-mm-dd).")
  var asOf: String? = nil

  @Option(name: .customLong("mixed-status"), help: "How to read X/Y codes: moving-towards or between.")
  var mixedStatus: MixedReadingChoice? = nil

  @OptionGroup var input: InputOptions

  @OptionGroup var configOptions: ConfigOptions

  @OptionGroup var reporting: ReportingOptions

  func validate() throws {
    if files.isEmpty { throw ValidationError("Give at least one tracker file.") }
    if !since.isEmpty && since.count != files.count {
      throw ValidationError("--since: give one earlier version per tracker (\(files.count)), in the same order.")
    }
    if let asOf, TrackerConfig.isoDate(asOf) == nil {
      throw ValidationError("--as-of \"\(asOf)\" is not a date like 2022-01-31.")
    }
    try InputProtection.check(output, flag: "-o", inputs: files + since)
    if (files + since).filter({ $0 == InputOptions.standardInputArgument }).count > 1 {
      throw ValidationError("- (standard input) can be given once only.")
    }
  }

  func run() throws {
    reporting.apply()
    // Only the rules the attention list needs run (the findings section says
    // which were left out): the others are most of validate's time on a large tracker.
    var policy = try configOptions.policy()
    let leftOut = BoardReport.codesNotNeeded.filter(policy.isEnabled)
    for code in leftOut { policy.disable(code) }
    // No clock: a date far ahead stands for "today", so only the tracker's
    // own dates (or --as-of) decide what is overdue or in the future.
    let settings = ValidationSettings(
      asOf: asOf.flatMap(TrackerConfig.isoDate), today: CivilDate(year: 9999, month: 12, day: 31),
      configPath: configOptions.config, discoversConfig: !configOptions.noConfig, mixedStatusReading: mixedStatus?.reading,
      policy: policy)
    let loader = TrackerValidation.loader(
      options: LoadOptions(format: input.from?.format, delimiter: input.delimiter.delimiter),
      standardInput: try InputOptions.standardInput(for: files + since))
    // What each file holds is reported as every command reports it (RunReport); the HTML is the output.
    let run = RunReport(reporting.style, files: files.count + since.count)
    let current = try Self.read(files, settings: settings, loader: loader, run: run)
    let previous = try Self.read(since, settings: settings, loader: loader, run: run)
    run.finish()
    let mixed = mixedStatus?.reading
    var report = PhaseTimer.measure("model") {
      BoardReport(
        trackers: ReportTracker.trackers(current, mixed: mixed), baseline: ReportTracker.trackers(previous, mixed: mixed))
    }
    report.rulesLeftOut = leftOut
    try PhaseTimer.measure("write") { try ReportOutput.write(to: output) { BoardReportHTML(report).write(to: $0) } }
    KeptUntilExit.keep(report)
  }

  /// Validates each file, reporting its findings through `run`; the first
  /// that cannot be read stops the report (66 when missing, 65 when
  /// unreadable or its config is wrong).
  static func read(_ files: [String], settings: ValidationSettings, loader: @escaping TrackerValidation.Loader, run: RunReport)
    throws -> [FileValidation]
  {
    var verdicts: [FileValidation] = []
    for file in files.map(InputOptions.displayName) {
      run.starting(file, index: run.verdicts.count)
      let verdict = TrackerValidation.validate(file: file, settings: settings, loader: loader)
      // The attention rules' findings are the report's content (the HTML lists them with
      // their cells): on the terminal only what reading found is shown, as convert shows it,
      // not a line for each of a large tracker's hundred thousand regressions.
      var shown = verdict
      shown.plan = nil
      shown.findings = verdict.findings.filter { RuleCatalogue.info($0.code)?.source != .rule }
      run.finished(shown)
      if verdict.failure != nil { throw ExitCode(run.finish().rawValue) }
      verdicts.append(verdict)
    }
    return verdicts
  }
}
