/// Why a zip archive could not be written. The reading side has its own
/// `ZipError`; this enum covers only writing.
public enum ZipWriteError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The archive file could not be created (`zip_open` failed).
  case cannotCreate(path: String, reason: String)
  /// An entry could not be added to the archive.
  case cannotAddEntry(path: String, entry: String, reason: String)
  /// Writing the archive out failed (`zip_close`); nothing usable was left.
  case cannotClose(path: String, reason: String)
  /// zlib refused to compress (a bad level, or out of memory).
  case compressionFailed(reason: String)
  /// A spool file for compressed data could not be created or written.
  case spoolFailed(directory: String, reason: String)
  /// The writer was used after `close()`, or an entry was given twice.
  case misuse(path: String, reason: String)

  /// A sentence naming the archive, the entry and the reason.
  public var description: String {
    switch self {
    case .cannotCreate(let path, let reason):
      "cannot create zip archive \(path): \(reason)"
    case .cannotAddEntry(let path, let entry, let reason):
      "cannot add \(entry) to zip archive \(path): \(reason)"
    case .cannotClose(let path, let reason):
      "cannot write zip archive \(path): \(reason)"
    case .compressionFailed(let reason):
      "deflate failed: \(reason)"
    case .spoolFailed(let directory, let reason):
      "cannot write a temporary spool file in \(directory): \(reason)"
    case .misuse(let path, let reason):
      "zip archive \(path): \(reason)"
    }
  }
}
