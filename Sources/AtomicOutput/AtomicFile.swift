#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a file so that readers see either the old file or the complete
/// new one, never a half-written one.
///
/// The pattern (security.md §1.7): a temporary file in the target's own
/// folder (`O_CREAT|O_EXCL`), the body writes into it, `fsync`, `rename`
/// over the target, `fsync` of the folder. An existing target keeps its
/// permission bits. On any error the temporary file is removed and the
/// target is untouched.
///
/// ```swift
/// try AtomicFile.write(to: "out/report.csv") { sink in
///   sink.write("a,b\n")
/// }
/// ```
public enum AtomicFile {
  /// Writes through a buffered sink, atomically.
  ///
  /// - Parameters:
  ///   - path: the target file.
  ///   - body: writes the content; an error it throws aborts the write.
  /// - Throws: `OutputError`, or whatever `body` throws.
  public static func write(to path: String, _ body: (ByteSink) throws -> Void) throws {
    try withTemporaryPath(for: path) { tempPath, fd in
      let sink = ByteSink(fileDescriptor: fd)
      try body(sink)
      try sink.flush(path: path)
    }
  }

  /// Lets a library that writes files itself (libzip) produce the content at
  /// a temporary path, then syncs and renames it into place.
  ///
  /// - Parameters:
  ///   - path: the target file.
  ///   - body: must create the file at the path it is given (the path does
  ///     not exist when `body` runs).
  /// - Throws: `OutputError`, or whatever `body` throws.
  public static func produce(at path: String, _ body: (String) throws -> Void) throws {
    try checkTarget(path)
    let temp = temporaryName(for: path)
    do {
      try body(temp)
      let fd = open(temp, O_RDONLY)
      guard fd >= 0 else { throw OutputError.writeFailed(path: path, reason: lastError()) }
      defer { close(fd) }
      try finish(temp: temp, fd: fd, target: path)
    } catch {
      unlink(temp)
      throw error
    }
  }

  /// Writes to standard output through a buffered sink.
  public static func writeStandardOutput(_ body: (ByteSink) throws -> Void) throws {
    let sink = ByteSink(fileDescriptor: 1)
    try body(sink)
    try sink.flush(path: "<stdout>")
  }

  private static func withTemporaryPath(for path: String, _ body: (String, Int32) throws -> Void) throws {
    try checkTarget(path)
    let temp = temporaryName(for: path)
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw OutputError.cannotCreate(path: path, reason: lastError()) }
    do {
      try body(temp, fd)
      try finish(temp: temp, fd: fd, target: path)
      close(fd)
    } catch {
      close(fd)
      unlink(temp)
      throw error
    }
  }

  private static func checkTarget(_ path: String) throws(OutputError) {
    var info = stat()
    if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      throw .isDirectory(path: path)
    }
  }

  private static func finish(temp: String, fd: Int32, target: String) throws(OutputError) {
    var info = stat()
    if stat(target, &info) == 0 {
      fchmod(fd, info.st_mode & 0o7777)
    } else {
      // New file: honour the umask as any program would.
      let mask = umask(0)
      umask(mask)
      fchmod(fd, 0o666 & ~mask)
    }
    guard fsync(fd) == 0 else { throw .writeFailed(path: target, reason: lastError()) }
    guard rename(temp, target) == 0 else { throw .writeFailed(path: target, reason: lastError()) }
    let folder = directory(of: target)
    let dfd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dfd >= 0 {
      _ = fsync(dfd)
      close(dfd)
    }
  }

  private static func temporaryName(for path: String) -> String {
    let folder = directory(of: path)
    let base = path.split(separator: "/").last.map(String.init) ?? path
    var random = SystemRandomNumberGenerator()
    let suffix = String(random.next() & 0xFFFF_FFFF, radix: 36)
    return (folder == "." && !path.hasPrefix("./") ? "" : folder + "/") + ".\(base).\(getpid()).\(suffix).tmp"
  }

  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let folder = String(path[..<slash])
    return folder.isEmpty ? "/" : folder
  }

  private static func lastError() -> String { String(cString: strerror(errno)) }
}
