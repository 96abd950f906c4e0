public import Diagnostics

/// What a board reads about one or more trackers (`wsoa report`): headline
/// counts, the actions grouped by priority and focus area, what needs
/// attention, what changed, the findings and the sources. Built from the
/// plans and their `validate` findings only, so the same inputs always give
/// the same report.
public struct BoardReport: Sendable {
  /// The trackers reported on, in command-line order.
  public var trackers: [ReportTracker]
  /// The earlier versions compared against (`--since`), when given.
  public var baseline: [ReportTracker]
  /// Every tracker's periods, one per id, in date order.
  public var periods: [Period]
  /// The headline counts.
  public var headline: Headline
  /// The actions by priority and focus area, with status counts per period.
  public var groups: [PriorityGroup]
  /// What needs attention, from the `validate` rules: the first
  /// `listLimit` of each code, by code in `attentionCodes` order.
  public var attention: [AttentionItem]
  /// Per code of `attentionCodes`, how many findings need attention (listed or not).
  public var attentionCounts: [Int]
  /// What changed since the previous period or version: the first
  /// `listLimit` of each kind, by kind in `ChangeItem.Kind` order.
  public var changes: [ChangeItem]
  /// Per kind (`ChangeItem.Kind.allCases` order), how many changes there are (listed or not).
  public var changeCounts: [Int]
  /// Entries kept per kind in `attention` and `changes`; the rest are counted only.
  public let listLimit: Int
  /// What the changes compare (`Apr-21 → Dec-21`, or the earlier files).
  public var changeBasis: String
  /// Codes of `validate`'s rules that were not run on the trackers (so
  /// the findings summary does not count them), in catalogue order; empty
  /// when the findings are `validate`'s own.
  public var rulesLeftOut: [String] = []

  /// The display order of ratings in counts, bars and keys.
  public static let ratingOrder: [Rating] = [.red, .amber, .green, .blue, .grey, .notApplicable, .none, .unknown]

  /// A rating's position in `ratingOrder`.
  public static func slot(_ rating: Rating) -> Int {
    switch rating {
    case .red: 0
    case .amber: 1
    case .green: 2
    case .blue: 3
    case .grey: 4
    case .notApplicable: 5
    case .none: 6
    case .unknown: 7
    }
  }

  /// The codes whose findings are "what needs attention", in display order.
  public static let attentionCodes: [String] = [
    "action.overdue", "status.regression_without_note", "status.reverted_to_not_started",
    "status.red_without_note", "status.stalled",
  ]

  /// The codes of `validate`'s rules the report needs no run of: every
  /// rule code but `attentionCodes`. Switching them off (`FindingPolicy`)
  /// skips the rules that report only them, which is most of the rules' time
  /// on a large tracker.
  public static var codesNotNeeded: [String] { unique(Validator.codes).filter { !attentionCodes.contains($0) } }

  /// Builds the report. The changes are `changes` when given; else, with a
  /// `baseline` (one earlier version per tracker, in order), the `PlanDiff`
  /// of each pair; else each tracker's previous period against its latest.
  /// The attention and change lists keep `listLimit` entries per kind and
  /// count the rest (a large tracker has a hundred thousand).
  public init(
    trackers: [ReportTracker], baseline: [ReportTracker] = [], changes: [ChangeItem]? = nil, changeBasis: String? = nil,
    listLimit: Int = 250
  ) {
    self.trackers = trackers
    self.baseline = baseline
    self.listLimit = listLimit
    let periods = BoardReport.periodUnion(trackers.map(\.plan))
    self.periods = periods
    headline = Headline(trackers: trackers, baseline: baseline)
    groups = trackers.indices.flatMap { PriorityGroup.groups(of: trackers[$0], at: $0, periods: periods) }
    let attention = AttentionItem.items(trackers, limit: listLimit)
    self.attention = attention.kept
    attentionCounts = attention.counts
    let lists: CappedLists<ChangeItem>
    if let changes {
      lists = ChangeItem.capped(changes, limit: listLimit)
      self.changeBasis = changeBasis ?? ""
    } else if !baseline.isEmpty {
      // One earlier version per tracker, in the same order.
      lists = ChangeItem.capped(
        zip(baseline, trackers).flatMap { ChangeItem.changes(PlanDiff(old: $0.plan, new: $1.plan, mixed: $1.reading.mixed)) },
        limit: listLimit)
      self.changeBasis = zip(baseline, trackers).map { "\($0.file) → \($1.file)" }.joined(separator: ", ")
    } else {
      lists = ChangeItem.periodChanges(trackers, limit: listLimit)
      let pairs = trackers.compactMap { tracker in
        tracker.latestPeriod.map { latest in (tracker.previousPeriod?.label ?? "start") + " → " + latest.label }
      }
      self.changeBasis = BoardReport.unique(pairs).joined(separator: ", ")
    }
    self.changes = lists.kept
    changeCounts = lists.counts
  }

