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

  @Option(help: "text, json or markdown.")
  var format: RulesFormat = .text

  func run() throws { try Self.print(format) }

  /// Prints the catalogue on standard output.
  static func print(_ format: RulesFormat) throws {
    try ReportOutput.write(to: nil) { sink in
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
