import Foundation
import Testing
import TestSupport

/// Helpers for the writer tests: run `../shared/ooxml/check-xlsx` on every
/// file written, and read parts back with `unzip`.
enum WriterTestSupport {
  /// A fresh scratch folder.
  static func scratch() throws -> URL { try Fixtures.scratchDirectory("wsoa-xlsx-write") }

  /// Runs check-xlsx on the files; records a test issue with its output when
  /// any fails. Returns the checker's output.
  @discardableResult
  static func expectValid(_ files: [URL], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let checker = Fixtures.shared.appendingPathComponent("ooxml/check-xlsx")
    let result = try ProcessRunner.run(
      URL(fileURLWithPath: "/bin/bash"), [checker.path] + files.map(\.path))
    #expect(
      result.status == 0, "check-xlsx failed:\n\(result.stdout)\(result.stderr)", sourceLocation: sourceLocation)
    return result.stdout + result.stderr
  }

  /// The entry names of a zip, in archive order.
  static func entryNames(_ file: URL) throws -> [String] {
    let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/unzip"), ["-Z1", file.path])
    return result.stdout.split(separator: "\n").map(String.init)
  }

  /// One part's bytes as text.
  static func part(_ file: URL, _ name: String) throws -> String {
    let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/unzip"), ["-p", file.path, name])
    return result.stdout
  }
}
