import Diagnostics
import Grid
import TrackerModel

/// A status key laid out as a table (docs/preamble-keys-periods.md): codes in one column
/// and their words in the next (`B | Complete and embedded`), a coloured
/// swatch with words beside it (`■ | Green - Complete`: the written colour
/// wins over the fill's), down the rows or across one row, words in cells
/// filled with the colours they explain (one colour each), or one entry per
/// line in one column (`G - Complete` / `A - Progressing`), under an
/// optional `Key` / `Status key` / `RAG key` / `Legend` label.
enum KeyTable {
  /// The entries and every cell the key used (label included).
  struct Found {
    var entries: [LegendEntry]
    var cells: Set<CellAddress>
  }

  private struct Pair {
    var code: Cell
    var meaning: Cell
    var rating: Rating
    var codeText: String
    /// A whole entry in one cell (`G - Complete`), from `lines`.
    var isLine = false
  }

  /// Words a key's label is made of; it must hold `key`, `legend`, `rag` or `brag`.
  private static let labelWords: Set<String> = [
    "key", "legend", "rag", "brag", "status", "rating", "ratings", "colour", "colours", "color", "colors", "code",
    "codes", "progress", "the", "of", "to",
  ]

  /// Finds a key among rows: two or more code–meaning pairs down one column
  /// on consecutive rows, or across one row.
  static func find(_ rows: some Collection<Row>, _ context: SheetContext, scope: LegendEntry.Scope) -> Found? {
    var byRow: [(row: Row, pairs: [Pair])] = []
    for row in rows {
      let pairs = pairs(in: row, context)
      if !pairs.isEmpty { byRow.append((row, pairs)) }
    }
    var chosen: [(Row, Pair)] = []
    if let across = byRow.first(where: { $0.pairs.count >= 2 }) {
      chosen = across.pairs.map { (across.row, $0) }
    } else {
      // The longest run of single pairs in one column on consecutive rows.
      var run: [(Row, Pair)] = []
      for (row, pairs) in byRow {
        let pair = pairs[0]
        if let (lastRow, lastPair) = run.last, row.number == lastRow.number + 1, pair.code.column == lastPair.code.column {
          run.append((row, pair))
        } else {
          run = [(row, pair)]
        }
        if run.count > chosen.count { chosen = run }
      }
    }
    if chosen.count < 2 { chosen = filledWords(rows, context) }
    if chosen.count < 2 { chosen = lines(rows, context) }
    guard chosen.count >= 2 else { return nil }
    var found = Found(entries: [], cells: [])
    for (row, pair) in chosen {
      let meaning = MarkupText(CellText.of(pair.meaning.value)).text.collapsedWhitespace
      let source = context.location(row, column: pair.code.column)
      // The meaning cell may name its code again (`Green - Complete` beside
      // a green swatch, or a whole line): the entry is the one it writes.
      if var line = lineEntry(meaning), pair.isLine || isCodeWord(line.code) {
        (line.scope, line.source) = (scope, source)
        found.entries.append(line)
      } else {
        found.entries.append(
          LegendParser.entry(code: pair.codeText, rating: pair.rating, meaning: meaning, scope: scope, source: source))
      }
      found.cells.insert(CellAddress(row: row.number, column: pair.code.column))
      found.cells.insert(CellAddress(row: row.number, column: pair.meaning.column))
    }
    // The label: in the row above the key, or before the first pair in its row.
    let (firstRow, firstPair) = chosen[0]
    let candidates = (rows.first { $0.number == firstRow.number - 1 }?.cells ?? [])
      + firstRow.cells.filter { $0.column < firstPair.code.column }
    if let label = candidates.first(where: { isLabel($0.value) }) {
      let row = rows.first { $0.number == firstRow.number - 1 && $0.cells.contains(label) } ?? firstRow
      found.cells.insert(CellAddress(row: row.number, column: label.column))
    }
    return found
  }

  /// Words in cells filled with status colours, one colour each, on
  /// consecutive rows of one column (`On track` on green, `At risk` on amber).
  private static func filledWords(_ rows: some Collection<Row>, _ context: SheetContext) -> [(Row, Pair)] {
    var best: [(Row, Pair)] = []
    var run: [(Row, Pair)] = []
    for row in rows {
      let pair = row.cells.lazy.compactMap { cell -> Pair? in
        guard case .text(let s) = cell.value, s.utf8.count <= 40, isMeaning(cell.value),
          let rgb = context.fill(cell), let rating = FillColour.rating(rgb),
          let name = colourNames[rating]
        else { return nil }
        return Pair(code: cell, meaning: cell, rating: rating, codeText: name)
      }.first
      if let pair, let (lastRow, lastPair) = run.last, row.number == lastRow.number + 1,
        pair.code.column == lastPair.code.column, !run.contains(where: { $0.1.rating == pair.rating })
      {
        run.append((row, pair))
      } else {
        run = pair.map { [(row, $0)] } ?? []
      }
      if run.count > best.count { best = run }
    }
    return best
  }

