public import AtomicOutput
public import Diagnostics
public import TrackerModel

/// How to write a plan.
public struct WriteOptions: Sendable {
  /// The output format.
  public var format: TrackerFormat
  /// CSV/TSV shape.
  public var shape: CSVShape
  /// JSON indentation (two spaces, one value per line) or compact.
  public var prettyJSON: Bool
  /// Start CSV/TSV with a UTF-8 byte-order mark (for Excel).
  public var byteOrderMark: Bool
  /// XLSX: the colours of status cells.
  public var palette: StatusPalette = .standard
  /// XLSX: the council's own status words (`[statuses]` in `wsoa.toml`), coloured by their meaning.
  public var statusWords = CouncilVocabulary()

  /// Creates options.
  public init(format: TrackerFormat, shape: CSVShape = .wide, prettyJSON: Bool = true, byteOrderMark: Bool = false) {
    self.format = format
    self.shape = shape
    self.prettyJSON = prettyJSON
    self.byteOrderMark = byteOrderMark
  }
}

/// Writes a plan in any output format, atomically to a file or to standard output.
public enum TrackerWriter {
  /// Writes a plan.
  ///
  /// - Parameters:
  ///   - plan: the plan.
  ///   - findings: diagnostics to embed (JSON) or list (XLSX).
  ///   - path: the output file, or `nil` / `-` for standard output (not for XLSX).
  ///   - options: format and shape.
  /// - Returns: what writing found: an XLSX sheet written under another
  ///   name than the tracker's (`xlsx.sheet_renamed`).
  /// - Throws: `OutputError` when the file cannot be written; `TrackerError.cannotWrite`
  ///   when a value does not fit the format.
  @discardableResult
  public static func write(_ plan: Plan, findings: [Diagnostic], to path: String?, options: WriteOptions) throws -> [Diagnostic] {
    if options.format == .xlsx {
      guard let path, path != "-" else {
        throw TrackerError.cannotWrite(file: "<stdout>", reason: "XLSX is written to a file; give -o OUT.xlsx")
      }
      return try PlanXLSXWriter.write(plan, findings: findings, to: path, palette: options.palette, council: options.statusWords)
    }
    let body: (ByteSink) throws -> Void = { sink in try write(plan, findings: findings, to: sink, options: options) }
    if let path, path != "-" {
      try AtomicFile.write(to: path, body)
    } else {
      try AtomicFile.writeStandardOutput(body)
    }
    return []
  }

  /// Writes a plan as JSON, CSV or TSV into `sink` (a pipe, a socket, any
  /// open file descriptor). The caller flushes the sink.
  ///
  /// - Throws: `TrackerError.cannotWrite` for XLSX, which is written to a
  ///   file (`write(_:findings:to:options:)` with a path).
  public static func write(_ plan: Plan, findings: [Diagnostic], to sink: ByteSink, options: WriteOptions) throws {
    switch options.format {
    case .json: PlanJSONWriter.write(plan, findings: findings, to: sink, pretty: options.prettyJSON)
    case .csv, .tsv:
      PlanCSVWriter.write(plan, shape: options.shape, to: sink, tab: options.format == .tsv, byteOrderMark: options.byteOrderMark)
    case .xlsx:
      throw TrackerError.cannotWrite(file: "<sink>", reason: "XLSX is written to a file; give a path")
    }
  }
}
