import Diagnostics
import Grid
import TrackerModel

/// The columns whose cell may say `As above` (`AsAbove`) and take the
/// previous action row's value.
struct InheritedFields: OptionSet, Sendable {
  let rawValue: UInt8
  static let lead = InheritedFields(rawValue: 1)
  static let evidence = InheritedFields(rawValue: 2)
  static let subGroup = InheritedFields(rawValue: 4)
  static let due = InheritedFields(rawValue: 8)
}

/// Builds the action on one data row (and the notes-only rows that continue
/// it). Independent of other rows (the hierarchy comes in; `As above`
/// values are left for `TableReader` to resolve in row order), so chunks of
/// rows can be built on several threads with the same result.
struct ActionBuilder: TableCellReading {
  let context: SheetContext
  let layout: TableLayout
  /// The key that gives period statuses their meaning.
  let statusLegend: [LegendEntry]
  var diagnostics: [Diagnostic] = []
  var statusNotes = StatusNormalisations()
  /// Statuses and leads repeat (a few codes, a few people): each distinct
  /// text is read once.
  var statusCache: [String: StatusVocabulary.Reading] = [:]
  /// The first few distinct status texts with their readings, looked at
  /// before `statusCache`: a tracker uses a handful of codes, and comparing
  /// a short text costs less than hashing it (a 24-period tracker reads 2.4
  /// million status cells).
  private var commonStatuses: [(text: String, status: Status, isCanonical: Bool)] = []
  var leadCache: [String: LeadSplitter.Reading] = [:]
  private var currentPriorityId: String?
  private var currentFocusRef: String?

  init(context: SheetContext, layout: TableLayout, statusLegend: [LegendEntry]) {
    self.context = context
    self.layout = layout
    self.statusLegend = statusLegend
  }

  /// Builds the action on one data row under the given priority and focus
  /// area (its ref; empty when the area has none), with the notes and
  /// evidence of the rows that continue it, and says which of its cells say
  /// `As above`. (A tuple, so the caller can take the action apart from the
  /// flags without copying it.)
  mutating func build(_ row: Row, priorityId: String?, focusRef: String?, continuations: [Row] = [])
    -> (action: Action, inherits: InheritedFields)
  {
    currentPriorityId = priorityId
    currentFocusRef = focusRef
    let rowAt = context.location(row, column: 1)
    let cell = text(row, .action).map(RefParser.action)
    let (key, letter, focusRef, rawRef, refSource) = identify(row, cell)
    let actionText = cell.map { MarkupText.cleanText($0.text) } ?? ""
    var action = Action(
      key: key, focusRef: focusRef, priorityId: currentPriorityId, letter: letter, rawRef: rawRef, text: actionText,
      source: rowAt)
    action.refSource = refSource
    if cell != nil { action.textSource = at(row, .action) }
    var inherits: InheritedFields = []
    if readLeads(row, into: &action) { inherits.insert(.lead) }
    if let raw = text(row, .accountable) {
      let loc = at(row, .accountable)
      let reading = LeadSplitter.read(raw, source: loc)
      action.accountable = reading.leads
      reportSplits(reading, loc)
    }
    if let raw = text(row, .subGroup) {
      action.subGroup = MarkupText.cleanText(raw)
      action.subGroupSource = at(row, .subGroup)
      if AsAbove.says(raw) { inherits.insert(.subGroup) }
    }
    if let raw = text(row, .impact) {
      action.impact = MarkupText.cleanParagraphs(raw)
      action.impactRaw = raw
      action.impactSource = at(row, .impact)
    }
    if readDue(row, into: &action) { inherits.insert(.due) }
    readPercent(row, into: &action)
    readStatuses(row, into: &action)
    readNotes(row, into: &action)
    if readEvidence(row, into: &action) { inherits.insert(.evidence) }
    for more in continuations {
      diagnostics.append(RecognitionDiagnostics.continuationRow(
        more.number, key: action.key, at: context.location(more, column: more.cells.first { !CellText.isBlank($0.value) }?.column ?? 1),
        action: action.keyCell))
      readNotes(more, into: &action)
      _ = readEvidence(more, into: &action, asAboveAllowed: false)
    }
    for (column, name) in layout.extras {
      let value = row.value(at: column)
      guard !CellText.isBlank(value) else { continue }
      action.extra.append(ExtraField(column: name, value: CellText.of(value), source: context.valueLocation(row, column: column)))
    }
    return (action, inherits)
  }

