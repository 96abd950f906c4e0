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
    let end = min(text.buffer.count, text.start + sampleBytes)
    let truncated = end < text.buffer.count
    var best = preferred
    var bestScore = (frequency: 0, fields: 0)
    var candidates: [Delimiter] = [preferred]
    candidates += [.tab, .comma, .semicolon, .pipe].filter { $0 != preferred }
    for candidate in candidates {
      let score = self.score(candidate, text: text, end: end, dropLast: truncated)
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
    _ delimiter: Delimiter, text: DecodedText, end: Int, dropLast: Bool
  ) -> (frequency: Int, fields: Int) {
    var scanner = RecordScanner(
      bytes: text.buffer.base, start: text.start, end: end, delimiter: delimiter.byte, sampling: true)
    var counts: [Int] = []
    while counts.count < sampleRecords, let record = try? scanner.next() {
      counts.append(record.fieldCount)
    }
    if dropLast, scanner.position >= end, !counts.isEmpty { counts.removeLast() }
    var frequency: [Int: Int] = [:]
    for count in counts where count > 1 { frequency[count, default: 0] += 1 }
    var best = (frequency: 0, fields: 0)
    for (fields, times) in frequency where times > best.frequency || (times == best.frequency && fields > best.fields) {
      best = (times, fields)
    }
    return best
  }
}
