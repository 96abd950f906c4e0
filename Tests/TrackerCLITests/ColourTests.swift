import Foundation
import TestSupport
import Testing

@testable import TrackerCLI

/// Colour is decided in one place (`Colour`) and every command follows it:
/// `--color always|never`, and under `auto` a terminal only, never with
/// `NO_COLOR` set or `TERM=dumb`.
@Suite struct ColourTests {
  /// A run of each command that reaches the command and fails on a missing
  /// input, so its error line (or validate's report) has a word to colour.
  static let commands: [[String]] = [
    ["dump", "/nonexistent/wsoa-colour.csv"],
    ["convert", "/nonexistent/wsoa-colour.csv"],
    ["validate", "/nonexistent/wsoa-colour.csv"],
    ["merge", "/nonexistent/wsoa-colour.csv", "/nonexistent/wsoa-return.csv", "-o", "/nonexistent/out.json"],
    ["diff", "/nonexistent/wsoa-colour.csv", "/nonexistent/wsoa-later.csv"],
    ["report", "/nonexistent/wsoa-colour.csv"],
    ["rules", "-o", "/nonexistent/rules.txt"],
    ["config", "--show", "--config", "/nonexistent/wsoa.toml"],
  ]

  static let escape = "\u{1B}["

  @Test func theDecisionFollowsTheChoiceTheTerminalAndTheEnvironment() {
    let plain = ["TERM": "xterm-256color"]
    #expect(Colour.decide(.auto, isTerminal: true, environment: plain))
    #expect(!Colour.decide(.auto, isTerminal: false, environment: plain))
    #expect(!Colour.decide(.auto, isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": "1"]))
    #expect(Colour.decide(.auto, isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": ""]))
    #expect(!Colour.decide(.auto, isTerminal: true, environment: ["TERM": "dumb"]))
    #expect(Colour.decide(.always, isTerminal: false, environment: ["NO_COLOR": "1", "TERM": "dumb"]))
    #expect(!Colour.decide(.never, isTerminal: true, environment: plain))
  }

  @Test(arguments: commands)
  func colorAlwaysAndNeverAreHonoured(arguments: [String]) throws {
    let always = try ProcessRunner.wsoa(arguments + ["--color", "always"])
    #expect(always.status != 0)
    #expect((always.stdout + always.stderr).contains(Self.escape), "\(arguments)")
    let never = try ProcessRunner.wsoa(arguments + ["--color", "never"])
    #expect(never.status == always.status)
    #expect(!(never.stdout + never.stderr).contains(Self.escape), "\(arguments)")
    #expect(!never.stdout.isEmpty || !never.stderr.isEmpty)
  }

  @Test(arguments: commands)
  func autoDoesNotColourAPipe(arguments: [String]) throws {
    let result = try ProcessRunner.wsoa(arguments)
    #expect(!(result.stdout + result.stderr).contains(Self.escape))
  }

  /// Under a pseudo-terminal (util-linux `script`), `auto` colours unless
  /// `NO_COLOR` is set or `TERM` is `dumb`.
  @Test(.enabled(if: Self.hasScript), arguments: commands)
  func onATerminalNoColorAndDumbTerminalsAreHonoured(arguments: [String]) throws {
    let line = ([ProcessRunner.wsoaURL.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    func run(_ environment: [String: String]) throws -> String {
      var env = ProcessInfo.processInfo.environment
      env["NO_COLOR"] = nil
      env.merge(environment) { $1 }
      let result = try ProcessRunner.run(
        URL(fileURLWithPath: "/usr/bin/script"), ["-qec", line, "/dev/null"], environment: env)
      return result.stdout + result.stderr
    }
    let terminal = try run(["TERM": "xterm"])
    #expect(terminal.contains(Self.escape), "\(arguments): \(terminal)")
    let noColor = try run(["TERM": "xterm", "NO_COLOR": "1"])
    #expect(!noColor.contains(Self.escape) && noColor.contains("error"), "\(arguments): \(noColor)")
    let dumb = try run(["TERM": "dumb"])
    #expect(!dumb.contains(Self.escape) && dumb.contains("error"), "\(arguments): \(dumb)")
  }

  /// util-linux's `script`, which runs a command under a pseudo-terminal.
  static var hasScript: Bool {
    #if os(Linux)
      FileManager.default.isExecutableFile(atPath: "/usr/bin/script")
    #else
      false
    #endif
  }
}
