import Foundation
import TestSupport
import Testing

/// One `wsoa …` example from a code block in README.md or docs/*.md.
struct DocExample: Sendable, CustomStringConvertible {
  var file: String
  var line: Int
  /// The shell command, without a trailing `; echo $?`.
  var command: String
  /// The exit status the example documents: the number its block prints for
  /// `echo $?` (or `echo "exit $?"`), else 0.
  var status: Int32
  /// The folder it runs in, relative to the repository: set by a `$ cd DIR`
  /// line earlier in its block.
  var directory = ""

  var description: String { "\(file):\(line): \(command)" }

  /// The examples of one Markdown document, in order. Commands are `$ wsoa …`
  /// lines of any code block and `wsoa …` lines of `sh`, `bash` and `shell`
  /// blocks; a trailing `\` joins the next line. A block right after a line
  /// `<!-- not-run -->` is skipped (synopses, files not in the repository).
  static func parse(_ text: String, file: String) -> [DocExample] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var examples: [DocExample] = []
    var index = 0
    while index < lines.count {
      let fence = lines[index].trimmingCharacters(in: .whitespaces)
      guard fence.hasPrefix("```") else {
        index += 1
        continue
      }
      let language = fence.dropFirst(3).trimmingCharacters(in: .whitespaces)
      let skipped = lines[..<index].last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.contains("<!-- not-run -->") ?? false
      var end = index + 1
      while end < lines.count, !lines[end].trimmingCharacters(in: .whitespaces).hasPrefix("```") { end += 1 }
      if !skipped {
        examples += commands(Array(lines[(index + 1)..<min(end, lines.count)]), shell: ["sh", "bash", "shell"].contains(language),
          file: file, firstLine: index + 2)
      }
      index = end + 1
    }
    return examples
  }

  private static func commands(_ block: [String], shell: Bool, file: String, firstLine: Int) -> [DocExample] {
    var examples: [DocExample] = []
    var directory = ""
    var n = 0
    while n < block.count {
      let trimmed = block[n].trimmingCharacters(in: .whitespaces)
      var command: String
      if trimmed.hasPrefix("$ cd ") {
        directory = String(trimmed.dropFirst(5)).trimmingCharacters(in: .whitespaces)
        n += 1
        continue
      } else if trimmed.hasPrefix("$ wsoa ") {
        command = String(trimmed.dropFirst(2))
      } else if shell, trimmed.hasPrefix("wsoa ") {
        command = trimmed
      } else {
        n += 1
        continue
      }
      let line = firstLine + n
      while command.hasSuffix("\\"), n + 1 < block.count {
        n += 1
        command = String(command.dropLast()).trimmingCharacters(in: .whitespaces) + " "
          + block[n].trimmingCharacters(in: .whitespaces)
      }
      if shell, let hash = command.range(of: "  #") { command = String(command[..<hash.lowerBound]) }
      var status: Int32 = 0
      for suffix in ["; echo $?", "; echo \"exit $?\""] where command.hasSuffix(suffix) {
        command = String(command.dropLast(suffix.count))
        // The number printed before the next command is the documented status.
        var k = n + 1
        while k < block.count, !block[k].hasPrefix("$ ") {
          let out = block[k].trimmingCharacters(in: .whitespaces)
          let number = out.hasPrefix("exit ") ? String(out.dropFirst(5)) : out
          if let value = Int32(number) { status = value }
          k += 1
        }
      }
      examples.append(
        DocExample(file: file, line: line, command: command.trimmingCharacters(in: .whitespaces), status: status, directory: directory))
      n += 1
    }
    return examples
  }
}

@Suite("docs: every wsoa example in README.md and docs/*.md runs")
struct DocExamplesTests {
  static let documents: [String] = {
    let docs = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.repositoryRoot.appendingPathComponent("docs").path)) ?? []
    return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
  }()

  @Test func theParserFindsCommandsStatusesAndSkipsMarkedBlocks() {
    let text = """
      ```console
      $ wsoa validate a.tsv; echo $?
      a.tsv: 1 error
      1
      $ wsoa convert a.tsv \\
          -o b.json
      ```

      <!-- not-run -->
      ```sh
      wsoa convert missing.xlsx
      ```

      ```sh
      wsoa dump a.csv   # a comment
      ```

      ```
      wsoa read (stream)   0.06
      ```
      """
    let examples = DocExample.parse(text, file: "x.md")
    #expect(examples.map(\.command) == ["wsoa validate a.tsv", "wsoa convert a.tsv -o b.json", "wsoa dump a.csv"])
    #expect(examples.map(\.status) == [1, 0, 0])
    #expect(examples.map(\.line) == [2, 5, 15])
  }

  /// Mirrors the repository's `folder` under `dir`: real folders, each
  /// file a symbolic link, so an example's outputs (even after `cd
  /// fixtures/merge`) land in the scratch folder and never in the repository.
  static func linkTree(_ folder: String, into dir: URL) throws {
    let root = Fixtures.repositoryRoot.appendingPathComponent(folder)
    let manager = FileManager.default
    try manager.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
    for case let relative as String in manager.enumerator(atPath: root.path) ?? NSEnumerator() {
      let source = root.appendingPathComponent(relative)
      let target = dir.appendingPathComponent(folder).appendingPathComponent(relative)
      var isFolder: ObjCBool = false
      _ = manager.fileExists(atPath: source.path, isDirectory: &isFolder)
      if isFolder.boolValue {
        try manager.createDirectory(at: target, withIntermediateDirectories: true)
      } else {
        try manager.createSymbolicLink(at: target, withDestinationURL: source)
      }
    }
  }

  /// Runs a document's examples in order in one scratch folder that holds
  /// `samples/`, `fixtures/` and `schemas/` (`linkTree`), the built `wsoa` first on PATH.
  @Test(arguments: documents)
  func everyExampleRunsWithItsDocumentedStatus(_ document: String) throws {
    let text = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent(document), encoding: .utf8)
    let examples = DocExample.parse(text, file: document)
    guard !examples.isEmpty else { return }
    let dir = try Fixtures.scratchDirectory("doc-examples")
    for folder in ["samples", "fixtures", "schemas"] { try Self.linkTree(folder, into: dir) }
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = ProcessRunner.wsoaURL.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["NO_COLOR"] = "1"
    for example in examples {
      let result = try ProcessRunner.run(
        URL(fileURLWithPath: "/bin/sh"), ["-c", example.command], in: dir.appendingPathComponent(example.directory),
        environment: environment)
      #expect(result.status == example.status, "\(example): exit \(result.status)\n\(result.stderr.prefix(600))")
    }
  }
}
