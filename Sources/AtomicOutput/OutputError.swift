/// Why an output could not be written. The target file is untouched in every case.
public enum OutputError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The temporary file beside the target could not be created.
  case cannotCreate(path: String, reason: String)
  /// Writing, syncing or renaming failed.
  case writeFailed(path: String, reason: String)
  /// The target is a directory.
  case isDirectory(path: String)
  /// The target is something wsoa neither replaces nor writes into: a block
  /// device, a socket, or a symbolic link to nothing (`what` says which).
  case notWritable(path: String, what: String)

  /// A sentence naming the path and the system's reason.
  public var description: String {
    switch self {
    case .cannotCreate(let path, let reason): "cannot create output \(path): \(reason)"
    case .writeFailed(let path, let reason): "cannot write output \(path): \(reason)"
    case .isDirectory(let path): "cannot write output \(path): it is a directory"
    case .notWritable(let path, let what): "cannot write output \(path): it is \(what)"
    }
  }
}
