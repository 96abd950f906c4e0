/// One row of a sheet: its cells in ascending column order (sparse: empty
/// cells may be absent).
public struct Row: Hashable, Sendable {
  /// 1-based row number in the sheet.
  public var number: Int
  /// For CSV/TSV, the 1-based physical line on which the record starts.
  public var line: Int?
  /// Whether the row is hidden in the source.
  public var isHidden: Bool
  /// The cells, in strictly ascending column order.
  public var cells: [Cell]

  /// Creates a row.
  public init(number: Int, line: Int? = nil, isHidden: Bool = false, cells: [Cell] = []) {
    self.number = number
    self.line = line
    self.isHidden = isHidden
    self.cells = cells
  }

  /// Creates a dense row from values in columns 1, 2, 3, …
  public init(number: Int, line: Int? = nil, values: [CellValue]) {
    self.init(
      number: number, line: line,
      cells: values.enumerated().map { Cell(column: $0.offset + 1, value: $0.element) })
  }

  /// The value in a 1-based column (`.empty` when absent).
  public func value(at column: Int) -> CellValue {
    cell(at: column)?.value ?? .empty
  }

  /// The cell in a 1-based column, when the row has one: direct for dense
  /// rows, a binary search otherwise (never a scan of the row).
  public func cell(at column: Int) -> Cell? {
    index(ofColumn: column).map { cells[$0] }
  }

  /// The position in `cells` of the cell in a 1-based column, when the row
  /// has one: direct for dense rows, a binary search otherwise.
  public func index(ofColumn column: Int) -> Int? {
    if column - 1 < cells.count, column >= 1, cells[column - 1].column == column {
      return column - 1
    }
    var low = 0
    var high = cells.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let c = cells[mid].column
      if c == column { return mid }
      if c < column { low = mid + 1 } else { high = mid - 1 }
    }
    return nil
  }

  /// The last column holding a non-empty value, or 0.
  public var lastNonEmptyColumn: Int {
    cells.last(where: { !$0.value.isEmpty })?.column ?? 0
  }

  /// Values for columns 1...`width`, empty where absent.
  public func denseValues(width: Int) -> [CellValue] {
    var values = [CellValue](repeating: .empty, count: width)
    for cell in cells where cell.column <= width { values[cell.column - 1] = cell.value }
    return values
  }
}
