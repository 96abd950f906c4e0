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
      Each finding has a stable code, a severity, the cell and a fix (--list-rules lists them all). \
      Settings come from --config, else a wsoa.toml beside each input (see the README), else the defaults; \
      command-line flags win. With several files each is checked on its own and a table of counts follows. \
      --annotate OUT.xlsx (one input) also writes the cleaned tracker with the cells that have findings outlined \
      and a Findings sheet linking to them.

      Exit codes: 0 no errors (and no warnings with --strict); 1 findings fail a file; \
      65 a file is unreadable or its config is wrong; 66 a file is missing; \
      73 an output cannot be written; 64 usage.
      """)
  )

  @Argument(help: "Tracker files (XLSX, CSV, TSV, wsoa/1 JSON); - reads standard input.")
  var files: [String] = []

  @OptionGroup var input: InputOptions

  @Option(help: "Report format: text or json.")
  var format: ReportFormat = .text

  @Flag(inversion: .prefixedNo, help: "Fail on warnings too (overrides the config's strict).")
  var strict: Bool? = nil

  @Option(name: .customLong("as-of"), help: "The date to judge overdue actions and future notes against (yyyy-mm-dd).")
  var asOf: String? = nil

  @Option(help: "A config file for every input (default: wsoa.toml beside each input).")
  var config: String? = nil

  @Flag(name: .customLong("no-config"), help: "Ignore wsoa.toml files beside the inputs.")
  var noConfig = false

  @Option(name: .customLong("mixed-status"), help: "How to read X/Y codes: moving-towards or between.")
  var mixedStatus: MixedReadingChoice? = nil

  @Option(name: .customLong("disable"), help: "Switch a finding code off (repeatable).")
  var disabled: [String] = []

  @Option(name: .customLong("severity"), help: "Re-grade a code: CODE=error|warning|info (repeatable).")
  var regrades: [String] = []

  @Option(name: [.short, .customLong("output")], help: "Write the report to a file instead of standard output.")
  var output: String? = nil

  @Option(
    name: .customLong("annotate"), help: ArgumentHelp(
      "Also write the cleaned tracker with its findings outlined and a Findings sheet (one input).",
      valueName: "out.xlsx"))
  var annotate: String? = nil

  @OptionGroup var colorOptions: ColorOptions

  @Flag(name: .customLong("list-rules"), help: "List every finding code with its severity and fix, then exit.")
  var listRules = false

  func validate() throws {
    if !listRules && files.isEmpty { throw ValidationError("Give at least one tracker file.") }
    if let asOf, ValidationConfig.isoDate(asOf) == nil {
      throw ValidationError("--as-of \"\(asOf)\" is not a date like 2022-01-31.")
    }
    if config != nil && noConfig { throw ValidationError("--config and --no-config cannot be used together.") }
    try InputProtection.check(output, flag: "-o", inputs: files)
    if files.filter({ $0 == InputOptions.standardInputArgument }).count > 1 {
      throw ValidationError("- (standard input) can be given once only.")
    }
    if let annotate { try AnnotateOutput.check(annotate, inputs: files, report: output) }
    _ = try policy()
  }

  func run() throws {
    colorOptions.apply()
    if listRules {
      print(ValidateTextReport.catalogue(), terminator: "")
      return
    }
    let settings = ValidationSettings(
      asOf: asOf.flatMap(ValidationConfig.isoDate), today: Self.today(), configPath: config,
      discoversConfig: !noConfig, mixedStatusReading: mixedStatus?.reading, strict: strict, policy: try policy())
    let loader = TrackerValidation.loader(
      options: LoadOptions(format: input.from?.format, delimiter: input.delimiter.delimiter),
      standardInput: try InputOptions.standardInput(for: files))
    let verdicts = TrackerValidation.validate(
      files: files.map(InputOptions.displayName), settings: settings, loader: loader)
    try PhaseTimer.measure("write") {
      switch format {
      case .text:
        // A report file is not a terminal: only --color always colours it.
        let useColour = output == nil ? Colour.onStandardOutput : Colour.choice == .always
        let text = ValidateTextReport(colour: useColour).render(verdicts)
        try ReportOutput.write(to: output) { $0.write(text) }
      case .json:
        try ReportOutput.write(to: output) { sink in
          ValidationReportJSON.write(verdicts, asOf: settings.asOf, tool: "wsoa \(WSOACommand.version)", to: sink)
        }
      }
    }
    var status = Self.exitStatus(verdicts)
    if let annotate, let verdict = verdicts.first {
      status = AnnotateOutput.worse(status, AnnotateOutput.write(verdict, to: annotate))
    }
    if status != .success { throw ExitCode(status.rawValue) }
  }

  /// Missing beats unreadable beats failing findings.
  static func exitStatus(_ verdicts: [FileValidation]) -> ExitStatus {
    if verdicts.contains(where: { if case .missing = $0.failure { true } else { false } }) { return .noInput }
    if verdicts.contains(where: { $0.failure != nil }) { return .dataError }
    if verdicts.contains(where: { !$0.passes }) { return .findings }
    return .success
  }

  private func policy() throws -> FindingPolicy {
    var policy = FindingPolicy()
    for code in disabled {
      guard RuleCatalogue.info(code) != nil else { throw ValidationError("--disable: unknown code \"\(code)\" (see --list-rules).") }
      policy.disable(code)
    }
    for item in regrades {
      let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, RuleCatalogue.info(parts[0]) != nil else {
        throw ValidationError("--severity \"\(item)\": expected CODE=error|warning|info with a known code.")
      }
      switch parts[1] {
      case "error": policy.regrade(parts[0], to: .error)
      case "warning": policy.regrade(parts[0], to: .warning)
      case "info": policy.regrade(parts[0], to: .info)
      case "off": policy.disable(parts[0])
      default: throw ValidationError("--severity \"\(item)\": the level must be error, warning, info or off.")
      }
    }
    return policy
  }

  /// Today's date in UTC (the only clock read; tests pass --as-of).
  static func today() -> CivilDate {
    let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
    return CivilDate.fromDaysSinceEpoch(days)
  }
}

/// `--format`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

/// `--mixed-status`.
enum MixedReadingChoice: String, ExpressibleByArgument, CaseIterable {
  case movingTowards = "moving-towards"
  case between

  var reading: MixedStatusReading { self == .between ? .between : .movingTowards }
}
