import Diagnostics
import TrackerModel

extension TrackerValidation {
  /// Reads a tracker through `TrackerLoader` (XLSX, CSV/TSV, `wsoa/1`
  /// JSON), by content. A JSON document's stored findings are kept except
  /// those the rules recompute, so nothing is reported twice.
  public static let defaultLoader: Loader = loader()

  /// A loader with the command line's input options (`--from`,
  /// `--delimiter`); the name `InputSource.standardInputName` reads
  /// `standardInput`, when given.
  public static func loader(options: LoadOptions = LoadOptions(), standardInput: InputSource? = nil) -> Loader {
    { name, config in
      let options = config.withWords(options)
      let source =
        if let standardInput, name == standardInput.name { standardInput } else { InputSource.file(name) }
      var (format, outcome) = try TrackerLoader.loadDetected(source, options: options)
      if format == .trackerJSON {
        outcome.diagnostics.removeAll { RuleCatalogue.info($0.code).map { $0.source == .rule || $0.source == .writer } ?? false }
      }
      return outcome
    }
  }

  /// Whether a loader error means the file does not exist.
  static func isMissing(_ error: any Error) -> Bool { TrackerLoader.isMissingInput(error) }
}
