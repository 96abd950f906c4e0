import Diagnostics
import Grid
import TrackerModel

/// Finds the header row of a sheet and what each column means (domain.md
/// §5.1): the first row with at least two header synonyms including an
/// action column; a row of period labels under it (a two-row header) supplies
/// the period columns, and the header spanning them is their group label and
/// may carry the key.
struct LayoutFinder {
  let context: SheetContext
  var diagnostics: [Diagnostic] = []

  init(context: SheetContext) { self.context = context }

  /// The header row: the first with ≥ 2 field headers including Action.
  func headerRow() -> Row? {
    for row in context.sheet.rows {
      var count = 0
      var hasAction = false
      for cell in row.cells {
        guard case .text(let s) = cell.value, s.utf8.count <= 200, let m = HeaderField.match(s, words: context.headerWords)
        else { continue }
        count += 1
        if m.field == .action { hasAction = true }
      }
      if count >= 2, hasAction { return row }
    }
    return nil
  }

  /// Builds the layout for a header row, reporting layout findings.
  mutating func layout(header: Row) -> TableLayout {
    var layout = TableLayout(headerRow: header.number)
    let next = context.sheet.row(header.number + 1)
    if let next, isPeriodRow(next, under: header) { layout.periodRow = next.number }
    let width = max(header.cells.last?.column ?? 0, next.map { layout.periodRow != nil ? ($0.cells.last?.column ?? 0) : 0 } ?? 0)
    layout.headerWidth = context.fieldCount(header)
    var group: (text: String, column: Int)? = nil
    var claims: [(column: Int, match: HeaderField.Match, header: String)] = []
    for column in stride(from: 1, through: width, by: 1) {
      let headerValue = header.value(at: column)
      let headerText = MarkupText(CellText.of(headerValue)).text.collapsedWhitespace
      if !headerText.isEmpty { group = (headerText, column) }
      if let periodRow = layout.periodRow, let sub = context.sheet.row(periodRow),
        case .period(let kind, let start, let end, let id)? = CellText.periodLabel(sub.value(at: column), words: context.periodWords)
      {
        let label = CellText.of(sub.value(at: column)).collapsedWhitespace
        addPeriod(&layout, Period(id: id, label: label, kind: kind, start: start, end: end, column: column,
          source: context.location(row: periodRow, column: column)))
        if let group, layout.periodGroup == nil { setGroup(&layout, group.text, group.column) }
        continue
      }
      let at = context.location(row: header.number, column: column)
      switch CellText.periodLabel(headerValue, words: context.periodWords) {
      case .period(let kind, let start, let end, let id)?:
        addPeriod(&layout, Period(id: id, label: headerText, kind: kind, start: start, end: end, column: column, source: at))
        continue
      case .milestone?:
        layout.extras.append((column, headerText))
        diagnostics.append(RecognitionDiagnostics.unknownColumn(headerText, at, note: " (an APP milestone column, an impact measure)"))
        continue
      case .relative(let months)?:
        layout.extras.append((column, headerText))
        diagnostics.append(RecognitionDiagnostics.periodUnparsed(headerText, at, why: "\(months) months after plan approval, and the approval date is not known"))
        layout.unreadPeriods.append((headerText, at))
        continue
      case nil: break
      }
      if let match = HeaderField.match(headerText, words: context.headerWords) {
        claims.append((column, match, headerText))
        continue
      }
      guard !headerText.isEmpty || columnHasData(column, from: layout.dataStart) else { continue }
      let name = headerText.isEmpty ? "Column " + CellAddress.columnName(column) : headerText
      layout.extras.append((column, name))
      if isStatusBearing(headerText, column: column, from: layout.dataStart) {
        diagnostics.append(RecognitionDiagnostics.periodUnparsed(headerText, at))
        layout.unreadPeriods.append((headerText, at))
      } else {
        diagnostics.append(RecognitionDiagnostics.unknownColumn(name, at))
      }
    }
    if layout.periodRow == nil, layout.periodGroup == nil, layout.periodLegend.isEmpty { readGroupRow(&layout) }
    assignFields(&layout, claims)
    reportOrder(layout)
    return layout
  }

  /// Gives each field one column when several headers claim it: the
  /// strongest claim wins (a configured word over a built-in synonym, an
  /// exact header over one that only starts with the synonym, a work-stream
  /// header last), the leftmost among equals. A losing header takes its
  /// fallback field when that is free (`Outcome` → impact, `Milestone` → due
  /// date, `Workstream` → sub-group) when it is exactly that word (a header
  /// that only starts with it, such as a long export's `Owner (31/01/2024)`,
  /// names a variant of the field, not the other one), a second `Evidence` before the notes
  /// is the impact; any other is kept as an extra column, with a finding
  /// naming the column that holds the field.
  private mutating func assignFields(
    _ layout: inout TableLayout, _ claims: [(column: Int, match: HeaderField.Match, header: String)]
  ) {
    let order = claims.indices.sorted { (-claims[$0].match.strength, claims[$0].column) < (-claims[$1].match.strength, claims[$1].column) }
    var losers: [Int] = []
    for i in order where layout.fields[claims[i].match.field] == nil {
      layout.fields[claims[i].match.field] = claims[i].column
    }
    for i in order where layout.fields[claims[i].match.field] != claims[i].column {
      if claims[i].match.exact, let fallback = claims[i].match.fallback, layout.fields[fallback] == nil {
        layout.fields[fallback] = claims[i].column
      } else {
        losers.append(i)
      }
    }
    let evidence = claims.filter { $0.match.field == .evidence && !$0.match.isWorkstream }.map(\.column)
    if let impact = Self.impactOfTwoEvidence(layout, evidence) {
      layout.fields[.impact] = evidence[0]
      layout.fields[.evidence] = impact
      losers.removeAll { claims[$0].column == impact }
    }
    for i in losers.sorted(by: { claims[$0].column < claims[$1].column }) {
      let (column, match, header) = claims[i]
      layout.extras.append((column, header))
      let holder = layout.column(match.field).map { CellAddress.columnName($0) + String(layout.headerRow) } ?? "?"
      diagnostics.append(RecognitionDiagnostics.unknownColumn(
        header, context.location(row: layout.headerRow, column: column),
        note: " (\(match.field.rawValue) is already read from \(holder))"))
    }
    layout.extras.sort { $0.column < $1.column }
  }

