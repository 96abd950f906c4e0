public import AtomicOutput
public import Diagnostics
public import TrackerModel

/// Writes the `wsoa/1` JSON document: `{"schema": "wsoa/1", "plan": …,
/// "findings": […]}`. Keys come in the model's declaration order (the order
/// `schemas/wsoa-1.schema.json` lists them), optional values that are absent
/// are left out, dates are ISO strings with their precision, every value
/// carries its `source` cell. A note's, evidence item's or lead's `raw` is
/// left out when it is exactly what the clean fields spell (`Feb 2021: text`,
/// `2. text`, the name); readers restore it. The shape is exactly what the model's
/// `Codable` conformance reads back, so `PlanJSONReader` gives an identical plan.
///
/// Hand-written over a byte buffer rather than `JSONEncoder`: it streams to
/// the sink and is several times faster on a 100,000-action plan.
public enum PlanJSONWriter {
  /// The schema id written in every document.
  public static let schema = "wsoa/1"

  /// Actions per batch a thread writes (`JSONOutput.writeElements`).
  static let actionBatch = 500

  /// Writes a document to a sink.
  ///
  /// - Parameters:
  ///   - plan: the plan.
  ///   - findings: diagnostics to include.
  ///   - sink: where the bytes go.
  ///   - pretty: one plan element (period, action, finding, …) per line,
  ///     indented (default); compact otherwise.
  public static func write(_ plan: Plan, findings: [Diagnostic], to sink: ByteSink, pretty: Bool = true) {
    var out = JSONOutput(sink: sink, pretty: pretty)
    document(plan, findings, &out)
    out.flush()
    sink.write(byte: 10)
  }

  /// The document's bytes (for tests and small plans).
  public static func bytes(_ plan: Plan, findings: [Diagnostic], pretty: Bool = true) -> [UInt8] {
    var out = JSONOutput(sink: nil, pretty: pretty)
    document(plan, findings, &out)
    return out.collected + [10]
  }

  private static func document(_ plan: Plan, _ findings: [Diagnostic], _ o: inout JSONOutput) {
    o.beginObject()
    o.key("schema")
    o.string(schema)
    o.key("plan")
    write(plan, &o)
    array("findings", findings, &o, write)
    o.endObject()
  }

  /// Writes `key` and the array `values`, each element through `element`,
  /// read in place from the array's buffer (no element is copied).
  @inline(__always)
  static func array<Element>(
    _ key: StaticString, _ values: [Element], _ o: inout JSONOutput,
    _ element: (Element, inout JSONOutput) -> Void
  ) {
    o.key(key)
    o.beginArray()
    values.withUnsafeBufferPointer { b in for i in b.indices { element(b[i], &o) } }
    o.endArray()
  }

  static func write(_ p: Plan, _ o: inout JSONOutput) {
    o.beginObject()
    o.key("id"); o.string(p.id)
    if let v = p.localArea { o.key("localArea"); o.string(v) }
    if let v = p.title { o.key("title"); o.string(v) }
    o.key("planType"); o.string(p.planType.rawValue)
    if let v = p.version { o.key("version"); o.string(v) }
    if let v = p.asAt { o.key("asAt"); write(v, &o) }
    array("statusScheme", p.statusScheme, &o, write)
    o.key("mixedStatusReading"); o.string(p.mixedStatusReading.rawValue)
    array("periods", p.periods, &o, write)
    array("priorities", p.priorities, &o, write)
    array("focusAreas", p.focusAreas, &o, write)
    o.key("actions"); o.beginArray()
    // Element by element from the array's buffer: `p.actions[i]` alone would copy the action.
    p.actions.withUnsafeBufferPointer { actions in
      nonisolated(unsafe) let actions = actions
      o.writeElements(count: actions.count, batch: actionBatch, scratch: {}) { i, o, _ in write(actions[i], &o) }
    }
    o.endArray()
    array("evidenceLog", p.evidenceLog, &o, write)
    array("unparsed", p.unparsed, &o, write)
    array("sources", p.sources, &o, write)
    o.endObject()
  }

  static func write(_ e: LegendEntry, _ o: inout JSONOutput) {
    o.beginObject()
    o.key("code"); o.string(e.code)
    o.key("rating"); o.string(e.rating.rawValue)
    if let v = e.label { o.key("label"); o.string(v) }
    o.key("meaning"); o.string(e.meaning)
    if let v = e.completion { o.key("completion"); o.string(v.rawValue) }
    source(e.source, &o)
    o.key("scope"); o.string(e.scope.rawValue)
    o.endObject()
  }

  static func write(_ p: Period, _ o: inout JSONOutput) {
    o.beginObject()
    o.key("id"); o.string(p.id)
    o.key("label"); o.string(p.label)
    o.key("kind"); o.string(p.kind.rawValue)
    o.key("start"); o.string(p.start.description)
    o.key("end"); o.string(p.end.description)
    if let v = p.column { o.key("column"); o.int(v) }
    source(p.source, &o)
    o.endObject()
  }

