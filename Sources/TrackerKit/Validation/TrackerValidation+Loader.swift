import Diagnostics
import TrackerModel

extension TrackerValidation {
  /// Reads a tracker through `TrackerLoader` (XLSX, CSV/TSV, `wsoa/1`
  /// JSON). A JSON document's stored findings are kept except those the
  /// rules recompute, so nothing is reported twice.
  public static let defaultLoader: Loader = { path in
    var outcome = try TrackerLoader.load(path)
    if TrackerFormat.from(path: path) == .json {
      outcome.diagnostics.removeAll { RuleCatalogue.info($0.code).map { $0.source != .recogniser } ?? false }
    }
    return outcome
  }

  /// Whether a loader error means the file does not exist.
  static func isMissing(_ error: any Error) -> Bool { TrackerLoader.isMissingInput(error) }
}
