import ArgumentParser

/// `--format`: findings as text (compiler-like lines) or one JSON document
/// (`schemas/validate-report.schema.json`, `wsoa-validate/1`).
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

/// `-q/--quiet`, `-v/--verbose` and `--color`: accepted by every command
/// (`@OptionGroup`, inside `ReportingOptions` on the commands that print
/// findings; alone on `rules`, whose `--format` has a markdown choice too).
struct VerbosityOptions: ParsableArguments {
  @Flag(name: .shortAndLong, help: "Print only errors and warnings: no info findings, progress or closing tally.")
  var quiet = false

  @Flag(name: .shortAndLong, help: "Also print a line per file as it is done, and the closing tally for one file.")
  var verbose = false

  @OptionGroup var colorOptions: ColorOptions

  func validate() throws {
    if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together.") }
  }

  /// The command's first step: makes `--color` the choice every later
  /// colour decision follows.
  func apply() { colorOptions.apply() }
}

/// How every command reports, the same flags everywhere (`@OptionGroup` in
/// each command; a new command adds `@OptionGroup var reporting: ReportingOptions`
/// and runs through `RunReport`):
///
/// - `-q/--quiet`: errors and warnings only (no info findings, no tally, no progress);
/// - `-v/--verbose`: also a line per file as it is done, and the tally after one file;
/// - `--format text|json`: findings as lines, or as one `wsoa-validate/1` document
///   (`config` and `diff`: their own document as JSON, see docs/cli.md);
/// - `--color auto|always|never` (`ColorOptions`).
struct ReportingOptions: ParsableArguments {
  @OptionGroup var verbosity: VerbosityOptions

  @Option(
    help: ArgumentHelp(
      "Findings as text or json (one wsoa-validate/1 document, schemas/validate-report.schema.json); config and diff write their own document as json.",
      valueName: "text|json"))
  var format: ReportFormat = .text

  /// `-q`.
  var quiet: Bool { verbosity.quiet }
  /// `-v`.
  var verbose: Bool { verbosity.verbose }
  /// `--color`.
  var colorOptions: ColorOptions { verbosity.colorOptions }

  /// The flags as a plain value (`RunReport` runs from it).
  var style: ReportStyle { ReportStyle(quiet: quiet, verbose: verbose, format: format) }

  /// The command's first step: makes `--color` the choice every later
  /// colour decision follows.
  func apply() { verbosity.apply() }
}

/// `-q`, `-v` and `--format` as parsed: what `RunReport` needs to know.
struct ReportStyle: Equatable {
  var quiet = false
  var verbose = false
  var format: ReportFormat = .text
}
