import ArgumentParser
import TrackerKit
import TrackerModel

/// How every command that reads trackers finds its settings and governs
/// its findings: `--config`, `--no-config`, `--disable` and `--severity`
/// (`@OptionGroup` in convert, validate and merge). The same codes and
/// levels as `[rules]` in `wsoa.toml`; the command line wins.
struct ConfigOptions: ParsableArguments {
  @Option(help: "A config file for every input (default: wsoa.toml beside each input or in a folder above it).")
  var config: String? = nil

  @Flag(name: .customLong("no-config"), help: "Ignore wsoa.toml files beside and above the inputs.")
  var noConfig = false

  @Option(name: .customLong("disable"), help: ArgumentHelp("Switch a finding code off (repeatable; see `wsoa rules`).", valueName: "code"))
  var disabled: [String] = []

  @Option(
    name: .customLong("severity"),
    help: ArgumentHelp("Re-grade a code: CODE=error|warning|info|off (repeatable).", valueName: "code=level"))
  var regrades: [String] = []

  func validate() throws {
    if config != nil && noConfig { throw ValidationError("--config and --no-config cannot be used together.") }
    _ = try policy()
  }

  /// `--disable` and `--severity` as a policy.
  ///
  /// - Throws: `ValidationError` for a code `wsoa rules` does not list or a bad level.
  func policy() throws -> FindingPolicy {
    var policy = FindingPolicy()
    for code in disabled {
      guard RuleCatalogue.info(code) != nil else { throw ValidationError("--disable: unknown code \"\(code)\" (see `wsoa rules`).") }
      policy.disable(code)
    }
    for item in regrades {
      let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, RuleCatalogue.info(parts[0]) != nil else {
        throw ValidationError("--severity \"\(item)\": expected CODE=error|warning|info|off with a code `wsoa rules` lists.")
      }
      guard let level = RuleLevel(rawValue: parts[1]) else {
        throw ValidationError("--severity \"\(item)\": the level must be error, warning, info or off.")
      }
      level.apply(to: &policy, code: parts[0])
    }
    return policy
  }

  /// The choice as a value the commands carry.
  func choice() throws -> ConfigChoice {
    ConfigChoice(path: config, discovers: !noConfig, policy: try policy())
  }
}

/// Which config a command uses and the command line's policy over it.
struct ConfigChoice: Equatable {
  /// `--config`.
  var path: String? = nil
  /// Whether `wsoa.toml` is looked for beside and above the inputs (`--no-config` turns it off).
  var discovers = true
  /// `--disable` / `--severity`.
  var policy = FindingPolicy()

  /// The config for an input (`--config`, else the discovered `wsoa.toml`, else defaults).
  func config(for input: String) throws(ConfigError) -> TrackerConfig {
    try TrackerConfig.resolve(for: input, explicit: path, discovers: discovers)
  }
}
