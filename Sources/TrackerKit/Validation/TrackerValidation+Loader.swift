import Diagnostics
import TrackerModel

extension TrackerValidation {
  /// Reads a tracker through `TrackerLoader` (XLSX, CSV/TSV, `wsoa/1`
  /// JSON). A JSON document's stored findings are kept except those the
  /// rules recompute, so nothing is reported twice.
  public static let defaultLoader: Loader = { path in try load(path, options: LoadOptions()) }

  /// Reads a tracker as `defaultLoader` does, with load options (the
  /// config's header words).
  static func load(_ path: String, options: LoadOptions) throws -> Outcome<Plan> {
    var outcome = try TrackerLoader.load(path, options: options)
    if TrackerFormat.from(path: path) == .json {
      outcome.diagnostics.removeAll { RuleCatalogue.info($0.code).map { $0.source != .recogniser } ?? false }
    }
    return outcome
  }

  /// Whether a loader error means the file does not exist.
  static func isMissing(_ error: any Error) -> Bool { TrackerLoader.isMissingInput(error) }
}
