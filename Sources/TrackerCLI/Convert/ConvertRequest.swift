import TrackerKit
import TrackerModel

/// What `wsoa convert` was asked to do, as ArgumentParser (`ConvertCommand`)
/// parsed it: one value that tests can compare and the conversion runs from.
struct ConvertRequest: Equatable {
  /// Tracker files or folders.
  var inputs: [String] = []
  /// `-o`: output file, folder, or `-` for standard output.
  var output: String? = nil
  /// `--to`.
  var target: ConvertTarget? = nil
  /// `--shape`.
  var shape: ConvertShape = .wide
  /// `--sheet` (repeatable).
  var sheets: [String] = []
  /// `--from`.
  var source: ConvertTarget? = nil
  /// `--delimiter`.
  var delimiter: DelimiterChoice = .auto
  /// `--mixed-status` (else the config's, else moving-towards).
  var mixedStatus: ConvertMixedReading? = nil
  /// `--compact`.
  var compact = false
  /// `--bom`.
  var bom = false
  /// `-q`, `--quiet`.
  var quiet = false
  /// `--summary`.
  var summary = false
  /// `-v`, `--verbose`.
  var verbose = false
  /// `--format`: how findings are printed.
  var findings: ReportFormat = .text
  /// `--config`, `--no-config`, `--disable`, `--severity`.
  var config = ConfigChoice()

  /// Why the request cannot run (ArgumentParser prints it with the usage), or nil.
  var problem: String? {
    if inputs.isEmpty { return "Give at least one tracker file or folder." }
    if inputs.filter({ $0 == InputOptions.standardInputArgument }).count > 1 {
      return "- (standard input) can be given once only."
    }
    if output == nil || output == "-", format == .xlsx {
      return "XLSX cannot go to standard output; give -o OUT.xlsx."
    }
    return nil
  }

  /// The output format: --to, else the -o extension, else JSON.
  var format: TrackerFormat {
    if let target { return target.format }
    if let output, let format = TrackerFormat.from(path: output), !output.hasSuffix("/") { return format }
    return .json
  }

  /// Converts every input and returns the worst status (see `ConvertRunner`).
  ///
  /// - Throws: what `ConvertPlan.make` throws (no input found, bad output folder);
  ///   `InputError` when standard input (`-`) cannot be read.
  func run() throws -> ExitStatus {
    let plan = try ConvertPlan.make(inputs: inputs, output: output, format: format)
    let options = WriteOptions(format: format, shape: shape.shape, prettyJSON: !compact, byteOrderMark: bom)
    let load = LoadOptions(format: source?.format, delimiter: delimiter.delimiter, sheets: sheets)
    let runner = ConvertRunner(
      load: load, write: options, summary: summary, config: config, mixedStatus: mixedStatus?.reading,
      standardInput: try InputOptions.standardInput(for: plan.items.map(\.input)))
    return runner.run(plan, style: ReportStyle(quiet: quiet, verbose: verbose, format: findings))
  }
}
