public import TrackerModel

extension ReportTracker {
  /// The trackers of validated files (those that were read), each with its
  /// key read over the period columns and `mixed` (else the plan's reading)
  /// for `X/Y` codes.
  public static func trackers(_ verdicts: [FileValidation], mixed: MixedStatusReading?) -> [ReportTracker] {
    verdicts.compactMap { verdict in
      guard let plan = verdict.plan else { return nil }
      return ReportTracker(
        file: verdict.file, plan: plan, findings: verdict.findings, reading: LegendReading(plan: plan, mixed: mixed))
    }
  }
}
