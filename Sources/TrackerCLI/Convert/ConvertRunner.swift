import Diagnostics
import TrackerKit
import TrackerModel

/// Runs the conversions one by one: a failing input is reported and the
/// others still convert. Findings go to standard error as
/// `file:Sheet!B7: warning[code]: message`, then the fix.
struct ConvertRunner {
  let load: LoadOptions
  let write: WriteOptions
  let quiet: Bool
  let summary: Bool
  /// Standard input, read already, for the input `-`.
  let standardInput: InputSource?
  private var worst: ExitStatus = .success

  init(load: LoadOptions, write: WriteOptions, quiet: Bool, summary: Bool = false, standardInput: InputSource? = nil) {
    self.load = load
    self.write = write
    self.quiet = quiet
    self.summary = summary
    self.standardInput = standardInput
  }

  /// Converts every item; returns the exit status (missing input 66 beats
  /// unreadable 65 beats unwritable 73 beats error findings 1).
  mutating func run(_ plan: ConvertPlan) -> ExitStatus {
    let progress = plan.items.count > 1 && FileProbe.isTerminal(2)
    if let folder = plan.items.first?.output.map(Self.folder), plan.items.count > 1 {
      FileProbe.makeDirectories(folder)
    }
    for (n, item) in plan.items.enumerated() {
      if progress { Self.stderr("\r\u{1B}[K[\(n + 1)/\(plan.items.count)] \(item.input)") }
      convert(item, clearingProgress: progress)
    }
    if progress { Self.stderr("\r\u{1B}[K") }
    return worst
  }

  private mutating func convert(_ item: ConvertPlan.Item, clearingProgress: Bool) {
    let source =
      item.input == InputOptions.standardInputArgument ? standardInput ?? .file(item.input) : .file(item.input)
    let outcome: Outcome<Plan>
    let format: InputFormat
    do {
      // The council's header words in wsoa.toml beside the input read the
      // table as `validate` reads it.
      var options = load
      if case .file(let path) = source.content, let config = ValidationConfig.discover(besideInput: path) {
        options.headerWords = try ValidationConfig.load(path: config).headerWords
      }
      (format, outcome) = try TrackerLoader.loadDetected(source, options: options)
    } catch {
      if clearingProgress { Self.stderr("\r\u{1B}[K") }
      Self.stderr("\(item.input): \(Self.errorLabel): \(error)\n")
      raise(Self.status(for: error))
      return
    }
    // A wsoa/1 document carries the findings made when it was written; they are kept, not repeated.
    let lines = format == .trackerJSON ? "" : FindingLines.render(outcome.diagnostics, quiet: quiet, colour: Colour.onStandardError)
    if !lines.isEmpty {
      if clearingProgress { Self.stderr("\r\u{1B}[K") }
      Self.stderr(lines)
    }
    do {
      try PhaseTimer.measure("write") {
        try TrackerWriter.write(outcome.value, findings: outcome.diagnostics, to: item.output, options: write)
      }
    } catch {
      Self.stderr("\(item.output ?? "<stdout>"): \(Self.errorLabel): \(error)\n")
      raise(error is TrackerError ? .dataError : .cannotCreate)
      return
    }
    if summary {
      Self.stderr(ConvertSummary.render(outcome.value, findings: outcome.diagnostics, input: source.name, output: item.output))
    }
    if outcome.diagnostics.contains(where: { $0.severity == .error }) { raise(.findings) }
    // Freeing a 100,000-action plan costs a fifth of a second the process
    // is about to get back for free at exit: keep the last one.
    ConvertRunner.lastPlan.value = outcome.value
  }

  private mutating func raise(_ status: ExitStatus) {
    let order: [ExitStatus] = [.noInput, .dataError, .cannotCreate, .findings, .success]
    if (order.firstIndex(of: status) ?? 4) < (order.firstIndex(of: worst) ?? 4) { worst = status }
  }

  /// Holds the last converted plan until the process exits (see `convert`).
  final class Holder: @unchecked Sendable { var value: Plan? }
  static let lastPlan = Holder()

  /// `error`, coloured when standard error takes colour.
  static var errorLabel: String { Colour.paint("error", .red, enabled: Colour.onStandardError) }

  static func status(for error: any Error) -> ExitStatus {
    TrackerLoader.isMissingInput(error) ? .noInput : .dataError
  }

  static func folder(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return String(path[..<slash])
  }

  static func stderr(_ text: String) {
    FileProbe.writeStandardError(text)
  }
}