  /// Periods of several plans, one per id, ordered by end, start and id.
  static func periodUnion(_ plans: [Plan]) -> [Period] {
    var seen = Set<String>()
    var all: [Period] = []
    for plan in plans {
      for period in plan.periods where seen.insert(period.id).inserted { all.append(period) }
    }
    return all.sorted { ($0.end, $0.start, $0.id) < ($1.end, $1.start, $1.id) }
  }

  /// `values` without repeats, first occurrence kept.
  public static func unique(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { seen.insert($0).inserted }
  }
}

/// Counts per status for the latest period, and the same counts before.
public struct Headline: Sendable {
  /// One rating's counts.
  public struct Row: Sendable, Hashable {
    /// The rating.
    public var rating: Rating
    /// Actions with it in the latest period.
    public var now: Int
    /// Actions with it in the period (or version) compared against.
    public var before: Int
  }
  /// The latest periods' labels (one per distinct period).
  public var latest: [String]
  /// What `before` counts: the previous periods' labels, or the earlier files.
  public var basis: String
  /// One row per rating that has a count now or before (red, amber, green, blue and grey always).
  public var rows: [Row]
  /// Actions counted now.
  public var total: Int

  init(trackers: [ReportTracker], baseline: [ReportTracker]) {
    var now = [Int](repeating: 0, count: BoardReport.ratingOrder.count)
    var before = now
    var total = 0
    for tracker in trackers {
      guard let latest = tracker.latestPeriod.flatMap({ tracker.periodIndex($0.id) }) else { continue }
      let previous = baseline.isEmpty ? tracker.previousPeriod.flatMap { tracker.periodIndex($0.id) } : nil
      for action in tracker.plan.actions.indices {
        now[BoardReport.slot(tracker.rating(action, period: latest))] += 1
        total += 1
        if let previous { before[BoardReport.slot(tracker.rating(action, period: previous))] += 1 }
      }
    }
    for tracker in baseline {
      guard let latest = tracker.latestPeriod.flatMap({ tracker.periodIndex($0.id) }) else { continue }
      for action in tracker.plan.actions.indices { before[BoardReport.slot(tracker.rating(action, period: latest))] += 1 }
    }
    latest = BoardReport.unique(trackers.compactMap { $0.latestPeriod?.label })
    if baseline.isEmpty {
      basis = BoardReport.unique(trackers.compactMap { $0.previousPeriod?.label }).joined(separator: ", ")
    } else {
      let labels = baseline.map { tracker in tracker.file + (tracker.latestPeriod.map { " (\($0.label))" } ?? "") }
      basis = labels.joined(separator: ", ")
    }
    let always: Set<Rating> = [.red, .amber, .green, .blue, .grey]
    rows = BoardReport.ratingOrder.enumerated().compactMap { slot, rating in
      let row = Row(rating: rating, now: now[slot], before: before[slot])
      return always.contains(rating) || row.now > 0 || row.before > 0 ? row : nil
    }
    self.total = total
  }
}

/// One priority's actions, by focus area, with status counts per period.
public struct PriorityGroup: Sendable {
  /// The tracker (index into `BoardReport.trackers`).
  public var tracker: Int
  /// The priority's id (`nil` for actions under none).
  public var id: String?
  /// Its heading (`Priority 2: Aspirations …`).
  public var heading: String
  /// Its overall status, when the tracker gives one.
  public var overallStatus: Status?
  /// Its focus areas, in source order, each with its actions.
  public var focusAreas: [FocusGroup]
  /// Per period of `BoardReport.periods`, the count of each rating (indexed as `BoardReport.ratingOrder`);
  /// empty for a period the tracker does not have.
  public var counts: [[Int]]

  /// The number of actions.
  public var actionCount: Int { focusAreas.reduce(0) { $0 + $1.actions.count } }

