public import Diagnostics

/// How a plan's statuses are read: the legend(s) when present decide what
/// each colour means; the mixed-code reading decides what `G/A` counts as.
public struct LegendReading: Hashable, Sendable {
  /// The legend entries, in source order.
  public let entries: [LegendEntry]
  /// Ratings the legend defines (empty when there is no legend).
  public let definedRatings: Set<Rating>
  /// What the legend says about completion, per rating (first legend wins).
  public let completionByRating: [Rating: Completion]
  /// How mixed codes are read.
  public let mixed: MixedStatusReading
  /// The cells holding the legends, in source order, without repeats.
  public let legendCells: [SourceLocation]

  /// Reads a plan's legend with a mixed-code reading.
  public init(scheme: [LegendEntry], mixed: MixedStatusReading) {
    entries = scheme
    self.mixed = mixed
    var defined: Set<Rating> = []
    var completion: [Rating: Completion] = [:]
    var cells: [SourceLocation] = []
    for entry in scheme {
      defined.insert(entry.rating)
      if completion[entry.rating] == nil, let value = LegendReading.completion(of: entry) {
        completion[entry.rating] = value
      }
      if let source = entry.source, !cells.contains(source) { cells.append(source) }
    }
    definedRatings = defined
    completionByRating = completion
    legendCells = cells
  }

  /// How `validate`, `report` and `diff` read a plan's statuses: its key of
  /// `scope` (the key over the review periods, or over the overall-status
  /// column), with `mixed` (else the plan's own reading) for `X/Y` codes.
  public init(plan: Plan, scope: LegendEntry.Scope = .periods, mixed: MixedStatusReading? = nil) {
    self.init(scheme: LegendReading.entries(plan.statusScheme, scope: scope), mixed: mixed ?? plan.mixedStatusReading)
  }

  /// The entries of one scope; all entries when the plan has none of that scope.
  public static func entries(_ scheme: [LegendEntry], scope: LegendEntry.Scope) -> [LegendEntry] {
    let scoped = scheme.filter { $0.scope == scope }
    return scoped.isEmpty ? scheme : scoped
  }

  /// Whether the plan has a legend at all.
  public var hasLegend: Bool { !entries.isEmpty }

  /// The rating a status counts as now: for `X/Y`, `Y` when read as moving
  /// towards, the lower of the two when read as between.
  public func effectiveRating(_ status: Status) -> Rating {
    guard let towards = status.towards else { return status.rating }
    switch mixed {
    case .movingTowards: return towards
    case .between:
      guard let a = status.rating.baseRank, let b = towards.baseRank else { return towards }
      return a <= b ? status.rating : towards
    }
  }

  /// What a status says about completion, the legend deciding for plain colours.
  public func completion(of status: Status) -> Completion? {
    if let completion = status.completion { return completion }
    guard status.towards == nil else { return nil }
    if let completion = completionByRating[status.rating] { return completion }
    return status.rating == .blue ? .embedded : nil
  }

  /// Rank for regressions: red 1 < amber 2 < green 3 < complete 4 < blue 5;
  /// `nil` for grey, N/A, empty and unknown.
  public func rank(_ status: Status) -> Int? {
    let rating = effectiveRating(status)
    guard let base = rating.baseRank else { return nil }
    if rating == .green, completion(of: status) == .complete { return 4 }
    return base
  }

  /// One line saying which reading was used, for reports.
  public var description: String {
    var parts: [String] = []
    if entries.isEmpty {
      parts.append("no key in the tracker: Green = on track, Blue/Complete = completion")
    } else {
      let cells = legendCells.compactMap { $0.sheetCell }.joined(separator: ", ")
      var text = "key at \(cells.isEmpty ? "the tracker" : cells)"
      let completes = completionByRating.keys.sorted { ($0.baseRank ?? 9) < ($1.baseRank ?? 9) }
        .map { "\(LegendReading.name($0)) = \(completionByRating[$0] == .embedded ? "embedded" : "complete")" }
      if !completes.isEmpty { text += " (" + completes.joined(separator: ", ") + ")" }
      parts.append(text)
    }
    parts.append(mixed == .movingTowards ? "X/Y read as X moving towards Y" : "X/Y read as between X and Y (the lower counts)")
    return parts.joined(separator: "; ")
  }

  /// The colour's name as a council writes it (`Green`).
  public static func name(_ rating: Rating) -> String {
    switch rating {
    case .red: "Red"
    case .amber: "Amber"
    case .green: "Green"
    case .blue: "Blue"
    case .grey: "Grey"
    case .notApplicable: "N/A"
    case .none: "empty"
    case .unknown: "unknown"
    }
  }

  /// Completion from an entry, or from the first word of its meaning
  /// (`Completed.`, `embedded and being delivered`) when the recogniser left it unset.
  private static func completion(of entry: LegendEntry) -> Completion? {
    if let completion = entry.completion { return completion }
    if entry.rating == .blue { return .embedded }
    let first = entry.meaning.lowercased().split { !$0.isLetter }.first.map(String.init) ?? ""
    return ["complete", "completed", "done", "achieved", "finished"].contains(first) ? .complete : nil
  }
}
