import Diagnostics
import Dispatch
import Grid
import TrackerModel

#if canImport(Glibc)
  import Glibc
#endif

/// An action row and the hierarchy (filled down) it sits under.
struct ActionJob {
  var row: Row
  var priorityId: String?
  /// The focus area's ref (empty when it has none).
  var focusRef: String?
  /// Rows below it that carry only notes or evidence, which continue it.
  var continuations: [Row] = []
}

extension TableReader {
  /// Rows per chunk below which building stays on one thread.
  static let parallelThreshold = 2_000

  /// Builds every action row: in chunks on several threads for a large
  /// table (the result does not depend on the number of chunks or threads),
  /// each action initialised straight into its slot of the table's array,
  /// then resolves `As above` cells in row order, in place.
  mutating func buildActions() {
    let count = jobs.count
    let chunks = context.allowsThreads ? Self.chunkCount(count) : 1
    let size = max(1, (count + chunks - 1) / chunks)
    // Per row: the `InheritedFields` whose cells say `As above`.
    nonisolated(unsafe) let asAbove = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, count))
    asAbove.initialize(repeating: 0)
    defer { asAbove.deallocate() }
    nonisolated(unsafe) let builders = UnsafeMutableBufferPointer<ActionBuilder?>.allocate(capacity: chunks)
    builders.initialize(repeating: nil)
    defer { builders.deinitialize().deallocate() }
    // The jobs move out of the reader: each row (the sheet's only copy when
    // `freesCells`) is freed as soon as its action is built, so the grid's
    // memory goes back to the allocator while the plan grows.
    nonisolated(unsafe) let jobs = UnsafeMutableBufferPointer<ActionJob>.allocate(capacity: max(1, count))
    _ = jobs.initialize(fromContentsOf: self.jobs)
    self.jobs = []
    defer { jobs.deallocate() }
    let context = self.context
    let layout = self.layout
    let legend = statusLegend
    let built = [Action](unsafeUninitializedCapacity: count) { buffer, initialised in
      nonisolated(unsafe) let slots = buffer
      let buildChunk: @Sendable (Int) -> Void = { k in
        var builder = ActionBuilder(context: context, layout: layout, statusLegend: legend)
        for i in (k * size)..<min(count, (k + 1) * size) {
          let job = (jobs.baseAddress! + i).move()
          let (action, inherits) = builder.build(
            job.row, priorityId: job.priorityId, focusRef: job.focusRef, continuations: job.continuations)
          asAbove[i] = inherits.rawValue
          (slots.baseAddress! + i).initialize(to: consume action)
        }
        builders[k] = builder
      }
      if chunks <= 1 {
        buildChunk(0)
      } else {
        DispatchQueue.concurrentPerform(iterations: chunks, execute: buildChunk)
      }
      initialised = count
    }
    var normalised = StatusNormalisations()
    for case let builder? in builders {
      diagnostics += builder.diagnostics
      normalised.merge(builder.statusNotes)
    }
    let first = actions.count
    if actions.isEmpty { actions = built } else { actions += built }
    // The previous action row whose value an `As above` takes, per field
    // (by index, so nothing is copied for the rows that do not say it).
    var previous = PreviousRows()
    var all: [Action] = []
    swap(&all, &actions)
    let leadColumn = layout.column(.lead) ?? 1
    for i in 0..<count {
      let flags = InheritedFields(rawValue: asAbove[i])
      resolveAsAbove(&all, first + i, flags, leadColumn, &previous.leads, &previous.evidence)
      resolveSubGroup(&all, first + i, flags.contains(.subGroup), &previous.subGroup)
      resolveDue(&all, first + i, flags.contains(.due), &previous.due)
    }
    swap(&all, &actions)
    diagnostics += normalised.diagnostics()
  }

  /// `As above` takes the previous action row's leads or evidence (never
  /// further back: a row without the cell breaks the chain).
  private mutating func resolveAsAbove(
    _ all: inout [Action], _ a: Int, _ asAbove: InheritedFields, _ leadColumn: Int, _ previousLeads: inout Int?,
    _ previousEvidence: inout Int?
  ) {
    if let raw = all[a].leadsRaw {
      if asAbove.contains(.lead) {
        let loc = leadLocation(all[a], leadColumn)
        let previous = previousLeads.map { all[$0].leads } ?? []
        let names = previous.map(\.name).joined(separator: ", ")
        let at = previousLeads.map { leadLocation(all[$0], leadColumn) }
        diagnostics.append(RecognitionDiagnostics.leadAsAbove(raw, loc, resolvedTo: at, names: names))
        all[a].leads = previous.map { Lead(raw: raw, name: $0.name, kind: $0.kind, source: loc) }
      }
      previousLeads = a
    } else {
      previousLeads = nil
    }
    guard let loc = all[a].evidence.first?.source else {
      if all[a].evidence.isEmpty { previousEvidence = nil }
      return
    }
    if asAbove.contains(.evidence) {
      let raw = all[a].evidence[0].raw
      let previous = previousEvidence.map { (items: all[$0].evidence, at: all[$0].evidence.first?.source) }
      let summary = previous.map { p in "(" + p.items.map { "\"\($0.text)\"" }.joined(separator: ", ") + ")" } ?? ""
      diagnostics.append(RecognitionDiagnostics.evidenceAsAbove(raw, loc, resolvedTo: previous?.at, summary: summary))
      if let previous, !previous.items.isEmpty {
        all[a].evidence = previous.items.map {
          EvidenceItem(number: $0.number, text: $0.text, ref: $0.ref, resolvedTo: previous.at, raw: raw, source: loc)
        }
      }
    }
    previousEvidence = a
  }

  /// `As above` in the sub-group column takes the previous action row's
  /// sub-group and its cell.
  private mutating func resolveSubGroup(_ all: inout [Action], _ a: Int, _ asAbove: Bool, _ previous: inout Int?) {
    guard let loc = all[a].subGroupSource else {
      previous = nil
      return
    }
    if asAbove {
      let from = previous.map { (all[$0].subGroup, all[$0].subGroupSource) }
      diagnostics.append(RecognitionDiagnostics.asAbove(
        "subgroup.as_above", all[a].subGroup ?? "", what: "sub-group", loc, resolvedTo: from?.1, value: from?.0))
      if let from {
        all[a].subGroup = from.0
        all[a].subGroupSource = from.1
      }
    }
    previous = a
  }

  /// `As above` in the due-date column takes the previous action row's due
  /// date, as written, and its cell.
  private mutating func resolveDue(_ all: inout [Action], _ a: Int, _ asAbove: Bool, _ previous: inout Int?) {
    guard let loc = all[a].dueSource else {
      previous = nil
      return
    }
    if asAbove {
      let from = previous.map { (all[$0].dueDate, all[$0].dueRaw, all[$0].dueSource) }
      diagnostics.append(RecognitionDiagnostics.asAbove(
        "due.as_above", all[a].dueRaw ?? "", what: "due date", loc, resolvedTo: from?.2, value: from?.1))
      if let from {
        all[a].dueDate = from.0
        all[a].dueRaw = from.1
        all[a].dueSource = from.2
      }
    }
    previous = a
  }

  /// Where an action's lead cell is.
  private func leadLocation(_ action: borrowing Action, _ leadColumn: Int) -> SourceLocation {
    context.location(row: action.source?.cell?.row ?? 0, column: leadColumn)
  }

  /// The previous action row each inheritable column's `As above` takes.
  private struct PreviousRows {
    var leads: Int?
    var evidence: Int?
    var subGroup: Int?
    var due: Int?
  }

  /// How many chunks to build in: one for small tables or one processor,
  /// else about 1,000 rows each, up to 8 per processor, so a processor that
  /// another program slows down holds back only a small chunk.
  static func chunkCount(_ jobs: Int) -> Int {
    guard jobs >= parallelThreshold else { return 1 }
    let cpus = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    guard cpus > 1 else { return 1 }
    return max(1, min(64, cpus * 8, jobs / (parallelThreshold / 2)))
  }
}
