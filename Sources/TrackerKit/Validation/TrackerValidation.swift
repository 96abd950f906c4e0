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
  /// the table's headers with the council's own words (`[headers]`).
  public typealias Loader = @Sendable (_ path: String, _ headerWords: HeaderWords) throws -> Outcome<Plan>

  /// Validates each file in turn.
  public static func validate(files: [String], settings: ValidationSettings, loader: Loader) -> [FileValidation] {
    files.map { validate(file: $0, settings: settings, loader: loader) }
  }

  /// Validates one file.
  public static func validate(file: String, settings: ValidationSettings, loader: Loader) -> FileValidation {
    var verdict = FileValidation(file: file, strict: settings.strict ?? false)
    let config: ValidationConfig
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
      // The config's header words change how the file is recognised.
      loaded = try loader(file, config.headerWords)
    } catch {
      verdict.failure = isMissing(error) ? .missing(String(describing: error)) : .unreadable(String(describing: error))
      return verdict
    }
    let options = settings.options(with: config)
    let plan = PhaseTimer.measure("rules") {
      let (plan, recognised) = reread(loaded, with: config)
      let rules = Validator.validate(plan, options: options)
      verdict.findings = FindingOrder.sorted(options.policy.apply(to: recognised) + rules)
      verdict.reading = Validator.reading(of: plan, options: options).description
        + (config.vocabulary.isEmpty ? "" : "; council words from \(config.path ?? ValidationConfig.fileName)")
      return plan
    }
    verdict.plan = plan
    return verdict
  }

  /// The config for an input: `--config`, else `wsoa.toml` beside it, else defaults.
  static func loadConfig(for file: String, settings: ValidationSettings) throws(ConfigError) -> ValidationConfig {
    if let path = settings.configPath { return try ValidationConfig.load(path: path) }
    if settings.discoversConfig, let path = ValidationConfig.discover(besideInput: file) {
      return try ValidationConfig.load(path: path)
    }
    return ValidationConfig()
  }

  /// Applies the config's vocabulary: re-read statuses lose the
  /// recogniser's `status.unknown` / `status.normalised` and gain one
  /// `status.normalised` saying which word was read how.
  static func reread(_ loaded: Outcome<Plan>, with config: ValidationConfig) -> (Plan, [Diagnostic]) {
    let (plan, changed) = config.vocabulary.apply(to: loaded.value)
    guard !changed.isEmpty else { return (loaded.value, loaded.diagnostics) }
    let cells = Set(changed.compactMap(\.cell))
    var diagnostics = loaded.diagnostics.filter {
      !(($0.code == "status.unknown" || $0.code == "status.normalised") && $0.location.map(cells.contains) == true)
    }
    let source = config.path.map { URL(fileURLWithPath: $0).lastPathComponent } ?? ValidationConfig.fileName
    for change in changed {
      let completion = change.meaning.completion.map { ", \($0.rawValue)" } ?? ""
      diagnostics.append(
        Diagnostic(
          code: "status.normalised", severity: .info,
          message: "\"\(change.raw)\" read as \(LegendReading.name(change.meaning.rating))\(completion) (council word from \(source))",
          location: change.cell))
    }
    return (plan, diagnostics)
  }
}

