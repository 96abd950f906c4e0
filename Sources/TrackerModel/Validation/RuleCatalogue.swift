public import Diagnostics

/// Who reports a finding code: the file-format layer (CSV/TSV bytes, XLSX sheets),
/// the recogniser while reading the grid, a validation rule over the
/// `Plan`, a writer while writing XLSX, or merge.
public enum FindingSource: String, Hashable, Sendable, Codable, CaseIterable {
  /// Reported by the file-format layer, reading or writing, where no tracker is seen (CSV/TSV bytes, XLSX sheets).
  case format
  /// Reported while recognising the grid (TrackerKit).
  case recogniser
  /// Reported by a rule over the canonical plan (`Validator`).
  case rule
  /// Reported by a writer (e.g. a value too long for an XLSX cell).
  case writer
  /// Reported by `merge` (domain.md §8.2), in its report and merge log.
  case merge
}

/// One entry of the validation catalogue (domain.md §6): a stable code, its
/// default severity, what it means and how to fix it.
public struct RuleInfo: Hashable, Sendable {
  /// The stable code, e.g. `status.regression_without_note`.
  public var code: String
  /// The severity it has unless a config re-grades it.
  public var severity: Severity
  /// When it fires, in one line.
  public var summary: String
  /// The plain-English fix; `nil` for info findings.
  public var fix: String?
  /// Who reports it.
  public var source: FindingSource

  /// Creates a catalogue entry.
  public init(code: String, severity: Severity, summary: String, fix: String?, source: FindingSource) {
    self.code = code
    self.severity = severity
    self.summary = summary
    self.fix = fix
    self.source = source
  }
}

/// Every finding code `wsoa` reports, with its default severity and fix
/// text, in the order of domain.md §6, then the file formats' and merge's codes.
/// `wsoa rules` prints it and docs/rules.md is generated from it; a test
/// fails when a code in the sources is missing here.
public enum RuleCatalogue {
  /// All entries.
  public static let all: [RuleInfo] = errorsAndWarnings + infos + formats + merge

  /// Entries by code.
  public static let byCode: [String: RuleInfo] = {
    var map: [String: RuleInfo] = [:]
    for info in all { map[info.code] = info }
    return map
  }()

  /// The entry for a code, if it is in the catalogue.
  public static func info(_ code: String) -> RuleInfo? { byCode[code] }

  /// The catalogue's fix text for a code.
  static func fix(_ code: String) -> String? { byCode[code]?.fix }

  /// The default severity for a code (warning for codes outside the catalogue).
  static func severity(_ code: String) -> Severity { byCode[code]?.severity ?? .warning }

  private static func e(_ code: String, _ summary: String, _ fix: String, _ source: FindingSource) -> RuleInfo {
    RuleInfo(code: code, severity: .error, summary: summary, fix: fix, source: source)
  }
  private static func w(_ code: String, _ summary: String, _ fix: String, _ source: FindingSource) -> RuleInfo {
    RuleInfo(code: code, severity: .warning, summary: summary, fix: fix, source: source)
  }
  private static func i(_ code: String, _ summary: String, _ source: FindingSource) -> RuleInfo {
    RuleInfo(code: code, severity: .info, summary: summary, fix: nil, source: source)
  }

