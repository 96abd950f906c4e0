import Diagnostics
import Dispatch
import Grid
import TrackerModel

/// Collects what each sheet gives and assembles one plan: periods unioned by
/// window id and ordered by end date, every action given one status per
/// plan period, notes attributed to period windows, cross-references resolved.
struct PlanAssembly {
  let file: String
  let options: RecogniserOptions
  private(set) var sheetsRead = 0
  private var sheetNames: [String] = []
  private var periods: [Period] = []
  private var priorities: [Priority] = []
  private var focusAreas: [FocusArea] = []
  private var focusAreaSet = Set<FocusArea>()
  private var actions: [Action] = []
  private var legend: [LegendEntry] = []
  private var unparsed: [Block] = []
  private var evidenceLog: [EvidenceDoc] = []
  private var asAt: DateValue?
  private var title: String?
  private var planType: PlanType?
  private var version: String?
  /// A key found on a sheet of its own (`Key`), used by sheets without one.
  var workbookLegend: [LegendEntry] = []
  /// The workbook's cell styles (a key sheet's swatches are fills).
  var styles: [CellStyle] = []
  private var diagnostics: [Diagnostic] = []

  init(file: String, options: RecogniserOptions) {
    self.file = file
    self.options = options
  }

  /// Reads one sheet; `false` when it has no action table. The sheet is
  /// given up: the table reader frees its table's cells as it goes.
  @discardableResult
  mutating func read(_ context: consuming SheetContext) -> Bool {
    guard let found = Self.findLayout(context) else { return false }
    let header = found.header
    let finderDiagnostics = found.diagnostics
    var layout = found.layout
    var preamble = PreambleReader.read(context, before: layout.firstRow)
    // A long table (one row per action per period) is read row by row, then
    // pivoted; its statuses may be the key's own words.
    let key = [preamble.legend, layout.periodLegend, workbookLegend].first { !$0.isEmpty } ?? []
    let long = LongLayout.detect(context, layout, header: header, legend: key)
    if let long { layout = long.rowLayout(layout, context: context) }
    addLayoutDiagnostics(long.map { $0.adjust(finderDiagnostics, header: header, context: context) } ?? finderDiagnostics)
    sheetsRead += 1
    sheetNames.append(context.sheet.name)
    var sheetPriority = preamble.priority
    if let p = sheetPriority, p.title.isEmpty, p.source == nil {
      let label = RefParser.area(context.sheet.name)
      sheetPriority?.id = label?.id ?? context.sheet.name
      sheetPriority?.rawLabel = label?.rawLabel
    } else if sheetPriority == nil, !options.isDelimited, let label = RefParser.area(context.sheet.name) {
      sheetPriority = Priority(id: label.id, rawLabel: label.rawLabel, title: label.title)
    }
    if var own = sheetPriority {
      SheetPriority.takeHeading(&own, from: &preamble.unparsed)
      sheetPriority = own
    }
    if let overall = preamble.overallRaw {
      let key = !preamble.legend.isEmpty ? preamble.legend : !layout.periodLegend.isEmpty ? layout.periodLegend : workbookLegend
      sheetPriority?.overallStatus = StatusVocabulary.read(overall.text, legend: key).status
      sheetPriority?.overallStatusSource = overall.at
    }
    if sheetPriority != nil, sheetPriority?.vision == nil { sheetPriority?.vision = preamble.vision }
    // Without a priority to hold them, an overall status and a vision stay
    // verbatim with the preamble: no priority is invented to carry them.
    if sheetPriority == nil {
      let orphans = [preamble.overallRaw.map { RawCell(text: $0.text, source: $0.at) }, preamble.visionCell].compactMap { $0 }
      if !orphans.isEmpty { preamble.unparsed = (preamble.unparsed + orphans).inCellOrder }
    }
    reportLegendConflict(preamble.legend, layout.periodLegend)
    var statusLegend = layout.periodLegend.isEmpty ? preamble.legend : layout.periodLegend
    if statusLegend.isEmpty { statusLegend = workbookLegend }
    // The reader takes the sheet (its only copy, so it can free the cells
    // of the rows it has read); a long table's pivot reads them again.
    var table = TableReader(
      context: consume context, layout: layout, sheetPriorityId: sheetPriority?.id, statusLegend: statusLegend)
    table.freesCells = long == nil
    table.read()
    let sheetContext = table.context
    let sheetPeriods = long.map { $0.pivot(&table, context: sheetContext) } ?? layout.periods
    diagnostics += table.diagnostics
    keepSheetTitleAndAsAt(&preamble, sheetContext, header: header.number)
    if let own = preamble.asAt, own != asAt {
      // This sheet's as-at differs from the plan's: its priorities keep it.
      sheetPriority?.asAt = own
      if sheetPriority == nil { for k in table.priorities.indices { table.priorities[k].asAt = own } }
    }
    if let sheetPriority { addPriority(sheetPriority) }
    table.priorities.forEach { addPriority($0) }
    addFocusAreas(&table.focusAreas)
    if actions.isEmpty { swap(&actions, &table.actions) } else { actions += table.actions }
    addLegend(preamble.legend)
    addLegend(layout.periodLegend)
    for period in sheetPeriods where !periods.contains(where: { $0.id == period.id }) { periods.append(period) }
    if !preamble.unparsed.isEmpty { unparsed.append(Block(kind: "preamble", cells: preamble.unparsed)) }
    unparsed += table.unparsed
    for unread in layout.unreadPeriods {
      unparsed.append(Block(kind: Block.unreadPeriod, cells: [RawCell(text: unread.label, source: unread.source)]))
    }
    evidenceLog += table.evidenceLog
    return true
  }

