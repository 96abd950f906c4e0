import Grid

/// Where a document's text is while its rows are decoded.
enum TextSource: Sendable {
  /// In memory: UTF-16 input transcoded to UTF-8, or bytes the caller gave.
  case memory(ByteBuffer)
  /// In the file, read again batch by batch (UTF-8, or Windows-1252).
  case file(InputFile, isWindows1252: Bool)
}

/// A fully checked file ready to hand out its rows: where its text is, its
/// record index and the report.
struct DelimitedDocument: Sendable {
  let source: TextSource
  let path: String
  let delimiter: Delimiter
  let index: RecordIndex
  let report: DelimitedReadReport
  let sheetName: String
  /// Threads to decode with, decided once per read (see `ThreadBudget`).
  let threads: Int

  /// Records decoded per batch: small enough that a batch's bytes (about
  /// 600 KB for tracker-sized cells) stay in a core's L2 cache between the
  /// read that copies them in and the decoding, which measured faster than
  /// 2,048 (on the benchmark file, 0.064 s against 0.074 s with two threads).
  static let batchSize = 512

  /// Hands the rows to `consumer` in order, framed by `beginSheet`/`endSheet`.
  func stream(into consumer: inout some RowConsumer) throws {
    try consumer.beginSheet(Sheet(name: sheetName))
    try forEachBatch { rows in
      for row in rows { try consumer.consume(row) }
    }
    try consumer.endSheet(Sheet(name: sheetName))
  }

  /// The whole file as a one-sheet workbook.
  ///
  /// - Throws: `DelimitedError.unreadable` or `.changedWhileReading` when
  ///   the file cannot be read again as it was indexed.
  func workbook() throws(DelimitedError) -> Workbook {
    var rows: [Row] = []
    rows.reserveCapacity(index.records.count)
    do {
      try forEachBatch { batch in rows.append(contentsOf: batch) }
    } catch let error as DelimitedError {
      throw error
    } catch {
      throw .unreadable(path: path, reason: "\(error)")
    }
    return Workbook(sheets: [Sheet(name: sheetName, rows: rows)])
  }

  /// Decodes the records in batches (on helper threads too, see
  /// `ThreadBudget`) and calls `body` with each batch in file order on the
  /// caller's thread.
  ///
  /// - Throws: what `body` throws, or `DelimitedError` when the file cannot
  ///   be read again as it was indexed.
  func forEachBatch(_ body: ([Row]) throws -> Void) throws {
    let records = index.records
    let batches = (records.count + DelimitedDocument.batchSize - 1) / DelimitedDocument.batchSize
    let helpers = batches > 1 ? min(threads, batches) - 1 : 0
    let scratch = ScratchPool()
    if helpers == 0 {
      for k in 0..<batches {
        try body(decodeBatch(k, scratch: scratch).get())
        release(before: k + 1)
      }
    } else {
      let document = self
      let pipeline = BatchPipeline<Result<[Row], DelimitedError>>(
        batchCount: batches, helpers: helpers, window: 2 * (helpers + 1)
      ) { k in document.decodeBatch(k, scratch: scratch) }
      defer { pipeline.finish() }
      for k in 0..<batches {
        try pipeline.take(k) { batch in try body(batch.get()) }
        release(before: k + 1)
      }
    }
    if case .file(let file, _) = source { try file.checkUnchanged() }
  }

  /// Decodes batch `k`; row numbers are 1-based record indices.
  private func decodeBatch(_ k: Int, scratch: ScratchPool) -> Result<[Row], DelimitedError> {
    let records = index.records
    let range = k * DelimitedDocument.batchSize..<min((k + 1) * DelimitedDocument.batchSize, records.count)
    switch source {
    case .memory(let buffer):
      var decoder = RecordDecoder(bytes: buffer.base, delimiter: delimiter.byte)
      return .success(decoder.rows(records, range))
    case .file(let file, let isWindows1252):
      let first = records[range.lowerBound].start
      let count = records[range.upperBound - 1].end - first
      let bytes = scratch.take(count)
      defer { scratch.give(bytes) }
      do {
        guard try file.read(into: bytes.base, count: count, at: first) == count else {
          return .failure(.changedWhileReading(path: path))
        }
      } catch {
        return .failure(error)
      }
      var decoder = RecordDecoder(
        bytes: bytes.base, origin: first, delimiter: delimiter.byte,
        isWindows1252: isWindows1252)
      return .success(decoder.rows(records, range))
    }
  }

  /// Gives back the memory of text before batch `k` (in-memory text only).
  private func release(before k: Int) {
    let next = k * DelimitedDocument.batchSize
    if case .memory(let buffer) = source, next < index.records.count {
      buffer.discard(before: index.records[next].start)
    }
  }
}

extension RecordDecoder {
  /// Decodes `records[range]`; row numbers are 1-based record indices.
  mutating func rows(_ records: [RecordSpan], _ range: Range<Int>) -> [Row] {
    var rows: [Row] = []
    rows.reserveCapacity(range.count)
    for k in range { rows.append(row(records[k], number: k + 1)) }
    return rows
  }
}
