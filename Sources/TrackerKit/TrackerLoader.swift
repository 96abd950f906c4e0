public import DelimitedFormat
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

  /// The input format this names when declared (`--from`).
  public var inputFormat: InputFormat {
    switch self {
    case .xlsx: .xlsx
    case .csv, .tsv: .delimited
    case .json: .trackerJSON
    }
  }

  /// The delimiters this makes likely when declared (`--from csv` → comma
  /// or semicolon, `--from tsv` → tab); `nil` for the others.
  public var likelyDelimiters: [Delimiter]? {
    switch self {
    case .csv: [.comma, .semicolon]
    case .tsv: [.tab]
    case .xlsx, .json: nil
    }
  }

  /// The format a path's extension names (`.txt` reads as TSV/CSV by content).
  /// Inputs are read by content (`InputFormat`); this names outputs and
  /// picks tracker files in a folder.
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
public struct LoadOptions: Hashable, Sendable {
  /// The declared input format (`--from`): decides what text content is;
  /// `nil` goes by the content, then the name (see `InputFormat`).
  public var format: TrackerFormat?
  /// The CSV/TSV delimiter (`--delimiter`), or `nil` to detect it.
  public var delimiter: Delimiter?
  /// Sheets to read (XLSX), by name or 1-based number; empty reads all.
  public var sheets: [String]
  /// How mixed codes such as `G/A` are read.
  public var mixedStatusReading: MixedStatusReading
  /// Whether numbers typed as text use a decimal comma when the text cannot
  /// tell (`1,250`); `nil` decides from the file (`RecogniserOptions.decimalComma`).
  public var decimalComma: Bool?
  /// The council's own header words (`[headers]` in `wsoa.toml`).
  public var headerWords = HeaderWords()
  /// The council's own period words and labels (`[periods]` in `wsoa.toml`).
  public var periodWords = PeriodWords()