  /// The header row, the layout under it and the finder's findings (in a
  /// function of its own, so the finder's copy of the sheet is gone before
  /// the table is read).
  private static func findLayout(_ context: SheetContext) -> (header: Row, layout: TableLayout, diagnostics: [Diagnostic])? {
    var finder = LayoutFinder(context: context)
    guard let header = finder.headerRow() else { return nil }
    let layout = finder.layout(header: header)
    return (header, layout, finder.diagnostics)
  }

  /// Adds a sheet's header findings. A column another sheet's header
  /// already has (one sheet per priority, each with the same `Directorate`
  /// column) is reported once, at its first sheet, with the later headers
  /// in `related`.
  private mutating func addLayoutDiagnostics(_ found: [Diagnostic]) {
    for d in found {
      if d.code == "layout.unknown_column",
        let first = diagnostics.firstIndex(where: { $0.code == d.code && $0.message == d.message && $0.location?.sheet != d.location?.sheet })
      {
        if let at = d.location { diagnostics[first].related.append(at) }
      } else {
        diagnostics.append(d)
      }
    }
  }

  /// The plan takes the first sheet's title and as-at date (and the first
  /// stated when the first sheet has none); a later sheet's own title, when
  /// it differs, stays in its preamble verbatim.
  private mutating func keepSheetTitleAndAsAt(_ preamble: inout Preamble, _ context: SheetContext, header: Int) {
    if asAt == nil { asAt = preamble.asAt }
    if asAt == nil, case .date(let date)? = AsAtText.read(context.sheet.name) { asAt = date }
    guard let t = preamble.title else { return }
    if title == nil {
      title = t
      planType = preamble.planType
      version = preamble.version
    } else if t != title, let cell = SheetPriority.titleCell(t, context, before: header) {
      preamble.unparsed.insert(cell, at: 0)
    }
  }

  /// Adds a table's focus areas, each once. A table's own areas never
  /// repeat (each comes from its own cell), so the first table's are taken
  /// whole and the set of areas seen is built only when a second arrives
  /// (a sheet asked for twice repeats them).
  private mutating func addFocusAreas(_ areas: inout [FocusArea]) {
    if focusAreas.isEmpty, focusAreaSet.isEmpty {
      swap(&focusAreas, &areas)
      return
    }
    if focusAreaSet.isEmpty { focusAreaSet = Set(focusAreas) }
    for area in areas where focusAreaSet.insert(area).inserted { focusAreas.append(area) }
  }

