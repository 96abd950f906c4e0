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
  var focus: FocusArea?
}

extension TableReader {
  /// Rows per chunk below which building stays on one thread.
  static let parallelThreshold = 2_000

  /// Builds every action row: in chunks on several threads for a large
  /// table (the result does not depend on the number of threads), then
  /// resolves `As above` leads and evidence in row order.
  mutating func buildActions() {
    let chunks = Self.chunkCount(jobs.count)
    var builders: [ActionBuilder] = []
    var built: [[ActionBuilder.Built]] = []
    if chunks <= 1 {
      var builder = ActionBuilder(context: context, layout: layout, statusLegend: statusLegend)
      built = [jobs.map { builder.build($0.row, priorityId: $0.priorityId, focus: $0.focus) }]
      builders = [builder]
    } else {
      let size = (jobs.count + chunks - 1) / chunks
      nonisolated(unsafe) let results = UnsafeMutableBufferPointer<([ActionBuilder.Built], ActionBuilder)?>.allocate(capacity: chunks)
      results.initialize(repeating: nil)
      defer { results.deinitialize().deallocate() }
      let jobs = self.jobs
      let context = self.context
      let layout = self.layout
      let legend = statusLegend
      DispatchQueue.concurrentPerform(iterations: chunks) { k in
        var builder = ActionBuilder(context: context, layout: layout, statusLegend: legend)
        let range = (k * size)..<min(jobs.count, (k + 1) * size)
        let out = jobs[range].map { builder.build($0.row, priorityId: $0.priorityId, focus: $0.focus) }
        results[k] = (out, builder)
      }
      for k in 0..<chunks {
        if let (out, builder) = results[k] {
          built.append(out)
          builders.append(builder)
        }
      }
    }
    jobs = []
    var normalised = StatusNormalisations()
    for builder in builders {
      diagnostics += builder.diagnostics
      normalised.merge(builder.statusNotes)
    }
    actions.reserveCapacity(actions.count + built.reduce(0) { $0 + $1.count })
    var previousLeads: (leads: [Lead], at: SourceLocation)?
    var previousEvidence: (items: [EvidenceItem], at: SourceLocation)?
    // Each built action moves into `actions` (popped from a reversed chunk)
    // rather than being copied and released field by field.
    for k in built.indices {
      var chunk: [ActionBuilder.Built] = []
      swap(&chunk, &built[k])
      chunk.reverse()
      while var item = chunk.popLast() {
        resolveAsAbove(&item, &previousLeads, &previousEvidence)
        actions.append(item.action)
      }
    }
    diagnostics += normalised.diagnostics()
  }

  /// `As above` takes the previous action row's leads or evidence (never
  /// further back: a row without the cell breaks the chain).
  private mutating func resolveAsAbove(
    _ item: inout ActionBuilder.Built, _ previousLeads: inout (leads: [Lead], at: SourceLocation)?,
    _ previousEvidence: inout (items: [EvidenceItem], at: SourceLocation)?
  ) {
    let row = item.action.source?.cell?.row ?? 0
    if let raw = item.action.leadsRaw {
      let loc = context.location(row: row, column: layout.column(.lead) ?? 1)
      if item.leadsAsAbove {
        let names = previousLeads?.leads.map(\.name).joined(separator: ", ") ?? ""
        diagnostics.append(RecognitionDiagnostics.leadAsAbove(loc, resolvedTo: previousLeads?.at, names: names))
        item.action.leads = (previousLeads?.leads ?? []).map { Lead(raw: raw, name: $0.name, kind: $0.kind, source: loc) }
      }
      previousLeads = (item.action.leads, loc)
    } else {
      previousLeads = nil
    }
    guard let first = item.action.evidence.first, let loc = first.source else {
      if item.action.evidence.isEmpty { previousEvidence = nil }
      return
    }
    if item.evidenceAsAbove {
      let raw = first.raw
      let summary = previousEvidence.map { p in "(" + p.items.map { "\"\($0.text)\"" }.joined(separator: ", ") + ")" } ?? ""
      diagnostics.append(RecognitionDiagnostics.evidenceAsAbove(loc, resolvedTo: previousEvidence?.at, summary: summary))
      if let previous = previousEvidence, !previous.items.isEmpty {
        item.action.evidence = previous.items.map {
          EvidenceItem(number: $0.number, text: $0.text, ref: $0.ref, resolvedTo: previous.at, raw: raw, source: loc)
        }
      }
    }
    previousEvidence = (item.action.evidence, loc)
  }

  /// How many chunks to build in: one for small tables, else one per
  /// processor (at most 8).
  static func chunkCount(_ jobs: Int) -> Int {
    guard jobs >= parallelThreshold else { return 1 }
    let cpus = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    return max(1, min(8, cpus, jobs / (parallelThreshold / 2)))
  }
}
