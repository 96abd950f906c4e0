import Diagnostics
import Grid
import TrackerModel

/// A long table: one row per action per review period, as SharePoint lists
/// and databases export a tracker (`Ref | Action | Lead | Period | Status |
/// Update`), told from a wide one by the meaning of its header and values:
///
/// - a **period column**: its header names a period or a review date
///   (`Period`, `Quarter`, `Month`, `Review date`, `As at`, `Reporting
///   period`, `Date` …; never a due, target, created or modified date) and at
///   least 80% of its values read as periods (the same parser as period
///   headings: `Q2 2023/24`, `Dec-21`, `Autumn term 2023`, date cells …);
/// - a **status column**: its header says RAG, BRAG, Status or Rating (or,
///   without such a header, at least 80% of its values are statuses) and at
///   least half its values read as statuses;
/// - **repetition**: the actions' refs (or their text, without a ref
///   column) repeat (at most three distinct keys per four rows), or every
///   row names the same single period (a one-period snapshot);
/// - and no period columns: a table with period headings is wide.
struct LongLayout {
  /// The column naming each row's period.
  let periodColumn: Int
  /// The column holding each row's status.
  let statusColumn: Int
  /// The status column's header as written (names the extra fields a
  /// conflicting status is kept in).
  let statusHeader: String
  /// The period column's header as written.
  let periodHeader: String
  /// The header row.
  let headerRow: Int
  /// Columns promoted to a field the period or status column had taken (a
  /// second `Commentary` column when `Progress RAG` read as the notes column).
  private(set) var promotions: [(field: HeaderField, column: Int)] = []

  /// The id of the stand-in period the row reader reads each row's status
  /// into; the pivot replaces it with the row's own period.
  static let rowStatusPeriodId = "\u{1}row-status"

