/// Settings for one validation run: the reference date, readings and
/// thresholds, and which codes are on.
public struct ValidationOptions: Hashable, Sendable {
  /// The date that counts as "today" for overdue actions and future notes
  /// (`--as-of`); when `nil`, the plan's as-at date, then `today`.
  public var asOf: CivilDate?
  /// The real calendar day, used only when neither `asOf` nor the plan's
  /// as-at date is known (injected so tests are deterministic).
  public var today: CivilDate
  /// Overrides the plan's reading of mixed codes such as `G/A`.
  public var mixedStatusReading: MixedStatusReading?
  /// `layout.period_gap` fires when consecutive review dates are more than
  /// this many months apart.
  public var periodGapMonths: Int
  /// `status.stalled` fires after this many consecutive periods of one amber
  /// or red.
  public var stalledPeriods: Int
  /// Codes switched off or re-graded.
  public var policy: FindingPolicy
  /// Whether a large plan's actions may be checked on several threads (the findings are the same).
  public var allowsThreads = true

  /// Creates options with the documented defaults (gap 12 months, stalled
  /// after 4 periods, every code on).
  /// `layout.period_gap`'s threshold unless configured.
  public static let defaultPeriodGapMonths = 12
  /// `status.stalled`'s threshold unless configured.
  public static let defaultStalledPeriods = 4

  public init(
    asOf: CivilDate? = nil, today: CivilDate, mixedStatusReading: MixedStatusReading? = nil,
    periodGapMonths: Int = defaultPeriodGapMonths, stalledPeriods: Int = defaultStalledPeriods, policy: FindingPolicy = FindingPolicy()
  ) {
    self.asOf = asOf
    self.today = today
    self.mixedStatusReading = mixedStatusReading
    self.periodGapMonths = periodGapMonths
    self.stalledPeriods = stalledPeriods
    self.policy = policy
  }
}