  static func write(_ p: Priority, _ o: inout JSONOutput) {
    o.beginObject()
    o.key("id"); o.string(p.id)
    if let v = p.rawLabel { o.key("rawLabel"); o.string(v) }
    o.key("title"); o.string(p.title)
    if let v = p.description { o.key("description"); o.string(v) }
    if let v = p.vision { o.key("vision"); o.string(v) }
    if let v = p.overallStatus { o.key("overallStatus"); write(v, &o) }
    source(p.source, &o)
    if let v = p.overallStatusSource { o.key("overallStatusSource"); write(v, &o) }
    if let v = p.asAt { o.key("asAt"); write(v, &o) }
    o.endObject()
  }

  static func write(_ s: borrowing Status, _ o: inout JSONOutput) {
    o.beginObject()
    o.key("raw"); o.string(s.raw)
    o.key("rating"); o.string(s.rating.rawValue)
    if let v = s.towards { o.key("towards"); o.string(v.rawValue) }
    if let v = s.completion { o.key("completion"); o.string(v.rawValue) }
    if let v = s.label { o.key("label"); o.string(v) }
    o.key("origin"); o.string(s.origin.rawValue)
    o.endObject()
  }

  static func write(_ f: borrowing FocusArea, _ o: inout JSONOutput) {
    o.beginObject()
    o.key("ref"); o.string(f.ref)
    o.key("rawRef"); o.string(f.rawRef)
    o.key("title"); o.string(f.title)
    if let v = f.priorityId { o.key("priorityId"); o.string(v) }
    source(f.source, &o)
    if !f.repeatedAt.isEmpty { array("repeatedAt", f.repeatedAt, &o) { l, o in write(l, &o) } }
    o.endObject()
  }

  static func write(_ a: borrowing Action, _ o: inout JSONOutput) {
    o.beginObject()
    o.key("key"); o.string(a.key)
    if let v = a.focusRef { o.key("focusRef"); o.string(v) }
    if let v = a.priorityId { o.key("priorityId"); o.string(v) }
    if let v = a.letter { o.key("letter"); o.string(v) }
    o.key("rawRef"); o.string(a.rawRef)
    if let v = a.refSource { o.key("refSource"); write(v, &o) }
    o.key("text"); o.string(a.text)
    if let v = a.textSource { o.key("textSource"); write(v, &o) }
    array("leads", a.leads, &o, write)
    if let v = a.leadsRaw { o.key("leadsRaw"); o.string(v) }
    array("accountable", a.accountable, &o, write)
    if let v = a.subGroup { o.key("subGroup"); o.string(v) }
    if let v = a.subGroupSource { o.key("subGroupSource"); write(v, &o) }
    o.key("impact"); o.beginArray(); for i in a.impact.indices { o.string(a.impact[i]) }; o.endArray()
    if let v = a.impactRaw { o.key("impactRaw"); o.string(v) }
    if let v = a.impactSource { o.key("impactSource"); write(v, &o) }
    if let v = a.dueDate { o.key("dueDate"); write(v, &o) }
    if let v = a.dueRaw { o.key("dueRaw"); o.string(v) }
    if let v = a.dueSource { o.key("dueSource"); write(v, &o) }
    if let v = a.percentComplete { o.key("percentComplete"); o.double(v) }
    if let v = a.percentSource { o.key("percentSource"); write(v, &o) }
    array("statuses", a.statuses, &o, write)
    array("notes", a.notes, &o, write)
    array("evidence", a.evidence, &o, write)
    array("crossRefs", a.crossRefs, &o, write)
    array("extra", a.extra, &o, write)
    source(a.source, &o)
    array("provenance", a.provenance, &o, write)
    o.endObject()
  }

  static func write(_ l: borrowing Lead, _ o: inout JSONOutput) {
    o.beginObject()
    if l.raw != l.name { o.key("raw"); o.string(l.raw) }
    o.key("name"); o.string(l.name)
    if let v = l.kind { o.key("kind"); o.string(v.rawValue) }
    source(l.source, &o)
    o.endObject()
  }

  static func write(_ s: borrowing PeriodStatus, _ o: inout JSONOutput) {
    o.beginObject()
    o.key("periodId"); o.string(s.periodId)
    o.key("status"); write(s.status, &o)
    source(s.source, &o)
    if let v = s.provenance { o.key("provenance"); write(v, &o) }
    o.endObject()
  }

