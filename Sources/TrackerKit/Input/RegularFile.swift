#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Diagnostics

/// The one check every reader makes before it reads a path (`TrackerLoader`
/// for convert, validate and merge; `GridReader` for dump), whatever the
/// format: the path must name a regular file. A FIFO or a link to
/// `/dev/zero` named `.xlsx` or `.json` would otherwise block or be read
/// forever. The open does not wait for a FIFO's writer (`O_NONBLOCK`).
///
/// Standard input, when it is read, is a stream by design and does not pass
/// through here.
public enum RegularFile {
  /// Fails unless `path` is a regular file that can be opened for reading.
  ///
  /// - Throws: `InputError.missing` (exit 66) when nothing is there,
  ///   `.unreadable` (exit 65) for a folder, device, FIFO, socket or a file
  ///   that cannot be opened.
  public static func check(_ path: String) throws(InputError) {
    close(try open(path))
  }

  /// Opens `path` read-only after the same check; the caller closes the descriptor.
  ///
  /// - Throws: as `check(_:)`.
  static func open(_ path: String) throws(InputError) -> Int32 {
    let location = SourceLocation(file: path)
    let fd = openForReading(path)
    guard fd >= 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw .missing(location: location, reason: "no such file") }
      throw .unreadable(location: location, reason: "cannot open: \(String(cString: strerror(code)))")
    }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let reason = String(cString: strerror(errno))
      close(fd)
      throw .unreadable(location: location, reason: "cannot read: \(reason)")
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      return fd
    case S_IFDIR:
      close(fd)
      throw .unreadable(location: location, reason: "is a directory, not a file")
    default:
      close(fd)
      throw .unreadable(location: location, reason: "is not a regular file (a device, FIFO or socket)")
    }
  }
}

/// The C library's `open` (inside `RegularFile` the name means its own `open`).
private func openForReading(_ path: String) -> Int32 {
  open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
}
