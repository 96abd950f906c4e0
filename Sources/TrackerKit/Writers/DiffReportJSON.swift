public import AtomicOutput
public import TrackerModel

/// Writes `wsoa diff --format json` (`schemas/diff.schema.json`, `"schema":
/// "wsoa-diff/1"`): every change of a `PlanDiff` for a dashboard, through
/// `JSONOutput` as every report is. Keys are written in sorted order and
/// lists keep `PlanDiff`'s fixed order, so the same trackers give the same
/// bytes. Optional values are left out rather than null.
public enum DiffReportJSON {
  /// The schema identifier.
  public static let schema = "wsoa-diff/1"

  /// Writes the document for `diff` between the files named `old` and `new`.
  public static func write(_ diff: PlanDiff, old: String, new: String, tool: String, to sink: ByteSink) {
    var out = JSONOutput(sink: sink, pretty: true)
    out.beginObject()
    out.key("actionsAdded")
    out.array(diff.actionsAdded) { action($0, &$1) }
    out.key("actionsChanged")
    out.array(diff.actions) { changedAction($0, diff.reading, &$1) }
    out.key("actionsRemoved")
    out.array(diff.actionsRemoved) { action($0, &$1) }
    out.key("counts")
    out.integers(of: diff.counts)
    out.key("identical")
    out.bool(diff.isEmpty)
    out.key("new")
    out.string(new)
    out.key("old")
    out.string(old)
    out.key("periodsAdded")
    out.array(diff.periodsAdded) { period($0, &$1) }
    out.key("periodsRemoved")
    out.array(diff.periodsRemoved) { period($0, &$1) }
    out.key("prioritiesChanged")
    out.array(diff.priorities) { priority($0, diff.overallReading, &$1) }
    out.endReport(schema: schema, tool: tool)
  }

  /// A period: its id, heading and date range.
  private static func period(_ period: Period, _ out: inout JSONOutput) {
    out.beginObject()
    out.key("end")
    out.string(period.end.description)
    out.key("id")
    out.string(period.id)
    out.key("label")
    out.string(period.label)
    out.key("start")
    out.string(period.start.description)
    out.endObject()
  }

  /// An action named by its key, priority, wording and row.
  private static func action(_ action: Action, _ out: inout JSONOutput) {
    out.beginObject()
    cell("cell", action.source, &out)
    out.key("key")
    out.string(action.key)
    out.string("priority", ifPresent: action.priorityId)
    out.key("text")
    out.string(action.text)
    out.endObject()
  }

  /// `"name": {"cell", "line", "sheet"}`: where a value is (the side, old or
  /// new, says which file); nothing when the reference has no cell or line.
  private static func cell(_ name: StaticString, _ ref: CellRef?, _ out: inout JSONOutput) {
    guard let ref, ref.cell != nil || ref.line != nil else { return }
    out.key(name)
    out.beginObject()
    out.string("cell", ifPresent: ref.cell?.a1)
    if let line = ref.line {
      out.key("line")
      out.int(line)
    }
    out.string("sheet", ifPresent: ref.sheet)
    out.endObject()
  }

  /// `"name": {"rank", "rating", "raw", "towards"}`: a status as written and
  /// as read, ranked as the direction was (`PlanDiff.reading`).
  private static func status(_ name: StaticString, _ status: Status?, _ reading: LegendReading, _ out: inout JSONOutput) {
    guard let status else { return }
    out.key(name)
    out.beginObject()
    if let rank = reading.rank(status) {
      out.key("rank")
      out.int(rank)
    }
    out.key("rating")
    out.string(status.rating.rawValue)
    out.key("raw")
    out.string(status.raw)
    out.string("towards", ifPresent: status.towards?.rawValue)
    out.endObject()
  }

  /// A status that is not an empty cell.
  private static func nonEmpty(_ status: Status) -> Status? {
    status.rating == .none && status.raw.allSatisfy(\.isWhitespace) ? nil : status
  }

