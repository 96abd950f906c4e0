public import AtomicOutput
import ByteScan
public import Grid

/// Writes rows as RFC 4180 CSV or TSV in UTF-8, streaming to a `ByteSink`.
///
/// - A field is quoted when it holds the delimiter, a quote, CR or LF;
///   quotes inside are doubled. The file's first field is also quoted when
///   it starts with U+FEFF (and no byte-order mark was asked for): unquoted,
///   its bytes would be the UTF-8 byte-order mark and a reader would drop them.
/// - Each row is written up to its last cell (our reader does not pad short
///   records, so a CSV read and written again keeps each record's field
///   count); missing row numbers become blank lines, so row N of the sheet
///   stays record N of the file.
/// - Numbers in their shortest form, `TRUE`/`FALSE`, ISO dates, error codes.
/// - Formula guard on by default (`FormulaGuard`).
///
/// Reading what it wrote with `DelimitedReader` (guard off) gives back the
/// same grid.
///
/// ```swift
/// try AtomicFile.write(to: "out.csv") { sink in
///   var writer = DelimitedWriter(sink: sink)
///   try reader.read(contentsOf: "in.tsv", into: &writer)
/// }
/// ```
public struct DelimitedWriter: RowConsumer {
  private let sink: ByteSink
  /// How it writes.
  public let options: DelimitedWriteOptions
  private let delimiter: UInt8
  private let delimiterMask: UInt64
  private var nextRowNumber = 1
  private var wroteByteOrderMark = false
  /// Whether the output starts with the UTF-8 byte-order mark.
  private var startsWithByteOrderMark = false
  /// Records written so far (blank lines for missing rows included).
  public private(set) var recordsWritten = 0

  private static let quote = UInt8(ascii: "\"")
  private static let quoteMask = ByteWord.broadcast(quote)
  private static let lfMask = ByteWord.broadcast(0x0A)
  private static let crMask = ByteWord.broadcast(0x0D)

  /// Creates a writer appending to `sink`.
  public init(sink: ByteSink, options: DelimitedWriteOptions = DelimitedWriteOptions()) {
    self.sink = sink
    self.options = options
    self.delimiter = options.delimiter.byte
    self.delimiterMask = ByteWord.broadcast(options.delimiter.byte)
  }

  /// Writes the byte-order mark if asked for; a CSV file holds one sheet,
  /// so row numbering restarts only for the first.
  public mutating func beginSheet(_ sheet: Sheet) {
    if options.writesByteOrderMark, !wroteByteOrderMark {
      sink.write(byte: 0xEF)
      sink.write(byte: 0xBB)
      sink.write(byte: 0xBF)
      startsWithByteOrderMark = true
    }
    wroteByteOrderMark = true
  }

  /// Writes one row (and blank lines for any row numbers skipped before it).
  public mutating func consume(_ row: Row) {
    while nextRowNumber < row.number {
      endRecord()
      nextRowNumber += 1
    }
    var column = 1
    for cell in row.cells {
      while column < cell.column {
        if column > 1 { sink.write(byte: delimiter) }
        column += 1
      }
      if column > 1 { sink.write(byte: delimiter) }
      write(cell.value, isFirstInFile: column == 1 && recordsWritten == 0 && !startsWithByteOrderMark)
      column += 1
    }
    endRecord()
    nextRowNumber = row.number + 1
  }

  /// Nothing to finish: rows are written as they come.
  public mutating func endSheet(_ sheet: Sheet) {}

  /// Writes a whole sheet to `path` atomically.
  ///
  /// - Throws: `OutputError`.
  public static func write(_ sheet: Sheet, to path: String, options: DelimitedWriteOptions = DelimitedWriteOptions())
    throws(OutputError)
  {
    do {
      try AtomicFile.write(to: path) { sink in
        var writer = DelimitedWriter(sink: sink, options: options)
        writer.beginSheet(sheet)
        for row in sheet.rows { writer.consume(row) }
        writer.endSheet(sheet)
      }
    } catch let error as OutputError {
      throw error
    } catch {
      throw .writeFailed(path: path, reason: "\(error)")
    }
  }

  private mutating func endRecord() {
    if options.lineEnding == .crlf { sink.write(byte: 0x0D) }
    sink.write(byte: 0x0A)
    recordsWritten += 1
  }

  private func write(_ value: CellValue, isFirstInFile: Bool) {
    switch value {
    case .empty:
      return
    case .text(let text):
      var text = text
      text.withUTF8 {
        writeField(
          $0, guarded: options.guardsFormulas && FormulaGuard.needsGuard($0),
          quoted: isFirstInFile && $0.starts(with: [0xEF, 0xBB, 0xBF]))
      }
    default:
      var text = value.displayText
      text.withUTF8 { writeField($0, guarded: false) }
    }
  }

  private func writeField(_ bytes: UnsafeBufferPointer<UInt8>, guarded: Bool, quoted: Bool = false) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    let special = ByteSearch.firstIndex(
      of: delimiterMask, DelimitedWriter.lfMask, DelimitedWriter.crMask, in: base, from: 0, to: bytes.count)
    let hasQuote = ByteSearch.firstIndex(of: DelimitedWriter.quoteMask, in: base, from: 0, to: bytes.count) < bytes.count
    guard special < bytes.count || hasQuote || quoted else {
      if guarded { sink.write(byte: UInt8(ascii: "'")) }
      sink.write(UnsafeRawBufferPointer(bytes))
      return
    }
    sink.write(byte: DelimitedWriter.quote)
    if guarded { sink.write(byte: UInt8(ascii: "'")) }
    var segment = 0
    while segment < bytes.count {
      let q = ByteSearch.firstIndex(of: DelimitedWriter.quoteMask, in: base, from: segment, to: bytes.count)
      let upper = min(q + 1, bytes.count)  // include the quote, then write it once more
      sink.write(UnsafeRawBufferPointer(start: base + segment, count: upper - segment))
      if q < bytes.count { sink.write(byte: DelimitedWriter.quote) }
      segment = upper
    }
    sink.write(byte: DelimitedWriter.quote)
  }
}
