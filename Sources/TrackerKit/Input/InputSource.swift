#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
public import DelimitedFormat
import Diagnostics

/// Where an input comes from: a file named by its path, or bytes already in
/// memory (standard input, `-` on the command line). Standard input is its
/// own case, never a path, so checks on input files (regular file, not the
/// output) do not apply to it.
///
/// ```swift
/// let input = try InputSource.standardInput()
/// let plan = try TrackerLoader.load(input).value
/// ```
public struct InputSource: Hashable, Sendable {
  /// The bytes' home.
  public enum Content: Hashable, Sendable {
    /// A file, read from its path.
    case file(path: String)
    /// Bytes read already.
    case bytes([UInt8])
  }

  /// Where the bytes are.
  public var content: Content
  /// How errors and findings name the input: the path, or `<stdin>`.
  public var name: String

  /// The name standard input has in errors and findings.
  public static let standardInputName = "<stdin>"

  /// The file at `path`.
  public static func file(_ path: String) -> InputSource { InputSource(content: .file(path: path), name: path) }

  /// Bytes already in memory, named `name` in errors and findings.
  public static func bytes(_ bytes: [UInt8], name: String) -> InputSource {
    InputSource(content: .bytes(bytes), name: name)
  }

  /// All of standard input, read into memory.
  ///
  /// - Parameter maxBytes: the most it may hold (the CSV/TSV file limit by default).
  /// - Throws: `InputError.unreadable` when standard input is a terminal
  ///   (nothing was piped in) or cannot be read, `.malformed` when it is
  ///   over `maxBytes`.
  public static func standardInput(maxBytes: Int = DelimitedLimits().maxFileBytes) throws(InputError)
    -> InputSource
  {
    let location = SourceLocation(file: standardInputName)
    guard isatty(0) == 0 else {
      throw .unreadable(
        location: location, reason: "- reads standard input, but it is a terminal; pipe a tracker in (… - < tracker.csv)")
    }
    switch FileProbe.readAll(0, limit: maxBytes) {
    case .bytes(let bytes): return .bytes(bytes, name: standardInputName)
    case .failed(let code):
      throw .unreadable(location: location, reason: "cannot read: \(String(cString: strerror(code)))")
    case .overLimit:
      throw .malformed(location: location, reason: "standard input is over the limit of \(maxBytes) bytes")
    }
  }

  /// Whether this is standard input.
  public var isStandardInput: Bool {
    if case .bytes = content { name == Self.standardInputName } else { false }
  }

  /// The input's format, from its first bytes (see `InputFormat.detect(head:name:declared:)`).
  ///
  /// - Throws: `InputError` (a missing or unreadable file; text declared or named XLSX).
  public func format(declared: InputFormat? = nil) throws(InputError) -> InputFormat {
    switch content {
    case .file(let path): try InputFormat.detect(path: path, declared: declared)
    case .bytes(let bytes):
      try InputFormat.detect(head: bytes.prefix(InputFormat.headBytes), name: name, declared: declared)
    }
  }
}
