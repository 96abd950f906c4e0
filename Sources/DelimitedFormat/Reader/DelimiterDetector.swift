#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Diagnostics

/// What delimiter detection decided, and how clearly.
public struct DelimiterGuess: Hashable, Sendable {
  /// The delimiter chosen.
  public var delimiter: Delimiter
  /// The best of the other candidates, when it splits any record.
  public var runnerUp: Delimiter?
  /// False when the runner-up's evidence comes within a factor 1.5 of the
  /// chosen one's (a near tie, or the file name's prior outweighing better
  /// evidence): the reader then reports `csv.delimiter_guess`.
  public var isClear: Bool

  /// Creates a guess.
  public init(delimiter: Delimiter, runnerUp: Delimiter? = nil, isClear: Bool = true) {
    self.delimiter = delimiter
    self.runnerUp = runnerUp
    self.isClear = isClear
  }
}

/// Chooses the delimiter from the shape of the first records: the candidate
/// (comma, tab, semicolon, pipe) whose field counts are the most
/// *consistent*, not the one giving the most fields.
///
/// For each candidate the first records are split quote-aware (so a comma
/// inside a quoted field does not count). Its evidence is the largest, over
/// field counts k > 1, of
///
///     (share of non-blank records with k − k/5 … k fields) × log2(k)
///
/// - the share rewards consistency and coverage at once: a preamble or
///   footer line, or a prose cell holding the candidate, lowers it only by
///   its own weight;
/// - the window k − k/5 … k lets a wide table's rows be a little short
///   (writers that drop trailing empty cells), while 2- to 4-field splits
///   must agree exactly;
/// - log2(k) weighs a split into many fields above a split into two: prose
///   with one "; " per line splits lines in two consistently, a table's
///   separator splits them into ten.
///
/// The file name's prior (`.tsv`/`.tab` → tab, `.csv` → comma or
/// semicolon) holds unless another candidate's evidence is more than 1.5
/// times the prior's. A runner-up within that factor makes the guess not
/// clear (`DelimiterGuess.isClear`).
enum DelimiterDetector {
  /// Bytes of the text sampled at most.
  static let sampleBytes = 1 << 20
  /// Records sampled at most.
  static let sampleRecords = 200
  /// How much stronger evidence must be to overrule the file name's prior,
  /// and how close a runner-up makes a guess unclear.
  static let clearFactor = 1.5
  /// The candidates, in the order that breaks exact ties.
  static let candidates: [Delimiter] = [.tab, .comma, .semicolon, .pipe]

  /// The evidence for one candidate.
  struct Evidence: Equatable {
    /// The field count the records cluster at (0 when no record splits).
    var fields = 0
    /// Non-blank records in that cluster.
    var records = 0
    /// The share of non-blank records in the cluster, weighted by log2(fields).
    var score = 0.0
  }

  /// The delimiter for `text`; `likely` is the prior from the file name
  /// (empty for none).
  static func detect(in text: DecodedText, likely: [Delimiter]) -> DelimiterGuess {
    detect(in: text.buffer.base, from: text.start, to: text.buffer.count, isWhole: true, likely: likely)
  }

  /// The delimiter for the text in `bytes[start..<end]`, which is the whole
  /// text or (`isWhole` false) its beginning.
  static func detect(
    in bytes: UnsafePointer<UInt8>, from start: Int, to end: Int, isWhole: Bool, likely: [Delimiter]
  ) -> DelimiterGuess {
    let sampleEnd = min(end, start + sampleBytes)
    let isFinal = isWhole && sampleEnd == end
    let measured = candidates.map { evidence(for: $0, bytes: bytes, start: start, end: sampleEnd, isFinal: isFinal) }
    return decide(Dictionary(uniqueKeysWithValues: zip(candidates, measured)), likely: likely)
  }

  /// The decision from each candidate's evidence and the prior.
  static func decide(_ evidence: [Delimiter: Evidence], likely: [Delimiter]) -> DelimiterGuess {
    let order = likely + candidates.filter { !likely.contains($0) }
    func better(_ a: Delimiter, _ b: Delimiter) -> Bool {
      let x = evidence[a] ?? Evidence()
      let y = evidence[b] ?? Evidence()
      if x.score != y.score { return x.score > y.score }
      if x.fields != y.fields { return x.fields > y.fields }
      return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
    }
    let ranked = order.sorted(by: better)
    let score = { (d: Delimiter) in evidence[d]?.score ?? 0 }
    guard let best = ranked.first, score(best) > 0 else {
      // No candidate splits a record: every delimiter reads the text alike.
      return DelimiterGuess(delimiter: likely.first ?? .comma)
    }
    var chosen = best
    if !likely.contains(best), let prior = likely.sorted(by: better).first, score(prior) > 0,
      score(best) <= clearFactor * score(prior)
    {
      chosen = prior
    }
    let runnerUp = ranked.first { $0 != chosen && score($0) > 0 }
    let isClear = runnerUp.map { clearFactor * score($0) < score(chosen) } ?? true
    return DelimiterGuess(delimiter: chosen, runnerUp: runnerUp, isClear: isClear)
  }

  /// The `csv.delimiter_guess` finding for a guess that is not clear
  /// (none for a clear guess or a delimiter given by the caller).
  static func findings(_ guess: DelimiterGuess?, file: String) -> [Diagnostic] {
    guard let guess, !guess.isClear, let runnerUp = guess.runnerUp else { return [] }
    return [
      Diagnostic(
        code: "csv.delimiter_guess", severity: .info,
        message: "the delimiter was guessed: read as \(guess.delimiter), but \(runnerUp) splits the first records "
          + "almost as consistently",
        fix: "If the columns look wrong, give --delimiter \(runnerUp); otherwise --delimiter \(guess.delimiter) "
          + "silences this.",
        location: SourceLocation(file: file))
    ]
  }

  /// Splits the sampled records with `delimiter` and measures their consistency.
  private static func evidence(
    for delimiter: Delimiter, bytes: UnsafePointer<UInt8>, start: Int, end: Int, isFinal: Bool
  ) -> Evidence {
    // Not final: a record cut off by the sample's end is left out. An
    // unterminated quote ends the sample where it opens.
    var scanner = RecordScanner(bytes: bytes, start: start, end: end, isFinal: isFinal, delimiter: delimiter.byte)
    var histogram: [Int: Int] = [:]
    var nonBlank = 0
    var sampled = 0
    while sampled < sampleRecords, case .record(let record)? = try? scanner.next() {
      sampled += 1
      if record.fieldCount == 1, record.span.start == record.span.end { continue }
      nonBlank += 1
      histogram[record.fieldCount, default: 0] += 1
    }
    var best = Evidence()
    for fields in histogram.keys.sorted() where fields > 1 {
      let records = histogram.reduce(0) { $0 + ($1.key <= fields && $1.key >= fields - fields / 5 ? $1.value : 0) }
      let score = Double(records) / Double(nonBlank) * log2(Double(fields))
      if score >= best.score { best = Evidence(fields: fields, records: records, score: score) }
    }
    return best
  }
}
