public import Diagnostics
public import Grid
public import TrackerModel

/// Reads our long CSV (`LongCSV.header`) back into a plan: actions in order
/// of first appearance, periods from the period columns, statuses from the
/// normalised columns, dated notes from `notes_in_period`.
public enum LongCSVReader {
  /// Whether a sheet's first row is the long CSV header.
  public static func isLongCSV(_ sheet: Sheet) -> Bool {
    guard let first = sheet.rows.first else { return false }
    return first.cells.prefix(LongCSV.header.count).map { $0.value.displayText } == LongCSV.header
  }

  /// Reads the sheet.
  ///
  /// - Parameters:
  ///   - sheet: a sheet whose first row is `LongCSV.header`.
  ///   - file: the file name (the plan's id and sources).
  ///   - words: the council's period words (`[periods]`), so a note that
  ///     starts `Michaelmas 2022:` reads back dated, as it was first read.
  public static func read(_ sheet: Sheet, file: String, words: PeriodWords = PeriodWords()) -> Outcome<Plan> {
    var plan = Plan(id: DelimitedName.base(file), sources: [SourceFile(path: file, sheet: nil)])
    var diagnostics: [Diagnostic] = []
    var rows: [LongRow] = []
    let origin = SourceOrigin(file: file)
    for row in sheet.rows.dropFirst() {
      let v = (0..<LongCSV.header.count).map { row.value(at: $0 + 1).displayText }
      guard !v[3].isEmpty else { continue }
      func cell(_ i: Int) -> SourceLocation {
        SourceLocation(origin: origin, cell: CellAddress(row: row.number, column: i + 1), line: row.line)
      }
      let at = cell(11)
      if !v[0].isEmpty, !plan.priorities.contains(where: { $0.id == v[0] }) {
        plan.priorities.append(Priority(id: v[0], title: v[1]))
      }
      var period: Period?
      if let start = CivilDate(iso: v[9]), let end = CivilDate(iso: v[10]) {
        period = Period(id: v[6], label: v[7], kind: Period.Kind(rawValue: v[8]) ?? .month, start: start, end: end)
      }
      let action = Action(
        key: v[3], focusRef: v[2].isEmpty ? nil : v[2], priorityId: v[0].isEmpty ? nil : v[0], text: v[4],
        leads: LeadSplitter.split(v[5]), leadsRaw: v[5].isEmpty ? nil : v[5])
      var status = StatusVocabulary.read(v[11]).status
      if let rating = Rating(rawValue: v[12]) { status.rating = rating }
      status.towards = Rating(rawValue: v[13])
      status.completion = Completion(rawValue: v[14])
      status.label = v[15].isEmpty ? nil : v[15]
      if status.rating == .unknown { diagnostics.append(RecognitionDiagnostics.statusUnknown(status.raw, at)) }
      let notes = v[18].isEmpty ? [] : NoteSplitter.split(v[18], source: cell(18), words: words).notes
      rows.append(LongRow(
        action: action, period: period, periodText: v[7], periodAt: cell(7),
        status: PeriodStatus(periodId: v[6], status: status, source: at), notes: notes,
        values: [0, 1, 2, 4, 5].map { (LongCSV.header[$0], v[$0], Optional(cell($0))) }, row: row.number))
    }
    let pivot = LongPivot(rows, statusName: LongCSV.header[11])
    plan.actions = pivot.actions
    plan.periods = PeriodWindows(pivot.periods).ordered
    plan.attributeNotesToPeriods()
    return Outcome(value: plan, diagnostics: diagnostics + pivot.diagnostics)
  }
}

/// File-name helpers.
enum DelimitedName {
  /// The base name without folders or extension.
  static func base(_ path: String) -> String {
    var base = path.split(separator: "/").last.map(String.init) ?? path
    if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = String(base[..<dot]) }
    return base
  }
}
