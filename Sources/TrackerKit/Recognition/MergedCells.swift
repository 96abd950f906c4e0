import Diagnostics
import Grid

/// A sheet's merged cells that span several rows: Excel keeps the value in
/// the top-left cell and leaves the cells below it blank, yet a lead, due
/// date or status merged over two actions belongs to both. Data rows take
/// the value of the range they sit in (`filled`), and every value read from
/// a covered cell names the top-left cell that holds it (`anchor`).
struct MergedCells: Sendable {
  /// Covered cell (not the top-left one) → the range's top-left cell, by row.
  private var byRow: [Int: [(column: Int, anchor: CellAddress)]] = [:]

  /// Covered cells kept at most (a hostile merge over a million rows
  /// is cut to the rows the sheet has, then to this).
  static let limit = 1_000_000

  /// The vertical merged ranges of a sheet.
  init(_ sheet: Sheet) {
    let lastRow = sheet.lastRowNumber
    var count = 0
    for range in sheet.mergedRanges where range.end.row > range.start.row {
      let last = min(range.end.row, lastRow)
      guard last > range.start.row else { continue }
      for row in (range.start.row + 1)...last {
        for column in range.start.column...range.end.column {
          count += 1
          if count > Self.limit { return }
          byRow[row, default: []].append((column, range.start))
        }
      }
    }
  }

  /// Whether the sheet has no vertical merges.
  var isEmpty: Bool { byRow.isEmpty }

  /// The top-left cell of the range that covers a cell below its first row.
  func anchor(row: Int, column: Int) -> CellAddress? {
    guard !byRow.isEmpty, let covered = byRow[row] else { return nil }
    return covered.first { $0.column == column }?.anchor
  }

  /// The row with each blank covered cell (outside `skipping`) given the
  /// value of its range's top-left cell, in the range's first column; the
  /// row itself when nothing is merged over it.
  func filled(_ row: Row, in sheet: Sheet, skipping: Set<Int>) -> Row {
    guard !byRow.isEmpty, let covered = byRow[row.number] else { return row }
    var out = row
    var changed = false
    for (column, anchor) in covered where column == anchor.column && !skipping.contains(column) {
      guard CellText.isBlank(row.value(at: column)) else { continue }
      guard let source = sheet.row(anchor.row)?.cells.first(where: { $0.column == column }),
        !CellText.isBlank(source.value)
      else { continue }
      let cell = Cell(column: column, value: source.value, style: source.style)
      if let i = out.cells.firstIndex(where: { $0.column >= column }) {
        if out.cells[i].column == column { out.cells[i] = cell } else { out.cells.insert(cell, at: i) }
      } else {
        out.cells.append(cell)
      }
      changed = true
    }
    return changed ? out : row
  }
}
