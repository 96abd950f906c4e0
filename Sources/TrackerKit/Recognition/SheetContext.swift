import Diagnostics
import Grid
import TrackerModel

/// One sheet being recognised: its rows by number, and how to name its cells.
struct SheetContext {
  /// The sheet.
  private(set) var sheet: Sheet
  /// Whether the sheet came from CSV/TSV (locations then carry the line, no sheet).
  let isDelimited: Bool
  /// The workbook's cell styles (for fills).
  let styles: [CellStyle]
  /// CSV/TSV rows shorter than the widest record (row → field count).
  var shortRows: [Int: Int] = [:]
  /// Whether a large table may be read on several threads.
  var allowsThreads = true
  /// Whether numbers typed as text use a decimal comma where the text
  /// cannot tell (`RecogniserOptions.decimalComma`).
  var decimalComma = false
  /// The council's own header words (`[headers]` in `wsoa.toml`).
  var headerWords = HeaderWords()
  /// The council's own period words and labels (`[periods]` in `wsoa.toml`).
  var periodWords = PeriodWords()
  /// The file (as the user named it) and sheet every location in this
  /// sheet is in, interned once.
  let origin: SourceOrigin
  /// The sheet's cells merged over several rows.
  let merged: MergedCells

  init(file: String, sheet: Sheet, isDelimited: Bool, styles: [CellStyle], shortRows: [Int: Int] = [:]) {
    self.sheet = sheet
    self.isDelimited = isDelimited
    self.styles = styles
    self.shortRows = shortRows
    origin = SourceOrigin(file: file, sheet: isDelimited ? nil : sheet.name)
    merged = MergedCells(sheet)
  }

  /// Empties the cells of the rows at these indices of `sheet.rows` (each
  /// row keeps its number and line, which locations read), once they are
  /// read: with the sheet's only copy, their memory goes back as the plan
  /// is built.
  mutating func freeCells(_ indices: Range<Int>) {
    for i in indices { sheet.rows[i].cells = [] }
  }

  /// A row's own field count (CSV/TSV), before the reader padded it.
  func fieldCount(_ row: Row) -> Int { shortRows[row.number] ?? row.cells.last?.column ?? 0 }

  /// The location of a cell.
  func location(row: Int, column: Int) -> SourceLocation {
    let line = isDelimited ? sheet.row(row)?.line : nil
    return SourceLocation(origin: origin, cell: CellAddress(row: row, column: column), line: line)
  }

  /// The location of a cell in a row already at hand.
  func location(_ row: Row, column: Int) -> SourceLocation {
    SourceLocation(origin: origin, cell: CellAddress(row: row.number, column: column), line: isDelimited ? row.line : nil)
  }

  /// The location of the cell that holds a data cell's value: the cell
  /// itself, or the top-left cell of a range merged down over it.
  func valueLocation(_ row: Row, column: Int) -> SourceLocation {
    guard let anchor = merged.anchor(row: row.number, column: column) else { return location(row, column: column) }
    return location(row: anchor.row, column: anchor.column)
  }

  /// The fill colour of a cell, when it has one.
  func fill(_ cell: Cell) -> UInt32? {
    styles.indices.contains(cell.style) ? styles[cell.style].fillRGB : nil
  }

  /// The fill colour of the cell in a column, when it has one.
  func fill(_ row: Row, column: Int) -> UInt32? {
    row.cell(at: column).flatMap(fill)
  }
}

/// How a cell value reads as text in a tracker.
enum CellText {
  /// The text a person reads: text as is, numbers shortest, month-formatted
  /// dates as `Dec-19`, other dates as `dd/mm/yyyy`.
  static func of(_ value: CellValue) -> String {
    switch value {
    case .date(let d):
      switch d.display {
      case .month: return monthLabel(year: d.year, month: d.month)
      case .date: return dayLabel(year: d.year, month: d.month, day: d.day)
      case .dateTime, .time: return d.isoText
      }
    default: return value.displayText
    }
  }

  /// `Dec-19`.
  static func monthLabel(year: Int, month: Int) -> String {
    let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    let yy = year % 100
    return names[max(0, min(11, month - 1))] + "-" + (yy < 10 ? "0" : "") + String(yy)
  }

  /// `30/04/2021`.
  static func dayLabel(year: Int, month: Int, day: Int) -> String {
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return two(day) + "/" + two(month) + "/" + String(year)
  }

  /// Whether a value holds any text.
  static func isBlank(_ value: CellValue) -> Bool {
    switch value {
    case .empty: return true
    case .text(let s): return s.utf8.allSatisfy { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
    default: return false
    }
  }

  /// The period a header cell names: a text label, or a date cell shown as
  /// a month (or a day); `words` are the council's own (`[periods]`).
  static func periodLabel(_ value: CellValue, words: PeriodWords) -> PeriodLabel? {
    switch value {
    case .date(let d):
      switch d.display {
      case .month:
        let start = CivilDate(year: d.year, month: d.month, day: 1)
        let end = CivilDate(year: d.year, month: d.month, day: CivilDate.daysIn(month: d.month, year: d.year))
        return .period(kind: .month, start: start, end: end, id: PeriodLabel.id(kind: .month, start: start, end: end))
      case .date, .dateTime:
        let day = CivilDate(year: d.year, month: d.month, day: d.day)
        return .period(kind: .date, start: day, end: day, id: PeriodLabel.id(kind: .date, start: day, end: day))
      case .time: return nil
      }
    case .text(let s): return s.utf8.count <= 80 ? PeriodLabel.parse(s, words: words) : nil
    default: return nil
    }
  }
}
