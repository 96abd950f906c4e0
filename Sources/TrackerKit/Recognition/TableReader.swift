import Diagnostics
import Grid
import TrackerModel

/// Reads one sheet's action table (below the header) into focus areas and
/// actions, filling down the hierarchy columns only, skipping blank rows,
/// and keeping rows after the table as unparsed blocks.
struct TableReader: TableCellReading {
  private(set) var context: SheetContext
  let layout: TableLayout
  /// The sheet's priority (from the preamble or the sheet name), used when
  /// there is no priority column.
  let sheetPriorityId: String?
  /// The key that gives period statuses their meaning.
  let statusLegend: [LegendEntry]

  var diagnostics: [Diagnostic] = []
  var actions: [Action] = []
  var focusAreas: [FocusArea] = []
  var priorities: [Priority] = []
  var unparsed: [Block] = []
  var evidenceLog: [EvidenceDoc] = []

  var currentPriorityId: String?
  /// The ref of the focus area rows fill down from (empty for one without a ref).
  var currentFocusRef: String?
  var focusFirstSeen: [String: SourceLocation] = [:]
  var focusReported = Set<String>()
  /// Action rows found so far, with the hierarchy each sits under.
  var jobs: [ActionJob] = []
  /// Whether the last row read was an action row (or its continuation), so
  /// a notes-only row continues it.
  var continuesOpenAction = false
  var ragged: (first: Int, last: Int, fields: Int)?
  /// Whether the table's cells are freed once its rows are collected (the
  /// rows then live in `jobs` alone, which frees each as its action is
  /// built). Not for a long table, whose pivot reads the rows again.
  var freesCells = false
  /// The indices in `context.sheet.rows` of the table's rows (up to the
  /// first trailing block).
  private var tableRows = 0..<0

  init(context: SheetContext, layout: TableLayout, sheetPriorityId: String?, statusLegend: [LegendEntry]) {
    self.context = context
    self.layout = layout
    self.sheetPriorityId = sheetPriorityId
    self.statusLegend = statusLegend
    self.currentPriorityId = sheetPriorityId
  }

  /// Reads every row below the header.
  mutating func read() {
    collectRows()
    flushRagged()
    if freesCells { context.freeCells(tableRows) }
    buildActions()
  }

  /// Walks the rows below the header in order: fills down the hierarchy,
  /// queues action rows, keeps other rows and trailing blocks. (Its row
  /// previews are gone before the actions are built.)
  private mutating func collectRows() {
    let rows = context.sheet.rows.drop { $0.number < layout.dataStart }
    // The table ends with its last action row, or a notes- or evidence-only
    // row that continues it. Below a row with two or more cells, a row of
    // one text cell outside the ref column is a footer line, not an action
    // (`Notes: statuses are agreed …` under the table in the action column).
    let lastFullRow = rows.last { isActionRow($0) && !isLoneText($0) }?.number
    let lastDataRow = rows.last { row in
      (isActionRow(row) && (lastFullRow.map { row.number <= $0 || !isLoneText(row) } ?? true)) || isContinuation(row)
    }?.number ?? 0
    let columns = RowPreview.Columns(layout)
    var previews = RowPreview.previews(rows.prefix { $0.number <= lastDataRow }, columns, threads: context.allowsThreads)
    var index = rows.startIndex
    defer { tableRows = rows.startIndex..<index }
    while index < rows.endIndex {
      let row = rows[index]
      let k = index - rows.startIndex
      // Rows past the last action row were not previewed: only the first
      // non-blank one is looked at, and it starts the trailing blocks.
      let preview = k < previews.count ? previews.take(k) : RowPreview(row, columns)
      if preview.isBlank {
        index += 1
        continue
      }
      if row.number > lastDataRow || preview.isHeaderLike {
        TrailingBlocks.read(rows[index...], context: context, into: &self)
        break
      }
      checkRagged(row)
      if let heading = priorityHeading(row) {
        startPriority(heading.label, at: context.location(row, column: heading.column))
        continuesOpenAction = false
        index += 1
        continue
      }
      if continuesOpenAction, isContinuation(row) {
        jobs[jobs.count - 1].continuations.append(row)
        index += 1
        continue
      }
      updateHierarchy(row, preview)
      if preview.isActionRow {
        let filled = context.merged.filled(row, in: context.sheet, skipping: hierarchyColumns)
        jobs.append(ActionJob(row: filled, priorityId: currentPriorityId, focusRef: currentFocusRef))
        continuesOpenAction = true
      } else if hasHierarchyText(row) {
        continuesOpenAction = false
      } else {
        continuesOpenAction = false
        let cells = row.cells.filter { !CellText.isBlank($0.value) }.map {
          RawCell(text: CellText.of($0.value), source: context.location(row, column: $0.column))
        }
        unparsed.append(Block(kind: "row", cells: cells))
        diagnostics.append(RecognitionDiagnostics.trailingBlock(
          "row \(row.number) is neither an action nor a heading",
          context.location(row, column: row.cells.first { !CellText.isBlank($0.value) }?.column ?? 1)))
      }
      index += 1
    }
  }

