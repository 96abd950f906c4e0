import Diagnostics
import TrackerModel

/// Writes the cleaned tracker as XLSX (waiting for the XLSX writer).
enum PlanXLSXWriter {
  static func write(_ plan: Plan, findings: [Diagnostic], to path: String) throws {
    throw TrackerError.cannotWrite(file: path, reason: "XLSX output is not available in this build yet")
  }
}
