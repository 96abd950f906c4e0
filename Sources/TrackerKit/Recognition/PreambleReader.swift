import Diagnostics
import Grid
import TrackerModel

/// What the rows above the header say: the priority's title, description,
/// vision and overall status, the status key, the as-at date, the plan's
/// title. Cells it cannot place are kept verbatim.
struct Preamble {
  var priority: Priority?
  var legend: [LegendEntry] = []
  var asAt: DateValue?
  var title: String?
  var planType: PlanType?
  var version: String?
  var unparsed: [RawCell] = []
  /// An overall status waiting for the key (read once the whole preamble is seen).
  var overallRaw: (text: String, at: SourceLocation)?
  /// Short cells that read as a status; one becomes `overallRaw` only when
  /// it cannot be part of a key (`OverallStatusCell`).
  var statusCells: [(text: String, at: SourceLocation)] = []
  var vision: String?
  /// The cell the vision came from, kept verbatim when no priority holds it.
  var visionCell: RawCell?
}

/// Reads the preamble rows (above the header row).
enum PreambleReader {
  static func read(_ context: SheetContext, before headerRow: Int) -> Preamble {
    var p = Preamble()
    let rows = context.sheet.rows.prefix { $0.number < headerRow }
    let asAt = AsAtFinder.find(rows)
    p.asAt = asAt?.date
    let key = KeyTable.find(rows, context, scope: .overall)
    p.legend = key?.entries ?? []
    for row in rows {
      for cell in row.cells where !CellText.isBlank(cell.value) {
        let raw = CellText.of(cell.value)
        let at = context.location(row, column: cell.column)
        if let key, key.cells.contains(CellAddress(row: row.number, column: cell.column)) { continue }
        if let asAt, asAt.cells.contains(CellAddress(row: row.number, column: cell.column)) {
          // The as-at cell may be the title too ("Tracker – position at Sept
          // 2023"): the title is what is left without the as-at phrase, so it
          // reads the same as a title above an "As at" line.
          if p.title == nil, let type = planType(raw), let title = AsAtText.withoutPhrase(MarkupText(raw).text) {
            p.title = title.collapsedParagraphs
            p.planType = type
            p.version = version(in: raw)
          }
          continue
        }
        if !place(raw, at: at, into: &p) { p.unparsed.append(RawCell(text: raw, source: at)) }
      }
    }
    let overall = OverallStatusCell.choose(p.statusCells, in: context)
    p.overallRaw = overall.map { p.statusCells[$0] }
    let keyCells = p.statusCells.indices.filter { $0 != overall }.map { RawCell(text: p.statusCells[$0].text, source: p.statusCells[$0].at) }
    if !keyCells.isEmpty { p.unparsed = (p.unparsed + keyCells).inCellOrder }
    // The overall status and vision belong to the priority the preamble (or
    // the sheet's priority-like name, in `PlanAssembly`) names; no priority is
    // made up for them.
    if let overall = p.overallRaw {
      p.priority?.overallStatus = StatusVocabulary.read(overall.text, legend: p.legend).status
    }
    if let vision = p.vision { p.priority?.vision = vision }
    return p
  }

  /// Places one cell; `false` when it says nothing the model holds.
  private static func place(_ raw: String, at: SourceLocation, into p: inout Preamble) -> Bool {
    let markup = MarkupText(raw)
    let paragraphs = markup.paragraphs
    guard let first = paragraphs.first else { return true }
    if p.priority == nil, let label = RefParser.area(first), !label.title.isEmpty || paragraphs.count > 1 {
      let rest = paragraphs.dropFirst().joined(separator: "\n")
      p.priority = Priority(
        id: label.id, rawLabel: label.rawLabel, title: label.title, description: rest.isEmpty ? nil : rest, source: at)
      return true
    }
    if p.vision == nil, let vision = afterLabel(markup.text, "vision") {
      p.vision = vision
      p.visionCell = RawCell(text: raw, source: at)
      return true
    }
    if let legend = LegendParser.parse(markup.text, scope: .overall, source: at) {
      p.legend += legend.entries
      return true
    }
    if raw.utf8.count <= 24 {
      let rating = StatusVocabulary.read(raw).status.rating
      if rating != .unknown, rating != .none {
        p.statusCells.append((raw, at))
        return true
      }
    }
    if p.title == nil, let type = planType(markup.text) {
      p.title = markup.text.collapsedParagraphs
      p.planType = type
      p.version = version(in: markup.text)
      return true
    }
    return false
  }

