extension Plan {
  /// Sets every cross-reference's resolution against the plan's actions:
  /// `self` when it names its own action, `resolved` when the action exists,
  /// otherwise `unresolved`. References already marked `external` stay so.
  public mutating func resolveCrossReferences() {
    guard actions.contains(where: { !$0.crossRefs.isEmpty }) else { return }
    let keys = Set(actions.map(\.key))
    for a in actions.indices {
      let own = actions[a].key
      for r in actions[a].crossRefs.indices where actions[a].crossRefs[r].resolution != .external {
        let target = actions[a].crossRefs[r].targetKey
        actions[a].crossRefs[r].resolution = target == own ? .self : keys.contains(target) ? .resolved : .unresolved
      }
    }
  }

  /// Sets each note's `periodId` from its date and the period windows.
  public mutating func attributeNotesToPeriods() {
    let windows = PeriodWindows(periods)
    for a in actions.indices { actions[a].attributeNotes(to: windows) }
  }
}

extension Action {
  /// Sets each note's period: the window its date falls in (`nil` when
  /// undated or after the last period); a prefix without a year (`Q3`,
  /// `Autumn`, `March`) when exactly one period can be meant (`PartialPeriod`).
  public mutating func attributeNotes(to windows: PeriodWindows) {
    for n in notes.indices {
      if let date = notes[n].date {
        notes[n].periodId = windows.periodId(for: date)
      } else if let prefix = notes[n].prefix, let partial = PartialPeriod.read(prefix) {
        notes[n].periodId = partial.period(in: windows)?.id
      } else {
        notes[n].periodId = nil
      }
    }
  }
}
