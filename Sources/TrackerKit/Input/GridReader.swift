public import DelimitedFormat
public import Diagnostics
public import Grid

/// Options for reading any input as a grid.
public struct GridReadOptions: Hashable, Sendable {
  /// The sheet to read; `nil` reads every sheet (a CSV/TSV file has one).
  public var sheet: SheetSelector?
  /// For CSV/TSV: the field separator, or `nil` to detect it.
  public var delimiter: Delimiter?
  /// For CSV/TSV: size bounds (Excel's limits by default).
  public var delimitedLimits: DelimitedLimits
  /// The declared format (`--from`), or `nil` to go by the content and name
  /// (see `InputFormat`); `csv`/`tsv` also make comma or tab the likely delimiter.
  public var from: TrackerFormat?

  /// Creates options.
  public init(
    sheet: SheetSelector? = nil, delimiter: Delimiter? = nil, delimitedLimits: DelimitedLimits = DelimitedLimits(),
    from: TrackerFormat? = nil
  ) {
    self.sheet = sheet
    self.delimiter = delimiter
    self.delimitedLimits = delimitedLimits
    self.from = from
  }
}

/// What a grid read found out besides the rows.
public struct GridReadReport: Hashable, Sendable {
  /// The detected format.
  public var format: InputFormat
  /// For CSV/TSV: encoding, delimiter and size.
  public var delimited: DelimitedReadReport?
  /// Warnings (an encoding fallback, a stray quote…).
  public var diagnostics: [Diagnostic]

  /// Creates a report.
  public init(format: InputFormat, delimited: DelimitedReadReport? = nil, diagnostics: [Diagnostic] = []) {
    self.format = format
    self.delimited = delimited
    self.diagnostics = diagnostics
  }
}

/// Reads any supported input (CSV, TSV, XLSX) as a cell grid: detects the
/// format by content, streams rows to a `RowConsumer` or builds a
/// `Workbook`, and turns every reader error into an `InputError`.
///
/// ```swift
/// var builder = WorkbookBuilder()
/// let report = try GridReader().read(path: "returns.csv", into: &builder)
/// ```
public struct GridReader: Sendable {
  /// How to read.
  public var options: GridReadOptions

  /// Creates a reader.
  public init(options: GridReadOptions = GridReadOptions()) {
    self.options = options
  }

  /// Streams the input at `path` into `consumer`.
  ///
  /// - Returns: the format and the read's warnings.
  /// - Throws: `InputError` for the input (for CSV/TSV, before any row is
  ///   consumed); otherwise whatever `consumer` throws.
  @discardableResult
  public func read(path: String, into consumer: inout some RowConsumer) throws -> GridReadReport {
    try read(.file(path), into: &consumer)
  }

  /// Streams a file or standard input into `consumer`, as `read(path:into:)`.
  @discardableResult
  public func read(_ source: InputSource, into consumer: inout some RowConsumer) throws -> GridReadReport {
    let format = try source.format(declared: options.from?.inputFormat)
    switch format {
    case .delimited:
      let reader = DelimitedReader(
        options: DelimitedReadOptions(
          delimiter: options.delimiter, likelyDelimiters: options.from?.likelyDelimiters,
          limits: options.delimitedLimits))
      if let sheet = options.sheet {
        let name = DelimitedReader.sheetName(for: source.name)
        guard sheet.index(in: [name]) != nil else {
          throw InputError.sheetNotFound(
            location: SourceLocation(file: source.name), requested: sheet.text, available: [name])
        }
      }
      do {
        let report =
          switch source.content {
          case .file(let path): try reader.read(contentsOf: path, into: &consumer)
          case .bytes(let bytes): try reader.read(bytes: bytes, name: source.name, into: &consumer)
          }
        return GridReadReport(format: format, delimited: report, diagnostics: report.diagnostics)
      } catch let error as DelimitedError {
        throw InputError(error)
      }
    case .xlsx, .legacyOrEncrypted:
      // XLSXReader recognises an OLE/CFB container and says so in one message.
      let diagnostics = try XLSXInput.stream(source, sheet: options.sheet, into: &consumer)
      return GridReadReport(format: format, diagnostics: diagnostics)
    case .trackerJSON:
      throw InputError.unsupported(
        location: SourceLocation(file: source.name),
        reason: "is tracker JSON, which has no cell grid; grids are read from CSV, TSV and XLSX files")
    }
  }

  /// Reads the input at `path` into a workbook.
  ///
  /// - Throws: `InputError`.
  public func readWorkbook(path: String) throws(InputError) -> Outcome<Workbook> {
    var builder = WorkbookBuilder()
    do {
      let report = try read(path: path, into: &builder)
      return Outcome(value: builder.workbook, diagnostics: report.diagnostics)
    } catch let error as InputError {
      throw error
    } catch {
      // WorkbookBuilder never throws; anything else is a reader bug surfacing as an error.
      throw .malformed(location: SourceLocation(file: path), reason: "\(error)")
    }
  }
}

extension InputError {
  /// Translates a CSV/TSV reader error, keeping its file, line and cell.
  public init(_ error: DelimitedError) {
    switch error {
    case .fileNotFound:
      self = .missing(location: error.location, reason: error.reason)
    case .isDirectory, .notRegularFile, .unreadable:
      self = .unreadable(location: error.location, reason: error.reason)
    case .emptyFile, .fileTooLarge, .nulByte, .unterminatedQuote, .tooManyRows, .tooManyColumns, .fieldTooLong, .tooManyCells,
      .changedWhileReading:
      self = .malformed(location: error.location, reason: error.reason)
    }
  }
}
