import AtomicOutput
import Diagnostics
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import TrackerModel
import XLSXFormat

extension MergeRunner {
  /// Writes the merged tracker, atomically (or to standard output for `-`),
  /// through the tracker writers:
  ///
  /// - JSON: `wsoa/1` with provenance on every status, note and evidence
  ///   item, and the merge's diagnostics as findings.
  /// - CSV/TSV: one row per action, as `wsoa convert` writes it.
  /// - XLSX: the cleaned tracker with each conflicting status cell
  ///   highlighted (thick dark-red border, dark-red text), then a
  ///   "Merge log" sheet with one row per change or conflict (a master that
  ///   is itself a merged workbook has its earlier log replaced, so
  ///   re-merging gives the same bytes).
  ///
  /// - Returns: what writing found (`xlsx.sheet_renamed` for a sheet written under another name).
  /// - Throws: `MergeRunError.cannotWrite`.
  @discardableResult
  public static func write(_ run: Run, to path: String, format: MergeOutputFormat) throws(MergeRunError) -> [Diagnostic] {
    let plan = run.result.plan
    let findings = run.result.diagnostics
    do {
      switch format {
      case .json: return try TrackerWriter.write(plan, findings: findings, to: path, options: WriteOptions(format: .json))
      case .csv: return try TrackerWriter.write(plan, findings: findings, to: path, options: WriteOptions(format: .csv))
      case .tsv: return try TrackerWriter.write(plan, findings: findings, to: path, options: WriteOptions(format: .tsv))
      case .xlsx:
        guard path != "-" else { throw MergeRunError.cannotWrite(file: "<stdout>", reason: "XLSX is written to a file") }
        let conflicts = ConflictCells(run.result)
        let taken = Set(plan.unparsed.filter { $0.kind == "sheet" }.compactMap { $0.cells.first?.source?.sheet })
        let logName = MergeLogSheet.name(avoiding: taken)
        return try PlanXLSXWriter.write(
          plan, findings: findings, to: path,
          statusFormat: { writer in
            let highlight = writer.addFormat(MergeLogSheet.conflictCellFormat)
            return { action, period in conflicts.contains(action, period.id) ? highlight : nil }
          },
          extraSheets: { writer throws(XLSXWriteError) in try MergeLogSheet.write(run.result.log, named: logName, to: writer) })
      }
    } catch let error as MergeRunError {
      throw error
    } catch {
      throw .cannotWrite(file: path, reason: String(describing: error))
    }
  }

  /// Writes the `--report` JSON document atomically (or to standard output for `-`).
  ///
  /// - Throws: `MergeRunError.cannotWrite`.
  public static func writeReport(_ document: MergeReportDocument, to path: String) throws(MergeRunError) {
    do {
      let body: (ByteSink) throws -> Void = { sink in document.write(to: sink) }
      if path == "-" { try AtomicFile.writeStandardOutput(body) } else { try AtomicFile.write(to: path, body) }
    } catch {
      throw .cannotWrite(file: path, reason: String(describing: error))
    }
  }
}

/// The status cells in conflict, by action identity (key, priority, source
/// row) and period, for highlighting in the XLSX output.
struct ConflictCells {
  private struct Cell: Hashable {
    var key: String
    var priorityId: String?
    var source: SourceLocation?
    var periodId: String
  }

  private let cells: Set<Cell>

  init(_ result: MergeResult) {
    var cells: Set<Cell> = []
    for entry in result.log where entry.isConflict {
      guard let index = entry.actionIndex, result.plan.actions.indices.contains(index), let period = entry.periodId else { continue }
      let action = result.plan.actions[index]
      cells.insert(Cell(key: action.key, priorityId: action.priorityId, source: action.source, periodId: period))
    }
    self.cells = cells
  }

  /// Whether an action's status in a period is in conflict.
  func contains(_ action: Action, _ periodId: String) -> Bool {
    !cells.isEmpty && cells.contains(Cell(key: action.key, priorityId: action.priorityId, source: action.source, periodId: periodId))
  }
}