  private static let errorsAndWarnings: [RuleInfo] = [
    e("layout.no_header", "no row has at least two header synonyms including an action column",
      "Add a header row with at least Action and one review-period column.", .recogniser),
    e("layout.period_unparsed", "a status-bearing header is not a period",
      "Rename the column to a date/month/quarter, e.g. `Dec-21` or `Q3 2024/25`.", .recogniser),
    e("layout.period_duplicate", "two columns resolve to one period", "Merge the two columns.", .recogniser),
    e("layout.status_conflict", "two rows of a long table give one action different statuses for one period",
      "Keep one row per action and period, with the status agreed for that review.", .recogniser),
    w("layout.periods_out_of_order", "column order differs from date order",
      "Move the columns into date order (the tool used date order).", .recogniser),
    e("ref.duplicate", "two actions have the same key and different wording (under any priorities), or one key twice under one priority",
      "Give each action a unique reference.", .rule),
    w("ref.missing", "an action has no letter or reference", "Add the action's letter or reference.", .recogniser),
    w("ref.area_mismatch", "a ref's first number differs from the area it sits under",
      "Check the ref or move the row.", .rule),
    e("status.unknown", "a status is neither in the vocabulary nor in the legend",
      "Use one of R, A, G, B, Grey, N/A (or the words in the legend).", .recogniser),
    w("status.not_in_legend", "a rating the legend does not define",
      "Add it to the key or change the status.", .rule),
    w("status.gap", "an empty status between two rated periods", "Fill in the status for this period.", .rule),
    w("status.missing_latest", "no status in the latest period", "Add this review's status.", .rule),
    w("status.regression_without_note", "the rating drops with no dated note in the later period",
      "Add a dated note explaining why the status went down.", .rule),
    w("status.reverted_to_not_started", "grey (not started) after a red, amber, green or blue",
      "Use Red/Amber if work has stopped; Grey means not started.", .rule),
    w("status.red_without_note", "red with no dated note in that period",
      "Explain the red rating and the recovery action.", .rule),
    w("evidence.missing_for_complete", "complete or embedded with no evidence",
      "List the evidence that shows completion or embedding.", .rule),
    w("evidence.empty_item", "a numbered evidence item has no text",
      "Remove the empty item or fill it in.", .recogniser),
    w("evidence.ref_unresolved", "an evidence code is not in the evidence log",
      "Add the code to the log or fix the reference.", .rule),
    w("note.after_last_review", "a note is dated after the last period's end",
      "Add a column for the new review period or correct the date.", .rule),
    w("note.future", "a note is dated after the as-of date", "Check the date.", .rule),
    w("note.out_of_order", "dated notes in one cell are not chronological", "Order the notes by date.", .rule),
    w("date.invalid", "an impossible or US-only date", "Use dd/mm/yyyy.", .recogniser),
    w("number.invalid", "a numeric cell (% complete) holds text that is not a number; left empty",
      "Write a single number such as `62.5` or `62,5 %`.", .recogniser),
    w("number.ambiguous_separator", "`1,250` or `1.250`: a thousands separator or a decimal one; the file's locale decided",
      "Write the number without a thousands separator (`1250` or `1.25`).", .recogniser),
    w("lead.missing", "no lead, or a placeholder", "Name the officer or role responsible.", .rule),
    w("xref.unresolved", "a cross-reference's target is not in the workbook",
      "Point to an existing action or copy the update here.", .rule),
    w("xref.self", "a note only says \"see\" its own action",
      "Copy the update from the other priority, or link the sheet.", .rule),
    w("action.overdue", "the due date has passed and the latest status is not complete",
      "Revise the due date or record completion.", .rule),
    e("output.cell_too_long", "a value is longer than an XLSX cell can hold (32,767 characters)",
      "Split the note.", .writer),
  ]

  private static let infos: [RuleInfo] = [
    i("layout.period_gap", "a long gap between review periods", .rule),
    i("layout.unknown_column", "a header was not recognised; kept as extra", .recogniser),
    i("layout.trailing_block", "footer or evidence-log rows kept outside the table", .recogniser),
    i("layout.ragged_row", "a row is shorter or longer than the header", .recogniser),
    i("layout.long_table", "a table with one row per action per period was pivoted", .recogniser),
    i("layout.value_varies", "an action's value differs between its rows of a long table; kept as extra", .recogniser),
    i("ref.normalised", "a ref in a variant spelling", .recogniser),
    i("ref.split_focus_area", "a focus area reappears after others", .recogniser),
    i("ref.cross_listed", "one action (same key, same wording) listed under two priorities", .rule),
    i("status.normalised", "case, spacing or word form mapped", .recogniser),
    i("status.mixed", "X/Y read as X moving to Y (or between, per the plan's setting)", .rule),
    i("status.stalled", "the same amber or red in several consecutive periods", .rule),
    i("status.note_disagrees", "a note in the period names another colour", .rule),
    i("evidence.as_above", "`As above` resolved to the previous row", .recogniser),
    i("evidence.unreferenced", "an evidence-log entry no action cites", .rule),
    i("note.before_first_review", "a note before the first period (attributed to it)", .rule),
    i("note.undated", "a note with no date prefix", .recogniser),
    i("note.partial_date", "a date prefix without a year that names no single period of the plan", .recogniser),
    i("note.period_from_prefix", "a prefix without a year placed in the one period of the plan it names", .recogniser),
    i("lead.as_above", "`As above` resolved", .recogniser),
    i("lead.split", "a lead cell split at `and`, `&` or `+` between two people's names", .recogniser),
    i("subgroup.as_above", "`As above` in the sub-group column resolved to the previous row", .recogniser),
    i("due.as_above", "`As above` in the due-date column resolved to the previous row", .recogniser),
    i("layout.continuation_row", "a row with only notes or evidence continues the action above", .recogniser),
    i("lead.similar_names", "near-duplicate lead names (possible typo)", .rule),
    i("xref.resolved", "a cross-reference's target was found", .rule),
    i("plan.legend_conflict", "two legends define colours differently", .recogniser),
  ]

