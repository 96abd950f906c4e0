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
  /// The sheet's name as written (set by `write`).
  private var sheetName = ""

  init(
    plan: Plan, writer: XLSXWriter, styles: TrackerXLSXStyles, statusFormat: ((Action, Period) -> FormatID?)? = nil,
    observer: (any TrackerCellObserver)? = nil
  ) {
    self.plan = plan
    self.writer = writer
    self.styles = styles
    self.statusFormat = statusFormat
    self.observer = observer
  }

  /// Writes the sheet for one priority (or for the actions without one);
  /// `indices` are the actions' positions in `plan.actions`.
  mutating func write(name: String, priority: Priority?, actions: [Action], indices: [Int], isFirst: Bool) throws(XLSXWriteError) {
    var sheetPlan = plan
    sheetPlan.actions = actions
    let table = ActionTable(plan: sheetPlan, allPeriods: plan.periods)
    let periodColumns = table.periodColumnIndices.map { $0 + 1 }
    let keyColumn = max(3, (table.columns.firstIndex(of: .notes) ?? 2) + 1)
    sheetName = try writer.beginSheet(name: name, layout: layout(table))
    var row = 1
    if isFirst {
      if let title = plan.title { try cell(row, 1, .text(title), styles.title); row += 1 }
      if let asAt = plan.asAt { try cell(row, 1, .text("As at " + asAt.trackerText), styles.preamble); row += 1 }
    }
    if let priority {
      row = try writePriority(priority, row: row, keyColumn: keyColumn)
    } else if isFirst, case let key = plan.statusScheme.filter({ $0.scope == .overall }), !key.isEmpty {
      // A preamble key with no priority to sit beside: its own line, so it reads back.
      try cell(row, 1, .text(Self.keyText("Status key:", key)), styles.preamble)
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
    let widths = Dictionary(layout(table).columns.compactMap { c in c.width.map { (c.columns.lowerBound, $0) } }, uniquingKeysWith: { a, _ in a })
    for (n, action) in actions.enumerated() {
      var row = cells(table, action)
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
    try addStatusFeatures(periodColumns, from: headerRow + 2, to: dataRow - 1)
    try writer.updateLayout {
      $0.frozenRows = headerRow + 1
      $0.autoFilter = .header(row: headerRow + 1)
    }
    try writer.endSheet()
  }

  /// The priority's title and description, vision, overall key and status.
  private func writePriority(_ p: Priority, row start: Int, keyColumn: Int) throws(XLSXWriteError) -> Int {
    var row = start
    let overallKey = plan.statusScheme.filter { $0.scope == .overall }
    var lines: [String] = []
    if !p.title.isEmpty {
      let label = Int(p.id) != nil || p.id.count == 1 || p.id.contains(".") ? "Priority \(p.id)" : p.id
      lines.append(label + ": " + p.title + (p.description.map { "\n" + $0 } ?? ""))
    }
    if let vision = p.vision { lines.append("Vision: " + vision) }
    if let asAt = p.asAt { lines.append("As at " + asAt.trackerText) }
    let side: [CellValue] = [
      overallKey.isEmpty ? .empty : .text(Self.keyText("Overall status key", overallKey)),
      p.overallStatus.map { .text($0.code) } ?? .empty,
    ]
    for i in 0..<max(lines.count, side.contains { $0 != .empty } ? 2 : 0) {
      var cells: [FormattedCell] = []
      if i < lines.count { cells.append(FormattedCell(column: 1, value: .text(lines[i]), format: styles.preamble)) }
      if side[min(i, 1)] != .empty, i < 2 {
        let what: TrackerCell = i == 1 ? .overallStatus(priorityId: p.id) : .overallKey
        let format = observed(what, row, keyColumn, i == 1 ? styles.status : styles.preamble)
        cells.append(FormattedCell(column: keyColumn, value: side[i], format: format))
      }
      if !cells.isEmpty { try writer.writeRow(number: row, cells: cells) }
      if i < lines.count, keyColumn > 2 { try writer.mergeCells(CellRange(start: CellAddress(row: row, column: 1), end: CellAddress(row: row, column: keyColumn - 1))) }
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
    try writer.writeRow(number: row, cells: top)
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

  private func cells(_ table: ActionTable, _ action: Action) -> [FormattedCell] {
    let values = table.values(action)
    var out: [FormattedCell] = []
    out.reserveCapacity(values.count)
    for (i, column) in table.columns.enumerated() {
      var value: CellValue = values[i].isEmpty ? .empty : .text(values[i])
      var format = styles.text
      switch column {
      case .period(let p): format = statusFormat?(action, plan.periods[p]) ?? styles.status
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

  private func addStatusFeatures(_ columns: [Int], from first: Int, to last: Int) throws(XLSXWriteError) {
    guard let low = columns.first, let high = columns.last, last >= first else { return }
    let range = CellRange(start: CellAddress(row: first, column: low), end: CellAddress(row: last, column: high))
    var rules: [ConditionalRule] = TrackerXLSXStyles.statusFills.map {
      ConditionalRule(.cellEquals(.text($0.code)), format: DifferentialFormat(fillRGB: $0.fill, fontColorRGB: $0.font))
    }
    for (code, fill, font) in TrackerXLSXStyles.statusFills where code.count == 1 {
      rules.append(ConditionalRule(.endsWith("/" + code), format: DifferentialFormat(fillRGB: fill, fontColorRGB: font)))
    }
    try writer.addConditionalFormat(ConditionalFormat(ranges: [range], rules: rules))
    try writer.addDataValidation(DataValidation(
      ranges: [range], source: .list(TrackerXLSXStyles.allowedCodes), errorTitle: "Status",
      errorMessage: "Use R, A, G, B, Grey, N/A or Complete; X/Y means moving from X towards Y.", errorStyle: .warning))
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
