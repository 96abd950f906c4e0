import ArgumentParser
import TrackerKit
import TrackerModel

/// `wsoa convert`: read trackers in any layout and write the canonical
/// model as JSON, CSV or a cleaned XLSX.
struct ConvertCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Convert trackers (XLSX, CSV, TSV, JSON) to JSON (wsoa/1), CSV or a cleaned XLSX.",
    discussion: HelpText.reflow(
      """
      The output format comes from --to, else from the -o file's extension, else JSON.
      One input converts to -o OUT (or standard output), or into the folder -o DIR/; several
      inputs or a folder convert into the folder -o DIR, one file each, named after the input
      (p2.xlsx -> p2.json; when two inputs share a name, the extension is kept: p2.xlsx.json,
      p2.tsv.json). A file that cannot be read is reported and the others still convert.

      What the recogniser noticed (a period header it could not read, an unknown column
      kept as extra, ...) is printed on standard error with its cell; --quiet keeps only
      errors and warnings, --format json prints them as one JSON document. The output is
      written even when there are errors (exit 1).

      Examples:
        wsoa convert tracker.xlsx -o tracker.json --summary
        wsoa convert tracker.xlsx --to csv --shape long > statuses.csv
        wsoa convert returns/ -o cleaned/ --to xlsx
        wsoa convert - --to csv < tracker.tsv > tracker.csv

      \(ExitStatus.helpText)
      """)
  )

  // A new option goes here and into `ConvertRequest`.

  @Argument(help: "Tracker files or folders (XLSX, CSV, TSV, wsoa/1 JSON); - reads standard input.")
  var inputs: [String] = []

  @Option(name: [.short, .customLong("output")], help: "Output file (one input), folder (several), or - for standard output.")
  var output: String? = nil

  @Option(name: .customLong("to"), help: "Output format: json, csv, tsv or xlsx.")
  var target: ConvertTarget? = nil

  @Option(help: "CSV/TSV shape: wide (one row per action) or long (one row per action and period).")
  var shape: ConvertShape = .wide

  @Option(name: .customLong("sheet"), help: "Read only this sheet (name or 1-based number; repeatable).")
  var sheets: [String] = []

  @OptionGroup var input: InputOptions

  @Option(name: .customLong("mixed-status"), help: "How to read X/Y codes: moving-towards (default) or between.")
  var mixedStatus: ConvertMixedReading? = nil

  @OptionGroup var configOptions: ConfigOptions

  @Flag(help: "Write JSON without indentation.")
  var compact = false

  @Flag(help: "Start CSV/TSV output with a UTF-8 byte-order mark (for Excel).")
  var bom = false

  @OptionGroup var reporting: ReportingOptions

  @Flag(help: "After each file, print a short summary (counts, latest statuses, findings) on standard error.")
  var summary = false

  /// The parsed flags as one value the conversion runs from.
  var request: ConvertRequest {
    ConvertRequest(
      inputs: inputs, output: output, target: target, shape: shape, sheets: sheets, source: input.from,
      delimiter: input.delimiter, mixedStatus: mixedStatus, compact: compact, bom: bom, quiet: reporting.quiet,
      summary: summary, verbose: reporting.verbose, findings: reporting.format,
      config: ConfigChoice(
        path: configOptions.config, discovers: !configOptions.noConfig, policy: (try? configOptions.policy()) ?? FindingPolicy()))
  }

  func validate() throws {
    if let problem = request.problem { throw ValidationError(problem) }
  }

  /// The output format: --to, else the -o extension, else JSON.
  var format: TrackerFormat { request.format }

  func run() throws {
    reporting.apply()
    let status = try request.run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}

/// `--to` / `--from` values.
enum ConvertTarget: String, ExpressibleByArgument, CaseIterable {
  case json, csv, tsv, xlsx

  var format: TrackerFormat {
    switch self {
    case .json: .json
    case .csv: .csv
    case .tsv: .tsv
    case .xlsx: .xlsx
    }
  }
}

/// `--shape` values.
enum ConvertShape: String, ExpressibleByArgument, CaseIterable {
  case wide, long

  var shape: CSVShape { self == .wide ? .wide : .long }
}

/// `--mixed-status` values.
enum ConvertMixedReading: String, ExpressibleByArgument, CaseIterable {
  case movingTowards = "moving-towards"
  case between

  var reading: MixedStatusReading { self == .between ? .between : .movingTowards }
}