  /// Key, letter, focus ref, raw ref and the cell the key was read from,
  /// from the ref column or the focus area and the action's letter.
  private mutating func identify(_ row: Row, _ cell: RefParser.ActionCell?)
    -> (String, String?, String?, String, SourceLocation?)
  {
    var letter = cell?.letter
    let focusRef = currentFocusRef.flatMap { $0.isEmpty ? nil : $0 }
    if let refText = text(row, .ref) {
      let loc = at(row, .ref)
      let trimmed = refText.collapsedWhitespace
      guard let ref = RefParser.ref(trimmed) else { return (trimmed, letter, focusRef, trimmed, loc) }
      if ref.isVariant { diagnostics.append(RecognitionDiagnostics.refNormalised(trimmed, ref.key, loc)) }
      if let refLetter = ref.letter {
        letter = refLetter
        return (ref.key, letter, ref.focusRef ?? focusRef, trimmed, loc)
      }
      if let l = letter, let digits = ref.focusRef {
        return (digits + l, l, digits, trimmed, loc)
      }
      return (ref.key, letter, focusRef, trimmed, loc)
    }
    let rawRef = cell?.rawRef ?? ""
    let actionAt = at(row, .action)
    if let letter {
      return (RefParser.compositeKey(focusRef: focusRef, letter: letter, row: row.number), letter, focusRef, rawRef, actionAt)
    }
    if let n = cell?.number { return (focusRef.map { "\($0).\(n)" } ?? "\(n)", nil, focusRef, rawRef, actionAt) }
    let key = RefParser.compositeKey(focusRef: focusRef, letter: nil, row: row.number)
    diagnostics.append(RecognitionDiagnostics.refMissing(row.number, key: key, actionAt))
    return (key, nil, focusRef, rawRef, nil)
  }

  /// Reads the leads; `true` when the cell says `As above` (resolved later).
  private mutating func readLeads(_ row: Row, into action: inout Action) -> Bool {
    guard let raw = text(row, .lead) else { return false }
    let loc = at(row, .lead)
    action.leadsRaw = raw
    // A cached text was read before and is not `As above` (that returns first).
    if let cached = leadCache[raw] {
      action.leads = cached.leads.map { Lead(raw: $0.raw, name: $0.name, kind: $0.kind, source: loc) }
      reportSplits(cached, loc)
    } else {
      if LeadSplitter.isAsAbove(raw) { return true }
      let reading = LeadSplitter.read(raw, source: loc)
      action.leads = reading.leads
      reportSplits(reading, loc)
      if leadCache.count < 10_000 { leadCache[raw] = reading }
    }
    return false
  }

  /// One `lead.split` per split at ` and `, `&` or `+` between two names.
  private mutating func reportSplits(_ reading: LeadSplitter.Reading, _ loc: SourceLocation) {
    for split in reading.conjunctionSplits { diagnostics.append(RecognitionDiagnostics.leadSplit(split, loc)) }
  }

  /// Reads the due date; `true` when the cell says `As above` (resolved later).
  private mutating func readDue(_ row: Row, into action: inout Action) -> Bool {
    guard let c = layout.column(.due) else { return false }
    let value = row.value(at: c)
    guard !CellText.isBlank(value) else { return false }
    let loc = context.valueLocation(row, column: c)
    action.dueRaw = CellText.of(value)
    action.dueSource = loc
    if case .text(let s) = value, AsAbove.says(s) { return true }
    switch value {
    case .date(let d):
      action.dueDate = d.display == .month ? DateValue(year: d.year, month: d.month) : DateValue(year: d.year, month: d.month, day: d.day)
    default:
      switch DateText.parse(CellText.of(value)) {
      case .value(let date)?: action.dueDate = date
      case .invalid(let reason)?: diagnostics.append(RecognitionDiagnostics.dateInvalid("due date " + reason, loc))
      case .partial?, nil: break
      }
    }
    return false
  }

  /// Reads % complete: a number as is (a fraction of 1 from a percent
  /// format as a percentage), text with `NumberText` (a decimal comma read
  /// right, an ambiguous separator or text that is not a number reported).
  private mutating func readPercent(_ row: Row, into action: inout Action) {
    guard let c = layout.column(.percentComplete) else { return }
    switch row.value(at: c) {
    case .number(let n): action.percentComplete = n <= 1 && n > 0 ? (n * 1000).rounded() / 10 : n
    case .text(let s) where !CellText.isBlank(.text(s)):
      switch NumberText.read(s, decimalComma: context.decimalComma) {
      case .number(let n): action.percentComplete = n
      case .ambiguous(let n, let other):
        action.percentComplete = n
        diagnostics.append(
          RecognitionDiagnostics.numberAmbiguous(s, read: n, otherwise: other, decimalComma: context.decimalComma, at(row, .percentComplete)))
      case .invalid where LeadSplitter.isPlaceholder(s):
        break  // `N/A`, `TBC`, `-`: nothing to read, nothing to report
      case .invalid:
        diagnostics.append(RecognitionDiagnostics.numberInvalid(s, column: "% complete", at(row, .percentComplete)))
      }
    default: break
    }
    if action.percentComplete != nil { action.percentSource = context.valueLocation(row, column: c) }
  }

