import ArgumentParser
import TrackerKit

/// `wsoa rules`: every finding code the tool can report, with its severity,
/// meaning and fix (`validate --list-rules` prints the same).
struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "List every finding code with its severity, meaning and fix.",
    discussion: HelpText.reflow(
      """
      Any code listed can be switched off (--disable CODE) or re-graded (--severity CODE=LEVEL) on convert, \
      validate and merge, or in wsoa.toml's [rules] table. --format markdown prints docs/rules.md.
      """)
  )

  @Option(help: ArgumentHelp("text, json (wsoa-rules/1) or markdown.", valueName: "text|json|markdown"))
  var format: RulesFormat = .text

  @Option(name: [.short, .customLong("output")], help: "Write the list to a file instead of standard output (-).")
  var output: String? = nil

  /// `-q`, `-v` and `--color`, accepted as on every command (the list has no findings to quieten or colour).
  @OptionGroup var verbosity: VerbosityOptions

  func run() throws {
    verbosity.apply()
    try Self.print(format, to: output)
  }

  /// Prints the catalogue on standard output (or `output`).
  static func print(_ format: RulesFormat, to output: String? = nil) throws {
    try ReportOutput.write(to: output) { sink in
      switch format {
      case .text: sink.write(RuleCatalogueDocument.text())
      case .markdown: sink.write(RuleCatalogueDocument.markdown())
      case .json: RuleCatalogueDocument.json(tool: "wsoa \(WSOACommand.version)", to: sink)
      }
    }
  }
}

/// `wsoa rules --format`.
enum RulesFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, markdown
}
