public import Diagnostics
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
public import TrackerModel

extension TrackerConfig {
  /// Read options with the config's header words, and its mixed-status
  /// reading unless the command line chose one.
  public func loadOptions(_ options: LoadOptions, mixedStatusFromCommandLine: MixedStatusReading? = nil) -> LoadOptions {
    var options = withWords(options)
    if let reading = mixedStatusFromCommandLine ?? mixedStatusReading { options.mixedStatusReading = reading }
    return options
  }

  /// Read options with the council's own words: `[headers]` and `[periods]`.
  public func withWords(_ options: LoadOptions) -> LoadOptions {
    var options = options
    options.headerWords = headerWords
    options.periodWords = periodWords
    return options
  }

  /// The config's `[rules]` with the command line's `--disable` / `--severity` applied over them.
  public func policy(overriddenBy commandLine: FindingPolicy) -> FindingPolicy {
    var policy = self.policy
    for code in commandLine.disabled { policy.disable(code) }
    for (code, severity) in commandLine.severities { policy.regrade(code, to: severity) }
    return policy
  }

  /// A loaded tracker with the council's status words applied (`[statuses]`)
  /// and then `policy` (switched-off codes dropped, re-graded ones changed).
  public func applied(to loaded: Outcome<Plan>, policy: FindingPolicy) -> Outcome<Plan> {
    let (plan, diagnostics) = rereadStatuses(loaded)
    return Outcome(value: plan, diagnostics: policy.apply(to: diagnostics))
  }

  /// Applies the vocabulary: re-read statuses lose the recogniser's
  /// `status.unknown` / `status.normalised` and gain one `status.normalised`
  /// saying which word was read how.
  func rereadStatuses(_ loaded: Outcome<Plan>) -> (Plan, [Diagnostic]) {
    let (plan, changed) = vocabulary.apply(to: loaded.value)
    guard !changed.isEmpty else { return (loaded.value, loaded.diagnostics) }
    let cells = Set(changed.compactMap(\.cell))
    var diagnostics = loaded.diagnostics.filter {
      !(($0.code == "status.unknown" || $0.code == "status.normalised") && $0.location.map(cells.contains) == true)
    }
    let source = path.map { URL(fileURLWithPath: $0).lastPathComponent } ?? TrackerConfig.fileName
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
