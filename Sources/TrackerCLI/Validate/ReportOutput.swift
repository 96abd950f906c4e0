import AtomicOutput
import ArgumentParser

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a report goes: standard output, or a file written atomically.
enum ReportOutput {
  /// Writes through a sink; an unwritable file prints the reason and exits 73.
  static func write(to path: String?, command: String = "validate", _ body: (ByteSink) throws -> Void) throws {
    do {
      if let path, path != "-" {
        try AtomicFile.write(to: path, body)
      } else {
        try AtomicFile.writeStandardOutput(body)
      }
    } catch let error as OutputError {
      FileHandleOutput.standardError("wsoa \(command): \(error)\n")
      throw ExitCode(ExitStatus.cannotCreate.rawValue)
    }
  }
}

/// Small helpers over the process's standard streams.
enum FileHandleOutput {
  /// Writes text to standard error, unbuffered.
  static func standardError(_ text: String) {
    StandardError.write(text)
  }
}

