public import Foundation

/// Runs the built `wsoa` binary (or any program) and captures its output.
public enum ProcessRunner {
  /// What a finished process left behind.
  public struct Result: Sendable {
    /// The exit status.
    public var status: Int32
    /// Standard output as UTF-8.
    public var stdout: String
    /// Standard error as UTF-8.
    public var stderr: String
    /// Standard output's bytes.
    public var stdoutData: Data
  }

  /// The `wsoa` executable SwiftPM built next to the test bundle.
  public static var wsoaURL: URL {
    var dir = Bundle.main.bundleURL
    // Under `swift test` on Linux the bundle is the build folder itself; on
    // macOS it is an .xctest bundle inside it.
    if dir.pathExtension == "xctest" { dir = dir.deletingLastPathComponent() }
    return dir.appendingPathComponent("wsoa")
  }

  /// Runs `wsoa` with arguments.
  public static func wsoa(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil) throws -> Result {
    try run(wsoaURL, arguments, stdin: stdin, in: directory)
  }

  /// Runs a program with arguments, waiting for it to end.
  public static func run(_ executable: URL, _ arguments: [String], stdin: Data? = nil, in directory: URL? = nil, environment: [String: String]? = nil) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    // Read both pipes concurrently so a chatty child cannot block.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errData = readToEnd(err.fileHandleForReading)
      group.leave()
    }
    let outData = readToEnd(out.fileHandleForReading)
    group.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
  }

  /// Everything a pipe delivers until it closes. Foundation's
  /// `readDataToEndOfFile` traps when a read is interrupted by a signal
  /// (`EINTR`, seen when another test's child exits at that moment); this
  /// reads again instead.
  public static func readToEnd(_ handle: FileHandle) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 64 << 10)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        data.append(contentsOf: buffer[..<count])
      } else if count == 0 || errno != EINTR {
        return data
      }
    }
  }
}