  /// Whether a row holds one cell, of text, outside the ref column: a
  /// sentence on a line of its own.
  func isLoneText(_ row: Row) -> Bool {
    var only: Cell?
    for cell in row.cells where !CellText.isBlank(cell.value) {
      guard only == nil else { return false }
      only = cell
    }
    guard let only, case .text = only.value else { return false }
    return only.column != layout.column(.ref)
  }

  /// Whether a row carries only notes or evidence (so it continues the
  /// action above rather than starting one).
  func isContinuation(_ row: Row) -> Bool {
    let allowed = [HeaderField.notes, .evidence].compactMap { layout.column($0) }
    guard !allowed.isEmpty else { return false }
    var any = false
    for cell in row.cells where !CellText.isBlank(cell.value) {
      guard allowed.contains(cell.column) else { return false }
      any = true
    }
    return any
  }

  /// A row whose only text is a priority heading (`Priority 2: title`,
  /// `ASW 3`), in a table whose priority column (if any) is blank on that
  /// row: the heading may sit in any column and repeat anywhere (in the
  /// lead or impact column too, when the table starts with it; not in the
  /// notes or evidence column, where a lone cell continues the action above).
  func priorityHeading(_ row: Row) -> (label: RefParser.AreaLabel, column: Int)? {
    if let c = layout.column(.priority), !CellText.isBlank(row.value(at: c)) { return nil }
    var only: Cell?
    for cell in row.cells where !CellText.isBlank(cell.value) {
      guard only == nil else { return nil }
      only = cell
    }
    // In a notes or evidence column a lone line continues the action above;
    // in a lead or impact column it is that field's text unless the column
    // is the table's first (a heading row starts at the table's left edge).
    guard let only, case .text(let text) = only.value, text.utf8.count <= 400,
      ![HeaderField.notes, .evidence].contains(where: { layout.column($0) == only.column }),
      only.column == firstColumn || ![HeaderField.lead, .impact].contains(where: { layout.column($0) == only.column })
    else { return nil }
    let clean = MarkupText.cleanText(text)
    // A focus-area heading with its own ref (`Ref - 4 …`) stays a focus area.
    if only.column == layout.column(.focusArea), RefParser.focus(clean) != nil { return nil }
    return RefParser.area(clean, requireKeyword: true).map { ($0, only.column) }
  }

  /// The table's leftmost column (mapped, period or extra).
  var firstColumn: Int {
    min(
      layout.fields.values.min() ?? .max, layout.periods.compactMap(\.column).min() ?? .max,
      layout.extras.map(\.column).min() ?? .max)
  }

  /// Makes a priority heading the one the rows below sit under (registering
  /// it the first time it appears).
  mutating func startPriority(_ label: RefParser.AreaLabel, at location: SourceLocation) {
    currentPriorityId = label.id
    currentFocusRef = nil
    if !priorities.contains(where: { $0.id == label.id }) {
      priorities.append(Priority(id: label.id, rawLabel: label.rawLabel, title: label.title, source: location))
    }
  }

  /// The priority and focus-area columns (filled down, never from merges).
  var hierarchyColumns: Set<Int> {
    Set([HeaderField.priority, .focusArea].compactMap { layout.column($0) })
  }

  /// Whether a row carries an action: action, ref, status or notes text.
  func isActionRow(_ row: Row) -> Bool { Self.isActionRow(row, RowPreview.Columns(layout)) }

  /// `isActionRow` with the layout's columns looked up once. Text in the ref
  /// column counts when it can be a ref — it reads as one, or is as short as
  /// a code: a footer sentence that happens to sit in the ref column
  /// ("Notes: statuses are agreed at the board; …") is not an action.
  static func isActionRow(_ row: Row, _ columns: RowPreview.Columns) -> Bool {
    for c in columns.action {
      let value = row.value(at: c)
      if CellText.isBlank(value) { continue }
      if c == columns.ref, !mayBeRef(CellText.of(value)) { continue }
      return true
    }
    return columns.periods.contains { !CellText.isBlank(row.value(at: $0)) }
  }

