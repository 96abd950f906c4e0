public import ArgumentParser
import AtomicOutput
import TrackerKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `wsoa` root command: reads, checks, merges and writes WSoA progress trackers.
public struct WSOACommand: ParsableCommand {
  /// The version `wsoa --version` prints.
  public static let version = WSOAVersion.current

  /// The command tree.
  public static let configuration = CommandConfiguration(
    commandName: "wsoa",
    abstract: "Read, check, merge and write SEND Written Statement of Action progress trackers.",
    discussion: HelpText.reflow(
      """
      Inputs may be XLSX, CSV, TSV or wsoa/1 JSON (dump reads XLSX, CSV and TSV only).
      Data goes to standard output or -o; warnings and
      errors go to standard error. Outputs are written atomically: a temporary file beside
      the target, renamed into place, so a failed run never leaves a half-written file.

      \(ExitStatus.helpText)
      """),
    version: version,
    subcommands: [
      DumpCommand.self, ConvertCommand.self, ValidateCommand.self, MergeCommand.self, ReportCommand.self,
      DiffCommand.self,
      RulesCommand.self, ConfigCommand.self,
    ]
  )

  /// Creates the command (ArgumentParser needs this).
  public init() {}
}

extension WSOACommand {
  /// Parses the process's arguments, runs the chosen command and exits with
  /// its status. The executable's `main.swift` calls only this.
  public static func runAsMain() {
    // Ctrl-C or a kill removes a half-written output's temporary file, as an error does.
    TemporaryFiles.installSignalHandlers()
    #if canImport(Glibc)
      // The reader, recogniser, rules and writers allocate on worker threads, in
      // glibc's per-thread arenas, which trim their free top after a free and grow
      // it back a page range at a time: converting a 100,000-action tracker made
      // 32,000 mprotect calls and as many futex waits. A 64 MiB pad (an arena's
      // largest heap) keeps the top instead: 21 mprotect calls, about 8% less
      // CPU, the same peak RSS (docs/benchmarks.md, "Allocator").
      // glibc's <malloc.h> is not in Swift's Glibc module: mallopt is looked up
      // by name, and M_TOP_PAD is its value there (-2).
      typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
      if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
        _ = unsafeBitCast(symbol, to: MallOpt.self)(-2, 64 << 20)
      }
    #endif
    let status = run(arguments: Array(CommandLine.arguments.dropFirst()))
    #if canImport(Glibc)
      Glibc.exit(status)
    #else
      Darwin.exit(status)
    #endif
  }

  /// Parses `arguments`, runs the command, prints any error (see `Failure`,
  /// the one place errors map to exit statuses) and returns the exit status.
  public static func run(arguments: [String]) -> Int32 {
    // Each run starts from `--color auto` (tests run several in one process).
    Colour.choice = .auto
    if let problem = CommandSuggestion.problem(arguments) {
      StandardError.write(problem)
      return ExitStatus.usage.rawValue
    }
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
      return ExitStatus.success.rawValue
    } catch {
      let failure = Failure(error)
      if failure.isForStandardOutput {
        print(failure.message, terminator: "")
      } else {
        StandardError.write(failure.message)
      }
      return failure.status
    }
  }

  /// The exit status `wsoa` gives for `error` (see `Failure`).
  public static func exitStatus(for error: any Error) -> Int32 {
    Failure(error).status
  }
}
