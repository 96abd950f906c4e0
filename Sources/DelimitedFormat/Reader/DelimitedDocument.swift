import Grid

/// A decoded, fully checked file ready to hand out its rows: the UTF-8
/// text, its record index and the report.
struct DelimitedDocument: Sendable {
  let text: DecodedText
  let delimiter: Delimiter
  let index: RecordIndex
  let report: DelimitedReadReport
  let sheetName: String
  let maxThreads: Int?

  /// Records decoded per batch (and per thread in a parallel wave).
  static let batchSize = 2048

  /// Hands the rows to `consumer` in order, framed by `beginSheet`/`endSheet`.
  func stream(into consumer: inout some RowConsumer) throws {
    try consumer.beginSheet(Sheet(name: sheetName))
    try forEachBatch { rows in
      for row in rows { try consumer.consume(row) }
    }
    try consumer.endSheet(Sheet(name: sheetName))
  }

  /// The whole file as a one-sheet workbook.
  func workbook() -> Workbook {
    var rows: [Row] = []
    rows.reserveCapacity(index.records.count)
    forEachBatch { batch in rows.append(contentsOf: batch) }
    return Workbook(sheets: [Sheet(name: sheetName, rows: rows)])
  }

  /// Decodes the records in batches (on helper threads too, when there are
  /// several processors and enough records) and calls `body` with each
  /// batch in file order on the caller's thread. Bytes already decoded are
  /// given back to the system as it goes, so the text is read only once.
  func forEachBatch<E: Error>(_ body: ([Row]) throws(E) -> Void) throws(E) {
    let records = index.records
    let batch = DelimitedDocument.batchSize
    let batches = (records.count + batch - 1) / batch
    let helpers = helperCount(batches: batches)
    let buffer = text.buffer
    if helpers == 0 {
      var decoder = makeDecoder()
      for k in 0..<batches {
        let range = k * batch..<min((k + 1) * batch, records.count)
        try body(decoder.rows(records, range))
        if range.upperBound < records.count { buffer.discard(before: records[range.upperBound].start) }
      }
      return
    }
    let document = self
    let pipeline = BatchPipeline(batchCount: batches, helpers: helpers, window: 4 * (helpers + 1)) { k in
      var decoder = document.makeDecoder()
      return decoder.rows(document.index.records, k * batch..<min((k + 1) * batch, document.index.records.count))
    }
    defer { pipeline.finish() }
    for k in 0..<batches {
      try pipeline.take(k, body)
      let next = (k + 1) * batch
      if next < records.count { buffer.discard(before: records[next].start) }
    }
  }

  private func makeDecoder() -> RecordDecoder {
    RecordDecoder(bytes: text.buffer.base, delimiter: delimiter.byte, width: index.width)
  }

  /// Threads besides the caller's: none for a single batch (see `ThreadBudget`).
  private func helperCount(batches: Int) -> Int {
    guard batches > 1 else { return 0 }
    return min(ThreadBudget.threads(requested: maxThreads), batches) - 1
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
