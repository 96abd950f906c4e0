import ArgumentParser
import AtomicOutput
import DelimitedFormat
import Diagnostics
import TrackerKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `wsoa dump`: the generic grid of any CSV/TSV/XLSX file, as CSV, TSV or JSON.
struct DumpCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dump",
    abstract: "Print the cell grid of a CSV, TSV or XLSX file (a debugging aid).",
    discussion: HelpText.reflow(
      """
      Reads FILE as a plain grid of cells (no tracker logic) and writes it, row by row as it
      is read, as CSV, TSV, JSON or XLSX. Every row is kept, blank ones included, so row N of the
      output is row N of the input, with the cells it holds (a short CSV/TSV row stays short).

      CSV/TSV input: encoding from the byte-order mark (UTF-8, UTF-16LE/BE), else UTF-8, else
      Windows-1252 with a warning; delimiter detected among comma, tab, semicolon and pipe
      unless --delimiter says. The whole file is checked before the first row is written.

      Output goes to standard output, or with -o to a file written atomically (a temporary
      file beside it, renamed into place), so an error never leaves a half-written file.
      Warnings go to standard error.

      XLSX input: every worksheet in workbook order (chart sheets are skipped with a note);
      --sheet picks one by name or 1-based number. --all-sheets writes every sheet: as one
      JSON document, or with --to csv/tsv as one file per sheet in the folder given by -o,
      each named after its sheet.

      XLSX output is a clean table to read and filter: every sheet (or the one --sheet
      picks), the first row bold and frozen, an auto-filter, column widths fitted to the
      content, long text wrapped. Values are kept as read (CSV cells stay text).

      Examples:
        wsoa dump returns.csv --to json
        wsoa dump tracker.tsv -o tracker.csv --bom --crlf
        wsoa dump q3.xlsx --sheet Actions
        wsoa dump q3.xlsx --all-sheets --to csv -o q3-sheets
        wsoa dump returns.csv -o returns.xlsx

      \(ExitStatus.helpText)
      """)
  )

  @Argument(help: "The file to read (CSV, TSV or XLSX); - reads standard input.")
  var file: String

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The sheet to dump, by name or 1-based number (default: the first for CSV/TSV output, every sheet for JSON).",
      valueName: "name|n"))
  var sheet: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Output format: csv, tsv, json or xlsx (default: from the -o extension, else csv).", valueName: "format"))
  var to: OutputFormatChoice?

  @Option(name: [.short, .long], help: ArgumentHelp("Output file, or - for standard output (the default).", valueName: "out"))
  var output: String?

  @Flag(
    name: .customLong("no-formula-guard"),
    help: "CSV/TSV: keep text starting with = + - @ TAB or CR as is, instead of prefixing ' (for machine consumers).")
  var noFormulaGuard = false

  @Flag(
    name: .long,
    help: "Write every sheet: one JSON document, or one CSV/TSV file per sheet in the folder given by -o.")
  var allSheets = false

  @Flag(name: .long, help: "CSV/TSV: start with a UTF-8 byte-order mark (so Excel reads the encoding right).")
  var bom = false

  @Flag(name: .long, help: "CSV/TSV: end lines with CRLF instead of LF.")
  var crlf = false

  @OptionGroup var input: InputOptions

  /// `--delimiter`.
  var delimiter: DelimiterChoice { input.delimiter }

  /// `-o`, or with `-o DIR/` (or an existing folder; not with --all-sheets)
  /// the file in it named after the input (`BatchInputs.outputNames`).
  var outputFile: String? {
    guard !allSheets, BatchInputs.isFolder(output), let output else { return output }
    let ext = format.rawValue
    return BatchInputs.join(output, BatchInputs.outputNames(for: [file], extension: ext)[0])
  }

  /// The output format: `--to`, else the `-o` extension, else CSV.
  var format: GridOutputFormat {
    to?.format ?? output.flatMap { $0 == "-" ? nil : GridOutputFormat.inferred(fromPath: $0) } ?? .csv
  }

  func validate() throws {
    let outputFile = self.outputFile
    if format == .json || format == .xlsx {
      let name = format == .json ? "JSON" : "XLSX"
      if bom { throw ValidationError("--bom applies to CSV/TSV output only, not \(name).") }
      if crlf { throw ValidationError("--crlf applies to CSV/TSV output only, not \(name).") }
      if noFormulaGuard { throw ValidationError("--no-formula-guard applies to CSV/TSV output only, not \(name).") }
    }
    if format == .xlsx, outputFile == nil || outputFile == "-", isatty(1) == 1 {
      throw ValidationError("--to xlsx writes a binary file; give -o FILE.xlsx or redirect standard output.")
    }
    if allSheets {
      if sheet != nil { throw ValidationError("--all-sheets and --sheet cannot be used together.") }
      if format == .csv || format == .tsv, outputFile == nil || outputFile == "-" {
        throw ValidationError("--all-sheets with CSV or TSV output needs -o FOLDER (one file per sheet).")
      }
    }
    if allSheets, format == .csv || format == .tsv, let outputFile {
      // One file per sheet: a CSV/TSV input gives exactly this one.
      let folder = outputFile.hasSuffix("/") ? outputFile : outputFile + "/"
      let written = folder + DelimitedReader.sheetName(for: file) + "." + (format == .tsv ? "tsv" : "csv")
      try InputProtection.check(written, flag: "-o \(outputFile): the output", inputs: [file])
    } else {
      try InputProtection.check(outputFile, flag: "-o", inputs: [file])
    }
  }

  @OptionGroup var reporting: ReportingOptions

  func run() throws {
    reporting.apply()
    let output = outputFile
    let report = RunReport(reporting.style, files: 1)
    let reading = GridReadOptions(
      sheet: sheet.map(SheetSelector.init), delimiter: delimiter.delimiter, from: input.from?.format)
    let source = try InputOptions.standardInput(for: [file]) ?? .file(file)
    let writing = GridWriteOptions(
      format: format, writesByteOrderMark: bom, lineEnding: crlf ? .crlf : .lf, guardsFormulas: !noFormulaGuard)
    if allSheets, format == .csv || format == .tsv, let output {
      let written = try GridDump.writeEachSheet(source, folder: output, reading: reading, writing: writing)
      try finish(report, written.report.diagnostics, done: "\(source.name) -> \(output)")
      return
    }
    var gridReport: GridReadReport?
    let body: (ByteSink) throws -> Void = { sink in
      gridReport = try GridDump.write(source, reading: reading, writing: writing, to: sink)
    }
    if format == .xlsx, let output, output != "-" {
      // The XLSX writer replaces the file atomically itself.
      gridReport = try GridXLSXDump.write(source, reading: reading, output: output)
    } else if let output, output != "-" {
      try AtomicFile.write(to: output, body)
    } else {
      try AtomicFile.writeStandardOutput(body)
    }
    try finish(report, gridReport?.diagnostics ?? [], done: "\(source.name) -> \(output ?? "<stdout>")")
  }

  /// Prints the findings (and tally, JSON) the same way as every command;
  /// error findings exit 1.
  private func finish(_ report: RunReport, _ findings: [Diagnostic], done: String) throws {
    report.finished(FileValidation(file: InputOptions.displayName(file), findings: findings), done: done)
    let status = report.finish()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}