  /// One key entry per line, in one column on consecutive rows, each row
  /// holding nothing else (`G - Complete` / `Grey - Not yet due`). Under a
  /// key label each line is read as a line of a labelled key; without one,
  /// the lines must make a key when read together as one line.
  private static func lines(_ rows: some Collection<Row>, _ context: SheetContext) -> [(Row, Pair)] {
    var best: [(Row, Pair)] = []
    var run: [(Row, Pair)] = []
    func close() {
      guard run.count >= 2, run.count > best.count, let first = run.first else { return }
      let above = rows.first { $0.number == first.0.number - 1 }
      let labelled = above?.cells.contains { isLabel($0.value) } ?? false
      let joined = run.map { MarkupText(CellText.of($0.1.meaning.value)).text.collapsedWhitespace }.joined(separator: "; ")
      if labelled || LegendParser.parse(joined, scope: .periods)?.entries.count == run.count { best = run }
    }
    for row in rows {
      let filled = row.cells.filter { !CellText.isBlank($0.value) }
      guard filled.count == 1, let cell = filled.first,
        let line = lineEntry(MarkupText(CellText.of(cell.value)).text.collapsedWhitespace)
      else {
        close()
        run = []
        continue
      }
      let pair = Pair(code: cell, meaning: cell, rating: line.rating, codeText: line.code, isLine: true)
      if let last = run.last, row.number == last.0.number + 1, last.1.code.column == cell.column {
        run.append((row, pair))
      } else {
        close()
        run = [(row, pair)]
      }
    }
    close()
    return best
  }

  /// The one entry a cell states (`G - Complete`, `Grey – not yet due`,
  /// `On track = progressing`) read as a line of a labelled key, starting
  /// with its code.
  private static func lineEntry(_ text: String) -> LegendEntry? {
    guard text.utf8.count <= 300,
      let legend = LegendParser.parse(text, scope: .periods, minimumEntries: 1, labelled: true),
      legend.entries.count == 1, legend.heading.isEmpty, !legend.entries[0].meaning.isEmpty
    else { return nil }
    return legend.entries[0]
  }

  private static let colourNames: [Rating: String] = [.red: "Red", .amber: "Amber", .green: "Green", .blue: "Blue", .grey: "Grey"]

  /// The code–meaning pairs of a row, left to right.
  private static func pairs(in row: Row, _ context: SheetContext) -> [Pair] {
    var out: [Pair] = []
    var n = 0
    let cells = row.cells
    while n < cells.count {
      guard let (rating, code) = code(cells[n], row, context),
        let m = cells[(n + 1)...].prefix(while: { $0.column <= cells[n].column + 2 })
          .firstIndex(where: { !CellText.isBlank($0.value) }),
        isMeaning(cells[m].value)
      else {
        n += 1
        continue
      }
      out.append(Pair(code: cells[n], meaning: cells[m], rating: rating, codeText: code))
      n = m + 1
    }
    return out
  }

  /// A status code or colour word (`B`, `Amber`, `Grey`), or an empty cell
  /// filled with a status colour; its rating and the code to record.
  private static func code(_ cell: Cell, _ row: Row, _ context: SheetContext) -> (Rating, String)? {
    if case .text(let s) = cell.value, !CellText.isBlank(cell.value) {
      let text = s.collapsedWhitespace
      guard text.utf8.count <= 12 else { return nil }
      let status = StatusVocabulary.read(text).status
      guard status.towards == nil, [.red, .amber, .green, .blue, .grey].contains(status.rating) else { return nil }
      guard isCodeWord(text) else { return nil }
      return (status.rating, text)
    }
    guard CellText.isBlank(cell.value), let rgb = context.fill(cell), let rating = FillColour.rating(rgb)
    else { return nil }
    return colourNames[rating].map { (rating, $0) }
  }

  /// A code, not a phrase: a letter or a colour word.
  private static func isCodeWord(_ text: String) -> Bool {
    let key = StatusVocabulary.normalisedKey(text)
    return key.count == 1 || ["red", "amber", "orange", "green", "blue", "grey", "gray", "purple"].contains(key)
  }

  /// Words that say what a code means (not another code, not a number).
  private static func isMeaning(_ value: CellValue) -> Bool {
    guard case .text(let s) = value else { return false }
    let text = s.collapsedWhitespace
    guard text.contains(where: \.isLetter), text.utf8.count <= 300 else { return false }
    return StatusVocabulary.normalisedKey(text).count > 1
  }

  private static func isLabel(_ value: CellValue) -> Bool {
    guard case .text(let s) = value, s.utf8.count <= 40 else { return false }
    let words = s.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    return !words.isEmpty && words.allSatisfy(labelWords.contains)
      && words.contains { ["key", "legend", "rag", "brag"].contains($0) }
  }
}
