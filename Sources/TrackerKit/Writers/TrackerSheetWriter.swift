import Diagnostics
import Grid
import TrackerModel
import XLSXFormat

/// Writes one sheet of the cleaned tracker (see `PlanXLSXWriter`).
struct TrackerSheetWriter {
  let plan: Plan
  let writer: XLSXWriter
  let styles: TrackerXLSXStyles
  /// A format for particular status cells (merge highlights conflicts), else the status format.
  var statusFormat: ((Action, Period) -> FormatID?)? = nil
  /// Told where each cell lands; may re-format it (the annotated workbook's highlights).
  var observer: (any TrackerCellObserver)? = nil
  /// What status cells say and their colours.
  let words: StatusWords
  /// The sheet's name as written (set by `write`).
  private var sheetName = ""
  /// Column widths by 1-based column (set by `write`).
  private var widths: [Int: Double] = [:]
  /// The table's width in columns (set by `write`).
  private var lastColumn = 1

  init(
    plan: Plan, writer: XLSXWriter, styles: TrackerXLSXStyles, statusFormat: ((Action, Period) -> FormatID?)? = nil,
    observer: (any TrackerCellObserver)? = nil, words: StatusWords? = nil
  ) {
    self.plan = plan
    self.writer = writer
    self.styles = styles
    self.statusFormat = statusFormat
    self.observer = observer
    self.words = words ?? StatusWords(plan: plan, palette: .standard, council: CouncilVocabulary())
  }

  /// Writes the sheet for one priority (or for the actions without one);
  /// `indices` are the actions' positions in `plan.actions`.
  ///
  /// The sheet prints: landscape A4, one page wide, the header rows on every
  /// page, the used range as the print area, the title and as-at date in the
  /// page header and page numbers in the footer. Long preamble texts are
  /// merged across the table and their rows sized to their wrapped text; the
  /// priority is a heading row over its actions, not a column.
  mutating func write(name: String, priority: Priority?, actions: [Action], indices: [Int], isFirst: Bool) throws(XLSXWriteError) {
    var sheetPlan = plan
    sheetPlan.actions = actions
    let table = ActionTable(plan: sheetPlan, allPeriods: plan.periods, priorityColumn: false)
    let periodColumns = table.periodColumnIndices.map { $0 + 1 }
    let sheetLayout = layout(table)
    widths = Dictionary(sheetLayout.columns.compactMap { c in c.width.map { (c.columns.lowerBound, $0) } }, uniquingKeysWith: { a, _ in a })
    lastColumn = table.columns.count
    sheetName = try writer.beginSheet(name: name, layout: sheetLayout)
    var row = 1
    if isFirst {
      if let title = plan.title { try wide(row, title, styles.title, scale: 1.4); row += 1 }
      if let asAt = plan.asAt { try cell(row, 1, .text("As at " + asAt.trackerText), styles.preamble); row += 1 }
    }
    if let priority {
      row = try writePriority(priority, row: row)
    } else if isFirst, case let key = plan.statusScheme.filter({ $0.scope == .overall }), !key.isEmpty {
      // A preamble key with no priority to sit beside: its own line, so it reads back.
      try wide(row, Self.keyText("Status key:", key), styles.preamble)
      row += 1
    }
    if isFirst {
      // A blank row first, so kept preamble text never reads back as the
      // priority's description (the text right below its heading).
      if plan.unparsed.contains(where: { $0.kind == "preamble" }) { row += 1 }
      for block in plan.unparsed where block.kind == "preamble" {
        row = try BlockCells.write(block, writer: writer, startRow: row, format: styles.preamble)
      }
    }
    row += 1
    let headerRow = row
    try writeHeader(table, row: headerRow, periodColumns: periodColumns)
    var dataRow = headerRow + 2
    if let id = actions.first?.priorityId {
      try wide(dataRow, table.priorityLabel(id), styles.groupHeading)
      dataRow += 1
    }
    let firstDataRow = dataRow
    var used: [String] = []
    var seen = Set<String>()
    for (n, action) in actions.enumerated() {
      var row = cells(table, action, used: &used, seen: &seen)
      if let observer, indices.indices.contains(n) {
        for i in row.indices {
          row[i].format = observer.place(
            .action(index: indices[n], column: table.columns[i]), sheet: sheetName,
            at: CellAddress(row: dataRow, column: row[i].column), format: row[i].format)
        }
      }
      let height = RowHeightEstimate.height(for: row, widths: widths)
      try writer.writeRow(number: dataRow, cells: row, options: RowOptions(height: height))
      dataRow += 1
    }
    if isFirst {
      var next = dataRow + 1
      for block in plan.unparsed
      where block.kind != "preamble" && block.kind != Block.unreadPeriod && !PlanXLSXWriter.isOwnSheet(block) {
        next = try BlockCells.write(
          block, writer: writer, startRow: next, format: styles.text, avoiding: unsafeColumns(table),
          beyond: table.columns.count) + 1
      }
    }
    try addStatusFeatures(periodColumns, from: firstDataRow, to: dataRow - 1, used: used)
    let printSetup = printSetup(priority: priority, sheet: name, titleRows: headerRow...(headerRow + 1))
    try writer.updateLayout {
      $0.frozenRows = headerRow + 1
      $0.autoFilter = .header(row: headerRow + 1)
      $0.printSetup = printSetup
    }
    try writer.endSheet()
  }