  /// Keeps sheets without an action table verbatim; with no table anywhere,
  /// reports `layout.no_header`.
  mutating func keepSheetsWithoutTable(_ sheets: [Sheet], anyTable: Bool) {
    for sheet in sheets {
      let context = SheetContext(file: file, sheet: sheet, isDelimited: options.isDelimited, styles: styles)
      let cells = sheet.rows.flatMap { row in
        row.cells.filter { !CellText.isBlank($0.value) }.map {
          RawCell(text: CellText.of($0.value), source: context.location(row, column: $0.column))
        }
      }
      let first = context.location(row: sheet.rows.first?.number ?? 1, column: 1)
      if !anyTable {
        diagnostics.append(RecognitionDiagnostics.noHeader(first))
      }
      guard !cells.isEmpty else { continue }
      if let header = sheet.rows.first(where: { TrailingBlocks.evidenceLogColumns($0) != nil }),
        let columns = TrailingBlocks.evidenceLogColumns(header)
      {
        let rows = sheet.rows.filter { $0.number >= header.number }
        evidenceLog += TrailingBlocks.evidenceDocs(rows, columns: columns, header: header, context: context)
      } else if let key = Self.sheetKey(context) {
        addLegend(key.entries)
        // A sheet that is only the key is read whole (its entries keep
        // their cells), as a key in the preamble is: not kept, not reported.
        let used = sheet.rows.allSatisfy { row in
          row.cells.allSatisfy { CellText.isBlank($0.value) || key.cells.contains(CellAddress(row: row.number, column: $0.column)) }
        }
        if used { continue }
      } else if asAt == nil, let found = AsAtFinder.find(sheet.rows.prefix(40)) {
        asAt = found.date  // a cover sheet (never an evidence log: its dates are documents')
      }
      unparsed.append(Block(kind: "sheet", cells: cells))
      if anyTable {
        diagnostics.append(RecognitionDiagnostics.trailingBlock("sheet \"\(sheet.name)\" has no action table", first))
      }
    }
  }

  /// A key laid out on a sheet of its own (`KeyTable`), else each row's
  /// cells joined with ` - `, rows joined, read as one key. It is the
  /// workbook's key as a key in a preamble is, so it has the same scope
  /// (`overall`, which every status falls back to when the plan has no
  /// period key). The cells are those it was read from (none are claimed
  /// from a joined read of several cells).
  static func sheetKey(_ context: SheetContext) -> KeyTable.Found? {
    guard !MergeLogSheet.isEarlierLog(context.sheet) else { return nil }
    if let table = KeyTable.find(context.sheet.rows, context, scope: .overall) { return table }
    let cells = context.sheet.rows.flatMap { row in
      row.cells.filter { !CellText.isBlank($0.value) }.map { (row, $0) }
    }
    let text = context.sheet.rows.map { row in
      row.cells.filter { !CellText.isBlank($0.value) }.map { MarkupText(CellText.of($0.value)).text }.joined(separator: " - ")
    }.filter { !$0.isEmpty }.joined(separator: " ")
    guard text.utf8.count <= 4000 else { return nil }
    let at = context.location(row: context.sheet.rows.first?.number ?? 1, column: 1)
    guard let entries = LegendParser.parse(text, scope: .overall, source: at)?.entries else { return nil }
    let whole = cells.count == 1 ? Set(cells.map { CellAddress(row: $0.0.number, column: $0.1.column) }) : []
    return KeyTable.Found(entries: entries, cells: whole)
  }

  private mutating func addPriority(_ priority: Priority) {
    if let i = priorities.firstIndex(where: { $0.id == priority.id }) {
      if priorities[i].title.isEmpty, !priority.title.isEmpty { priorities[i].title = priority.title }
      if priorities[i].asAt == nil { priorities[i].asAt = priority.asAt }
    } else {
      priorities.append(priority)
    }
  }

  private mutating func addLegend(_ entries: [LegendEntry]) {
    for entry in entries {
      let same = legend.contains {
        $0.code == entry.code && $0.rating == entry.rating && $0.label == entry.label && $0.meaning == entry.meaning
          && $0.completion == entry.completion && $0.scope == entry.scope
      }
      if !same { legend.append(entry) }
    }
  }

  private mutating func reportLegendConflict(_ overall: [LegendEntry], _ periods: [LegendEntry]) {
    guard !overall.isEmpty, !periods.isEmpty else { return }
    var colours: [String] = []
    for entry in overall {
      guard let other = periods.first(where: { $0.rating == entry.rating }) else { continue }
      let a = StatusVocabulary.normalisedKey(entry.meaning)
      let b = StatusVocabulary.normalisedKey(other.meaning)
      if entry.completion != other.completion || !(a.containsUTF8(b) || b.containsUTF8(a)) { colours.append(entry.code) }
    }
    guard !colours.isEmpty else { return }
    diagnostics.append(RecognitionDiagnostics.legendConflict(colours: colours, overall: overall[0].source, periods: periods[0].source))
  }