  /// The longest text read as a ref without `RefParser` reading it (`P1-03a`, `RAG ??`).
  static let longestOddRef = 24

  private static func mayBeRef(_ text: String) -> Bool {
    text.utf8.count <= longestOddRef || RefParser.ref(text) != nil
  }

  private func hasHierarchyText(_ row: Row) -> Bool {
    [HeaderField.priority, .focusArea].contains { f in layout.column(f).map { !CellText.isBlank(row.value(at: $0)) } ?? false }
  }

  /// Fills down the priority and focus area (and registers new ones), from
  /// the row's previewed (cleaned and parsed) hierarchy cells.
  private mutating func updateHierarchy(_ row: Row, _ preview: borrowing RowPreview) {
    if let priority = preview.priority {
      let clean = priority.clean
      let label = priority.label
      let id = label?.id ?? clean.collapsedWhitespace
      currentPriorityId = id
      if !priorities.contains(where: { $0.id == id }) {
        priorities.append(Priority(id: id, rawLabel: label?.rawLabel, title: label?.title ?? clean, source: at(row, .priority)))
      }
    }
    guard let focus = preview.focus else { return }
    let clean = focus.clean
    let loc = at(row, .focusArea)
    guard let cell = focus.cell else {
      let area = FocusArea(ref: "", rawRef: "", title: clean.collapsedWhitespace, priorityId: currentPriorityId, source: loc)
      currentFocusRef = ""
      focusAreas.append(area)
      return
    }
    if cell.isVariant { diagnostics.append(RecognitionDiagnostics.refNormalised(cell.rawRef, cell.ref, loc)) }
    if let first = focusFirstSeen[cell.ref] {
      if currentFocusRef != cell.ref {
        if focusReported.insert(cell.ref).inserted {
          diagnostics.append(RecognitionDiagnostics.splitFocusArea(cell.ref, loc, first: first))
        }
        // The heading is repeated: the rows below it sit under it again.
        if let a = focusAreas.lastIndex(where: { $0.ref == cell.ref }) { focusAreas[a].repeatedAt.append(loc) }
      }
    } else {
      focusFirstSeen[cell.ref] = loc
      focusAreas.append(FocusArea(ref: cell.ref, rawRef: cell.rawRef, title: cell.title, priorityId: currentPriorityId, source: loc))
    }
    currentFocusRef = cell.ref
  }

  private mutating func checkRagged(_ row: Row) {
    guard context.isDelimited else { return }
    let fields = context.fieldCount(row)
    if fields == layout.headerWidth {
      flushRagged()
      return
    }
    if let run = ragged, run.fields == fields, run.last < row.number {
      ragged = (run.first, row.number, fields)
    } else {
      flushRagged()
      ragged = (row.number, row.number, fields)
    }
  }

  private mutating func flushRagged() {
    guard let run = ragged else { return }
    diagnostics.append(RecognitionDiagnostics.raggedRow(
      rows: run.first...run.last, fields: run.fields, header: layout.headerWidth, context.location(row: run.first, column: 1)))
    ragged = nil
  }
}

/// Collects `status.normalised` findings per distinct raw text, so a
/// tracker written in words gets one finding per word, not per cell.
struct StatusNormalisations {
  private var order: [String] = []
  private var seen: [String: (code: String, count: Int, first: SourceLocation, more: [SourceLocation])] = [:]

  /// Adds what a later chunk of rows collected (counts add up; the first
  /// cell stays the earliest).
  mutating func merge(_ other: StatusNormalisations) {
    for raw in other.order {
      guard let theirs = other.seen[raw] else { continue }
      if var entry = seen[raw] {
        entry.count += theirs.count
        entry.more = Array((entry.more + [theirs.first] + theirs.more).prefix(20))
        seen[raw] = entry
      } else {
        order.append(raw)
        seen[raw] = theirs
      }
    }
  }

  mutating func add(_ raw: String, code: String, at: SourceLocation) {
    guard seen[raw] != nil else {
      order.append(raw)
      seen[raw] = (code, 1, at, [])
      return
    }
    // In place: copying the entry out and back copied its list every time.
    Self.count(&seen[raw]!, at)
  }

  private static func count(_ entry: inout (code: String, count: Int, first: SourceLocation, more: [SourceLocation]), _ at: SourceLocation) {
    entry.count += 1
    if entry.more.count < 20 { entry.more.append(at) }
  }

  func diagnostics() -> [Diagnostic] {
    order.compactMap { raw in
      seen[raw].map { RecognitionDiagnostics.statusNormalised(raw, as: $0.code, count: $0.count, $0.first, related: $0.more) }
    }
  }
}
