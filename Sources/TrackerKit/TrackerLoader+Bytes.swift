import DelimitedFormat
public import Diagnostics
import Grid
public import TrackerModel
import XLSXFormat

extension TrackerLoader {
  /// Loads a tracker held in memory (a download, an upload, `Data`): the
  /// same readers and recogniser as `load(_:options:)`, without a file.
  ///
  /// - Parameters:
  ///   - bytes: the file's bytes (`[UInt8]`, `Data`, any collection of bytes).
  ///   - name: stands for the file in diagnostics; its extension gives the
  ///     format unless `options.format` does.
  ///   - options: format, sheets, mixed-code reading.
  /// - Returns: the plan, with the reader's and the recogniser's diagnostics.
  /// - Throws: `TrackerError` (unknown format, missing sheet, bad JSON),
  ///   `DelimitedError` (CSV/TSV unreadable), or `XLSXError`.
  public static func load(
    bytes: some Collection<UInt8>, name: String, options: LoadOptions = LoadOptions()
  ) throws -> Outcome<Plan> {
    guard let format = options.format ?? TrackerFormat.from(path: name) else {
      throw TrackerError.unknownFormat(file: name)
    }
    let bytes = Array(bytes)
    switch format {
    case .csv, .tsv:
      var builder = WorkbookBuilder()
      let report = try DelimitedReader().read(bytes: bytes, name: name, into: &builder)
      return try recogniseDelimited(builder, report: report, file: name, options: options)
    case .json:
      return try PlanJSONReader.read(bytes, file: name)
    case .xlsx:
      return try recogniseXLSX({ try XLSXReader(bytes: bytes, name: name) }, file: name, options: options)
    }
  }
}