  /// Detects a long table on a sheet whose wide layout was `layout`;
  /// `legend` is the sheet's key (statuses may be its words).
  static func detect(_ context: SheetContext, _ layout: TableLayout, header: Row, legend: [LegendEntry]) -> LongLayout? {
    guard layout.periods.isEmpty, layout.periodRow == nil else { return nil }
    let rows = context.sheet.rows.drop { $0.number < layout.dataStart }.prefix(5_000)
    var periodCandidates: [(column: Int, strength: Int, text: String)] = []
    var statusCandidates: [(column: Int, strength: Int, text: String)] = []
    let mapped = Dictionary(layout.fields.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
    for cell in header.cells {
      let text = MarkupText(CellText.of(cell.value)).text.collapsedWhitespace
      guard !text.isEmpty, text.utf8.count <= 80 else { continue }
      let words = HeaderField.normalise(text).split(separator: " ").map(String.init)
      let field = mapped[cell.column]
      if field == nil || field == .notes, let strength = periodStrength(words) {
        periodCandidates.append((cell.column, strength, text))
      }
      if field == nil || field == .notes, let strength = statusStrength(words) {
        statusCandidates.append((cell.column, strength, text))
      }
    }
    // Without a status word in any header, an unmapped column whose values
    // are statuses will do.
    if statusCandidates.isEmpty {
      for (column, name) in layout.extras where !periodCandidates.contains(where: { $0.column == column }) {
        statusCandidates.append((column, 0, name))
      }
    }
    // The strongest header first, then the leftmost.
    func ranked(_ c: [(column: Int, strength: Int, text: String)]) -> [(column: Int, strength: Int, text: String)] {
      c.sorted { ($1.strength, $0.column) < ($0.strength, $1.column) }
    }
    let period = ranked(periodCandidates).first { periodShare(rows, $0.column, context.periodWords) }
    guard let period else { return nil }
    let status = ranked(statusCandidates.filter { $0.column != period.column }).first {
      statusShare(rows, $0.column, needed: $0.strength > 0 ? 5 : 8, context, legend)
    }
    guard let status, repeats(rows, layout, periodColumn: period.column) else { return nil }
    var long = LongLayout(
      periodColumn: period.column, statusColumn: status.column, statusHeader: status.text, periodHeader: period.text,
      headerRow: header.number)
    for column in [period.column, status.column] {
      guard let field = mapped[column] else { continue }
      let extra = layout.extras.first { extra in
        !long.promotions.contains { $0.column == extra.column }
          && (HeaderField.match(extra.name).map { $0.field == field && !$0.isWorkstream } ?? false)
      }
      if let extra { long.promotions.append((field, extra.column)) }
    }
    return long
  }

  /// How strongly a header's words name a review period: 2 for a period
  /// word, 1 for a bare date word, `nil` for none or for a date of another
  /// kind (due, target, created …).
  static func periodStrength(_ words: [String]) -> Int? {
    let other: Set<String> = [
      "due", "target", "deadline", "added", "created", "modified", "completion", "completed", "start", "end", "by",
      "birth", "next",
    ]
    if words.contains(where: other.contains) { return nil }
    let strong: Set<String> = [
      "period", "quarter", "qtr", "month", "term", "review", "reviewed", "reporting", "snapshot", "cycle", "round",
    ]
    if words.contains(where: strong.contains) { return 2 }
    if let a = words.firstIndex(of: "as"), a + 1 < words.count, words[a + 1] == "at" || words[a + 1] == "of" { return 2 }
    if words.contains("date") || words.contains("updated") || words.contains("when") { return 1 }
    return nil
  }

  /// How strongly a header's words name a status: 2 for RAG, BRAG, rating
  /// (a rating scale), 1 for status (often a workflow state such as "In
  /// progress" beside a RAG column), `nil` otherwise (and for a status date,
  /// which is a period).
  static func statusStrength(_ words: [String]) -> Int? {
    if words.contains("date") { return nil }
    let scales: Set<String> = ["rag", "brag", "rating", "ragb", "bragg"]
    if words.contains(where: scales.contains) { return 2 }
    return words.contains("status") ? 1 : nil
  }

  /// Whether at least 80% of a column's values (and at least one) read as periods.
  private static func periodShare(_ rows: ArraySlice<Row>, _ column: Int, _ words: PeriodWords) -> Bool {
    share(rows, column, tenths: 8) { value, _ in
      guard !CellText.isBlank(value) else { return nil }
      if case .period? = CellText.periodLabel(value, words: words) { return true } else { return false }
    }
  }

  /// Whether at least `needed` tenths of a column's values (and at least
  /// one) read as statuses (in the words of the key too); an empty cell filled in a status colour is one
  /// (a status shown by its fill alone, as a wide tracker's may be).
  private static func statusShare(
    _ rows: ArraySlice<Row>, _ column: Int, needed: Int, _ context: SheetContext, _ legend: [LegendEntry]
  ) -> Bool {
    share(rows, column, tenths: needed) { value, row in
      guard !CellText.isBlank(value) else {
        guard let rgb = context.fill(row, column: column), FillColour.rating(rgb) != nil else { return nil }
        return true
      }
      let text = CellText.of(value)
      guard text.utf8.count <= 40 else { return false }
      let rating = StatusVocabulary.read(text, legend: legend).status.rating
      return rating != .unknown && rating != .none
    }
  }

  /// Whether at least `tenths` tenths of a column's values that `test`
  /// judges (it returns `nil` for a blank one), and at least one, pass it.
  private static func share(_ rows: ArraySlice<Row>, _ column: Int, tenths: Int, _ test: (CellValue, Row) -> Bool?) -> Bool {
    var seen = 0
    var passing = 0
    for row in rows {
      guard let passes = test(row.value(at: column), row) else { continue }
      seen += 1
      if passes { passing += 1 }
    }
    return passing >= 1 && passing * 10 >= seen * tenths
  }

  /// Whether the actions repeat: at most three distinct keys per four keyed
  /// rows, or one period named on every row.
  private static func repeats(_ rows: ArraySlice<Row>, _ layout: TableLayout, periodColumn: Int) -> Bool {
    var periods = Set<String>()
    var keyed = 0
    var keys = Set<String>()
    let keyColumn = layout.column(.ref) ?? layout.column(.action)
    for row in rows {
      let period = row.value(at: periodColumn)
      if !CellText.isBlank(period) { periods.insert(CellText.of(period).collapsedWhitespace) }
      guard let keyColumn else { continue }
      let key = row.value(at: keyColumn)
      guard !CellText.isBlank(key) else { continue }
      keyed += 1
      keys.insert(CellText.of(key).collapsedWhitespace.asciiLowercased)
    }
    if keyed >= 2, keys.count * 4 <= keyed * 3 { return true }
    return periods.count == 1 && keyed >= 1
  }

  /// The layout each row is read with: the period and status columns are
  /// no field and no extra; the status column is read as a stand-in period
  /// (so a row's status is read exactly as a wide tracker's status cell:
  /// key, fill colour, findings); a field the status column had taken goes
  /// to the next column that names it.
  func rowLayout(_ wide: TableLayout, context: SheetContext) -> TableLayout {
    var layout = wide
    var fields = layout.fields
    for (field, column) in layout.fields where column == periodColumn || column == statusColumn {
      fields[field] = promotions.first { $0.field == field }?.column
    }
    layout.fields = fields
    layout.extras.removeAll { extra in
      extra.column == periodColumn || extra.column == statusColumn || promotions.contains { $0.column == extra.column }
    }
    let day = CivilDate(year: 1900, month: 1, day: 1)
    // No heading of a long table is a period that could not be read: the
    // wide reading's unread headings are the period, status or promoted
    // columns, or an extra column (`adjust` reports them as such).
    layout.unreadPeriods.removeAll()
    layout.periods = [Period(
      id: Self.rowStatusPeriodId, label: statusHeader, kind: .date, start: day, end: day, column: statusColumn,
      source: context.location(row: headerRow, column: statusColumn))]
    return layout
  }

  /// The wide layout's findings as they stand for the long table: the
  /// period, status and promoted columns' "unknown column" and "not a
  /// period" findings go; another status-like column (`Status` beside
  /// `RAG`) is no missing period but an extra column.
  func adjust(_ diagnostics: [Diagnostic], header: Row, context: SheetContext) -> [Diagnostic] {
    diagnostics.compactMap { d in
      guard d.code == "layout.unknown_column" || d.code == "layout.period_unparsed",
        let cell = d.location?.cell, cell.row == headerRow
      else { return d }
      if cell.column == periodColumn || cell.column == statusColumn || promotions.contains(where: { $0.column == cell.column }) {
        return nil
      }
      guard d.code == "layout.period_unparsed", let at = d.location else { return d }
      let name = MarkupText(CellText.of(header.value(at: cell.column))).text.collapsedWhitespace
      return RecognitionDiagnostics.unknownColumn(name, at, note: " (the statuses are in \"\(statusHeader)\")")
    }
  }
}
