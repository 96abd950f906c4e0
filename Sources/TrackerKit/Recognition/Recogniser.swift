public import Diagnostics
public import Grid
public import TrackerModel

/// Options for reading a workbook as a tracker.
public struct RecogniserOptions: Sendable {
  /// Sheets to read, by name or 1-based number; empty reads every sheet.
  public var sheets: [String]
  /// How mixed codes such as `G/A` are read (recorded on the plan).
  public var mixedStatusReading: MixedStatusReading
  /// Whether the grid came from CSV/TSV (locations then name the line, not a sheet).
  public var isDelimited: Bool
  /// The input's SHA-256, recorded on the plan's source.
  public var sha256: String?
  /// For CSV/TSV: rows that had fewer fields than the widest before the
  /// reader padded them (row → field count), for `layout.ragged_row`.
  public var shortRows: [Int: Int]
  /// Whether numbers typed as text use a decimal comma (`62,5`), when the
  /// text alone cannot tell (`1,250`); see `NumberText`. `nil` decides from
  /// the file: yes for a semicolon-delimited CSV (the export of a
  /// decimal-comma locale), no otherwise.
  public var decimalComma: Bool?
  /// Whether large tables may be read on several threads (the result is
  /// the same either way; tests compare the two).
  var allowsThreads = true
  /// The council's own header words, tried before the built-in synonyms.
  public var headerWords = HeaderWords()
  /// The council's own period words and labels, added to the period grammar.
  public var periodWords = PeriodWords()

  /// Creates options.
  public init(
    sheets: [String] = [], mixedStatusReading: MixedStatusReading = .movingTowards, isDelimited: Bool = false,
    sha256: String? = nil, shortRows: [Int: Int] = [:], decimalComma: Bool? = nil
  ) {
    self.decimalComma = decimalComma
    self.shortRows = shortRows
    self.sheets = sheets
    self.mixedStatusReading = mixedStatusReading
    self.isDelimited = isDelimited
    self.sha256 = sha256
  }
}

