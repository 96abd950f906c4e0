import Diagnostics
import Grid
import TrackerModel

/// The diagnostics the recogniser emits, with domain.md §6's codes,
/// severities and fix texts. One constructor per code, so wording lives in
/// one place.
enum RecognitionDiagnostics {
  static func noHeader(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: "layout.no_header", severity: .error,
      message: "no row has at least two recognised column headers including an action column",
      fix: "Add a header row with at least Action and one review-period column.", location: at)
  }

  static func periodUnparsed(_ header: String, _ at: SourceLocation, why: String? = nil) -> Diagnostic {
    Diagnostic(
      code: "layout.period_unparsed", severity: .error,
      message: "column header \"\(header)\" holds statuses but is not a review period"
        + (why.map { " (\($0))" } ?? "")
        + "; its cells are kept as an extra column and the plan marks an unread period there, so notes after the last"
        + " read period and gaps around it are not reported",
      fix: "Rename the column to a date/month/quarter, e.g. `Dec-21` or `Q3 2024/25`.", location: at)
  }

  static func periodDuplicate(_ header: String, first: String, _ at: SourceLocation, _ firstAt: SourceLocation?) -> Diagnostic {
    Diagnostic(
      code: "layout.period_duplicate", severity: .error,
      message: "column \"\(header)\" is the same period as \"\(first)\"; its cells are kept as an extra column",
      fix: "Merge the two columns.", location: at, related: firstAt.map { [$0] } ?? [])
  }

  static func periodsOutOfOrder(_ header: String, after previous: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: "layout.periods_out_of_order", severity: .warning,
      message: "period column \"\(header)\" comes after \"\(previous)\" but is earlier; date order was used",
      fix: "Move the columns into date order (the tool used date order).", location: at)
  }

  static func unknownColumn(_ header: String, _ at: SourceLocation, note: String = "") -> Diagnostic {
    Diagnostic(
      code: "layout.unknown_column", severity: .info,
      message: "column \"\(header)\" is not a recognised tracker column\(note); kept as an extra field", location: at)
  }

  static func trailingBlock(_ what: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(code: "layout.trailing_block", severity: .info, message: "\(what); kept verbatim as an unparsed block", location: at)
  }

  static func raggedRow(rows: ClosedRange<Int>, fields: Int, header: Int, _ at: SourceLocation) -> Diagnostic {
    let which = rows.count == 1 ? "row \(rows.lowerBound)" : "rows \(rows.lowerBound)–\(rows.upperBound)"
    return Diagnostic(
      code: "layout.ragged_row", severity: .info,
      message: "\(which) \(rows.count == 1 ? "has" : "have") \(fields) fields, the header has \(header); padded",
      location: at)
  }

  static func leadSplit(_ split: LeadSplitter.ConjunctionSplit, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: "lead.split", severity: .info,
      message: "\"\(split.before) \(split.conjunction) \(split.after)\" read as two leads, \"\(split.before)\" and "
        + "\"\(split.after)\" (both look like people's names)",
      location: at)
  }

  static func numberAmbiguous(
    _ text: String, read value: Double, otherwise other: Double, decimalComma: Bool, _ at: SourceLocation
  ) -> Diagnostic {
    let locale = decimalComma ? "a decimal comma" : "a decimal point"
    return Diagnostic(
      code: "number.ambiguous_separator", severity: .warning,
      message: "\"\(text)\" could be \(CellValue.format(number: value)) or \(CellValue.format(number: other)); "
        + "read as \(CellValue.format(number: value)) because the file uses \(locale)",
      fix: "Write the number without a thousands separator (`1250` or `1.25`).", location: at)
  }

  static func numberInvalid(_ text: String, column: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: "number.invalid", severity: .warning,
      message: "\(column) \"\(text.prefix(60))\" is not a number; left empty",
      fix: "Write a single number such as `62.5` or `62,5 %`.", location: at)
  }

  static func refMissing(_ row: Int, key: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: "ref.missing", severity: .warning,
      message: "the action on row \(row) has no letter or reference; it was given the key \(key)",
      fix: "Add the action's letter or reference.", location: at)
  }

  static func refNormalised(_ raw: String, _ key: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(code: "ref.normalised", severity: .info, message: "reference \"\(raw)\" read as \(key)", location: at)
  }

  static func splitFocusArea(_ ref: String, _ at: SourceLocation, first: SourceLocation?) -> Diagnostic {
    Diagnostic(
      code: "ref.split_focus_area", severity: .info,
      message: "focus area \(ref) appears again after other focus areas", location: at,
      related: first.map { [$0] } ?? [])
  }

  static func statusUnknown(_ raw: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: "status.unknown", severity: .error,
      message: "status \"\(raw)\" is not one of: R, A, G, B, Grey, N/A (or the words in the legend); kept as written",
      fix: "Use one of R, A, G, B, Grey, N/A (or the words in the legend).", location: at)
  }

  static func statusNormalised(_ raw: String, as code: String, count: Int, _ at: SourceLocation, related: [SourceLocation]) -> Diagnostic {
    let more = count > 1 ? " (\(count) cells)" : ""
    return Diagnostic(
      code: "status.normalised", severity: .info, message: "status \"\(raw)\" read as \(code)\(more)", location: at,
      related: related)
  }

  static func statusFromFill(_ code: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: "status.normalised", severity: .info, message: "empty status cell filled \(code) read as \(code) from its colour",
      location: at)
  }

  static func evidenceEmptyItem(_ n: Int, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: "evidence.empty_item", severity: .warning, message: "evidence item \"\(n).\" is empty; dropped",
      fix: "Remove the empty item or fill it in.", location: at)
  }

  static func evidenceAsAbove(_ raw: String, _ at: SourceLocation, resolvedTo: SourceLocation?, summary: String) -> Diagnostic {
    Diagnostic(
      code: "evidence.as_above", severity: .info,
      message: resolvedTo == nil ? "\"\(raw.collapsedWhitespace)\" has no data row above it; kept as written"
        : "\"\(raw.collapsedWhitespace)\" resolved to \(resolvedTo?.sheetCell ?? "") \(summary)", location: at,
      related: resolvedTo.map { [$0] } ?? [])
  }

  static func leadAsAbove(_ raw: String, _ at: SourceLocation, resolvedTo: SourceLocation?, names: String) -> Diagnostic {
    Diagnostic(
      code: "lead.as_above", severity: .info,
      message: resolvedTo == nil ? "\"\(raw.collapsedWhitespace)\" has no lead above it"
        : "\"\(raw.collapsedWhitespace)\" lead resolved to \(names)",
      location: at, related: resolvedTo.map { [$0] } ?? [])
  }

  /// `As above` in a column other than leads and evidence (`subgroup.as_above`, `due.as_above`).
  static func asAbove(
    _ code: String, _ raw: String, what: String, _ at: SourceLocation, resolvedTo: SourceLocation?, value: String?
  ) -> Diagnostic {
    Diagnostic(
      code: code, severity: .info,
      message: resolvedTo == nil ? "\"\(raw.collapsedWhitespace)\" has no \(what) above it; kept as written"
        : "\"\(raw.collapsedWhitespace)\" \(what) resolved to \"\(value ?? "")\" at \(resolvedTo?.sheetCell ?? "")",
      location: at, related: resolvedTo.map { [$0] } ?? [])
  }

  /// A row that carries only notes or evidence continues the action above.
  static func continuationRow(_ row: Int, key: String, at: SourceLocation, action: SourceLocation?) -> Diagnostic {
    Diagnostic(
      code: "layout.continuation_row", severity: .info,
      message: "row \(row) carries only notes or evidence; read as a continuation of \(key)", location: at,
      related: action.map { [$0] } ?? [])
  }

  static func dateInvalid(_ reason: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(code: "date.invalid", severity: .warning, message: reason, fix: "Use dd/mm/yyyy.", location: at)
  }

  static func noteUndated(_ what: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(code: "note.undated", severity: .info, message: what, location: at)
  }

  static func notePartialDate(_ prefix: String, _ at: SourceLocation, candidates: String) -> Diagnostic {
    Diagnostic(
      code: "note.partial_date", severity: .info,
      message: "note prefix \"\(prefix)\" has no year and \(candidates); the note is kept without a date or period",
      location: at)
  }

  static func notePeriodFromPrefix(_ prefix: String, period: String, heading: SourceLocation?, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: "note.period_from_prefix", severity: .info,
      message: "note prefix \"\(prefix)\" has no year; placed in \(period), the only period of the plan it can mean",
      location: at, related: heading.map { [$0] } ?? [])
  }

  static func legendConflict(colours: [String], overall: SourceLocation?, periods: SourceLocation?) -> Diagnostic {
    Diagnostic(
      code: "plan.legend_conflict", severity: .info,
      message: "the keys at \(overall?.sheetCell ?? "?") and \(periods?.sheetCell ?? "?") define "
        + colours.joined(separator: ", ")
        + " differently; period statuses use the key over the period columns, the overall status uses the preamble key",
      location: overall, related: periods.map { [$0] } ?? [])
  }
}