  /// The groups of one tracker, in the order of its priorities.
  static func groups(of tracker: ReportTracker, at index: Int, periods: [Period]) -> [PriorityGroup] {
    let plan = tracker.plan
    var order: [String?] = plan.priorities.map(\.id)
    var byPriority: [String?: [Int]] = [:]
    for offset in plan.actions.indices {
      let id = plan.actions[offset].priorityId
      if byPriority[id] == nil, !order.contains(id) { order.append(id) }
      byPriority[id, default: []].append(offset)
    }
    return order.compactMap { id in
      guard let members = byPriority[id], !members.isEmpty else { return nil }
      let priority = plan.priorities.first { $0.id == id }
      let heading: String
      if let priority {
        let label = priority.rawLabel ?? "Priority \(priority.id)"
        heading = priority.title.isEmpty ? label : label + ": " + priority.title
      } else {
        heading = id.map { "Priority \($0)" } ?? "Actions without a priority"
      }
      let counts = periods.map { period -> [Int] in
        guard let own = tracker.periodIndex(period.id) else { return [] }
        var row = [Int](repeating: 0, count: BoardReport.ratingOrder.count)
        for offset in members { row[BoardReport.slot(tracker.rating(offset, period: own))] += 1 }
        return row
      }
      return PriorityGroup(
        tracker: index, id: id, heading: heading, overallStatus: priority?.overallStatus,
        focusAreas: FocusGroup.groups(members, in: plan), counts: counts)
    }
  }
}

/// One focus area's actions.
public struct FocusGroup: Sendable {
  /// The normalised ref (`1.1`), `nil` for actions under none.
  public var ref: String?
  /// Its heading (`1.1 Roles and responsibilities …`).
  public var heading: String
  /// The actions (indices into the tracker's `plan.actions`), in source order.
  public var actions: [Int]

  static func groups(_ members: [Int], in plan: Plan) -> [FocusGroup] {
    var order: [String?] = []
    var byRef: [String?: [Int]] = [:]
    for offset in members {
      let ref = plan.actions[offset].focusRef
      if byRef[ref] == nil { order.append(ref) }
      byRef[ref, default: []].append(offset)
    }
    var titles: [String: String] = [:]
    for area in plan.focusAreas where titles[area.ref] == nil { titles[area.ref] = area.title }
    return order.map { ref in
      let heading = ref.map { ref in titles[ref].map { $0.isEmpty ? ref : ref + " " + $0 } ?? ref } ?? "No focus area"
      return FocusGroup(ref: ref, heading: heading, actions: byRef[ref] ?? [])
    }
  }
}

/// A finding a board should act on (overdue, regression, red without a
/// note, stalled), with the action and the cell.
public struct AttentionItem: Sendable, Hashable {
  /// The finding code.
  public var code: String
  /// Its severity.
  public var severity: Severity
  /// The finding's message.
  public var message: String
  /// The cell it names.
  public var location: SourceLocation?
  /// The action whose row holds the cell, when there is one.
  public var actionKey: String?
  /// The tracker (index into `BoardReport.trackers`).
  public var tracker: Int

  /// A short name for a code's kind (`Overdue`).
  public static func kind(_ code: String) -> String {
    switch code {
    case "action.overdue": "Overdue"
    case "status.regression_without_note": "Went down, no note"
    case "status.reverted_to_not_started": "Back to not started"
    case "status.red_without_note": "Red, no note"
    case "status.stalled": "Stalled"
    default: code
    }
  }

  /// The findings that need attention, by kind (`attentionCodes` order),
  /// then as validate reports them (by location): `limit` kept per kind, all counted.
  static func items(_ trackers: [ReportTracker], limit: Int) -> CappedLists<AttentionItem> {
    var items = CappedLists<AttentionItem>(kinds: BoardReport.attentionCodes.count, limit: limit)
    for (index, tracker) in trackers.enumerated() {
      var rows: RowIndex?
      let findings = tracker.findings
      for offset in findings.indices {
        // Most findings are of other codes: only their code is looked at.
        guard let kind = BoardReport.attentionCodes.firstIndex(of: findings[offset].code) else { continue }
        items.add(kind) {
          if rows == nil { rows = RowIndex(tracker.plan.actions) }
          let finding = findings[offset]
          return AttentionItem(
            code: finding.code, severity: finding.severity, message: finding.message, location: finding.location,
            actionKey: finding.location.flatMap { rows!.key($0) }, tracker: index)
        }
      }
    }
    return items
  }
}

/// Finds the action whose row holds a cell (same file, sheet and row or line).
struct RowIndex {
  private struct Row: Hashable {
    var origin: SourceOrigin
    var row: Int
  }
  private var keys: [Row: String] = [:]

  init(_ actions: [Action]) {
    keys.reserveCapacity(actions.count)
    for index in actions.indices {
      guard let source = actions[index].source, let row = Self.row(source) else { continue }
      let key = Row(origin: source.origin, row: row)
      if keys[key] == nil { keys[key] = actions[index].key }
    }
  }

  func key(_ location: SourceLocation) -> String? {
    Self.row(location).flatMap { keys[Row(origin: location.origin, row: $0)] }
  }

  private static func row(_ location: SourceLocation) -> Int? { location.line ?? location.cell?.row }
}