  /// Creates options.
  public init(
    format: TrackerFormat? = nil, delimiter: Delimiter? = nil, sheets: [String] = [],
    mixedStatusReading: MixedStatusReading = .movingTowards, decimalComma: Bool? = nil
  ) {
    self.decimalComma = decimalComma
    self.format = format
    self.delimiter = delimiter
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
  ///   - options: declared format, delimiter, sheets, mixed-code reading.
  /// - Returns: the plan, with the reader's and the recogniser's diagnostics.
  /// - Throws: `InputError` (missing, unreadable, text named XLSX),
  ///   `TrackerError` (missing sheet, bad JSON), `DelimitedError` (CSV/TSV
  ///   unreadable), or the XLSX reader's error.
  public static func load(_ path: String, options: LoadOptions = LoadOptions()) throws -> Outcome<Plan> {
    try load(.file(path), options: options)
  }

  /// Loads a tracker from a file or from standard input.
  public static func load(_ source: InputSource, options: LoadOptions = LoadOptions()) throws -> Outcome<Plan> {
    try loadDetected(source, options: options).outcome
  }

  /// Loads a tracker and says which format its content was read as.
  public static func loadDetected(_ source: InputSource, options: LoadOptions = LoadOptions()) throws
    -> (format: InputFormat, outcome: Outcome<Plan>)
  {
    let format = try source.format(declared: options.format?.inputFormat)
    switch format {
    case .delimited: return (format, try loadDelimited(source, options))
    case .trackerJSON: return (format, try loadJSON(source))
    // XLSXReader recognises an OLE/CFB container and says so in one message.
    case .xlsx, .legacyOrEncrypted: return (format, try loadXLSX(source, options))
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
    // A sheet `--sheet` names that the workbook lacks is a missing input (66), as in `dump`.
    case TrackerError.sheetNotFound: return true
    case let e as InputError: return e.category == .missing
    default: return false
    }
  }

  private static func loadDelimited(_ source: InputSource, _ options: LoadOptions) throws -> Outcome<Plan> {
    let path = source.name
    var builder = WorkbookBuilder()
    let reader = DelimitedReader(
      options: DelimitedReadOptions(
        delimiter: options.delimiter, likelyDelimiters: options.format?.likelyDelimiters,
        limits: DelimitedLimits(maxCells: trackerCells)))
    let report = try PhaseTimer.measure("read") {
      switch source.content {
      case .file(let file): try reader.read(contentsOf: file, into: &builder)
      case .bytes(let bytes): try reader.read(bytes: bytes, name: path, into: &builder)
      }
    }
    var workbook: Workbook? = builder.workbook
    builder = WorkbookBuilder()
    removeFormulaGuards(&workbook!)
    if let sheet = workbook?.sheets.first, LongCSVReader.isLongCSV(sheet) {
      let outcome = LongCSVReader.read(sheet, file: path, words: options.periodWords)
      return Outcome(value: outcome.value, diagnostics: report.diagnostics + outcome.diagnostics)
    }
    var recogniserOptions = RecogniserOptions(
      mixedStatusReading: options.mixedStatusReading, isDelimited: true, shortRows: report.shortRows,
      decimalComma: options.decimalComma ?? (report.delimiter == .semicolon))
    recogniserOptions.headerWords = options.headerWords
    recogniserOptions.periodWords = options.periodWords
    // The recogniser takes the grid (the builder's copy is gone) and frees
    // the table's cells as its actions are built.
    let recognised = try PhaseTimer.measure("recognise") {
      try Recogniser.recognise(workbook.take()!, file: path, options: recogniserOptions)
    }
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

  private static func loadJSON(_ source: InputSource) throws -> Outcome<Plan> {
    // Decoded whole, in memory: its own cap, checked before reading.
    let tooLarge = { (size: Int) in
      InputError.unsupported(
        location: SourceLocation(file: source.name),
        reason: "the file is \(size) bytes, more than the limit of \(PlanJSONReader.maxBytes) bytes for wsoa/1 JSON input")
    }
    switch source.content {
    case .file(let path):
      if let size = FileProbe.size(path), size > PlanJSONReader.maxBytes { throw tooLarge(size) }
      guard let bytes = FileProbe.read(path) else { throw TrackerError.fileNotFound(path: path) }
      return try PlanJSONReader.read(bytes, file: path)
    case .bytes(let bytes):
      if bytes.count > PlanJSONReader.maxBytes { throw tooLarge(bytes.count) }
      return try PlanJSONReader.read(bytes, file: source.name)
    }
  }

  private static func loadXLSX(_ source: InputSource, _ options: LoadOptions) throws -> Outcome<Plan> {
    let path = source.name
    if case .file(let file) = source.content, FileProbe.kind(file) == .missing {
      throw TrackerError.fileNotFound(path: file)
    }
    // The reader (and its shared-string table) goes before recognition, so
    // the plan can reuse that memory. Its notes (a chart sheet skipped) are
    // findings of every command that loads the tracker.
    let (grid, readerNotes) = try PhaseTimer.measure("read") {
      let reader: XLSXReader =
        switch source.content {
        case .file(let file): try XLSXReader(path: file, limits: .tracker)
        case .bytes(let bytes): try XLSXReader(bytes: bytes, name: path, limits: .tracker)
        }
      return (try reader.readWorkbook(.all), XLSXInput.skippedSheets(reader, path: path))
    }
    var workbook: Workbook? = consume grid
    var recogniserOptions = RecogniserOptions(
      sheets: options.sheets, mixedStatusReading: options.mixedStatusReading, decimalComma: options.decimalComma)
    recogniserOptions.headerWords = options.headerWords
    recogniserOptions.periodWords = options.periodWords
    // The recogniser takes the grid and frees each table's cells as its
    // actions are built.
    let outcome = try PhaseTimer.measure("recognise") {
      try Recogniser.recognise(workbook.take()!, file: path, options: recogniserOptions)
    }
    return Outcome(value: outcome.value, diagnostics: readerNotes + outcome.diagnostics)
  }
}
