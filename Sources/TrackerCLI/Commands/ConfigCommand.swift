import ArgumentParser
import TrackerKit

/// `wsoa config --show`: the configuration convert, validate and merge would
/// use for an input, every value with where it came from.
struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Show the effective configuration (wsoa.toml and defaults) and where each value comes from.",
    discussion: HelpText.reflow(
      """
      The configuration is --config FILE, else wsoa.toml beside the input or in the nearest folder above it \
      (the search stops at the repository root or your home folder), else the defaults. Every key is in \
      docs/configuration.md. Exit codes: 0 shown; 65 the config file is wrong; 64 usage.
      """)
  )

  @Flag(help: "Print the merged effective configuration.")
  var show = false

  @Argument(help: "An input tracker or folder to find wsoa.toml from (default: the current folder).")
  var input: String = "."

  @Option(help: "A config file (instead of looking for wsoa.toml).")
  var config: String? = nil

  @Option(name: [.short, .customLong("output")], help: "Write the configuration to a file instead of standard output (-).")
  var output: String? = nil

  /// `-q`, `-v`, `--color`, and `--format`: text (TOML with the origin of each
  /// value as a comment) or json (`wsoa-config/1`).
  @OptionGroup var reporting: ReportingOptions

  func validate() throws {
    if !show { throw ValidationError("Say what to do: --show.") }
  }

  func run() throws {
    reporting.apply()
    let effective: TrackerConfig
    do {
      effective = try TrackerConfig.resolve(for: input, explicit: config)
    } catch {
      StandardError.write(Failure.line(location: nil, "\(error)") + "\n")
      throw ExitCode(ExitStatus.dataError.rawValue)
    }
    try ReportOutput.write(to: output) { sink in
      switch reporting.format {
      case .text: sink.write(effective.showText())
      case .json: effective.showJSON(tool: "wsoa \(WSOACommand.version)", to: sink)
      }
    }
  }
}
