/// Guesses the delimiter from the first records: the candidate that splits
/// the most sampled records into the same number (> 1) of fields wins; ties
/// go to the one giving more fields, then to the order preferred, tab,
/// comma, semicolon, pipe. Quote-aware, so commas inside quoted text do not count.
enum DelimiterDetector {
  /// Bytes of the text sampled at most.
  static let sampleBytes = 1 << 20
  /// Records sampled at most.
  static let sampleRecords = 200

  /// The delimiter for `text`, or `preferred` when no candidate splits any record.
  static func detect(in text: DecodedText, preferred: Delimiter) -> Delimiter {
    detect(in: text.buffer.base, from: text.start, to: text.buffer.count, isWhole: true, preferred: preferred)
  }

  /// The delimiter for the text in `bytes[start..<end]`, which is the whole
  /// text or (`isWhole` false) its beginning.
  static func detect(
    in bytes: UnsafePointer<UInt8>, from start: Int, to end: Int, isWhole: Bool, preferred: Delimiter
  ) -> Delimiter {
    let sampleEnd = min(end, start + sampleBytes)
    let isFinal = isWhole && sampleEnd == end
    var best = preferred
    var bestScore = (frequency: 0, fields: 0)
    var candidates: [Delimiter] = [preferred]
    candidates += [.tab, .comma, .semicolon, .pipe].filter { $0 != preferred }
    for candidate in candidates {
      let score = self.score(candidate, bytes: bytes, start: start, end: sampleEnd, isFinal: isFinal)
      if score.frequency > bestScore.frequency
        || (score.frequency == bestScore.frequency && score.fields > bestScore.fields)
      {
        best = candidate
        bestScore = score
      }
    }
    return best
  }

  /// How many sampled records share the most common field count above 1, and that count.
  private static func score(
    _ delimiter: Delimiter, bytes: UnsafePointer<UInt8>, start: Int, end: Int, isFinal: Bool
  ) -> (frequency: Int, fields: Int) {
    // Not final: a record cut off by the sample's end is left out.
    var scanner = RecordScanner(bytes: bytes, start: start, end: end, isFinal: isFinal, delimiter: delimiter.byte)
    var counts: [Int] = []
    while counts.count < sampleRecords, case .record(let record)? = try? scanner.next() {
      counts.append(record.fieldCount)
    }
    var frequency: [Int: Int] = [:]
    for count in counts where count > 1 { frequency[count, default: 0] += 1 }
    var best = (frequency: 0, fields: 0)
    for (fields, times) in frequency where times > best.frequency || (times == best.frequency && fields > best.fields) {
      best = (times, fields)
    }
    return best
  }
}
