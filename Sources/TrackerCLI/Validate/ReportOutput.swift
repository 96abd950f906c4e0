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
  static func write(to path: String?, _ body: (ByteSink) throws -> Void) throws {
    do {
      if let path, path != "-" {
        try AtomicFile.write(to: path, body)
      } else {
        try AtomicFile.writeStandardOutput(body)
      }
    } catch let error as OutputError {
      StandardError.write(Failure.line(location: nil, "\(error)") + "\n")
      throw ExitCode(ExitStatus.cannotCreate.rawValue)
    }
  }
}
