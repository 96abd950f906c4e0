public import Diagnostics
public import Grid

/// Reads CSV and TSV files into rows of text cells.
///
/// - RFC 4180 quoting: quoted fields may hold delimiters, doubled quotes
///   (`""`) and line breaks; LF, CRLF and a lone CR all end a line.
/// - Delimiter detected (comma, tab, semicolon, pipe) unless given.
/// - Encoding as Excel decides it: a byte-order mark (UTF-8, UTF-16LE/BE);
///   else strict UTF-8; else Windows-1252, reported as a warning.
/// - One row per record, blank lines included, each numbered from 1 and
///   carrying the physical line it starts on (`Row.line`), padded with empty
///   cells to the widest record. Empty fields are `.empty`; every other field
///   is `.text`, exactly as written (no trimming, no number guessing).
/// - Errors (`DelimitedError`) name the file and line; the whole file is
///   checked before the first row is handed out.
///
/// A first pass reads the file in chunks and indexes its records (a second
/// thread, when one is idle, indexes the second half meanwhile); a second
/// pass reads the records again batch by batch and decodes their fields, in
/// parallel when processors are idle. Neither holds the whole file.
///
/// ```swift
/// var builder = WorkbookBuilder()
/// let report = try DelimitedReader().read(contentsOf: "returns.csv", into: &builder)
/// print(report.delimiter, builder.workbook.sheets[0].rows.count)
/// ```
public struct DelimitedReader: Sendable {
  /// How to read.
  public var options: DelimitedReadOptions
  /// Bytes per chunk of the first pass over a file (tests make it tiny).
  var chunkBytes = 4 << 20

  /// Creates a reader.
  public init(options: DelimitedReadOptions = DelimitedReadOptions()) {
    self.options = options
  }

  /// Streams the file at `path` into `consumer` as one sheet named after the
  /// file (without its extension).
  ///
  /// - Returns: the encoding, delimiter, size and warnings.
  /// - Throws: `DelimitedError` for the input, before any row is consumed;
  ///   otherwise whatever `consumer` throws.
  @discardableResult
  public func read(contentsOf path: String, into consumer: inout some RowConsumer) throws -> DelimitedReadReport {
    let document = try prepare(path: path)
    try document.stream(into: &consumer)
    return document.report
  }

  /// Streams bytes already in memory (a download, standard input) into
  /// `consumer`; `name` stands for the file in messages and the sheet name.
  @discardableResult
  public func read(bytes: [UInt8], name: String, into consumer: inout some RowConsumer) throws
    -> DelimitedReadReport
  {
    let document = try prepare(bytes: bytes, name: name)
    try document.stream(into: &consumer)
    return document.report
  }

  /// Reads the file at `path` into a one-sheet workbook.
  ///
  /// - Returns: the workbook and the read's warnings.
  /// - Throws: `DelimitedError`.
  public func readWorkbook(contentsOf path: String) throws(DelimitedError) -> Outcome<Workbook> {
    let document = try prepare(path: path)
    return Outcome(value: try document.workbook(), diagnostics: document.report.diagnostics)
  }

  /// Reads bytes already in memory into a one-sheet workbook.
  ///
  /// - Throws: `DelimitedError`.
  public func readWorkbook(bytes: [UInt8], name: String) throws(DelimitedError) -> Outcome<Workbook> {
    let document = try prepare(bytes: bytes, name: name)
    return Outcome(value: try document.workbook(), diagnostics: document.report.diagnostics)
  }

  /// Decodes and indexes the file at `path`, checking all of it.
  ///
  /// UTF-8 and Windows-1252 files are indexed in chunks and their rows read
  /// again batch by batch, so no copy of the whole file is held; UTF-16
  /// files are transcoded to UTF-8 in memory first.
  func prepare(path: String) throws(DelimitedError) -> DelimitedDocument {
    let file = try InputFile(path: path, displayName: path, maxBytes: options.limits.maxFileBytes)
    guard file.size > 0 else { throw .emptyFile(path: path) }
    let head = UnsafeMutablePointer<UInt8>.allocate(capacity: 2)
    defer { head.deallocate() }
    let headCount = try file.read(into: head, count: 2, at: 0)
    if headCount == 2, (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) {
      // UTF-16 is transcoded whole, in memory: its own, lower cap.
      let limit = min(options.limits.maxFileBytes, options.limits.maxWholeTextBytes)
      guard file.size <= limit else { throw .fileTooLarge(path: path, bytes: file.size, limit: limit) }
      return try prepare(raw: try file.readAll(), name: path)
    }
    let threads = ThreadBudget.threads(requested: options.maxThreads)
    let scan = try ChunkedIndexer.index(
      file, delimiter: options.delimiter, likely: options.likelyDelimiters ?? Delimiter.likely(forPath: path),
      limits: options.limits,
      chunkBytes: chunkBytes, threads: threads)
    let report = DelimitedReadReport(
      encoding: scan.encoding, delimiter: scan.delimiter, delimiterWasDetected: options.delimiter == nil,
      rowCount: scan.index.records.count, columnCount: scan.index.width, diagnostics: scan.diagnostics,
      shortRows: scan.index.shortRows)
    return DelimitedDocument(
      source: .file(file, isWindows1252: scan.encoding == .windows1252), path: path, delimiter: scan.delimiter,
      index: scan.index, report: report, sheetName: Self.sheetName(for: path), threads: threads)
  }

  private func prepare(bytes: [UInt8], name: String) throws(DelimitedError) -> DelimitedDocument {
    let limit = min(options.limits.maxFileBytes, options.limits.maxWholeTextBytes)
    guard bytes.count <= limit else { throw .fileTooLarge(path: name, bytes: bytes.count, limit: limit) }
    let raw = ByteBuffer(capacity: bytes.count) { pointer, capacity in
      bytes.withUnsafeBufferPointer { source in
        if let base = source.baseAddress, capacity > 0 { pointer.update(from: base, count: capacity) }
      }
      return capacity
    }
    return try prepare(raw: raw, name: name)
  }

  private func prepare(raw: ByteBuffer, name: String) throws(DelimitedError) -> DelimitedDocument {
    if raw.count == 0 { throw .emptyFile(path: name) }
    let text = try EncodingDecoder.decode(raw, file: name)
    let guess =
      options.delimiter == nil
      ? DelimiterDetector.detect(in: text, likely: options.likelyDelimiters ?? Delimiter.likely(forPath: name)) : nil
    let delimiter = options.delimiter ?? guess?.delimiter ?? .comma
    let index = try RecordIndex.build(text, delimiter: delimiter, limits: options.limits, file: name)
    let report = DelimitedReadReport(
      encoding: text.encoding, delimiter: delimiter, delimiterWasDetected: options.delimiter == nil,
      rowCount: index.records.count, columnCount: index.width,
      diagnostics: DelimiterDetector.findings(guess, file: name) + text.diagnostics + index.diagnostics,
      shortRows: index.shortRows)
    return DelimitedDocument(
      source: .memory(text.buffer), path: name, delimiter: delimiter, index: index, report: report,
      sheetName: Self.sheetName(for: name), threads: ThreadBudget.threads(requested: options.maxThreads))
  }

  /// The sheet name a file gets: its base name without the extension
  /// (`returns/q3.csv` → `q3`).
  public static func sheetName(for path: String) -> String {
    let base = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
    return String(base[..<dot])
  }
}