  /// A priority whose overall status or wording changed.
  private static func priority(_ change: PriorityChange, _ reading: LegendReading, _ out: inout JSONOutput) {
    out.beginObject()
    out.key("fields")
    out.array(change.fields) { fieldChange($0.field.rawValue, old: $0.old, new: $0.new, &$1) }
    out.key("id")
    out.string(change.id)
    if let direction = change.overallStatus {
      out.key("overallStatus")
      out.beginObject()
      out.key("direction")
      out.string(direction.rawValue)
      status("new", change.new.overallStatus.flatMap(nonEmpty), reading, &out)
      cell("newCell", change.new.overallStatusSource, &out)
      status("old", change.old.overallStatus.flatMap(nonEmpty), reading, &out)
      cell("oldCell", change.old.overallStatusSource, &out)
      out.endObject()
    }
    out.endObject()
  }

  /// `{"field", "new", "newCell", "old", "oldCell"}`: a field's change, with its cells when known.
  private static func fieldChange(
    _ field: String, old: String?, new: String?, oldCell: CellRef? = nil, newCell: CellRef? = nil, _ out: inout JSONOutput
  ) {
    out.beginObject()
    out.key("field")
    out.string(field)
    out.string("new", ifPresent: new)
    cell("newCell", newCell, &out)
    out.string("old", ifPresent: old)
    cell("oldCell", oldCell, &out)
    out.endObject()
  }

  /// A matched action and what changed in it.
  private static func changedAction(_ diff: ActionDiff, _ reading: LegendReading, _ out: inout JSONOutput) {
    out.beginObject()
    out.key("action")
    action(diff.new, &out)
    out.key("evidence")
    out.array(diff.evidence) { change, out in
      out.beginObject()
      cell("cell", change.item.source, &out)
      out.key("kind")
      out.string(change.kind.rawValue)
      out.string("ref", ifPresent: change.item.ref)
      out.key("text")
      out.string(change.item.raw.isEmpty ? change.item.text : change.item.raw)
      out.endObject()
    }
    out.key("fields")
    out.array(diff.fields) {
      fieldChange($0.field.rawValue, old: $0.old, new: $0.new, oldCell: $0.oldSource, newCell: $0.newSource, &$1)
    }
    out.key("notes")
    out.array(diff.notes) { change, out in
      out.beginObject()
      out.key("kind")
      out.string(change.kind.rawValue)
      note("new", change.new, &out)
      note("old", change.old, &out)
      out.endObject()
    }
    out.key("oldAction")
    action(diff.old, &out)
    out.key("statuses")
    out.array(diff.statuses) { statusChange($0, reading, &$1) }
    out.endObject()
  }

  private static func note(_ name: StaticString, _ note: ProgressNote?, _ out: inout JSONOutput) {
    guard let note else { return }
    out.key(name)
    out.beginObject()
    cell("cell", note.source, &out)
    out.string("date", ifPresent: note.date?.description)
    out.string("periodId", ifPresent: note.periodId)
    out.string("prefix", ifPresent: note.prefix)
    out.key("text")
    out.string(note.text.isEmpty ? note.raw : note.text)
    out.endObject()
  }

  private static func statusChange(_ change: StatusChange, _ reading: LegendReading, _ out: inout JSONOutput) {
    out.beginObject()
    if let baseline = change.baseline {
      out.key("baseline")
      out.beginObject()
      out.key("periodId")
      out.string(baseline.periodId)
      out.key("periodLabel")
      out.string(baseline.periodLabel)
      status("status", baseline.status, reading, &out)
      out.endObject()
    }
    out.key("direction")
    out.string(change.direction.rawValue)
    status("new", change.new, reading, &out)
    cell("newCell", change.newSource, &out)
    status("old", change.old, reading, &out)
    cell("oldCell", change.oldSource, &out)
    out.key("period")
    out.string(change.periodAdded ? "added" : "both")
    out.key("periodId")
    out.string(change.periodId)
    out.key("periodLabel")
    out.string(change.periodLabel)
    out.endObject()
  }
}