  private mutating func readStatuses(_ row: Row, into action: inout Action) {
    action.statuses.reserveCapacity(layout.periods.count)
    for p in layout.periods.indices {
      let column = layout.periods[p].column ?? 0
      let value = row.value(at: column)
      let loc = context.valueLocation(row, column: column)
      // Statuses share their fields (`Status`): the empty one, or the cached reading's.
      var status = Status.empty
      if CellText.isBlank(value) {
        if case .text(let s) = value, !s.isEmpty { status.raw = s }
        if let rgb = context.fill(row, column: column), let rating = FillColour.rating(rgb) {
          let raw = status.raw
          status = StatusVocabulary.read(Status(raw: "", rating: rating).code, legend: statusLegend).status
          status.raw = raw
          status.origin = .fill
          diagnostics.append(RecognitionDiagnostics.statusFromFill(status.code, loc))
        }
      } else {
        let text = CellText.of(value)
        let reading = statusReading(text)
        status = reading.status
        if status.rating == .unknown {
          diagnostics.append(RecognitionDiagnostics.statusUnknown(status.raw, loc))
        } else if !reading.isCanonical {
          statusNotes.add(status.raw, code: status.code, at: loc)
        }
      }
      action.statuses.append(PeriodStatus(periodId: layout.periods[p].id, status: status, source: loc))
    }
  }

  /// The reading of a status text, from the cache or the vocabulary.
  private mutating func statusReading(_ text: String) -> (status: Status, isCanonical: Bool) {
    for i in commonStatuses.indices where commonStatuses[i].text == text {
      return (commonStatuses[i].status, commonStatuses[i].isCanonical)
    }
    let reading: StatusVocabulary.Reading
    if let cached = statusCache[text] {
      reading = cached
    } else {
      reading = StatusVocabulary.read(text, legend: statusLegend)
      if statusCache.count < 10_000 { statusCache[text] = reading }
    }
    if commonStatuses.count < 8 { commonStatuses.append((text, reading.status, reading.isCanonical)) }
    return (reading.status, reading.isCanonical)
  }

  private mutating func readNotes(_ row: Row, into action: inout Action) {
    guard let raw = text(row, .notes) else { return }
    let loc = at(row, .notes)
    // A line headed by a period in the council's own words (`[periods]`) is dated by it too.
    let result = NoteSplitter.split(raw, source: loc, words: context.periodWords)
    action.notes += result.notes
    if let first = result.notes.first(where: \.undated) {
      let snippet = String(first.text.prefix(40))
      diagnostics.append(RecognitionDiagnostics.noteUndated("note \"\(snippet)\" has no date prefix", loc))
    } else if result.hasUndatedContinuation,
      let note = result.notes.first(where: { $0.text.utf8.contains(10) })
    {
      diagnostics.append(RecognitionDiagnostics.noteUndated(
        "undated paragraphs continue the \(note.prefix ?? "dated") note", loc))
    }
    for reason in result.invalidDates { diagnostics.append(RecognitionDiagnostics.dateInvalid("note date " + reason, loc)) }
    for n in result.notes.indices { appendCrossRefs(in: result.notes[n].text, at: loc, to: &action) }
  }

  /// Reads the evidence (after any already read); `true` when the cell says
  /// `As above` (resolved later).
  private mutating func readEvidence(_ row: Row, into action: inout Action, asAboveAllowed: Bool = true) -> Bool {
    guard let raw = text(row, .evidence) else { return false }
    let loc = at(row, .evidence)
    let result = EvidenceSplitter.split(raw, source: loc)
    if result.isAsAbove {
      action.evidence.append(EvidenceItem(text: MarkupText(raw).text, raw: raw, source: loc))
      return asAboveAllowed
    }
    let first = action.evidence.count
    action.evidence += result.items
    for n in result.emptyNumbers { diagnostics.append(RecognitionDiagnostics.evidenceEmptyItem(n, loc)) }
    for e in first..<action.evidence.count { appendCrossRefs(in: action.evidence[e].text, at: loc, to: &action) }
    return false
  }

  /// Adds the cross-references a note or evidence item makes (`see 4A`),
  /// unresolved until the plan is assembled.
  private func appendCrossRefs(in text: String, at loc: SourceLocation, to action: inout Action) {
    for match in CrossRefFinder.find(in: text) {
      action.crossRefs.append(CrossRef(
        fromCell: loc, text: match.text, targetKey: RefParser.ref(match.targetKey)?.key ?? match.targetKey,
        resolution: .unresolved))
    }
  }
}
