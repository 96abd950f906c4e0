public import Diagnostics
public import TrackerModel

/// What the caller (the CLI) asks of a validation run; a config file beside
/// (or above) each input fills in what is not given here.
public struct ValidationSettings: Sendable {
  /// `--as-of`: the date overdue actions and future notes are judged against.
  public var asOf: CivilDate?
  /// The real calendar day (injected so tests are deterministic).
  public var today: CivilDate
  /// `--config`: one config for every input; `nil` looks for `wsoa.toml` beside each.
  public var configPath: String?
  /// Whether to look for `wsoa.toml` beside the inputs at all.
  public var discoversConfig: Bool
  /// `--mixed-status`.
  public var mixedStatusReading: MixedStatusReading?
  /// `--strict` (when given, it wins over the config's `strict`).
  public var strict: Bool?
  /// `--disable` / `--severity` from the command line, applied after the config's.
  public var policy: FindingPolicy

  /// Creates settings.
  public init(
    asOf: CivilDate? = nil, today: CivilDate, configPath: String? = nil, discoversConfig: Bool = true,
    mixedStatusReading: MixedStatusReading? = nil, strict: Bool? = nil, policy: FindingPolicy = FindingPolicy()
  ) {
    self.asOf = asOf
    self.today = today
    self.configPath = configPath
    self.discoversConfig = discoversConfig
    self.mixedStatusReading = mixedStatusReading
    self.strict = strict
    self.policy = policy
  }

  /// The rule options for a config: command-line values win.
  func options(with config: TrackerConfig) -> ValidationOptions {
    let policy = config.policy(overriddenBy: self.policy)
    var options = ValidationOptions(
      asOf: asOf ?? config.asOf, today: today, mixedStatusReading: mixedStatusReading ?? config.mixedStatusReading,
      policy: policy)
    if let months = config.periodGapMonths { options.periodGapMonths = months }
    if let periods = config.stalledPeriods { options.stalledPeriods = periods }
    return options
  }
}

/// The verdict on one input file.
public struct FileValidation: Sendable {
  /// Why a file could not be checked.
  public enum Failure: Sendable, Equatable {
    /// The file does not exist.
    case missing(String)
    /// The file could not be read as a tracker.
    case unreadable(String)
    /// Its config file is wrong.
    case badConfig(String)

    /// The message.
    public var message: String {
      switch self {
      case .missing(let text), .unreadable(let text), .badConfig(let text): text
      }
    }
  }

  /// The file as named.
  public var file: String
  /// Every finding, recogniser and rules, policy applied, sorted by location.
  public var findings: [Diagnostic]
  /// Which status reading was used (legend, mixed codes), when checked.
  public var reading: String?
  /// The config file used, if any.
  public var configPath: String?
  /// Whether warnings fail this file.
  public var strict: Bool
  /// Set when the file could not be checked.
  public var failure: Failure?
  /// The plan (for `--annotate`), when the file was read.
  public var plan: Plan?

  /// Creates a verdict.
  public init(
    file: String, findings: [Diagnostic] = [], reading: String? = nil, configPath: String? = nil,
    strict: Bool = false, failure: Failure? = nil, plan: Plan? = nil
  ) {
    self.file = file
    self.findings = findings
    self.reading = reading
    self.configPath = configPath
    self.strict = strict
    self.failure = failure
    self.plan = plan
  }

  /// Findings of a severity.
  public func count(_ severity: Severity) -> Int {
    // Read in place: a closure over the elements would copy (retain) every finding.
    var count = 0
    for index in findings.indices where findings[index].severity == severity { count += 1 }
    return count
  }

  /// Whether the file passes: read, no errors, and no warnings when strict.
  public var passes: Bool {
    failure == nil && count(.error) == 0 && !(strict && count(.warning) > 0)
  }
}
