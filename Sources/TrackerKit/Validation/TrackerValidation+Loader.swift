import DelimitedFormat
import Diagnostics
import Foundation
import TrackerModel

extension TrackerValidation {
  /// Reads a tracker by its extension: CSV/TSV/TXT through the delimited
  /// reader and the recogniser, `.json` as a `wsoa/1` document (its stored
  /// findings are dropped: validate recomputes them); other formats throw
  /// `TrackerValidationError.unsupportedFormat`.
  public static let defaultLoader: Loader = { path in
    switch URL(fileURLWithPath: path).pathExtension.lowercased() {
    case "csv", "tsv", "txt", "tab":
      let read = try DelimitedReader().readWorkbook(contentsOf: path)
      let recognised = try Recogniser.recognise(read.value, file: path, options: RecogniserOptions(isDelimited: true))
      return Outcome(value: recognised.value, diagnostics: read.diagnostics + recognised.diagnostics)
    case "json":
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      return Outcome(value: try PlanJSONReader.read(bytes, file: path).value, diagnostics: [])
    default:
      throw TrackerValidationError.unsupportedFormat(path: path)
    }
  }
}

/// Why the default loader could not read a file.
public enum TrackerValidationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// This build cannot read the file's format.
  case unsupportedFormat(path: String)

  /// The message.
  public var description: String {
    switch self {
    case .unsupportedFormat(let path): "\(path): this build reads .csv, .tsv and .json trackers"
    }
  }
}
