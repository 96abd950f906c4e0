import DelimitedFormat
public import Diagnostics
import Grid
import XLSXFormat
public import TrackerModel

/// The file formats wsoa reads and writes trackers in.
public enum TrackerFormat: String, Sendable, CaseIterable {
  /// Excel workbook.
  case xlsx
  /// Comma-separated values.
  case csv
  /// Tab-separated values.
  case tsv
  /// The `wsoa/1` JSON document.
  case json

  /// The format a path's extension names (`.txt` reads as TSV/CSV by content).
  public static func from(path: String) -> TrackerFormat? {
    let ext = path.split(separator: "/").last.flatMap { $0.contains(".") ? $0.split(separator: ".").last : nil }?.lowercased()
    switch ext {
    case "xlsx", "xlsm": return .xlsx
    case "csv": return .csv
    case "tsv", "tab", "txt": return .tsv
    case "json": return .json
    default: return nil
    }
  }
}

/// How to load a tracker.
public struct LoadOptions: Sendable {
  /// The input format; from the extension when `nil`.
  public var format: TrackerFormat?
  /// Sheets to read (XLSX), by name or 1-based number; empty reads all.
  public var sheets: [String]
  /// How mixed codes such as `G/A` are read.
  public var mixedStatusReading: MixedStatusReading

  /// Creates options.
  public init(format: TrackerFormat? = nil, sheets: [String] = [], mixedStatusReading: MixedStatusReading = .movingTowards) {
    self.format = format
    self.sheets = sheets
    self.mixedStatusReading = mixedStatusReading
  }
}

/// Reads a tracker file of any supported format into the canonical model:
/// XLSX and CSV/TSV through the recogniser (our own long CSV through
/// `LongCSVReader`), `wsoa/1` JSON through `PlanJSONReader`.
public enum TrackerLoader {
  /// Loads a tracker.
  ///
  /// - Parameters:
  ///   - path: the file as the user named it.
  ///   - options: format, sheets, mixed-code reading.
  /// - Returns: the plan, with the reader's and the recogniser's diagnostics.
  /// - Throws: `TrackerError` (unknown format, missing sheet, bad JSON),
  ///   `InputError` (missing, or not a regular file: a folder, device or
  ///   FIFO), `DelimitedError` (CSV/TSV unreadable), or the XLSX reader's error.
  public static func load(_ path: String, options: LoadOptions = LoadOptions()) throws -> Outcome<Plan> {
    try RegularFile.check(path)
    guard let format = options.format ?? TrackerFormat.from(path: path) else { throw TrackerError.unknownFormat(file: path) }
    switch format {
    case .csv, .tsv: return try loadDelimited(path, options)
    case .json: return try loadJSON(path)
    case .xlsx: return try loadXLSX(path, options)
    }
  }

  /// The work budget of a tracker read, in cells (`XLSXLimits.tracker`):
  /// recognising and writing a tracker costs about 2.6 µs and 160 bytes a
  /// cell, so 4,000,000 keeps `convert` near 12 s and 600 MB at worst.
  static let trackerCells = XLSXLimits.tracker.maxCells

  /// Whether a load error means the input does not exist (exit 66) rather
  /// than that it is unreadable (exit 65).
  public static func isMissingInput(_ error: any Error) -> Bool {
    switch error {
    case let e as DelimitedError: return e.isMissingInput
    case TrackerError.fileNotFound: return true
    case InputError.missing: return true
    default: return false
    }
  }

  private static func loadDelimited(_ path: String, _ options: LoadOptions) throws -> Outcome<Plan> {
    var builder = WorkbookBuilder()
    let report = try DelimitedReader(options: DelimitedReadOptions(limits: DelimitedLimits(maxCells: trackerCells)))
      .read(contentsOf: path, into: &builder)
    var workbook = builder.workbook
    removeFormulaGuards(&workbook)
    if let sheet = workbook.sheets.first, LongCSVReader.isLongCSV(sheet) {
      let outcome = LongCSVReader.read(sheet, file: path)
      return Outcome(value: outcome.value, diagnostics: report.diagnostics + outcome.diagnostics)
    }
    let recognised = try Recogniser.recognise(
      workbook, file: path,
      options: RecogniserOptions(
        mixedStatusReading: options.mixedStatusReading, isDelimited: true, shortRows: report.shortRows))
    return Outcome(value: recognised.value, diagnostics: report.diagnostics + recognised.diagnostics)
  }

  /// Takes off the apostrophe a CSV writer's formula guard puts before text
  /// starting with `=`, `+`, `-`, `@`, TAB or CR (ours and Excel's), so a
  /// guarded CSV reads back to the text it guarded.
  static func removeFormulaGuards(_ workbook: inout Workbook) {
    for s in workbook.sheets.indices {
      for r in workbook.sheets[s].rows.indices {
        for c in workbook.sheets[s].rows[r].cells.indices {
          guard case .text(let text) = workbook.sheets[s].rows[r].cells[c].value, text.utf8.first == UInt8(ascii: "'") else {
            continue
          }
          let utf8 = text.utf8
          let second = utf8.dropFirst().first
          guard let second, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13].contains(second)
          else { continue }
          workbook.sheets[s].rows[r].cells[c].value = .text(String(text.dropFirst()))
        }
      }
    }
  }

  private static func loadJSON(_ path: String) throws -> Outcome<Plan> {
    // Decoded whole, in memory: its own cap, checked before reading.
    if let size = FileProbe.size(path), size > PlanJSONReader.maxBytes {
      throw InputError.unsupported(
        location: SourceLocation(file: path),
        reason: "the file is \(size) bytes, more than the limit of \(PlanJSONReader.maxBytes) bytes for wsoa/1 JSON input")
    }
    guard let bytes = FileProbe.read(path) else { throw TrackerError.fileNotFound(path: path) }
    return try PlanJSONReader.read(bytes, file: path)
  }

  private static func loadXLSX(_ path: String, _ options: LoadOptions) throws -> Outcome<Plan> {
    // The reader (and its shared-string table) goes before recognition, so
    // the plan can reuse that memory.
    let workbook = try XLSXReader(path: path, limits: .tracker).readWorkbook(.all)
    let outcome = try Recogniser.recognise(
      workbook, file: path, options: RecogniserOptions(sheets: options.sheets, mixedStatusReading: options.mixedStatusReading))
    let rows = workbook.sheets.reduce(0) { $0 + $1.rows.count }
    BackgroundRelease.drop(consume workbook, isLarge: rows >= 10_000)
    return outcome
  }
}
