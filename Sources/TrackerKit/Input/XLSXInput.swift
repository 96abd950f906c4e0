import Diagnostics
import Grid

// ============================================================================
// XLSX PLUG-IN POINT: the single place where XLSX input joins TrackerKit.
//
// The XLSX reader (Sources/XLSXFormat, `XLSXReader`) is merged separately. To
// wire it: stream the sheet chosen by `sheet` (all sheets when nil) into
// `consumer`, return the reader's diagnostics, and translate `XLSXError` into
// `InputError` (missing part / bad XML / over a limit → `.malformed` with the
// part and cell; unknown sheet → `.sheetNotFound` with the sheet names).
// Until then every XLSX input fails with exit status 65.
// ============================================================================

/// Reads XLSX workbooks for `GridReader`.
enum XLSXInput {
  /// Streams the selected sheet (or every sheet) of the workbook at `path`.
  ///
  /// - Returns: the reader's diagnostics.
  /// - Throws: `InputError`, or whatever `consumer` throws.
  static func stream(
    path: String, sheet: SheetSelector?, into consumer: inout some RowConsumer
  ) throws -> [Diagnostic] {
    throw InputError.unsupported(
      location: SourceLocation(file: path), reason: "XLSX reading is not available in this build")
  }
}
