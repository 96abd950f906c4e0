public import ArgumentParser

/// The `wsoa` root command: reads, checks, merges and writes WSoA progress trackers.
public struct WSOACommand: ParsableCommand {
  /// The version `wsoa --version` prints.
  public static let version = "0.1.0"

  /// The command tree.
  public static let configuration = CommandConfiguration(
    commandName: "wsoa",
    abstract: "Read, check, merge and write SEND Written Statement of Action progress trackers.",
    discussion: """
      Inputs may be XLSX, CSV, TSV or JSON (wsoa/1). Data goes to standard output or -o;
      diagnostics go to standard error. Outputs are written atomically.

      \(ExitStatus.helpText)
      """,
    version: version,
    subcommands: [DumpCommand.self, ConvertCommand.self, MergeCommand.self]
  )

  /// Creates the command (ArgumentParser needs this).
  public init() {}
}

extension WSOACommand {
  /// Parses the process's arguments, runs the chosen command and exits with
  /// its status. The executable's `main.swift` calls only this.
  public static func runAsMain() {
    main()
  }
}
