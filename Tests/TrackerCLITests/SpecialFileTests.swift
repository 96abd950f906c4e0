import Foundation
import TestSupport
import Testing

/// The binary with outputs and inputs that are not regular files: /dev/null
/// and FIFOs receive the output and stay what they were, a symbolic link is
/// followed and kept, and an input that is not a regular file is refused
/// (exit 65) instead of blocking or being read forever.
@Suite struct SpecialFileTests {
  let tsv = Fixtures.sample("staffordshire-priority-2.tsv").path
  let xlsx = Fixtures.sample("staffordshire-priority-2.xlsx").path

  func kind(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
  }

  @Test func devNullReceivesEveryCommandsOutputAndStaysADevice() throws {
    let runs: [[String]] = [
      ["convert", tsv, "-o", "/dev/null", "-q"],
      ["convert", tsv, "-o", "/dev/null", "--to", "xlsx", "-q"],
      ["validate", tsv, "--as-of", "2022-01-31", "--no-config", "-o", "/dev/null"],
      ["merge", tsv, xlsx, "-o", "/dev/null", "--to", "json", "--quiet"],
      ["merge", tsv, xlsx, "-o", "/dev/null", "--to", "xlsx", "--report", "-", "--quiet"],
      ["merge", tsv, xlsx, "-o", "-", "--report", "/dev/null", "--quiet"],
      ["dump", tsv, "-o", "/dev/null"],
      ["dump", xlsx, "-o", "/dev/null", "--to", "xlsx"],
    ]
    for arguments in runs {
      let result = try ProcessRunner.wsoa(arguments)
      #expect(result.status == 0 || result.status == 1, "\(arguments): \(result.stderr)")
      #expect(!result.stderr.contains("cannot"), "\(arguments): \(result.stderr)")
      #expect(kind("/dev/null") == S_IFCHR, "\(arguments)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: "/dev").filter { $0.hasPrefix(".null.") }.isEmpty)
  }

  /// Runs `arguments` with `{}` replaced by a FIFO a thread reads; returns what it read.
  func throughFIFO(_ arguments: [String], name: String) throws -> (status: Int32, bytes: Data) {
    let dir = try Fixtures.scratchDirectory("special-files")
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent(name).path
    #expect(mkfifo(fifo, 0o600) == 0)
    nonisolated(unsafe) var received = Data()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      if let handle = FileHandle(forReadingAtPath: fifo) { received = ProcessRunner.readToEnd(handle) }
      done.signal()
    }
    let result = try ProcessRunner.wsoa(arguments.map { $0 == "{}" ? fifo : $0 })
    if done.wait(timeout: .now() + 120) == .timedOut {
      Issue.record("\(arguments): the reader never saw the end of the output")
      let release = open(fifo, O_WRONLY | O_NONBLOCK)
      if release >= 0 { close(release) }
      done.wait()
    }
    #expect(kind(fifo) == S_IFIFO, "\(arguments)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [name], "\(arguments)")
    return (result.status, received)
  }

  @Test func aFIFOReceivesTheSameBytesAsAFile() throws {
    let dir = try Fixtures.scratchDirectory("special-files")
    defer { try? FileManager.default.removeItem(at: dir) }
    for (arguments, name) in [
      (["convert", tsv, "-q", "-o"], "out.json"), (["convert", tsv, "-q", "--to", "xlsx", "-o"], "out.xlsx"),
      (["dump", tsv, "-o"], "out.csv"),
    ] {
      let file = dir.appendingPathComponent(name).path
      #expect(try ProcessRunner.wsoa(arguments + [file]).status == 0)
      let streamed = try throughFIFO(arguments + ["{}"], name: name)
      #expect(streamed.status == 0, "\(arguments)")
      #expect(streamed.bytes == (try Data(contentsOf: URL(fileURLWithPath: file))), "\(arguments)")
    }
  }

  @Test func aSymbolicLinkOutputIsFollowedAndKept() throws {
    let dir = try Fixtures.scratchDirectory("special-files")
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("old".utf8).write(to: dir.appendingPathComponent("real.json"))
    #expect(symlink("real.json", dir.appendingPathComponent("latest.json").path) == 0)
    let result = try ProcessRunner.wsoa(["convert", tsv, "-q", "-o", "latest.json"], in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(kind(dir.appendingPathComponent("latest.json").path) == S_IFLNK)
    #expect(try Data(contentsOf: dir.appendingPathComponent("real.json")).count > 1000)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["latest.json", "real.json"])
  }

  /// Runs `wsoa arguments`, ending it (and recording an issue) if it has not ended within two minutes.
  func runBounded(_ arguments: [String], in dir: URL) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = ProcessRunner.wsoaURL
    process.arguments = arguments
    process.currentDirectoryURL = dir
    // Both streams into one pipe (validate reports on standard output); the messages are short.
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let deadline = Date().addingTimeInterval(120)
    while process.isRunning, Date() < deadline { usleep(10_000) }
    if process.isRunning {
      Issue.record("\(arguments) did not end")
      process.terminate()
    }
    process.waitUntilExit()
    try output.fileHandleForWriting.close()
    return (process.terminationStatus, String(decoding: ProcessRunner.readToEnd(output.fileHandleForReading), as: UTF8.self))
  }

  @Test func anInputThatIsNotARegularFileIsRefusedByEveryCommand() throws {
    let dir = try Fixtures.scratchDirectory("special-files")
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(mkfifo(dir.appendingPathComponent("fifo.xlsx").path, 0o600) == 0)
    #expect(symlink("/dev/zero", dir.appendingPathComponent("zero.json").path) == 0)
    #expect(symlink("/dev/zero", dir.appendingPathComponent("zero.xlsx").path) == 0)
    for input in ["fifo.xlsx", "zero.json", "zero.xlsx"] {
      for arguments in [
        ["convert", input, "-o", "out.json"], ["validate", input, "--no-config"],
        ["merge", input, tsv, "-o", "out.json"], ["merge", tsv, input, "-o", "out.json"], ["dump", input],
      ] {
        let result = try runBounded(arguments, in: dir)
        #expect(result.status == 65, "\(arguments): \(result.output)")
        #expect(result.output.contains(input) && result.output.contains("is not a regular file"), "\(arguments): \(result.output)")
      }
    }
  }
}
