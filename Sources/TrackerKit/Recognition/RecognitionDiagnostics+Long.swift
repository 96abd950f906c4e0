import Diagnostics

/// The findings about long tables (one row per action per period).
extension RecognitionDiagnostics {
  static func longTable(period: String, status: String, rows: Int, actions: Int, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: "layout.long_table", severity: .info,
      message: "the table has one row per action per period: \(rows) rows read as \(actions) actions, "
        + "periods from column \"\(period)\", statuses from column \"\(status)\"",
      location: at)
  }

  static func statusConflict(
    key: String, period: String, kept: (raw: String, at: SourceLocation?), other: (raw: String, at: SourceLocation?),
    extra: String
  ) -> Diagnostic {
    let rows = [kept.at, other.at].map { $0?.cell.map { "\($0.row)" } ?? "?" }
    return Diagnostic(
      code: "layout.status_conflict", severity: .error,
      message: "rows \(rows[0]) and \(rows[1]) give action \(key) two statuses for \(period), \"\(kept.raw)\" and "
        + "\"\(other.raw)\"; the first is used, the second is kept as the extra field \"\(extra)\"",
      fix: "Keep one row per action and period, with the status agreed for that review.",
      location: other.at, related: kept.at.map { [$0] } ?? [])
  }

  static func valueVaries(
    key: String, column: String, kept: String, _ at: SourceLocation?, others: [SourceLocation]
  ) -> Diagnostic {
    let shown = kept.count > 60 ? String(kept.prefix(57)) + "..." : kept
    return Diagnostic(
      code: "layout.value_varies", severity: .info,
      message: "action \(key)'s \"\(column)\" differs between its rows; \"\(shown)\" is used and the other "
        + (others.count == 1
          ? "value is kept as an extra field named after its period"
          : "values are kept as extra fields named after their periods"),
      location: at, related: Array(others.prefix(20)))
  }

  static func rowPeriodUnparsed(row: Int, text: String, key: String, _ at: SourceLocation?) -> Diagnostic {
    let what = text.isEmpty ? "names no period" : "names \"\(text)\", which is not a review period"
    return Diagnostic(
      code: "layout.period_unparsed", severity: .error,
      message: "row \(row) gives action \(key) a status but \(what); the status is kept as an extra field",
      fix: "Write the row's review period as a date, month or quarter, e.g. `Dec-21` or `Q3 2024/25`.", location: at)
  }
}
