import Diagnostics
import Grid
import TrackerModel
import XLSXFormat

/// Writes the cleaned tracker as XLSX in the tracker's own layout: one sheet
/// per priority (named `Priority 2`) with a preamble (plan title, as-at date,
/// the priority's title and description, vision, overall status and its key),
/// a two-row header (the period group with its key over the period columns,
/// months shown as `Dec-19`), one row per action, status cells coloured by
/// conditional formatting with a drop-down of the allowed codes and the
/// words used (a cell keeps the word the officer wrote), notes as
/// dated lines, numbered evidence, frozen headers, a filter, set widths and
/// a print setup (landscape A4, one page wide, header rows on every page).
/// Blocks the recogniser kept verbatim go back where they came from: the
/// preamble above, footers and logs below the table, other sheets as sheets.
/// The recogniser reads the file back to the same plan.
enum PlanXLSXWriter {
  /// Writes a plan to `path` atomically.
  ///
  /// - Throws: `TrackerError.cellTooLong` for a value over Excel's 32,767
  ///   characters; `TrackerError.cannotWrite` for other writer failures;
  ///   `OutputError` (via `XLSXWriteError.output`) when the file cannot be written.
  /// - Parameters:
  ///   - statusFormat: given the writer, a format for particular status cells
  ///     (merge highlights conflicting cells); `nil` keeps the status format.
  ///   - observer: told where each tracker cell lands, and may re-format it
  ///     (the annotated workbook highlights cells with findings).
  ///   - extraSheets: writes sheets after the tracker's (merge's "Merge log").
  ///   - palette: the status colours.
  ///   - council: the council's own status words (`[statuses]` in `wsoa.toml`), coloured by their meaning.
  /// - Returns: what writing found (`xlsx.sheet_renamed` for a sheet written under another name).
  static func write(
    _ plan: Plan, findings: [Diagnostic], to path: String,
    statusFormat: ((XLSXWriter) -> (Action, Period) -> FormatID?)? = nil,
    observer: (any TrackerCellObserver)? = nil,
    extraSheets: ((XLSXWriter) throws(XLSXWriteError) -> Void)? = nil,
    palette: StatusPalette = .standard, council: CouncilVocabulary = CouncilVocabulary()
  ) throws -> [Diagnostic] {
    do {
      let writer = try XLSXWriter(
        path: path, options: XLSXWriteOptions(properties: DocumentProperties(title: plan.title, creator: "wsoa")))
      let styles = TrackerXLSXStyles(writer)
      let groups = sheetGroups(plan)
      let special = statusFormat?(writer)
      let words = StatusWords(plan: plan, palette: palette, council: council)
      observer?.begin(writer, styles: styles)
      for (index, group) in groups.enumerated() {
        var sheet = TrackerSheetWriter(
          plan: plan, writer: writer, styles: styles, statusFormat: special, observer: observer, words: words)
        try sheet.write(
          name: group.name, priority: group.priority, actions: group.actions, indices: group.indices, isFirst: index == 0)
      }
      for block in plan.unparsed where isOwnSheet(block) {
        try writeBlockSheet(block, writer: writer, styles: styles)
      }
      try extraSheets?(writer)
      return try writer.finish().renamedSheets.map { $0.finding(output: path) }
    } catch .textTooLong(let file, let sheet, let cell, let length) {
      throw TrackerError.cellTooLong(file: file, sheet: sheet, cell: cell.a1, length: length)
    } catch .output(let error) {
      throw error
    } catch {
      throw TrackerError.cannotWrite(file: path, reason: "\(error)")
    }
  }

  /// Blocks that were whole sheets (a key, an evidence log, other content).
  static func isOwnSheet(_ block: Block) -> Bool { block.kind == "sheet" }

  struct Group {
    var name: String
    var priority: Priority?
    var actions: [Action]
    /// Each action's position in `plan.actions`.
    var indices: [Int] = []
  }

  /// One group per priority (in plan order), then actions without one.
  static func sheetGroups(_ plan: Plan) -> [Group] {
    var groups: [Group] = plan.priorities.map { Group(name: "Priority \($0.id)", priority: $0, actions: []) }
    var index = Dictionary(plan.priorities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    var looseIndices: [Int] = []
    for n in plan.actions.indices {
      if let id = plan.actions[n].priorityId {
        if index[id] == nil {
          index[id] = groups.count
          groups.append(Group(name: "Priority \(id)", priority: nil, actions: []))
        }
        groups[index[id] ?? 0].indices.append(n)
      } else {
        looseIndices.append(n)
      }
    }
    if !looseIndices.isEmpty || groups.isEmpty {
      groups.append(Group(name: "Actions", priority: nil, actions: [], indices: looseIndices))
    }
    // A group holding every action (in order, as collected) shares the
    // plan's array; others copy theirs.
    for g in groups.indices {
      groups[g].actions =
        groups[g].indices.count == plan.actions.count ? plan.actions : groups[g].indices.map { plan.actions[$0] }
    }
    return groups
  }

  /// A kept sheet, its cells where they were.
  private static func writeBlockSheet(_ block: Block, writer: XLSXWriter, styles: TrackerXLSXStyles) throws(XLSXWriteError) {
    let name = block.cells.first?.source?.sheet ?? "Other"
    _ = try writer.beginSheet(name: name, layout: SheetLayout(autoFit: AutoFit(minWidth: 8, maxWidth: 60)))
    try BlockCells.write(block, writer: writer, startRow: 1, format: styles.text)
    try writer.endSheet()
  }
}

/// Writes kept cells at their original row/column offsets.
enum BlockCells {
  /// Writes the block's cells from `startRow`, keeping their relative rows
  /// and their columns; returns the next free row.
  @discardableResult
  static func write(
    _ block: Block, writer: XLSXWriter, startRow: Int, format: FormatID, avoiding unsafe: Set<Int> = [],
    beyond width: Int = 0
  ) throws(XLSXWriteError) -> Int {
    guard let firstRow = block.cells.compactMap({ $0.source?.cell?.row }).min() else {
      // Cells without positions: one per row.
      var row = startRow
      for cell in block.cells {
        try writer.writeRow(number: row, cells: [FormattedCell(column: 1, value: .text(cell.text), format: format)])
        row += 1
      }
      return row
    }
    // Keep the block's own columns unless one would land in a column that
    // makes a row an action (ref, action, notes, a period); then move the
    // whole block right of the table.
    let columns = block.cells.map { $0.source?.cell?.column ?? 1 }
    let shift = columns.contains(where: unsafe.contains) ? width + 2 - (columns.min() ?? 1) : 0
    var byRow: [Int: [FormattedCell]] = [:]
    for (n, cell) in block.cells.enumerated() {
      let address = cell.source?.cell ?? CellAddress(row: firstRow + n, column: 1)
      byRow[address.row - firstRow + startRow, default: []].append(
        FormattedCell(column: address.column + shift, value: .text(cell.text), format: format))
    }
    var last = startRow
    for row in byRow.keys.sorted() {
      let cells = (byRow[row] ?? []).sorted { $0.column < $1.column }
      var unique: [FormattedCell] = []
      for cell in cells where unique.last?.column != cell.column { unique.append(cell) }
      try writer.writeRow(number: row, cells: unique)
      last = row
    }
    return last + 1
  }
}
