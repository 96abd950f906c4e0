import AtomicOutput
import ArgumentParser
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a report goes: standard output, or a file written atomically.
enum ReportOutput {
  /// Writes the text; an unwritable file prints the reason and exits 73.
  static func write(_ text: String, to path: String?) throws {
    do {
      if let path, path != "-" {
        try AtomicFile.write(to: path) { $0.write(text) }
      } else {
        try AtomicFile.writeStandardOutput { $0.write(text) }
      }
    } catch let error as OutputError {
      FileHandleOutput.standardError("wsoa validate: \(error)\n")
      throw ExitCode(ExitStatus.cannotCreate.rawValue)
    }
  }
}

/// Small helpers over the process's standard streams.
enum FileHandleOutput {
  /// Writes text to standard error, unbuffered.
  static func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}

/// Whether standard output is a terminal (colour is used only then).
enum Terminal {
  static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) == 1 }
}
