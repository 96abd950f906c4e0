import DelimitedFormat
import Diagnostics
import Grid
import TestSupport

/// A sheet as plain strings ("" for empty cells) and the physical line of each row.
struct GridText: Equatable, CustomStringConvertible {
  var rows: [[String]]
  var lines: [Int?]

  init(_ sheet: Sheet) {
    rows = sheet.rows.map { row in row.cells.map { $0.value.displayText } }
    lines = sheet.rows.map(\.line)
  }

  init(rows: [[String]], lines: [Int]? = nil) {
    self.rows = rows
    self.lines = lines ?? rows.indices.map { $0 + 1 }
  }

  var description: String {
    zip(rows, lines).map { row, line in
      "\(line.map(String.init) ?? "-"): " + row.map { String(reflecting: $0) }.joined(separator: ", ")
    }.joined(separator: "\n")
  }
}

/// Reading fixtures under fixtures/csv.
enum CSVFixture {
  static func path(_ name: String) -> String { Fixtures.url("csv/" + name).path }

  static func read(_ name: String, options: DelimitedReadOptions = DelimitedReadOptions()) throws
    -> (grid: GridText, sheet: Sheet, report: DelimitedReadReport)
  {
    var builder = WorkbookBuilder()
    let report = try DelimitedReader(options: options).read(contentsOf: path(name), into: &builder)
    let sheet = builder.workbook.sheets[0]
    return (GridText(sheet), sheet, report)
  }

  /// The `DelimitedError` reading `path` throws, or nil.
  static func error(reading path: String, options: DelimitedReadOptions = DelimitedReadOptions()) -> DelimitedError? {
    do {
      _ = try DelimitedReader(options: options).readWorkbook(contentsOf: path)
      return nil
    } catch {
      return error
    }
  }
}
