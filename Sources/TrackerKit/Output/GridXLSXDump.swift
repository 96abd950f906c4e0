public import AtomicOutput
import Diagnostics
import Grid
import XLSXFormat

/// `wsoa dump --to xlsx`: streams the grid of any input into a clean XLSX
/// workbook (`GridPresentation.table`: header row bold and frozen, an
/// auto-filter, widths fitted to content between 6 and 60 characters, long
/// text wrapped), row by row as the reader produces them. Every sheet is
/// written unless `reading.sheet` picks one. Values are kept as read (CSV
/// cells stay text).
public enum GridXLSXDump {
  /// Writes the grid of the input at `path` to the XLSX file `output`,
  /// atomically (nothing appears at `output` unless the whole file is written).
  ///
  /// - Returns: the read's report; sheet renames become warnings in it.
  /// - Throws: `InputError` for the input (including a cell XLSX cannot
  ///   hold, named at its input location); `OutputError` when `output`
  ///   cannot be written.
  @discardableResult
  public static func write(path: String, reading: GridReadOptions, output: String) throws -> GridReadReport {
    try write(.file(path), reading: reading, output: output)
  }

  /// Writes the grid of a file or of standard input to the XLSX file `output`, as `write(path:reading:output:)`.
  @discardableResult
  public static func write(_ source: InputSource, reading: GridReadOptions, output: String) throws -> GridReadReport {
    let path = source.name
    let sink: XLSXGridWriter
    do {
      sink = try XLSXGridWriter(path: output, presentation: .table)
    } catch {
      throw translate(error, input: path, output: output)
    }
    do {
      var consumer = sink
      var report = try GridReader(options: reading).read(source, into: &consumer)
      let summary = try sink.finish()
      report.diagnostics += summary.renamedSheets.map { $0.finding(output: output) }
      return report
    } catch let error as XLSXWriteError {
      throw translate(error, input: path, output: output)
    }
  }

  /// Writes the XLSX to `sink` (standard output): built in a temporary file
  /// first, since a zip is assembled at the end, then copied and removed.
  @discardableResult
  public static func write(_ source: InputSource, reading: GridReadOptions, to sink: ByteSink) throws -> GridReadReport {
    var report = GridReadReport(format: .xlsx)
    try AtomicFile.produce(into: sink, path: "<stdout>") { temporary in
      report = try write(source, reading: reading, output: temporary)
    }
    return report
  }

  /// Turns a writer error into the CLI's error kinds: a value XLSX cannot
  /// hold is a problem of the input (named at the input's sheet and cell);
  /// anything else is an output failure.
  static func translate(_ error: XLSXWriteError, input: String, output: String) -> any Error {
    switch error {
    case .textTooLong(_, let sheet, let cell, let length):
      return InputError.malformed(
        location: SourceLocation(file: input, sheet: sheet, cell: cell),
        reason: "text is \(length) characters long; an XLSX cell holds at most \(ExcelLimits.maxCellCharacters), "
          + "so it cannot be written to \(output) (the text is never cut)")
    case .invalidNumber(_, let sheet, let cell, let value), .dateOutOfRange(_, let sheet, let cell, let value):
      return InputError.malformed(
        location: SourceLocation(file: input, sheet: sheet, cell: cell),
        reason: "\(value) cannot be stored in an XLSX cell, so it cannot be written to \(output)")
    case .cellOutsideSheet(_, let sheet, let row, let column):
      return InputError.malformed(
        location: SourceLocation(file: input, sheet: sheet),
        reason: "row \(row), column \(column) is beyond what an XLSX sheet holds "
          + "(\(ExcelLimits.maxRows) rows, \(ExcelLimits.maxColumns) columns)")
    case .output(let outputError):
      return outputError
    default:
      return OutputError.writeFailed(path: output, reason: error.description)
    }
  }
}
