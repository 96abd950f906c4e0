#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What an output path names, and so how it is written.
///
/// | at the path | written |
/// |---|---|
/// | nothing, or a regular file | atomically: temporary file beside it, renamed over it |
/// | a symbolic link to a regular file | atomically, at the file the link resolves to; the link stays |
/// | a character device (`/dev/null`, a terminal) or a FIFO | streamed into it, no temporary file, no rename |
/// | a folder | refused (`OutputError.isDirectory`) |
/// | a block device, a socket, a link to nothing | refused (`OutputError.notWritable`) |
enum OutputTarget: Equatable {
  /// Replace (or create) the regular file at this path, which is never a symbolic link.
  case file(String)
  /// Open this path and write into it.
  case stream(String)

  /// Looks at `path` (following symbolic links).
  ///
  /// - Throws: `OutputError.isDirectory`, `.notWritable`.
  init(_ path: String) throws(OutputError) {
    var info = stat()
    guard stat(path, &info) == 0 else {
      // Nothing there, or a link whose target is missing: only the first may be created.
      if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
        throw .notWritable(path: path, what: "a symbolic link to a missing file (name the file itself)")
      }
      self = .file(path)
      return
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      self = .file(try OutputTarget.resolvingLink(path))
    case S_IFCHR, S_IFIFO:
      self = .stream(path)
    case S_IFDIR:
      throw .isDirectory(path: path)
    case S_IFBLK:
      throw .notWritable(path: path, what: "a block device (wsoa writes regular files, character devices and FIFOs)")
    default:
      throw .notWritable(path: path, what: "a socket (wsoa writes regular files, character devices and FIFOs)")
    }
  }

  /// The file a symbolic link at `path` ends at (so the rename replaces that
  /// file and keeps the link); `path` itself when it is not a link.
  private static func resolvingLink(_ path: String) throws(OutputError) -> String {
    var info = stat()
    guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return path }
    guard let resolved = realpath(path, nil) else {
      throw .cannotCreate(path: path, reason: "cannot resolve the symbolic link: \(String(cString: strerror(errno)))")
    }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