  static func write(_ n: borrowing ProgressNote, _ o: inout JSONOutput) {
    o.beginObject()
    if let v = n.date { o.key("date"); write(v, &o) }
    if let v = n.periodId { o.key("periodId"); o.string(v) }
    o.key("text"); o.string(n.text)
    if !n.hasDefaultRaw, n.raw != n.defaultRaw { o.key("raw"); o.string(n.raw) }
    if let v = n.prefix { o.key("prefix"); o.string(v) }
    o.key("undated"); o.bool(n.undated)
    source(n.source, &o)
    if let v = n.provenance { o.key("provenance"); write(v, &o) }
    o.endObject()
  }

  static func write(_ e: borrowing EvidenceItem, _ o: inout JSONOutput) {
    o.beginObject()
    if let v = e.number { o.key("number"); o.int(v) }
    o.key("text"); o.string(e.text)
    if let v = e.ref { o.key("ref"); o.string(v) }
    if let v = e.resolvedTo { o.key("resolvedTo"); write(v, &o) }
    if !e.hasDefaultRaw, e.raw != e.defaultRaw { o.key("raw"); o.string(e.raw) }
    source(e.source, &o)
    if let v = e.provenance { o.key("provenance"); write(v, &o) }
    o.endObject()
  }

  static func write(_ c: borrowing CrossRef, _ o: inout JSONOutput) {
    o.beginObject()
    if let v = c.fromCell { o.key("fromCell"); write(v, &o) }
    o.key("text"); o.string(c.text)
    o.key("targetKey"); o.string(c.targetKey)
    o.key("resolution"); o.string(c.resolution.rawValue)
    o.endObject()
  }

  static func write(_ e: borrowing ExtraField, _ o: inout JSONOutput) {
    o.beginObject()
    o.key("column"); o.string(e.column)
    o.key("value"); o.string(e.value)
    source(e.source, &o)
    o.endObject()
  }

  static func write(_ p: Provenance, _ o: inout JSONOutput) {
    o.beginObject()
    o.key("file"); o.string(p.file)
    if let v = p.sheet { o.key("sheet"); o.string(v) }
    if let v = p.cell { o.key("cell"); o.string(v) }
    if let v = p.subGroup { o.key("subGroup"); o.string(v) }
    if let v = p.period { o.key("period"); o.string(v) }
    o.endObject()
  }

  static func write(_ d: EvidenceDoc, _ o: inout JSONOutput) {
    o.beginObject()
    o.key("code"); o.string(d.code)
    o.key("title"); o.string(d.title)
    o.key("fields"); o.beginObject()
    for k in d.fields.keys.sorted() { o.key(string: k); o.string(d.fields[k] ?? "") }
    o.endObject()
    source(d.source, &o)
    o.endObject()
  }

  static func write(_ b: Block, _ o: inout JSONOutput) {
    o.beginObject()
    o.key("kind"); o.string(b.kind)
    o.key("cells"); o.beginArray()
    for c in b.cells {
      o.beginObject()
      o.key("text"); o.string(c.text)
      source(c.source, &o)
      o.endObject()
    }
    o.endArray()
    o.endObject()
  }

  static func write(_ s: SourceFile, _ o: inout JSONOutput) {
    o.beginObject()
    o.key("path"); o.string(s.path)
    if let v = s.sha256 { o.key("sha256"); o.string(v) }
    if let v = s.sheet { o.key("sheet"); o.string(v) }
    o.key("role"); o.string(s.role.rawValue)
    if let v = s.subGroup { o.key("subGroup"); o.string(v) }
    o.endObject()
  }

  static func write(_ d: DateValue, _ o: inout JSONOutput) {
    o.beginObject()
    o.key("date"); o.string(d.description)
    o.key("precision"); o.string(d.precision.rawValue)
    o.endObject()
  }

  static func source(_ s: SourceLocation?, _ o: inout JSONOutput) {
    guard let s else { return }
    o.key("source")
    write(s, &o)
  }

  static func write(_ s: borrowing SourceLocation, _ o: inout JSONOutput) {
    if let cell = s.cell, o.writesCompactLocation,
      o.location(s.origin, row: cell.row, column: cell.column, line: s.line)
    {
      return
    }
    o.beginObject()
    o.key("file"); o.string(s.file)
    if let v = s.sheet { o.key("sheet"); o.string(v) }
    if let v = s.cell { o.key("cell"); o.cell(row: v.row, column: v.column) }
    if let v = s.line { o.key("line"); o.int(v) }
    if let v = s.part { o.key("part"); o.string(v) }
    o.endObject()
  }

  static func write(_ d: borrowing Diagnostic, _ o: inout JSONOutput) {
    o.beginObject()
    o.key("code"); o.string(d.code)
    o.key("severity"); o.string(d.severity.rawValue)
    o.key("message"); o.string(d.message)
    if let v = d.fix { o.key("fix"); o.string(v) }
    if let v = d.location { o.key("location"); write(v, &o) }
    array("related", d.related, &o, write)
    o.endObject()
  }
}
