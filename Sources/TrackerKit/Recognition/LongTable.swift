import Diagnostics
import Grid
import TrackerModel

extension LongLayout {
  /// Pivots a long table that `TableReader` read row by row (with
  /// `rowLayout`: one action per row, its status in the stand-in period)
  /// into one action per key; returns the sheet's periods. The table's own
  /// findings that a long layout makes moot go: `note.undated` about an
  /// undated update on a row with a period (the update is a note of that
  /// period; undated paragraphs continuing a dated note are still reported), `ref.split_focus_area`
  /// (each period repeats the areas), and a repeated row's copy of a finding
  /// its action's first row already has (the same variant ref on every row,
  /// the same missing ref), and every `As above` of an action's column but
  /// its first.
  func pivot(_ table: inout TableReader, context: SheetContext) -> [Period] {
    let layout = table.layout
    let header = context.sheet.row(headerRow)
    var columns: [(column: Int, name: String)] = []
    for field in HeaderField.allCases where field != .notes && field != .ref {
      if let c = layout.column(field) { columns.append((c, name(header, c))) }
    }
    columns += layout.extras
    var rows: [LongRow] = []
    rows.reserveCapacity(table.actions.count)
    var firstRowOf: [String: Int] = [:]
    var keyOfRow: [Int: String] = [:]
    // Rows whose undated update the pivot places in the row's period.
    var placed = Set<Int>()
    // A key made from the row number (no ref, no letter) names one row, not
    // one action: such rows are the same action when their text is the same.
    var keyOfText: [String: String] = [:]
    var rowKeyed = Set<Int>()
    for var action in table.actions {
      guard let number = action.source?.cell?.row, let row = context.sheet.row(number) else { continue }
      if action.key.contains("#") {
        let identity = [action.priorityId ?? "", action.focusRef ?? "", action.letter ?? "", action.text.collapsedWhitespace.asciiLowercased]
          .joined(separator: "\u{1}")
        if let key = keyOfText[identity] { action.key = key } else { keyOfText[identity] = action.key }
        rowKeyed.insert(number)
      }
      let value = row.value(at: periodColumn)
      let text = CellText.of(value).collapsedWhitespace
      let at = context.location(row, column: periodColumn)
      var period: Period?
      if case .period(let kind, let start, let end, let id)? = CellText.periodLabel(value, words: context.periodWords) {
        period = Period(id: id, label: text, kind: kind, start: start, end: end, source: at)
        if action.notes.contains(where: \.undated) { placed.insert(number) }
      }
      if firstRowOf[action.key] == nil { firstRowOf[action.key] = number }
      keyOfRow[number] = action.key
      let values = columns.map { c in
        (name: c.name, text: CellText.of(row.value(at: c.column)), at: Optional(context.location(row, column: c.column)))
      }
      var own = action
      own.statuses = []
      own.notes = []
      rows.append(LongRow(
        action: own, period: period, periodText: text, periodAt: at, status: action.statuses.first,
        notes: action.notes, values: values, row: number))
    }
    let firsts = Set(table.diagnostics.compactMap { d -> String? in
      guard let row = d.location?.cell?.row, let key = keyOfRow[row], firstRowOf[key] == row else { return nil }
      return key + "\u{1}" + d.code + "\u{1}" + d.message
    })
    var asAbove = Set<String>()
    table.diagnostics.removeAll { d in
      if d.code == "ref.split_focus_area" { return true }
      guard let row = d.location?.cell?.row, let key = keyOfRow[row] else { return false }
      // `As above` on every row of an action (each resolving to the row
      // above, its own previous period) is one value: reported once.
      if d.code.hasSuffix(".as_above"), let column = d.location?.cell?.column {
        return !asAbove.insert(key + "\u{1}" + d.code + "\u{1}\(column)").inserted
      }
      if d.code == "note.undated", placed.contains(row) { return true }
      if d.code == "ref.missing", rowKeyed.contains(row) { return firstRowOf[key] != row }
      return firstRowOf[key] != row && firsts.contains(key + "\u{1}" + d.code + "\u{1}" + d.message)
    }
    let pivot = LongPivot(rows, statusName: statusHeader)
    table.actions = pivot.actions
    table.diagnostics.insert(
      RecognitionDiagnostics.longTable(
        period: periodHeader, status: statusHeader, rows: rows.count, actions: pivot.actions.count,
        context.location(row: headerRow, column: periodColumn)),
      at: 0)
    table.diagnostics += pivot.diagnostics
    return pivot.periods
  }

  /// A column's header as written, or `Column D` when it has none.
  private func name(_ header: Row?, _ column: Int) -> String {
    let text = header.map { MarkupText(CellText.of($0.value(at: column))).text.collapsedWhitespace } ?? ""
    return text.isEmpty ? "Column " + CellAddress.columnName(column) : text
  }
}
