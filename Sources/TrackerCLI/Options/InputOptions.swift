import ArgumentParser
import TrackerKit

/// How every command reads its inputs: `--from`, `--delimiter`, and `-`
/// for standard input (`@OptionGroup` in convert, validate, merge and dump).
struct InputOptions: ParsableArguments {
  @Option(
    name: .customLong("from"),
    help: ArgumentHelp(
      "Input format when the content cannot tell: xlsx, csv, tsv or json (a zip is always read as XLSX).",
      valueName: "format"))
  var from: ConvertTarget? = nil

  @Option(
    name: .long,
    help: ArgumentHelp("CSV/TSV input field separator: auto, comma, tab, semicolon or pipe.", valueName: "delimiter"))
  var delimiter: DelimiterChoice = .auto

  /// The argument that names standard input.
  static let standardInputArgument = "-"

  /// Standard input, read into memory, when `inputs` name it.
  ///
  /// - Throws: `ValidationError` when `-` is given more than once (standard
  ///   input can be read once); `InputError` when it cannot be read.
  static func standardInput(for inputs: [String]) throws -> InputSource? {
    let count = inputs.filter { $0 == standardInputArgument }.count
    guard count > 0 else { return nil }
    if count > 1 { throw ValidationError("- (standard input) can be given once only.") }
    return try InputSource.standardInput()
  }

  /// The name `argument` has in findings and reports: `<stdin>` for `-`.
  static func displayName(_ argument: String) -> String {
    argument == standardInputArgument ? InputSource.standardInputName : argument
  }
}
