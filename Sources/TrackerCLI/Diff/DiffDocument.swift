import Diagnostics
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import TrackerModel

/// `wsoa diff --format json` (`schemas/diff.schema.json`, `"schema":
/// "wsoa-diff/1"`): every change of a `PlanDiff` for a dashboard. Keys are
/// sorted and lists keep `PlanDiff`'s fixed order, so the same trackers give
/// the same bytes. Optional values are left out rather than null.
struct DiffDocument: Encodable {
  let schema = "wsoa-diff/1"
  let tool: String
  let old: String
  let new: String
  let identical: Bool
  let counts: PlanDiff.Counts
  let periodsAdded: [PeriodEntry]
  let periodsRemoved: [PeriodEntry]
  let actionsAdded: [ActionEntry]
  let actionsRemoved: [ActionEntry]
  let actionsChanged: [ChangedAction]
  let prioritiesChanged: [ChangedPriority]

  /// A priority whose overall status or wording changed.
  struct ChangedPriority: Encodable {
    let id: String
    let overallStatus: Overall?
    let fields: [Field]

    struct Overall: Encodable {
      let direction: String
      let old: StatusEntry?
      let new: StatusEntry?
      let oldCell: Cell?
      let newCell: Cell?
    }

    struct Field: Encodable {
      let field: String
      let old: String?
      let new: String?
    }

    init(_ change: PriorityChange, reading: LegendReading) {
      id = change.id
      overallStatus = change.overallStatus.map { direction in
        Overall(
          direction: direction.rawValue, old: change.old.overallStatus.flatMap { StatusEntry.nonEmpty($0, reading) },
          new: change.new.overallStatus.flatMap { StatusEntry.nonEmpty($0, reading) }, oldCell: Cell(change.old.overallStatusSource),
          newCell: Cell(change.new.overallStatusSource))
      }
      fields = change.fields.map { Field(field: $0.field.rawValue, old: $0.old, new: $0.new) }
    }
  }

  /// A period: its id, heading and date range.
  struct PeriodEntry: Encodable {
    let id: String
    let label: String
    let start: String
    let end: String

    init(_ period: Period) {
      id = period.id
      label = period.label
      start = period.start.description
      end = period.end.description
    }
  }

  /// An action named by its key, priority, wording and row.
  struct ActionEntry: Encodable {
    let key: String
    let priority: String?
    let text: String
    let cell: Cell?

    init(_ action: Action) {
      key = action.key
      priority = action.priorityId
      text = action.text
      cell = Cell(action.source)
    }
  }

  /// Where a value is: sheet, A1 cell, and line for CSV/TSV (the side, old or new, says which file).
  struct Cell: Encodable {
    let sheet: String?
    let cell: String?
    let line: Int?

    init?(_ ref: CellRef?) {
      guard let ref, ref.cell != nil || ref.line != nil else { return nil }
      sheet = ref.sheet
      cell = ref.cell?.a1
      line = ref.line
    }
  }

  /// A status as written and as read; ranked as the direction was (`PlanDiff.reading`).
  struct StatusEntry: Encodable {
    let raw: String
    let rating: String
    let towards: String?
    let rank: Int?

    init(_ status: Status, _ reading: LegendReading) {
      raw = status.raw
      rating = status.rating.rawValue
      towards = status.towards?.rawValue
      rank = reading.rank(status)
    }

    /// The entry for a status that is not an empty cell.
    static func nonEmpty(_ status: Status, _ reading: LegendReading) -> StatusEntry? {
      status.rating == .none && status.raw.allSatisfy(\.isWhitespace) ? nil : StatusEntry(status, reading)
    }
  }

  /// A matched action and what changed in it.
  struct ChangedAction: Encodable {
    let action: ActionEntry
    let oldAction: ActionEntry
    let fields: [FieldEntry]
    let statuses: [StatusEntryChange]
    let notes: [NoteEntry]
    let evidence: [EvidenceEntry]

    init(_ diff: ActionDiff, reading: LegendReading) {
      action = ActionEntry(diff.new)
      oldAction = ActionEntry(diff.old)
      fields = diff.fields.map(FieldEntry.init)
      statuses = diff.statuses.map { StatusEntryChange($0, reading) }
      notes = diff.notes.map(NoteEntry.init)
      evidence = diff.evidence.map(EvidenceEntry.init)
    }
  }

  struct FieldEntry: Encodable {
    let field: String
    let old: String?
    let new: String?
    let oldCell: Cell?
    let newCell: Cell?

    init(_ change: FieldChange) {
      field = change.field.rawValue
      old = change.old
      new = change.new
      oldCell = Cell(change.oldSource)
      newCell = Cell(change.newSource)
    }
  }

  struct StatusEntryChange: Encodable {
    let periodId: String
    let periodLabel: String
    let period: String
    let direction: String
    let old: StatusEntry?
    let new: StatusEntry?
    let oldCell: Cell?
    let newCell: Cell?
    let baseline: Baseline?

    struct Baseline: Encodable {
      let periodId: String
      let periodLabel: String
      let status: StatusEntry
    }

    init(_ change: StatusChange, _ reading: LegendReading) {
      periodId = change.periodId
      periodLabel = change.periodLabel
      period = change.periodAdded ? "added" : "both"
      direction = change.direction.rawValue
      old = change.old.map { StatusEntry($0, reading) }
      new = change.new.map { StatusEntry($0, reading) }
      oldCell = Cell(change.oldSource)
      newCell = Cell(change.newSource)
      baseline = change.baseline.map {
        Baseline(periodId: $0.periodId, periodLabel: $0.periodLabel, status: StatusEntry($0.status, reading))
      }
    }
  }

  struct NoteEntry: Encodable {
    let kind: String
    let old: Note?
    let new: Note?

    struct Note: Encodable {
      let date: String?
      let prefix: String?
      let periodId: String?
      let text: String
      let cell: Cell?

      init(_ note: ProgressNote) {
        date = note.date?.description
        prefix = note.prefix
        periodId = note.periodId
        text = note.text.isEmpty ? note.raw : note.text
        cell = Cell(note.source)
      }
    }

    init(_ change: NoteChange) {
      kind = change.kind.rawValue
      old = change.old.map(Note.init)
      new = change.new.map(Note.init)
    }
  }

  struct EvidenceEntry: Encodable {
    let kind: String
    let text: String
    let ref: String?
    let cell: Cell?

    init(_ change: EvidenceChange) {
      kind = change.kind.rawValue
      text = change.item.raw.isEmpty ? change.item.text : change.item.raw
      ref = change.item.ref
      cell = Cell(change.item.source)
    }
  }

  init(_ diff: PlanDiff, old: String, new: String, tool: String) {
    self.tool = tool
    self.old = old
    self.new = new
    identical = diff.isEmpty
    counts = diff.counts
    periodsAdded = diff.periodsAdded.map(PeriodEntry.init)
    periodsRemoved = diff.periodsRemoved.map(PeriodEntry.init)
    actionsAdded = diff.actionsAdded.map(ActionEntry.init)
    actionsRemoved = diff.actionsRemoved.map(ActionEntry.init)
    actionsChanged = diff.actions.map { ChangedAction($0, reading: diff.reading) }
    prioritiesChanged = diff.priorities.map { ChangedPriority($0, reading: diff.overallReading) }
  }

  /// The document as pretty-printed JSON with sorted keys and a final newline.
  func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }
}