  /// The assembled plan (the actions move into it).
  mutating func plan() -> Plan {
    let windows = PeriodWindows(periods)
    let ordered = windows.ordered
    var all: [Action] = []
    swap(&all, &actions)
    Self.finish(&all, windows, threads: options.allowsThreads)
    var base = file.split(separator: "/").last.map(String.init) ?? file
    if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = String(base[..<dot]) }
    var plan = Plan(
      id: base, title: title, planType: planType ?? .wsoa, version: version, asAt: asAt, statusScheme: legend,
      mixedStatusReading: options.mixedStatusReading, periods: ordered, priorities: priorities, focusAreas: focusAreas,
      actions: all, evidenceLog: evidenceLog, unparsed: unparsed,
      sources: [SourceFile(path: file, sha256: options.sha256, sheet: sheetNames.isEmpty ? nil : sheetNames.joined(separator: ", "))])
    all = []
    plan.resolveCrossReferences()
    reportPartialPrefixes(plan, windows)
    return plan
  }

  /// A note prefix without a year (`Q2`, `Autumn`, `March`): placed in the
  /// one period it can mean, else kept without a period (`note.partial_date`).
  private mutating func reportPartialPrefixes(_ plan: Plan, _ windows: PeriodWindows) {
    for action in plan.actions {
      for note in action.notes where note.date == nil {
        guard let prefix = note.prefix, let partial = PartialPeriod.read(prefix), let at = note.source ?? action.source
        else { continue }
        if let id = note.periodId, let period = windows.ordered.first(where: { $0.id == id }) {
          diagnostics.append(RecognitionDiagnostics.notePeriodFromPrefix(prefix, period: period.label, heading: period.source, at))
        } else {
          let why = partial.period(in: windows) == nil && !windows.ordered.isEmpty
            ? "names no single period of the plan" : "the plan has no periods"
          diagnostics.append(RecognitionDiagnostics.notePartialDate(prefix, at, candidates: why))
        }
      }
    }
  }

  /// Puts each action's statuses in period order (a period it lacks gets
  /// a blank status) and places its dated notes in the periods' windows
  /// (`Plan.attributeNotesToPeriods`); each action on its own, so a large
  /// plan's are done in chunks on every core.
  private static func finish(_ actions: inout [Action], _ windows: PeriodWindows, threads: Bool) {
    let ids = windows.ordered.map(\.id)
    actions.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let all = buffer
      let count = all.count
      let chunks = threads ? TableReader.chunkCount(count) : 1
      let size = max(1, (count + chunks - 1) / chunks)
      let work: @Sendable (Int) -> Void = { k in
        for a in (k * size)..<min(count, (k + 1) * size) {
          if !inOrder(all[a].statuses, ids) {
            let byId = Dictionary(all[a].statuses.map { ($0.periodId, $0) }, uniquingKeysWith: { first, _ in first })
            all[a].statuses = windows.ordered.map {
              byId[$0.id] ?? PeriodStatus(periodId: $0.id, status: Status(raw: "", rating: .none))
            }
          }
          all[a].attributeNotes(to: windows)
        }
      }
      if chunks <= 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: work) }
    }
  }

  /// Whether the statuses are exactly one per period id, in that order.
  private static func inOrder(_ statuses: borrowing [PeriodStatus], _ ids: borrowing [String]) -> Bool {
    guard statuses.count == ids.count else { return false }
    for k in ids.indices where statuses[k].periodId != ids[k] { return false }
    return true
  }

  /// Diagnostics ordered by sheet, then row, then column (stable). Each
  /// one's key is worked out once (a sheet name hashed once, not per
  /// comparison), and only the keys are sorted.
  func sortedDiagnostics(sheetOrder: [String]) -> [Diagnostic] {
    let rank = Dictionary(sheetOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    var keys: [(sheet: Int, row: Int, column: Int, offset: Int)] = []
    keys.reserveCapacity(diagnostics.count)
    for offset in diagnostics.indices {
      let location = diagnostics[offset].location
      keys.append((rank[location?.sheet ?? ""] ?? 0, location?.cell?.row ?? 0, location?.cell?.column ?? 0, offset))
    }
    keys.sort { $0 < $1 }
    return keys.map { diagnostics[$0.offset] }
  }
}
