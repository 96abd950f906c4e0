public import AtomicOutput
public import DelimitedFormat

/// The formats `wsoa dump` writes a grid in.
public enum GridOutputFormat: String, Sendable, CaseIterable {
  /// Comma-separated values (RFC 4180).
  case csv
  /// Tab-separated values (RFC 4180 quoting).
  case tsv
  /// Grid JSON (see `GridJSONWriter`).
  case json
  /// A clean XLSX workbook (see `GridXLSXDump`).
  case xlsx

  /// The format an output file's extension asks for (`.csv`, `.tsv`/`.tab`,
  /// `.json`, `.xlsx`), or nil for any other name.
  public static func inferred(fromPath path: String) -> GridOutputFormat? {
    let lower = path.lowercased()
    if lower.hasSuffix(".csv") { return .csv }
    if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { return .tsv }
    if lower.hasSuffix(".json") { return .json }
    if lower.hasSuffix(".xlsx") { return .xlsx }
    return nil
  }
}

/// How `GridDump` writes.
public struct GridWriteOptions: Hashable, Sendable {
  /// The output format.
  public var format: GridOutputFormat
  /// CSV/TSV: start with a UTF-8 byte-order mark.
  public var writesByteOrderMark: Bool
  /// CSV/TSV: the line break.
  public var lineEnding: LineEnding
  /// CSV/TSV: neutralise cells a spreadsheet would run as formulas.
  public var guardsFormulas: Bool

  /// Creates options: no BOM, LF, formula guard on.
  public init(
    format: GridOutputFormat, writesByteOrderMark: Bool = false, lineEnding: LineEnding = .lf,
    guardsFormulas: Bool = true
  ) {
    self.format = format
    self.writesByteOrderMark = writesByteOrderMark
    self.lineEnding = lineEnding
    self.guardsFormulas = guardsFormulas
  }
}

/// Streams the grid of any input into CSV, TSV or grid JSON, row by row as
/// the reader produces them (`wsoa dump`).
public enum GridDump {
  /// Writes the grid of the input at `path` to `sink`.
  ///
  /// CSV/TSV output holds one sheet: the one `reading.sheet` selects, else
  /// the first. JSON and XLSX hold the selected sheet, else every sheet
  /// (XLSX to a sink is built in a temporary file first; to write a file,
  /// `GridXLSXDump.write(path:reading:output:)` replaces it atomically).
  ///
  /// - Returns: the format and the read's warnings.
  /// - Throws: `InputError`; for CSV/TSV inputs before anything is written.
  @discardableResult
  public static func write(
    path: String, reading: GridReadOptions, writing: GridWriteOptions, to sink: ByteSink
  ) throws -> GridReadReport {
    try write(.file(path), reading: reading, writing: writing, to: sink)
  }

  /// Writes the grid of a file or of standard input to `sink`, as `write(path:…)`.
  @discardableResult
  public static func write(
    _ source: InputSource, reading: GridReadOptions, writing: GridWriteOptions, to sink: ByteSink
  ) throws -> GridReadReport {
    var reading = reading
    switch writing.format {
    case .csv, .tsv:
      if reading.sheet == nil { reading.sheet = SheetSelector("1") }
      var writer = DenseOutputLimit(
        DelimitedWriter(
          sink: sink,
          options: DelimitedWriteOptions(
            delimiter: writing.format == .tsv ? .tab : .comma, lineEnding: writing.lineEnding,
            writesByteOrderMark: writing.writesByteOrderMark, guardsFormulas: writing.guardsFormulas)),
        file: source.name)
      return try GridReader(options: reading).read(source, into: &writer)
    case .json:
      var writer = DenseOutputLimit(GridJSONWriter(sink: sink, file: source.name), file: source.name)
      let report = try GridReader(options: reading).read(source, into: &writer)
      writer.inner.finish(report: report)
      return report
    case .xlsx:
      return try GridXLSXDump.write(source, reading: reading, to: sink)
    }
  }
}