  /// Landscape A4, one page wide, the header rows repeated; the plan's (or
  /// priority's) title on the left of the page header, the as-at date on its
  /// right, `Page n of m` in the footer.
  private func printSetup(priority: Priority?, sheet: String, titleRows: ClosedRange<Int>) -> PrintSetup {
    var title = plan.title ?? priority.map { "Priority \($0.id)" + ($0.title.isEmpty ? "" : ": " + $0.title) } ?? sheet
    // Excel allows 255 characters of header codes; a long title is cut.
    if title.count > 120 { title = String(title.prefix(119)) + "…" }
    let asAt = (priority?.asAt ?? plan.asAt).map { [HeaderFooterText.Part.text("As at " + $0.trackerText)] } ?? []
    return PrintSetup(
      orientation: .landscape, paper: .a4, fitToPagesWide: 1, fitToPagesTall: 0, repeatedRows: titleRows, area: .used,
      header: HeaderFooterText(left: [.text(title)], right: asAt),
      footer: HeaderFooterText(
        left: [.sheetName], right: [.text("Page "), .pageNumber, .text(" of "), .pageCount]))
  }

  /// The width of columns side by side (merged), in characters.
  private func spanWidth(_ columns: [Int]) -> Double {
    columns.reduce(0.0) { $0 + (widths[$1] ?? 8.43) }
  }

  /// One text across the table's width (merged), its row as tall as its wrapped lines.
  private func wide(
    _ row: Int, _ text: String, _ format: FormatID, scale: Double = 1, observing what: TrackerCell? = nil
  ) throws(XLSXWriteError) {
    let width = spanWidth(Array(1...lastColumn))
    let format = what.map { observed($0, row, 1, format) } ?? format
    try writer.writeRow(
      number: row, cells: [FormattedCell(column: 1, value: .text(text), format: format)],
      options: RowOptions(height: RowHeightEstimate.height(text: text, width: width, scale: scale)))
    if lastColumn > 1 {
      try writer.mergeCells(CellRange(start: CellAddress(row: row, column: 1), end: CellAddress(row: row, column: lastColumn)))
    }
  }

  /// The priority's title and description, vision and as-at date, each
  /// across the table; then its overall status (labelled, coloured like the
  /// period statuses) and below it the overall key.
  private func writePriority(_ p: Priority, row start: Int) throws(XLSXWriteError) -> Int {
    var row = start
    if !p.title.isEmpty {
      let label = Int(p.id) != nil || p.id.count == 1 || p.id.contains(".") ? "Priority \(p.id)" : p.id
      try wide(row, label + ": " + p.title + (p.description.map { "\n" + $0 } ?? ""), styles.preamble)
      row += 1
    }
    if let vision = p.vision { try wide(row, "Vision: " + vision, styles.preamble); row += 1 }
    if let asAt = p.asAt { try cell(row, 1, .text("As at " + asAt.trackerText), styles.preamble); row += 1 }
    if let status = p.overallStatus {
      let format = observed(.overallStatus(priorityId: p.id), row, 1, styles.overallStatus)
      try writer.writeRow(number: row, cells: [FormattedCell(column: 1, value: .text(words.text(status, overall: true)), format: format)])
      try writer.addConditionalFormat(ConditionalFormat(
        ranges: [CellRange(start: CellAddress(row: row, column: 1), end: CellAddress(row: row, column: 1))],
        rules: words.rules(used: [words.text(status, overall: true)], overall: true)))
      row += 1
    }
    let overallKey = plan.statusScheme.filter { $0.scope == .overall }
    if !overallKey.isEmpty {
      try wide(row, Self.keyText("Overall status key", overallKey), styles.preamble, observing: .overallKey)
      row += 1
    }
    return row
  }

  /// A key as one cell: `Progress Red - Delayed Amber - In progress …`.
  static func keyText(_ heading: String, _ entries: [LegendEntry]) -> String {
    ([heading] + entries.map { "\($0.code) - \($0.meaning)" }).joined(separator: " ")
  }

