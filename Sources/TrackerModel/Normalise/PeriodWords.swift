/// Period words a council adds to the built-in grammar (`[periods]` in
/// `wsoa.toml`): its own spellings of months, term names, quarter words and
/// status words, each read as the built-in word it stands for, and whole
/// review labels (`Baseline`, `Review 1`) each standing for a period.
///
/// A council word is one word of ASCII letters; it is matched ignoring case,
/// wherever the grammar reads that kind of word (`Ionawr 2024`,
/// `Ion-24 – Maw-24`, `Michaelmas 2023`, `Chwarter 2 2023/24`,
/// `Position Jun-23`). A label is matched as a whole heading, with status
/// words and brackets around it (`Review 1 RAG`, `Status (Baseline)`).
public struct PeriodWords: Hashable, Sendable {
  /// Council word (lower case) → the built-in word it is read as.
  private var synonyms: [String: String] = [:]
  /// Each label's tokens and the period it stands for.
  private var labels: [Label] = []

  private struct Label: Hashable, Sendable {
    var tokens: [PeriodGrammar.Token.Kind]
    var period: PeriodLabel
  }

  /// No words of the council's own.
  public init() {}

  /// Whether nothing is configured.
  public var isEmpty: Bool { synonyms.isEmpty && labels.isEmpty }

  /// The term names a term word may stand for.
  public static let termNames = ["autumn", "spring", "summer"]

  /// Why a council word cannot be defined: `nil` when it can.
  public static func problem(word: String) -> String? {
    guard !word.isEmpty, word.utf8.allSatisfy(TextBytes.isLetter) else {
      return "must be one word of the letters a-z"
    }
    let lower = word.lowercased()
    if PeriodGrammar.builtInWords.contains(lower) || MonthNames.byName[lower] != nil {
      return "is already a period word of the built-in grammar"
    }
    return nil
  }

  /// `word` read as month `month` (1–12); `false` when the word cannot be defined.
  public mutating func define(month word: String, as month: Int) -> Bool {
    guard (1...12).contains(month) else { return false }
    return define(word, as: MonthNames.short[month - 1].lowercased())
  }

  /// `word` read as the term `term` (`autumn`, `spring` or `summer`).
  public mutating func define(term word: String, as term: String) -> Bool {
    guard Self.termNames.contains(term) else { return false }
    return define(word, as: term)
  }

  /// `word` read as `Quarter` (`Chwarter 2 2023/24`).
  public mutating func define(quarterWord word: String) -> Bool { define(word, as: "quarter") }

  /// `word` read as `Status`: around a period it marks a status column
  /// (`Position Jun-23`), and a heading starting or ending with it names one.
  public mutating func define(statusWord word: String) -> Bool { define(word, as: "status") }

  private mutating func define(_ word: String, as builtIn: String) -> Bool {
    let lower = word.lowercased()
    guard Self.problem(word: word) == nil, synonyms[lower] == nil || synonyms[lower] == builtIn else { return false }
    synonyms[lower] = builtIn
    return true
  }

  /// The month an English month name or abbreviation names (`Sept` → 9).
  public static func month(named name: String) -> Int? { MonthNames.byName[name.lowercased()] }

  /// A whole heading read as `period`; `false` when the label has nothing
  /// to match (no words or numbers) or `period` is not a review period.
  public mutating func define(label: String, as period: PeriodLabel) -> Bool {
    guard case .period = period, let tokens = PeriodGrammar.tokens(Array(label.utf8)),
      tokens.contains(where: { if case .mark = $0.kind { false } else { true } })
    else { return false }
    labels.removeAll { $0.tokens == tokens.map(\.kind) }
    labels.append(Label(tokens: tokens.map(\.kind), period: period))
    return true
  }

  /// The tokens with each council word replaced by the built-in word it stands for.
  func translated(_ tokens: [PeriodGrammar.Token]) -> [PeriodGrammar.Token] {
    guard !synonyms.isEmpty else { return tokens }
    return tokens.map { token in
      var copy = token
      copy.kind = translated(token.kind)
      return copy
    }
  }

  private func translated(_ kind: PeriodGrammar.Token.Kind) -> PeriodGrammar.Token.Kind {
    guard case .word(let word) = kind, let builtIn = synonyms[word] else { return kind }
    return .word(builtIn)
  }

  /// The period of the label the heading is: the label's tokens in a row,
  /// with only status words, link words and marks around them.
  func label(_ tokens: [PeriodGrammar.Token]) -> PeriodLabel? {
    guard !labels.isEmpty else { return nil }
    let kinds = tokens.map(\.kind)
    for label in labels where label.tokens.count <= kinds.count {
      // A label may hold the council's own words too (`Ionawr review`).
      let wanted = label.tokens.map(translated)
      for start in 0...(kinds.count - wanted.count) where Array(kinds[start..<(start + wanted.count)]) == wanted {
        let around = tokens[..<start] + tokens[(start + wanted.count)...]
        if around.allSatisfy(PeriodGrammar.isDecoration) { return label.period }
      }
    }
    return nil
  }
}
