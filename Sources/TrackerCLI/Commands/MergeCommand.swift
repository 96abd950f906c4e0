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

      A return that cannot be read is reported and the others are merged (exit 65 or 66). \
      Findings go to standard error as text, or with --format json as one JSON document.

      Exit codes: 0 merged cleanly; 1 merged, but some conflicts are unresolved (the master's value \
      was kept and the output still written; rerun with --prefer master or --prefer return); 64 usage; \
      65 an input is unreadable or the config is wrong; 66 an input is missing; 73 an output cannot be written.
      """)
  )

  @Argument(help: "The master tracker, then one or more returns or folders of returns; - reads one of them from standard input.")
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

  @OptionGroup var reporting: ReportingOptions

  @OptionGroup var configOptions: ConfigOptions

  var master: String { files[0] }
  /// The returns, folders expanded (`BatchInputs.expand`).
  var returns: [String] { BatchInputs.expand(Array(files.dropFirst())).files }

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
    try InputProtection.check(output, flag: "-o", inputs: [master] + returns)
    try InputProtection.check(report, flag: "--report", inputs: [master] + returns)
    do {
      _ = try MergeSubGroupFlags(subGroups, returns: returns)
    } catch {
      throw ValidationError(error.description)
    }
  }

  func run() throws {
    reporting.apply()
    // The master's wsoa.toml (or --config) governs the whole merge; flags win.
    let config: TrackerConfig
    do {
      config = try configOptions.choice().config(for: self.master)
    } catch let error as ConfigError {
      StandardError.write(Failure.line(location: nil, error.description) + "\n")
      throw ExitCode(ExitStatus.dataError.rawValue)
    }
    let policy = config.policy(overriddenBy: try configOptions.policy())
    var options = MergeOptions(
      prefer: prefer?.preference ?? config.prefer, acceptLeads: acceptLeads || config.acceptLeads == true,
      acceptText: acceptText || config.acceptText == true, acceptDue: acceptDue || config.acceptDue == true)
    options.subGroupAliases = SubGroupAliases(config.subGroupAliases)
    let format = to?.format ?? MergeOutputFormat.from(path: output) ?? .json
    let returns = self.returns
    let standardInput = try InputOptions.standardInput(for: files)
    let load = LoadOptions(format: input.from?.format, delimiter: input.delimiter.delimiter)
    let master = InputOptions.displayName(self.master)
    let progress = RunReport(reporting.style, files: 1 + returns.count)
    var index = 0
    let run: MergeRunner.Run
    let written: [Diagnostic]
    do {
      run = try MergeRunner.merge(
        MergeJob(
          master: self.master, returns: returns, subGroupFlags: subGroups, options: options, load: load,
          standardInput: standardInput, config: config, policy: policy)
      ) { file in
        progress.starting(file, index: index)
        index += 1
      }
      written = policy.apply(to: try MergeRunner.write(run, to: output, format: format))
    } catch {
      progress.write(error.errorLine + "\n")
      throw ExitCode(Self.exitStatus(for: error).rawValue)
    }
    // The inputs and the merged plan are freed by the exit, not one value at a time.
    KeptUntilExit.keep(run)
    let status: ExitStatus = run.result.hasUnresolvedConflicts ? .findings : .success
    if let report {
      let document = MergeReportDocument(
        result: run.result, options: options, master: master, output: output, tool: "wsoa \(WSOACommand.version)",
        exitStatus: Int(status.rawValue), readingFindings: run.loadDiagnostics + written)
      do {
        try MergeRunner.writeReport(document, to: report)
      } catch {
        progress.write(error.errorLine + "\n")
        throw ExitCode(ExitStatus.cannotCreate.rawValue)
      }
    }
    // The findings (reading errors, then the merge's own, in the merge's
    // order, so the text does not depend on the order the returns were
    // given), the unread returns, then the merge summary. For --format json
    // each input is one file entry, in merge order.
    let findings = run.loadDiagnostics + written + run.result.diagnostics
    if reporting.format == .text {
      progress.writeFindings(findings, file: master)
    }
    var seen = Set<String>()
    let names = ([master] + run.result.returns.map(\.file)).filter { seen.insert($0).inserted }
    // A finding without a location, or at a file that is not an input, is the master's.
    let owner = { (finding: Diagnostic) in names.contains(finding.location?.file ?? master) ? finding.location?.file ?? master : master }
    for name in names {
      progress.finished(FileValidation(file: name, findings: findings.filter { owner($0) == name }), printsFindings: false)
    }
    for unread in run.unreadReturns {
      progress.failed(unread.file, unread.description, status: Self.exitStatus(for: unread))
    }
    if reporting.format == .text {
      var shown = run.result
      shown.diagnostics = []
      let summary = MergeTextReport.render(shown, master: master, output: output)
      progress.write((findings.isEmpty || reporting.quiet ? "" : "\n") + summary)
    }
    // Unresolved conflicts are findings (1) even when no finding is an error.
    progress.raise(status)
    let worst = progress.finish()
    if worst != .success { throw ExitCode(worst.rawValue) }
  }

  static func exitStatus(for error: MergeRunError) -> ExitStatus {
    switch error {
    case .missing: .noInput
    case .unreadable: .dataError
    case .usage: .usage
    case .cannotWrite: .cannotCreate
    }
  }
}

extension MergeRunError {
  /// The file the error is about (empty for a usage error).
  var file: String {
    switch self {
    case .missing(let file), .unreadable(let file, _), .cannotWrite(let file, _): file
    case .usage: ""
    }
  }

  /// `wsoa: FILE: error: …` (`Failure.line`).
  var errorLine: String {
    file.isEmpty ? Failure.line(location: nil, description) : Failure.line(file: file, description)
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
