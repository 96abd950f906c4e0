import Diagnostics
import XLSXFormat

extension SheetRename {
  /// The `xlsx.sheet_renamed` finding for a sheet written under another
  /// name in the XLSX at `output` (a name Excel does not allow, or one that
  /// another sheet of the output already has, ignoring case).
  func finding(output: String) -> Diagnostic {
    Diagnostic(
      code: "xlsx.sheet_renamed", severity: .warning,
      message: "sheet \"\(requested)\" is written as \"\(written)\": \(reason)",
      location: SourceLocation(file: output))
  }
}