/// Turns a workbook grid into the canonical tracker model (domain.md §5),
/// working from meaning (header synonyms, value shapes), never from the
/// seed's column positions.
///
/// **Recognition contract.** Every sheet with an action table is read (one
/// sheet per priority makes one plan); the header row is the first with two
/// header synonyms including Action; a row of period labels under it makes a
/// two-row header; the preamble gives the priority (title, description,
/// vision, overall status), the keys and the as-at date; priority and focus
/// area are filled down, leads, statuses and evidence never; blank rows do
/// not end the table; rows after it are kept as unparsed blocks; every
/// unmapped column is kept in `extra`; every value carries its source cell.
/// A long table (one row per action per period: a period column, a status
/// column, refs repeating; `LongLayout`) is read row by row and pivoted into
/// the same model (`LongPivot`).
/// A "Findings" sheet that `wsoa validate --annotate` wrote (`FindingsSheet`)
/// is skipped unless asked for by name, so an annotated workbook reads as
/// the plan it was written from.
/// It emits these diagnostic codes (domain.md §6), each at its cell:
///
/// | code | severity |
/// |---|---|
/// | `layout.no_header`, `layout.period_unparsed`, `layout.period_duplicate`, `layout.status_conflict` | error |
/// | `layout.periods_out_of_order` | warning |
/// | `layout.unknown_column`, `layout.trailing_block`, `layout.ragged_row`, `layout.long_table`, `layout.value_varies` | info |
/// | `ref.missing` | warning |
/// | `ref.normalised`, `ref.split_focus_area` | info |
/// | `status.unknown` | error |
/// | `status.normalised` (also for a status read from a fill colour) | info |
/// | `evidence.empty_item`, `date.invalid`, `number.invalid`, `number.ambiguous_separator` | warning |
/// | `evidence.as_above`, `lead.as_above`, `subgroup.as_above`, `due.as_above`, `lead.split`, `note.undated`, `note.partial_date`, `note.period_from_prefix`, `plan.legend_conflict` | info |
/// | `layout.continuation_row` | info |
///
/// Model-level rules (regressions, cross-reference findings, stalled
/// statuses, gaps, overdue actions …) are `validate`'s; the plan carries
/// what they need (statuses with cells, note dates and periods, cross-refs
/// with their resolution, evidence numbering, keys, period windows).
///
/// ```swift
/// let outcome = try Recogniser.recognise(workbook, file: "priority-2.xlsx")
/// outcome.value.actions.map(\.key)   // ["1.1A", "1.2C", "3.1F", ...]
/// ```
public enum Recogniser {
  /// Reads a workbook as one plan.
  ///
  /// - Parameters:
  ///   - workbook: the grid, from any reader. A caller that gives it up
  ///     (`consume`) lets each table's cells be freed as its actions are
  ///     built, so the grid and the plan are not held whole together.
  ///   - file: the file as the user named it (used in every location).
  ///   - options: sheets to read and how to read them.
  /// - Returns: the plan and the recogniser's diagnostics, in sheet and cell order.
  /// - Throws: `TrackerError.sheetNotFound` when `options.sheets` names a missing sheet.
  public static func recognise(
    _ workbook: consuming Workbook, file: String, options: RecogniserOptions = RecogniserOptions()
  ) throws(TrackerError) -> Outcome<Plan> {
    var sheets = try selectSheets(workbook, file: file, options.sheets)
    let styles = workbook.styles
    // The selected sheets are now the grid's only holders (when the caller
    // gave up its workbook), so a table's rows can be freed as it is read.
    workbook = Workbook()
    var assembly = PlanAssembly(file: file, options: options)
    assembly.styles = styles
    func context(_ sheet: consuming Sheet) -> SheetContext {
      var context = SheetContext(
        file: file, sheet: sheet, isDelimited: options.isDelimited, styles: styles, shortRows: options.shortRows)
      context.allowsThreads = options.allowsThreads
      context.decimalComma = options.decimalComma ?? false
      context.headerWords = options.headerWords
      context.periodWords = options.periodWords
      return context
    }
    // A key on a sheet of its own serves every sheet without a key.
    let headerless = sheets.map { LayoutFinder(context: context($0)).headerRow() == nil }
    for (sheet, noTable) in zip(sheets, headerless) where noTable {
      if let key = PlanAssembly.sheetKey(context(sheet)), assembly.workbookLegend.isEmpty { assembly.workbookLegend = key.entries }
    }
    let sheetNames = sheets.map(\.name)
    var noHeader: [Sheet] = []
    for i in sheets.indices {
      if headerless[i] {
        noHeader.append(sheets[i])
        continue
      }
      // The sheet moves out of the list into the reader, which frees its
      // table's cells as it builds the actions (`TableReader.read`).
      var sheet = Sheet(name: sheetNames[i])
      swap(&sheet, &sheets[i])
      assembly.read(context(consume sheet))
    }
    assembly.keepSheetsWithoutTable(noHeader, anyTable: assembly.sheetsRead > 0)
    let plan = assembly.plan()
    let diagnostics = assembly.sortedDiagnostics(sheetOrder: sheetNames)
    return Outcome(value: plan, diagnostics: diagnostics)
  }

  private static func selectSheets(_ workbook: Workbook, file: String, _ wanted: [String]) throws(TrackerError) -> [Sheet] {
    guard !wanted.isEmpty else { return workbook.sheets.filter { !FindingsSheet.isFindingsSheet($0) } }
    var out: [Sheet] = []
    for name in wanted {
      if let sheet = workbook.sheets.first(where: { $0.name == name })
        ?? Int(name).flatMap({ n in workbook.sheets.indices.contains(n - 1) ? workbook.sheets[n - 1] : nil })
      {
        out.append(sheet)
      } else {
        throw .sheetNotFound(file: file, name: name, available: workbook.sheets.map(\.name))
      }
    }
    return out
  }
}
