import ArgumentParser
import AtomicOutput
import Diagnostics
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import TrackerKit
import TrackerModel

/// `wsoa validate`: check trackers against the rule catalogue and say what
/// is wrong, where, and how to fix it.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check trackers: errors, warnings a reviewer must act on, and the readings applied.",
    discussion: HelpText.reflow(
      """
      Each finding has a stable code, a severity, the cell and a fix (`wsoa rules` lists them all). \
      Settings come from --config, else a wsoa.toml beside each input (see the README), else the defaults; \
      command-line flags win. With several files or a folder each is checked on its own and a table of counts \
      follows; a file that cannot be read is reported and the others are still checked. \
      --annotate OUT.xlsx (one input) also writes the cleaned tracker with the cells that have findings outlined \
      and a Findings sheet linking to them.

      Exit codes: 0 no errors (and no warnings with --strict); 1 findings fail a file; \
      65 a file is unreadable or its config is wrong; 66 a file is missing; \
      73 an output cannot be written; 64 usage.
      """)
  )

  @Argument(help: "Tracker files or folders (XLSX, CSV, TSV, wsoa/1 JSON); - reads standard input.")
  var files: [String] = []

  @OptionGroup var input: InputOptions

  @Flag(inversion: .prefixedNo, help: "Fail on warnings too (overrides the config's strict).")
  var strict: Bool? = nil

  @Option(name: .customLong("as-of"), help: "The date to judge overdue actions and future notes against (yyyy-mm-dd).")
  var asOf: String? = nil

  @OptionGroup var configOptions: ConfigOptions

  @Option(name: .customLong("mixed-status"), help: "How to read X/Y codes: moving-towards or between.")
  var mixedStatus: MixedReadingChoice? = nil

  @Option(name: [.short, .customLong("output")], help: "Write the report to a file instead of standard output.")
  var output: String? = nil

  @Option(
    name: .customLong("annotate"), help: ArgumentHelp(
      "Also write the cleaned tracker with its findings outlined and a Findings sheet (one input).",
      valueName: "out.xlsx"))
  var annotate: String? = nil

  @OptionGroup var reporting: ReportingOptions

  @Flag(name: .customLong("list-rules"), help: "The same as `wsoa rules`: list every finding code with its severity and fix, then exit.")
  var listRules = false

  func validate() throws {
    if !listRules && files.isEmpty { throw ValidationError("Give at least one tracker file.") }
    if let asOf, TrackerConfig.isoDate(asOf) == nil {
      throw ValidationError("--as-of \"\(asOf)\" is not a date like 2022-01-31.")
    }
    try InputProtection.check(output, flag: "-o", inputs: files)
    if files.filter({ $0 == InputOptions.standardInputArgument }).count > 1 {
      throw ValidationError("- (standard input) can be given once only.")
    }
    if let annotate { try AnnotateOutput.check(annotate, inputs: BatchInputs.expand(files).files, report: output) }
  }

  func run() throws {
    reporting.apply()
    if listRules {
      try RulesCommand.print(reporting.format == .json ? .json : .text)
      return
    }
    let settings = ValidationSettings(
      asOf: asOf.flatMap(TrackerConfig.isoDate), today: Self.today(), configPath: configOptions.config,
      discoversConfig: !configOptions.noConfig, mixedStatusReading: mixedStatus?.reading, strict: strict,
      policy: try configOptions.policy())
    let files = BatchInputs.expand(self.files).files
    let loader = TrackerValidation.loader(
      options: LoadOptions(format: input.from?.format, delimiter: input.delimiter.delimiter),
      standardInput: try InputOptions.standardInput(for: files))
    // The report (text or JSON) is validate's output; RunReport shows
    // progress, the errors about files it could not check, and the tally.
    let run = RunReport(reporting.style, files: files.count)
    var verdicts: [FileValidation] = []
    for (n, file) in files.enumerated() {
      run.starting(file, index: n)
      let verdict = TrackerValidation.validate(file: InputOptions.displayName(file), settings: settings, loader: loader)
      run.finished(verdict, printsFindings: false)
      verdicts.append(verdict)
    }
    try PhaseTimer.measure("write") {
      switch reporting.format {
      case .text:
        // A report file is not a terminal: only --color always colours it.
        let useColour = output == nil ? Colour.onStandardOutput : Colour.choice == .always
        let shown = reporting.quiet ? verdicts.map(Self.withoutInfo) : verdicts
        try ReportOutput.write(to: output) { sink in ValidateTextReport(colour: useColour).write(shown) { sink.write($0) } }
      case .json:
        try ReportOutput.write(to: output) { sink in
          ValidationReportJSON.write(verdicts, asOf: settings.asOf, tool: "wsoa \(WSOACommand.version)", to: sink)
        }
      }
    }
    var status = ExitStatus.worse(run.finish(writesJSON: false), Self.exitStatus(verdicts))
    if let annotate, let verdict = verdicts.first {
      status = ExitStatus.worse(
        status, AnnotateOutput.write(verdict, to: annotate, policy: settings.policy, quiet: reporting.quiet))
    }
    // Freeing the plans and findings of a 100,000-action tracker costs a
    // tenth of a second the process gets back for free at exit.
    KeptUntilExit.keep(verdicts)
    if status != .success { throw ExitCode(status.rawValue) }
  }


  /// `verdict` without its info findings: with `--quiet` the report lists and counts errors and warnings only.
  static func withoutInfo(_ verdict: FileValidation) -> FileValidation {
    var verdict = verdict
    verdict.findings.removeAll { $0.severity == .info }
    return verdict
  }

  /// Missing beats unreadable beats failing findings.
  static func exitStatus(_ verdicts: [FileValidation]) -> ExitStatus {
    if verdicts.contains(where: { if case .missing = $0.failure { true } else { false } }) { return .noInput }
    if verdicts.contains(where: { $0.failure != nil }) { return .dataError }
    if verdicts.contains(where: { !$0.passes }) { return .findings }
    return .success
  }

  /// Today's date in UTC (the only clock read; tests pass --as-of).
  static func today() -> CivilDate {
    let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
    return CivilDate.fromDaysSinceEpoch(days)
  }
}

/// `--mixed-status`.
enum MixedReadingChoice: String, ExpressibleByArgument, CaseIterable {
  case movingTowards = "moving-towards"
  case between

  var reading: MixedStatusReading { self == .between ? .between : .movingTowards }
}
