import TrackerKit
import TrackerModel

/// What each output format carries, for round-trip comparisons: raw texts,
/// source cells and provenance always differ after a layout change, so they
/// are set aside; the rest must be identical.
enum PlanComparison {
  enum Carrier {
    /// The cleaned XLSX: everything but raw text, cells and sources.
    case xlsx
    /// Wide CSV: the action table (no preamble, keys or unparsed blocks;
    /// statuses as their codes).
    case wideCSV
    /// Long CSV: actions' identity, leads, periods and statuses.
    case longCSV
    /// Another layout of the same content (the zoo, `ZooPropertyTests`):
    /// everything but what is spelled by the layout — raw texts, sources,
    /// period headings and legend codes as written — and the order of the
    /// extra columns and kept blocks.
    case layout
  }

  static func content(_ plan: Plan, _ carrier: Carrier) -> Plan {
    var p = plan
    p.id = ""
    p.sources = []
    p.statusScheme = p.statusScheme.map { var e = $0; e.source = nil; if carrier == .layout { e.code = "" }; return e }
    p.periods = p.periods.map {
      var e = $0
      e.source = nil
      e.column = nil
      if carrier == .xlsx || carrier == .layout { e.label = "" }
      return e
    }
    p.priorities = p.priorities.map {
      var e = $0
      e.source = nil
      e.rawLabel = nil
      e.overallStatusSource = nil
      e.overallStatus = e.overallStatus.map(strip)
      return e
    }
    p.focusAreas = p.focusAreas.map { var e = $0; e.rawRef = ""; e.source = nil; e.repeatedAt = []; return e }
    p.unparsed = p.unparsed.map { Block(kind: $0.kind, cells: $0.cells.map { RawCell(text: $0.text) }) }
    p.evidenceLog = p.evidenceLog.map { var e = $0; e.source = nil; return e }
    p.actions = p.actions.map { strip($0, carrier) }
    switch carrier {
    case .xlsx, .layout:
      // One sheet per priority: a priority whose heading came back further
      // down the source table has its actions and areas together.
      let rank = Dictionary(p.priorities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
      func byPriority<T>(_ items: [T], _ id: (T) -> String?) -> [T] {
        items.enumerated().sorted { (rank[id($0.1) ?? ""] ?? -1, $0.0) < (rank[id($1.1) ?? ""] ?? -1, $1.0) }.map(\.1)
      }
      p.focusAreas = byPriority(p.focusAreas, \.priorityId)
      p.actions = byPriority(p.actions, \.priorityId)
      // Kept blocks go back where they came from, grouped by kind.
      p.unparsed = p.unparsed.sorted {
        ($0.kind, $0.cells.map(\.text).joined(separator: "\u{1}")) < ($1.kind, $1.cells.map(\.text).joined(separator: "\u{1}"))
      }
    case .wideCSV, .longCSV:
      p.statusScheme = []
      p.unparsed = []
      p.evidenceLog = []
      p.asAt = nil
      p.title = nil
      p.planType = .wsoa
      p.version = nil
      p.priorities = p.priorities.map { Priority(id: $0.id, title: $0.title) }
      if carrier == .longCSV { p.focusAreas = [] }
    }
    return p
  }

  private static func strip(_ s: Status) -> Status {
    var s = s
    s.raw = ""
    s.origin = .text
    return s
  }

  private static func strip(_ a: Action, _ carrier: Carrier) -> Action {
    var a = a
    a.rawRef = ""
    a.source = nil
    a.refSource = nil
    a.textSource = nil
    a.subGroupSource = nil
    a.impactSource = nil
    a.dueSource = nil
    a.percentSource = nil
    a.provenance = []
    a.leadsRaw = nil
    a.impactRaw = nil
    if a.dueDate != nil { a.dueRaw = nil }
    a.leads = a.leads.map { Lead(raw: "", name: $0.name, kind: $0.kind) }
    a.accountable = a.accountable.map { Lead(raw: "", name: $0.name, kind: $0.kind) }
    a.statuses = a.statuses.map { ps in
      var status = strip(ps.status)
      if carrier == .wideCSV {
        status = strip(StatusVocabulary.read(ps.status.code).status)
      }
      return PeriodStatus(periodId: ps.periodId, status: status)
    }
    a.notes = a.notes.map { var n = $0; n.raw = ""; n.source = nil; n.provenance = nil; return n }
    a.evidence = a.evidence.map { EvidenceItem(number: $0.number, text: $0.text, ref: $0.ref, raw: "") }
    a.crossRefs = a.crossRefs.map { CrossRef(fromCell: nil, text: $0.text, targetKey: $0.targetKey, resolution: $0.resolution) }
    a.extra = a.extra.map { ExtraField(column: $0.column, value: $0.value) }
    if carrier == .layout { a.extra.sort { ($0.column, $0.value) < ($1.column, $1.value) } }
    if carrier == .longCSV {
      a = Action(key: a.key, focusRef: a.focusRef, priorityId: a.priorityId, text: a.text, leads: a.leads, statuses: a.statuses,
        notes: a.notes.filter { $0.periodId != nil }.sorted { ($0.date?.description ?? "", $0.text) < ($1.date?.description ?? "", $1.text) })
    }
    return a
  }
}

extension PlanComparison {
  /// The first line where the two plans' JSON differs (for failure messages).
  static func difference(_ a: Plan, _ b: Plan) -> String {
    let left = String(decoding: PlanJSONWriter.bytes(a, findings: []), as: UTF8.self).split(separator: "\n")
    let right = String(decoding: PlanJSONWriter.bytes(b, findings: []), as: UTF8.self).split(separator: "\n")
    for i in 0..<max(left.count, right.count) {
      let l = i < left.count ? String(left[i]) : "<end>"
      let r = i < right.count ? String(right[i]) : "<end>"
      if l != r {
        let context = left[max(0, i - 6)..<min(i, left.count)].joined(separator: "\n")
        return "line \(i + 1):\n\(context)\n- \(l)\n+ \(r)"
      }
    }
    return "no difference"
  }

  /// Compares what a carrier carries, describing the first difference.
  static func same(_ back: Plan, _ original: Plan, _ carrier: Carrier) -> (Bool, String) {
    let a = content(original, carrier)
    let b = content(back, carrier)
    return a == b ? (true, "") : (false, difference(a, b))
  }
}