  /// A version label in a title: `(v22)`, `v4`, `Version 3` → `v22`, `v4`, `v3`.
  static func version(in text: String) -> String? {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," })
    for (i, word) in words.enumerated() {
      let lower = word.lowercased()
      if lower.count >= 2, lower.first == "v", lower.dropFirst().allSatisfy({ $0.isNumber || $0 == "." }),
        lower.dropFirst().first?.isNumber == true
      {
        return String(lower)
      }
      if lower == "version", i + 1 < words.count, words[i + 1].allSatisfy({ $0.isNumber || $0 == "." }) {
        return "v" + words[i + 1]
      }
    }
    return nil
  }

  /// The kind of plan a title names, if it names one.
  static func planType(_ text: String) -> PlanType? {
    guard text.utf8.count <= 200 else { return nil }
    let lower = text.asciiLowercased
    if lower.containsUTF8("accelerated progress plan") { return .app }
    if lower.containsUTF8("priority action plan") { return .pap }
    if lower.containsUTF8("written statement of action") || lower.containsUTF8("wsoa") { return .wsoa }
    if lower.containsUTF8("improvement plan") { return .improvementPlan }
    return nil
  }

  /// The text after `Vision…:` when the cell starts with the word.
  static func afterLabel(_ text: String, _ word: String) -> String? {
    guard text.hasASCIIPrefixIgnoringCase(word) else { return nil }
    if let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 40 {
      return String(text[text.index(after: colon)...]).collapsedParagraphs
    }
    return text
  }
}

/// Finds the as-at date among rows (a preamble, a cover sheet): a cell that
/// states it (`Position as at 30/09/2023`, `Updated: Sept 2023`), or an
/// as-at label (`Last reviewed`) with the date — text, a date cell or a
/// formula's cached value — in the next cell to its right or the cell below.
enum AsAtFinder {
  /// The date and the cells it was read from.
  static func find(_ rows: some Collection<Row>) -> (date: DateValue, cells: [CellAddress])? {
    var below: [Int: Row] = [:]
    for row in rows { below[row.number] = row }
    for row in rows {
      for (n, cell) in row.cells.enumerated() where !CellText.isBlank(cell.value) {
        let here = CellAddress(row: row.number, column: cell.column)
        switch AsAtText.read(MarkupText(CellText.of(cell.value)).text) {
        case .date(let date)?: return (date, [here])
        case .label?:
          if let next = row.cells[(n + 1)...].first(where: { !CellText.isBlank($0.value) }), let date = date(next.value) {
            return (date, [here, CellAddress(row: row.number, column: next.column)])
          }
          if let under = below[row.number + 1], let date = date(under.value(at: cell.column)) {
            return (date, [here, CellAddress(row: under.number, column: cell.column)])
          }
        case nil: continue
        }
      }
    }
    return nil
  }

  private static func date(_ value: CellValue) -> DateValue? {
    guard !CellText.isBlank(value), case .value(let date)? = DateText.parse(CellText.of(value)) else { return nil }
    return date
  }
}

extension [RawCell] {
  /// The cells in row, then column order (cells without a location first).
  var inCellOrder: [RawCell] {
    let origin = CellAddress(row: 0, column: 0)
    return sorted { ($0.source?.cell ?? origin) < ($1.source?.cell ?? origin) }
  }
}

extension String {
  /// Trimmed; spaces collapsed within each line; empty lines dropped.
  var collapsedParagraphs: String {
    split(separator: "\n").map { String($0).collapsedWhitespace }.filter { !$0.isEmpty }.joined(separator: "\n")
  }

}
