import ArgumentParser
import Diagnostics
import TrackerKit
import TrackerModel

/// `wsoa merge`: fold sub-group returns into the master tracker, with every
/// conflict and every change accounted for.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Fold sub-group returns into the master tracker; report every change and conflict.",
    discussion: HelpText.reflow(
      """
      Each input (XLSX, CSV, TSV or wsoa/1 JSON, in any mix) is read into the canonical model first. \
      Actions match by reference (1.1 never equals 1.10), periods by date range (Dec-21 = December 2021). \
      A return's sub-group comes from --sub-group, else its file name (a sub-group the master names, or \
      an alias such as GR, EHCP, SIPG), else its sub-group column when every row names the same group. \
      Returns are applied in sub-group, then file-name order, so the output does not depend on the order \
      given.

      A conflict keeps the master's value unless --prefer return; notes are appended, evidence \
      unioned; lead, wording and due-date changes are reported and kept from the master unless \
      accepted. Inputs are never modified; outputs are written atomically. The master's wsoa.toml (or \
      --config) applies to every input: status and header words, [rules], and [merge] preferences.

      Exit codes: 0 merged cleanly; 1 merged, but some conflicts are unresolved (the master's value \
      was kept and the output still written; rerun with --prefer master or --prefer return); 64 usage; \
      65 an input is unreadable or the config is wrong; 66 an input is missing; 73 an output cannot be written.
      """)
  )

  @Argument(help: "The master tracker, then one or more returns; - reads one of them from standard input.")
  var files: [String] = []

  @OptionGroup var input: InputOptions

  @Option(name: [.short, .customLong("output")], help: "The merged tracker (.xlsx, .csv, .tsv or .json; - for JSON on standard output).")
  var output: String

  @Option(help: "Output format when the file name does not say (json, csv, tsv, xlsx).")
  var to: MergeOutputChoice? = nil

  @Option(help: "Also write the merge report as JSON (schemas/merge-report.schema.json).")
  var report: String? = nil

  @Option(help: "Which side wins a status conflict: master or return (without it, conflicts keep the master's value and are unresolved).")
  var prefer: MergePreferenceChoice? = nil

  @Flag(name: .customLong("accept-leads"), help: "Take the returns' lead changes.")
  var acceptLeads = false

  @Flag(name: .customLong("accept-text"), help: "Take the returns' changes to action wording.")
  var acceptText = false

  @Flag(name: .customLong("accept-due"), help: "Take the returns' due-date changes.")
  var acceptDue = false

  @Option(name: .customLong("sub-group"), help: "The sub-group that sent a return: NAME (one return) or FILE=NAME (repeatable).")
  var subGroups: [String] = []

  @Flag(help: "Print only the counts, not each change and conflict.")
  var quiet = false

  @OptionGroup var configOptions: ConfigOptions

  var master: String { files[0] }
  var returns: [String] { Array(files.dropFirst()) }

  func validate() throws {
    guard files.count >= 2 else { throw ValidationError("Give the master tracker and at least one return.") }
    if files.filter({ $0 == InputOptions.standardInputArgument }).count > 1 {
      throw ValidationError("- (standard input) can be given once only.")
    }
    guard let format = to?.format ?? MergeOutputFormat.from(path: output) else {
      throw ValidationError("Cannot tell the output format from \"\(output)\"; name it .xlsx, .csv, .tsv or .json, or give --to.")
    }
    if output == "-", format == .xlsx { throw ValidationError("XLSX cannot go to standard output; give a file name.") }
    if let report, report == output, report != "-" { throw ValidationError("--report and -o name the same file.") }
    if report == "-", output == "-" { throw ValidationError("--report - and -o - would both use standard output.") }
    try InputProtection.check(output, flag: "-o", inputs: files)
    try InputProtection.check(report, flag: "--report", inputs: files)
    do {
      _ = try MergeSubGroupFlags(subGroups, returns: returns)
    } catch {
      throw ValidationError(error.description)
    }
  }

  @OptionGroup var colorOptions: ColorOptions

  func run() throws {
    colorOptions.apply()
    // The master's wsoa.toml (or --config) governs the whole merge; flags win.
    let config: TrackerConfig
    do {
      config = try configOptions.choice().config(for: self.master)
    } catch let error as ConfigError {
      Self.printError(error.description)
      throw ExitCode(ExitStatus.dataError.rawValue)
    }
    let policy = config.policy(overriddenBy: try configOptions.policy())
    var options = MergeOptions(
      prefer: prefer?.preference ?? config.prefer, acceptLeads: acceptLeads || config.acceptLeads == true,
      acceptText: acceptText || config.acceptText == true, acceptDue: acceptDue || config.acceptDue == true)
    options.subGroupAliases = SubGroupAliases(config.subGroupAliases)
    let format = to?.format ?? MergeOutputFormat.from(path: output) ?? .json
    let standardInput = try InputOptions.standardInput(for: files)
    let load = LoadOptions(format: input.from?.format, delimiter: input.delimiter.delimiter)
    let master = InputOptions.displayName(self.master)
    let run: MergeRunner.Run
    do {
      run = try MergeRunner.merge(
        MergeJob(
          master: self.master, returns: returns, subGroupFlags: subGroups, options: options, load: load,
          standardInput: standardInput, config: config, policy: policy))
      try MergeRunner.write(run, to: output, format: format)
    } catch {
      Self.printError(error.description)
      throw ExitCode(Self.exitStatus(for: error).rawValue)
    }
    let status: ExitStatus = run.result.hasUnresolvedConflicts ? .findings : .success
    if let report {
      let document = MergeReportDocument(
        result: run.result, options: options, master: master, output: output, tool: "wsoa \(WSOACommand.version)",
        exitStatus: Int(status.rawValue))
      do {
        try MergeRunner.writeReport(document, to: report)
      } catch {
        Self.printError(error.description)
        throw ExitCode(ExitStatus.cannotCreate.rawValue)
      }
    }
    var text = ""
    for diagnostic in run.loadDiagnostics {
      text += "\(diagnostic.location.map { "\($0): " } ?? "")error[\(diagnostic.code)]: \(diagnostic.message)\n"
    }
    var shown = run.result
    if quiet { shown.diagnostics = [] }
    text += MergeTextReport.render(shown, master: master, output: output)
    StandardError.write(text)
    if status != .success { throw ExitCode(status.rawValue) }
  }

  static func exitStatus(for error: MergeRunError) -> ExitStatus {
    switch error {
    case .missing: .noInput
    case .unreadable: .dataError
    case .usage: .usage
    case .cannotWrite: .cannotCreate
    }
  }

  static func printError(_ message: String) {
    StandardError.write("wsoa merge: \(Colour.paint("error", .red, enabled: Colour.onStandardError)): \(message)\n")
  }
}

/// `--prefer`.
enum MergePreferenceChoice: String, ExpressibleByArgument, CaseIterable {
  case master
  case `return`

  var preference: MergePreference { self == .master ? .master : .return }
}

/// `--to` for merge.
enum MergeOutputChoice: String, ExpressibleByArgument, CaseIterable {
  case json, csv, tsv, xlsx

  var format: MergeOutputFormat { MergeOutputFormat(rawValue: rawValue) ?? .json }
}
