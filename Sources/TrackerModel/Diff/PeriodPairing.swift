/// The two trackers' periods paired by date range (`Dec-21` ≡ `December
/// 2021`), as merge pairs them (`PeriodUnion.Range`).
struct PeriodPairing {
  /// The new tracker's periods, in its order.
  let new: [Period]
  /// New periods whose range the old tracker lacks, in the new tracker's order.
  let added: [Period]
  /// Old periods whose range the new tracker lacks, in the old tracker's order.
  let removed: [Period]
  /// New period id → the old period id with the same range.
  private let oldIds: [String: String]

  init(old: [Period], new: [Period]) {
    self.new = new
    var byRange: [PeriodUnion.Range: String] = [:]
    for period in old where byRange[PeriodUnion.Range(start: period.start, end: period.end)] == nil {
      byRange[PeriodUnion.Range(start: period.start, end: period.end)] = period.id
    }
    var oldIds: [String: String] = [:]
    var added: [Period] = []
    for period in new {
      if let id = byRange[PeriodUnion.Range(start: period.start, end: period.end)] {
        oldIds[period.id] = id
      } else {
        added.append(period)
      }
    }
    let kept = Set(oldIds.values)
    self.oldIds = oldIds
    self.added = added
    removed = old.filter { !kept.contains($0.id) }
  }

  /// The old tracker's id for a new period, `nil` when the period is new.
  func oldId(for newId: String) -> String? { oldIds[newId] }
}
