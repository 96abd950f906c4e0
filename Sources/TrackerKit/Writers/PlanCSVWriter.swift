public import AtomicOutput
import DelimitedFormat
import Grid
public import TrackerModel

/// The two CSV shapes of a plan.
public enum CSVShape: String, Sendable, CaseIterable {
  /// One row per action, one column per period (the tracker's own layout).
  case wide
  /// One row per action and period, for pivot tables and dashboards.
  case long
}

/// Writes a plan as CSV (RFC 4180, UTF-8, formula guard on).
///
/// - `wide`: the tracker's own table (`ActionTable`): Priority, Focus Area,
///   Ref, Action, Lead, …, one column per period with the status code,
///   Progress notes as dated lines, Evidence as numbered lines, every extra
///   column. The recogniser reads it back.
/// - `long`: `LongCSV.header`, one row per action × period, with the status's
///   normalised rating, towards, completion, effective rating and rank, and
///   the notes dated in that period's window. `LongCSVReader` reads it back.
public enum PlanCSVWriter {
  /// Writes a plan to a sink.
  ///
  /// - Parameters:
  ///   - plan: the plan.
  ///   - shape: wide or long.
  ///   - sink: where the bytes go.
  ///   - delimiter: comma (default) or tab.
  ///   - byteOrderMark: start with a UTF-8 BOM so Excel opens it as UTF-8.
  public static func write(
    _ plan: Plan, shape: CSVShape, to sink: ByteSink, tab: Bool = false, byteOrderMark: Bool = false
  ) {
    var options = DelimitedWriteOptions()
    options.delimiter = tab ? .tab : .comma
    options.writesByteOrderMark = byteOrderMark
    var writer = DelimitedWriter(sink: sink, options: options)
    writer.beginSheet(Sheet(name: plan.id))
    switch shape {
    case .wide:
      let table = ActionTable(plan: plan)
      writer.consume(textRow(1, table.headers))
      for (i, action) in plan.actions.enumerated() { writer.consume(textRow(i + 2, table.values(action))) }
    case .long:
      writer.consume(textRow(1, LongCSV.header))
      var number = 2
      LongCSV.rows(plan) { values in
        writer.consume(textRow(number, values))
        number += 1
      }
    }
    writer.endSheet(Sheet(name: plan.id))
  }

  static func textRow(_ number: Int, _ values: [String]) -> Row {
    Row(number: number, values: values.map { $0.isEmpty ? .empty : .text($0) })
  }
}
