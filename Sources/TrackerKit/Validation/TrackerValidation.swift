public import Diagnostics
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
public import TrackerModel

/// The validate façade: reads a tracker, applies the council's config and
/// vocabulary, runs the rules, and returns one verdict per file. A file
/// that cannot be read gets a failed verdict; it never stops the others.
public enum TrackerValidation {
  /// Reads a file into a plan plus the recogniser's diagnostics, reading
  /// the table with the council's own words (`TrackerConfig.withWords`:
  /// `[headers]`, `[periods]`).
  public typealias Loader = @Sendable (_ path: String, _ config: TrackerConfig) throws -> Outcome<Plan>

  /// Validates each file in turn.
  public static func validate(files: [String], settings: ValidationSettings, loader: Loader) -> [FileValidation] {
    files.map { validate(file: $0, settings: settings, loader: loader) }
  }

  /// Validates one file.
  public static func validate(file: String, settings: ValidationSettings, loader: Loader) -> FileValidation {
    var verdict = FileValidation(file: file, strict: settings.strict ?? false)
    let config: TrackerConfig
    do {
      config = try loadConfig(for: file, settings: settings)
    } catch {
      verdict.failure = .badConfig(error.description)
      return verdict
    }
    verdict.configPath = config.path
    verdict.strict = settings.strict ?? config.strict ?? false
    // Standard input is no file; reading it says whether it is there.
    guard file == InputSource.standardInputName || FileManager.default.fileExists(atPath: file) else {
      verdict.failure = .missing("\(file): no such file")
      return verdict
    }
    let loaded: Outcome<Plan>
    do {
      // The config's header and period words change how the file is recognised.
      loaded = try loader(file, config)
    } catch {
      verdict.failure = isMissing(error) ? .missing(String(describing: error)) : .unreadable(String(describing: error))
      return verdict
    }
    let options = settings.options(with: config)
    let plan = PhaseTimer.measure("rules") {
      let (plan, recognised) = config.rereadStatuses(loaded)
      verdict.findings = Validator.validate(plan, options: options, after: recognised)
      verdict.reading = Validator.reading(of: plan, options: options).description
        + (config.vocabulary.isEmpty ? "" : "; council words from \(config.path ?? TrackerConfig.fileName)")
      return plan
    }
    verdict.plan = plan
    return verdict
  }

  /// The config for an input: `--config`, else `wsoa.toml` beside it or above it, else defaults.
  static func loadConfig(for file: String, settings: ValidationSettings) throws(ConfigError) -> TrackerConfig {
    try TrackerConfig.resolve(for: file, explicit: settings.configPath, discovers: settings.discoversConfig)
  }
}
