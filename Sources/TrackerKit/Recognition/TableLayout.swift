import Diagnostics
import TrackerModel

/// Where a sheet's action table is and what each column means.
struct TableLayout {
  /// The header row (1-based).
  var headerRow: Int
  /// The row of period labels under a group header (seed row 6), if any.
  var periodRow: Int?
  /// Column of each mapped field.
  var fields: [HeaderField: Int] = [:] {
    didSet { columnByField = HeaderField.allCases.map { fields[$0] } }
  }
  /// `fields` by the field's position in `HeaderField.allCases`: every data
  /// cell is found through it, so without hashing.
  private var columnByField = [Int?](repeating: nil, count: HeaderField.allCases.count)
  /// Review periods in column order (duplicates excluded), with `column` set.
  var periods: [Period] = []
  /// Unmapped columns kept verbatim: column and header name.
  var extras: [(column: Int, name: String)] = []
  /// The key over the period columns (seed E5), if any.
  var periodLegend: [LegendEntry] = []
  /// The group label over the period columns (`Progress`), if any.
  var periodGroup: String?
  /// Status columns whose period heading could not be read: their cells
  /// stay in `extras`, and the plan keeps a `period` block for each so the
  /// rules know a period is missing (no cascade of findings from it).
  var unreadPeriods: [(label: String, source: SourceLocation)] = []
  /// A row above the header holding only the group label over the period
  /// columns (`RAG rating` merged over them), read as part of the header.
  var groupRow: Int?
  /// How many fields the header row has (for ragged-row reports).
  var headerWidth: Int = 0

  /// A layout with its header row and nothing mapped yet.
  init(headerRow: Int) { self.headerRow = headerRow }

  /// The first row of the header (the group row when there is one): the
  /// preamble ends above it.
  var firstRow: Int { groupRow ?? headerRow }

  /// The first data row.
  var dataStart: Int { (periodRow ?? headerRow) + 1 }

  /// The column a field sits in.
  func column(_ field: HeaderField) -> Int? { columnByField[field.position] }
}
