extension DateValue {
  /// The date as a tracker writes it, in a form `DateText.parse` reads back
  /// to the same value: `31/03/2025` (day), `Feb 2021` (month),
  /// `Q3 2024/25` (UK financial-year quarter), `2025` (year; not a date
  /// expression on its own, so writers keep the raw text beside it).
  public var trackerText: String {
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let names = MonthNames.short
    switch precision {
    case .day: return two(day ?? 1) + "/" + two(month ?? 1) + "/" + String(year)
    case .month: return names[max(0, min(11, (month ?? 1) - 1))] + " " + String(year)
    case .quarter:
      let m = month ?? 4
      let fy = m >= 4 ? year : year - 1
      let q = (m + 8) % 12 / 3 + 1
      return "Q\(q) \(fy)/" + two((fy + 1) % 100)
    case .year: return String(year)
    }
  }
}