  /// Period labels under a header: a cell that parses as a period where the
  /// header cell is not itself a field, and no action text in the row.
  private func isPeriodRow(_ row: Row, under header: Row) -> Bool {
    var periods = 0
    for cell in row.cells {
      if case .period? = CellText.periodLabel(cell.value, words: context.periodWords) {
        let above = header.value(at: cell.column)
        if case .text(let s) = above, let m = HeaderField.match(s, words: context.headerWords), m.field != .notes { return false }
        periods += 1
      } else if !CellText.isBlank(cell.value) {
        return false
      }
    }
    return periods >= 1
  }

  /// A label in the row just above the header, over the period columns and
  /// nowhere else (`RAG rating` merged over the review columns), is their
  /// group label (and key, if it is one), not a preamble line.
  private mutating func readGroupRow(_ layout: inout TableLayout) {
    let columns = layout.periods.compactMap(\.column)
    guard let first = columns.min(), let last = columns.max(), layout.headerRow > 1,
      let row = context.sheet.row(layout.headerRow - 1)
    else { return }
    let filled = row.cells.filter { !CellText.isBlank($0.value) }
    guard filled.count == 1, let cell = filled.first, (first...last).contains(cell.column) else { return }
    layout.groupRow = row.number
    setGroup(&layout, CellText.of(cell.value).collapsedWhitespace, cell.column, row: row.number)
  }

  private mutating func setGroup(_ layout: inout TableLayout, _ text: String, _ column: Int, row: Int? = nil) {
    let clean = MarkupText(text).text
    let at = context.location(row: row ?? layout.headerRow, column: column)
    if let legend = LegendParser.parse(clean, scope: .periods, source: at) {
      layout.periodLegend = legend.entries
      layout.periodGroup = legend.heading.isEmpty ? nil : legend.heading
    } else {
      layout.periodGroup = clean
    }
  }

  private mutating func addPeriod(_ layout: inout TableLayout, _ period: Period) {
    if let first = layout.periods.first(where: { $0.id == period.id }) {
      diagnostics.append(
        RecognitionDiagnostics.periodDuplicate(period.label, first: first.label, period.source ?? context.location(row: 1, column: 1), first.source))
      layout.extras.append((period.column ?? 0, period.label))
      return
    }
    layout.periods.append(period)
  }

  /// Of two Evidence columns, the one before the notes column is the
  /// impact: the column that is then the evidence, or nil.
  private static func impactOfTwoEvidence(_ layout: TableLayout, _ columns: [Int]) -> Int? {
    guard columns.count >= 2, layout.fields[.impact] == nil || layout.fields[.impact] == columns[0] else { return nil }
    let notes = layout.fields[.notes] ?? Int.max
    guard columns[0] < notes, layout.fields[.evidence] == columns[0] else { return nil }
    return columns[1]
  }

  private mutating func reportOrder(_ layout: TableLayout) {
    var latest: Period? = nil
    for period in layout.periods {
      if let previous = latest, period.end < previous.end {
        diagnostics.append(
          RecognitionDiagnostics.periodsOutOfOrder(period.label, after: previous.label, period.source ?? context.location(row: 1, column: 1)))
      } else {
        latest = period
      }
    }
  }

  /// Whether an unnamed column holds data: a value in a row that has a value
  /// in another column too (a row of one cell, such as a footer line or a
  /// heading in column A, is not a record).
  private func columnHasData(_ column: Int, from row: Int) -> Bool {
    context.sheet.rows.contains { r in
      r.number >= row && !CellText.isBlank(r.value(at: column))
        && r.cells.contains { $0.column != column && !CellText.isBlank($0.value) }
    }
  }

  /// `RAG …`, `… Status` headers, or a column whose values are mostly statuses.
  private func isStatusBearing(_ header: String, column: Int, from start: Int) -> Bool {
    if PeriodLabel.namesStatus(header, words: context.periodWords) { return true }
    var statuses = 0
    var seen = 0
    for row in context.sheet.rows where row.number >= start {
      guard case .text(let s) = row.value(at: column), !CellText.isBlank(.text(s)) else { continue }
      seen += 1
      let rating = StatusVocabulary.read(s).status.rating
      if s.utf8.count <= 12, rating != .unknown, rating != .none { statuses += 1 }
      if seen >= 50 { break }
    }
    return seen >= 3 && statuses * 10 >= seen * 8
  }
}
