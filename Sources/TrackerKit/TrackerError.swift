/// Why a tracker could not be read or written at all (when a value can still
/// be produced, problems are diagnostics instead).
public enum TrackerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `--sheet` named a sheet the workbook does not have.
  case sheetNotFound(file: String, name: String, available: [String])
  /// The input's format could not be told from its name or content.
  case unknownFormat(file: String)
  /// A JSON input is not a `wsoa/1` document.
  case notWSOAJSON(file: String, reason: String)
  /// A value cannot be written to the output format (e.g. over Excel's cell limit).
  case cannotWrite(file: String, reason: String)
  /// The input does not exist.
  case fileNotFound(path: String)
  /// A value is longer than Excel's 32,767 characters (`output.cell_too_long`).
  case cellTooLong(file: String, sheet: String, cell: String, length: Int)

  /// A sentence naming the file and what went wrong.
  public var description: String {
    switch self {
    case .sheetNotFound(let file, let name, let available):
      "\(file): no sheet \"\(name)\"; the workbook has: " + available.map { "\"\($0)\"" }.joined(separator: ", ")
    case .unknownFormat(let file):
      "\(file): cannot tell the format from the name; use .xlsx, .csv, .tsv or .json (or --from)"
    case .notWSOAJSON(let file, let reason): "\(file): not a wsoa/1 JSON document: \(reason)"
    case .cannotWrite(let file, let reason): "\(file): \(reason)"
    case .fileNotFound(let path): "\(path): no such file"
    case .cellTooLong(let file, let sheet, let cell, let length):
      "\(file):\(sheet)!\(cell): error[output.cell_too_long]: the value has \(length) characters, over Excel's 32,767; "
        + "nothing was written. Fix: split the note."
    }
  }
}
