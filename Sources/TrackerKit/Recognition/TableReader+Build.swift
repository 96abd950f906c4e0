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
}

extension TableReader {
  /// Rows per chunk below which building stays on one thread.
  static let parallelThreshold = 2_000

  /// Builds every action row: in chunks on several threads for a large
  /// table (the result does not depend on the number of chunks or threads),
  /// each action initialised straight into its slot of the table's array,
  /// then resolves `As above` leads and evidence in row order, in place.
  mutating func buildActions() {
    let count = jobs.count
    let chunks = Self.chunkCount(count)
    let size = max(1, (count + chunks - 1) / chunks)
    // Per row: bit 0 = leads say `As above`, bit 1 = evidence does.
    nonisolated(unsafe) let asAbove = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, count))
    asAbove.initialize(repeating: 0)
    defer { asAbove.deallocate() }
    nonisolated(unsafe) let builders = UnsafeMutableBufferPointer<ActionBuilder?>.allocate(capacity: chunks)
    builders.initialize(repeating: nil)
    defer { builders.deinitialize().deallocate() }
    let jobs = self.jobs
    let context = self.context
    let layout = self.layout
    let legend = statusLegend
    let built = [Action](unsafeUninitializedCapacity: count) { buffer, initialised in
      nonisolated(unsafe) let slots = buffer
      let buildChunk: @Sendable (Int) -> Void = { k in
        var builder = ActionBuilder(context: context, layout: layout, statusLegend: legend)
        for i in (k * size)..<min(count, (k + 1) * size) {
          let job = jobs[i]
          let item = builder.build(job.row, priorityId: job.priorityId, focusRef: job.focusRef)
          asAbove[i] = (item.leadsAsAbove ? 1 : 0) | (item.evidenceAsAbove ? 2 : 0)
          (slots.baseAddress! + i).initialize(to: item.action)
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
    self.jobs = []
    var normalised = StatusNormalisations()
    for case let builder? in builders {
      diagnostics += builder.diagnostics
      normalised.merge(builder.statusNotes)
    }
    let first = actions.count
    if actions.isEmpty { actions = built } else { actions += built }
    var previousLeads: (leads: [Lead], at: SourceLocation)?
    var previousEvidence: (items: [EvidenceItem], at: SourceLocation)?
    var all: [Action] = []
    swap(&all, &actions)
    let leadColumn = layout.column(.lead) ?? 1
    for i in 0..<count {
      resolveAsAbove(&all[first + i], asAbove[i], leadColumn, &previousLeads, &previousEvidence)
    }
    swap(&all, &actions)
    diagnostics += normalised.diagnostics()
  }

  /// `As above` takes the previous action row's leads or evidence (never
  /// further back: a row without the cell breaks the chain).
  private mutating func resolveAsAbove(
    _ action: inout Action, _ asAbove: UInt8, _ leadColumn: Int, _ previousLeads: inout (leads: [Lead], at: SourceLocation)?,
    _ previousEvidence: inout (items: [EvidenceItem], at: SourceLocation)?
  ) {
    let row = action.source?.cell?.row ?? 0
    if let raw = action.leadsRaw {
      let loc = context.location(row: row, column: leadColumn)
      if asAbove & 1 != 0 {
        let names = previousLeads?.leads.map(\.name).joined(separator: ", ") ?? ""
        diagnostics.append(RecognitionDiagnostics.leadAsAbove(loc, resolvedTo: previousLeads?.at, names: names))
        action.leads = (previousLeads?.leads ?? []).map { Lead(raw: raw, name: $0.name, kind: $0.kind, source: loc) }
      }
      previousLeads = (action.leads, loc)
    } else {
      previousLeads = nil
    }
    guard let first = action.evidence.first, let loc = first.source else {
      if action.evidence.isEmpty { previousEvidence = nil }
      return
    }
    if asAbove & 2 != 0 {
      let raw = first.raw
      let summary = previousEvidence.map { p in "(" + p.items.map { "\"\($0.text)\"" }.joined(separator: ", ") + ")" } ?? ""
      diagnostics.append(RecognitionDiagnostics.evidenceAsAbove(loc, resolvedTo: previousEvidence?.at, summary: summary))
      if let previous = previousEvidence, !previous.items.isEmpty {
        action.evidence = previous.items.map {
          EvidenceItem(number: $0.number, text: $0.text, ref: $0.ref, resolvedTo: previous.at, raw: raw, source: loc)
        }
      }
    }
    previousEvidence = (action.evidence, loc)
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