  private static let formats: [RuleInfo] = [
    i("csv.delimiter_guess", "the CSV/TSV delimiter was a close call; the message names the one chosen and the runner-up",
      .format),
    w("csv.encoding_fallback", "a CSV/TSV file is not valid UTF-8; it was read as Windows-1252",
      "Check accented letters and symbols such as £ and €; to be sure, save the file as \"CSV UTF-8\".", .format),
    w("csv.invalid_utf8", "a file with a UTF-8 byte-order mark holds bytes that are not UTF-8; they were replaced",
      "Re-export the file from the spreadsheet as \"CSV UTF-8\".", .format),
    w("csv.invalid_utf16", "a UTF-16 file is not well-formed; the bad units were replaced",
      "Re-export the file from the spreadsheet as \"CSV UTF-8\".", .format),
    w("csv.stray_quote", "text follows a field's closing quote; it was kept as part of the cell",
      "Quote the whole field and double any quote inside it: \"say \"\"hi\"\"\".", .format),
    i("xlsx.sheet_skipped", "a chart sheet or dialog sheet holds no cells and was skipped", .format),
    w("xlsx.sheet_renamed", "a sheet was written to XLSX under another name: one Excel does not allow, or one the output already has (`dump --to xlsx`, `convert`, `merge`, `validate --annotate`)",
      "Rename the sheet: at most 31 characters, none of : \\ / ? * [ ], unique ignoring case.", .format),
  ]

  private static let merge: [RuleInfo] = [
    w("merge.status_conflict", "a return's status differs from the master's, or two returns disagree",
      "Decide which status is right; rerun with --prefer master or --prefer return, or correct the master.", .merge),
    w("merge.history_rewrite", "a return changes a status in a past period",
      "Check why the return changes an earlier review; rerun with --prefer master or --prefer return.", .merge),
    w("merge.matched_by_text", "an action matched the master on its wording, not its reference",
      "Give the row its action letter so it matches by reference.", .merge),
    i("merge.period_added", "a return's period is new to the master and was added", .merge),
    w("merge.period_mismatch", "a return's period overlaps a master period without being equal to it",
      "Report statuses on the master's review periods (same months or quarters).", .merge),
    w("merge.note_edited", "a return's note has a master note's date but different text; both were kept",
      "Notes are append-only: remove the outdated wording from the master if the edit is right.", .merge),
    i("merge.evidence_removed", "a master evidence item is missing from a return (kept)", .merge),
    w("merge.lead_changed", "a return changes an action's leads (kept from the master unless --accept-leads)",
      "Agree the change with the plan's owner, then rerun with --accept-leads or edit the master.", .merge),
    w("merge.text_changed", "a return changes an action's wording (kept from the master unless --accept-text)",
      "Agree the change with the plan's owner, then rerun with --accept-text or edit the master.", .merge),
    w("merge.due_changed", "a return changes an action's due date (kept from the master unless --accept-due)",
      "Agree the change with the plan's owner, then rerun with --accept-due or edit the master.", .merge),
    w("merge.new_action", "a return adds an action the master does not have",
      "Check the action is agreed; give it a ref that is not already used.", .merge),
    w("merge.no_update", "an action the return's sub-group owns was not updated (info when present but unchanged)",
      "Ask the sub-group for this action's update.", .merge),
    w("merge.out_of_remit", "a return updates an action another sub-group owns",
      "Check with the owning sub-group that the update is agreed.", .merge),
    i("merge.no_return", "a sub-group owns actions in the master but sent no return", .merge),
    w("merge.ambiguous_key", "a return row could be more than one master action; nothing of it was applied",
      "Give the row the priority and wording of the action it updates (or correct the duplicated ref in the master).", .merge),
    w("merge.duplicate_key", "one return lists a key twice under one priority",
      "Give each action a unique reference.", .merge),
    i("merge.duplicate_return", "the same return (same file or same bytes) was given twice; the copy was skipped", .merge),
    i("merge.status_filled", "merge log only: an empty master cell took a return's status", .merge),
    i("merge.note_added", "merge log only: a return's note was appended", .merge),
    i("merge.evidence_added", "merge log only: a return's evidence item was appended", .merge),
  ]
}
