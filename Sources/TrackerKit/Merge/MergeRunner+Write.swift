import AtomicOutput
import Diagnostics
import Foundation
import TrackerModel

extension MergeRunner {
  /// Writes the merged tracker, atomically (or to standard output for `-`).
  ///
  /// - JSON: `wsoa/1` with provenance on every status, note and evidence
  ///   item, the merge's diagnostics as findings.
  /// - Throws: `MergeRunError.cannotWrite`.
  public static func write(_ run: Run, to path: String, format: MergeOutputFormat) throws(MergeRunError) {
    do {
      switch format {
      case .json:
        try emit(to: path) { sink in
          PlanJSONWriter.write(run.result.plan, findings: run.result.diagnostics, to: sink)
        }
      case .csv, .tsv, .xlsx:
        throw MergeRunError.cannotWrite(file: path, reason: "this build cannot write \(format.rawValue) trackers yet")
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
      let data = try document.encoded()
      try emit(to: path) { sink in data.withUnsafeBytes { sink.write($0) } }
    } catch {
      throw .cannotWrite(file: path, reason: String(describing: error))
    }
  }

  private static func emit(to path: String, _ body: (ByteSink) throws -> Void) throws {
    if path == "-" {
      try AtomicFile.writeStandardOutput(body)
    } else {
      try AtomicFile.write(to: path, body)
    }
  }
}