  private func writeHeader(_ table: ActionTable, row: Int, periodColumns: [Int]) throws(XLSXWriteError) {
    var top: [FormattedCell] = []
    var sub: [FormattedCell] = []
    let periodKey = plan.statusScheme.filter { $0.scope == .periods }
    for (i, column) in table.columns.enumerated() {
      if case .period(let p) = column {
        if i + 1 == periodColumns.first {
          let text = periodKey.isEmpty ? "Progress" : Self.keyText("Progress", periodKey)
          top.append(FormattedCell(column: i + 1, value: .text(text), format: observed(.periodKey, row, i + 1, styles.header)))
        }
        let format = observed(.periodHeading(p), row + 1, i + 1, styles.periodHeader)
        sub.append(FormattedCell(column: i + 1, value: Self.periodHeading(plan.periods[p]), format: format))
      } else {
        top.append(FormattedCell(column: i + 1, value: .text(table.headers[i]), format: observed(.heading(column), row, i + 1, styles.header)))
      }
    }
    // Tall enough for the key over the period columns and for every heading (bold: wider letters).
    var height: Double?
    for cell in top {
      guard case .text(let text) = cell.value else { continue }
      let span = periodColumns.first == cell.column ? periodColumns : [cell.column]
      let width = spanWidth(span)
      if let h = RowHeightEstimate.height(text: text, width: width, scale: 1.1) { height = max(height ?? 0, h) }
    }
    try writer.writeRow(number: row, cells: top, options: RowOptions(height: height))
    try writer.writeRow(number: row + 1, cells: sub)
    if let first = periodColumns.first, let last = periodColumns.last, last > first {
      try writer.mergeCells(CellRange(start: CellAddress(row: row, column: first), end: CellAddress(row: row, column: last)))
    }
  }

  /// A month as a date shown `Dec-19`; other periods as their label.
  static func periodHeading(_ period: Period) -> CellValue {
    guard period.kind == .month else { return .text(period.label) }
    return .date(DateCell(year: period.start.year, month: period.start.month, day: 1, display: .month))
  }

  /// An action's row; the words written in status cells are added to `used`.
  private func cells(_ table: ActionTable, _ action: Action, used: inout [String], seen: inout Set<String>) -> [FormattedCell] {
    let values = table.values(action)
    var out: [FormattedCell] = []
    out.reserveCapacity(values.count)
    for (i, column) in table.columns.enumerated() {
      var value: CellValue = values[i].isEmpty ? .empty : .text(values[i])
      var format = styles.text
      switch column {
      case .period(let p):
        format = statusFormat?(action, plan.periods[p]) ?? styles.status
        if let status = action.statuses.first(where: { $0.periodId == plan.periods[p].id })?.status {
          let text = words.text(status)
          value = text.isEmpty ? .empty : .text(text)
          if !text.isEmpty, seen.insert(text).inserted { used.append(text) }
        }
      case .ref: format = styles.ref
      case .due:
        if let d = action.dueDate, d.precision == .day || d.precision == .month {
          value = .date(DateCell(year: d.year, month: d.month ?? 1, day: d.day ?? 1, display: d.precision == .day ? .date : .month))
        }
      default: break
      }
      out.append(FormattedCell(column: i + 1, value: value, format: format))
    }
    return out
  }

  private func addStatusFeatures(_ columns: [Int], from first: Int, to last: Int, used: [String]) throws(XLSXWriteError) {
    guard let low = columns.first, let high = columns.last, last >= first else { return }
    let range = CellRange(start: CellAddress(row: first, column: low), end: CellAddress(row: last, column: high))
    try writer.addConditionalFormat(ConditionalFormat(ranges: [range], rules: words.rules(used: used)))
    try writer.addDataValidation(DataValidation(
      ranges: [range], source: .list(StatusWords.dropDown(used: used)), errorTitle: "Status",
      errorMessage: "Use R, A, G, B, Grey, N/A or Complete, or a word of the key; X/Y means moving from X towards Y.",
      errorStyle: .warning))
  }

  /// The format for a cell, as the observer (if any) has it.
  private func observed(_ what: TrackerCell, _ row: Int, _ column: Int, _ format: FormatID) -> FormatID {
    observer?.place(what, sheet: sheetName, at: CellAddress(row: row, column: column), format: format) ?? format
  }

  /// Columns whose text makes a row an action when read back.
  private func unsafeColumns(_ table: ActionTable) -> Set<Int> {
    var out = Set<Int>()
    for (i, column) in table.columns.enumerated() {
      switch column {
      case .ref, .action, .notes, .period: out.insert(i + 1)
      default: break
      }
    }
    return out
  }

  private func cell(_ row: Int, _ column: Int, _ value: CellValue, _ format: FormatID) throws(XLSXWriteError) {
    try writer.writeRow(number: row, cells: [FormattedCell(column: column, value: value, format: format)])
  }

  private func layout(_ table: ActionTable) -> SheetLayout {
    var columns: [ColumnLayout] = []
    for (i, column) in table.columns.enumerated() {
      let width: Double
      switch column {
      case .priority: width = 26
      case .focusArea: width = 30
      case .ref: width = 8
      case .action: width = 50
      case .lead, .accountable: width = 22
      case .subGroup: width = 18
      case .impact: width = 40
      case .due, .percent: width = 12
      case .period: width = 9
      case .notes: width = 70
      case .evidence: width = 40
      case .extra: width = 18
      }
      columns.append(ColumnLayout((i + 1)...(i + 1), width: width))
    }
    return SheetLayout(columns: columns)
  }
}
