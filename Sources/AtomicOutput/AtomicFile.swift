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
/// permission bits. On any error, and on SIGINT, SIGTERM or SIGHUP once
/// `TemporaryFiles.installSignalHandlers()` ran, the temporary file is
/// removed and the target is untouched.
///
/// Only a regular file is ever replaced (see `OutputTarget`): a symbolic
/// link is followed and the file it names replaced (the link stays); a
/// character device such as `/dev/null` or a FIFO is written into directly;
/// a folder, block device, socket or dangling link is refused.
///
/// ```swift
/// try AtomicFile.write(to: "out/report.csv") { sink in
///   sink.write("a,b\n")
/// }
/// ```
public enum AtomicFile {
  /// Writes through a buffered sink, atomically (or straight into a device or FIFO).
  ///
  /// - Parameters:
  ///   - path: the target file.
  ///   - body: writes the content; an error it throws aborts the write.
  /// - Throws: `OutputError`, or whatever `body` throws.
  public static func write(to path: String, _ body: (ByteSink) throws -> Void) throws {
    switch try OutputTarget(path) {
    case .stream(let device):
      try streaming(into: device) { sink in
        try body(sink)
        try sink.flush(path: path)
      }
    case .file(let target):
      try withTemporaryFile(beside: target, creating: true, for: path) { temp, fd in
        let sink = ByteSink(fileDescriptor: fd)
        try body(sink)
        try sink.flush(path: path)
        try finish(temp: temp, fd: fd, target: target)
      }
    }
  }

  /// Lets a library that writes files itself (libzip) produce the content at
  /// a temporary path, then syncs and renames it into place (or, for a
  /// device or FIFO, copies it in and removes it).
  ///
  /// Signals are held while `body` runs (`TemporaryFiles.holdingSignals`),
  /// since the library may make temporary files of its own.
  ///
  /// - Parameters:
  ///   - path: the target file.
  ///   - body: must create the file at the path it is given (the path does
  ///     not exist when `body` runs).
  /// - Throws: `OutputError`, or whatever `body` throws.
  public static func produce(at path: String, _ body: (String) throws -> Void) throws {
    switch try OutputTarget(path) {
    case .stream(let device):
      try streaming(into: device) { sink in
        try produce(into: sink, path: path) { temp in try TemporaryFiles.holdingSignals { try body(temp) } }
      }
    case .file(let target):
      try withTemporaryFile(beside: target, creating: false, for: path) { temp, _ in
        try TemporaryFiles.holdingSignals { try body(temp) }
        let fd = open(temp, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputError.writeFailed(path: path, reason: lastError()) }
        defer { close(fd) }
        try finish(temp: temp, fd: fd, target: target)
      }
    }
  }

  /// Lets a library produce a file in the system's temporary folder
  /// (`TMPDIR`, else `/tmp`), then copies it into `sink` and removes it: for
  /// a zip, which cannot be streamed, going to standard output or a device.
  /// Signals are not held: a `body` that calls a library making files of its
  /// own holds them around that call (as `produce(at:)` does).
  ///
  /// - Parameters:
  ///   - sink: where the bytes go; flushed before returning.
  ///   - path: the name errors give the output (`<stdout>`, `/dev/null`).
  ///   - body: must create the file at the path it is given.
  /// - Throws: `OutputError`, or whatever `body` throws.
  public static func produce(into sink: ByteSink, path: String, _ body: (String) throws -> Void) throws {
    let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    try withTemporaryFile(beside: folder + "/wsoa-output", creating: false, for: path) { temp, _ in
      try body(temp)
      let fd = open(temp, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { throw OutputError.writeFailed(path: path, reason: lastError()) }
      defer { close(fd) }
      var buffer = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0, errno == EINTR { continue }
        guard n >= 0 else { throw OutputError.writeFailed(path: path, reason: lastError()) }
        if n == 0 { break }
        buffer.withUnsafeBytes { sink.write(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
      }
      try sink.flush(path: path)
      unlink(temp)
    }
  }

  /// Writes to standard output through a buffered sink.
  public static func writeStandardOutput(_ body: (ByteSink) throws -> Void) throws {
    let sink = ByteSink(fileDescriptor: 1)
    try body(sink)
    try sink.flush(path: "<stdout>")
  }

  /// Opens a character device or FIFO for writing (a FIFO waits for its
  /// reader, as a shell redirection does) and hands `body` a sink on it.
  private static func streaming(into path: String, _ body: (ByteSink) throws -> Void) throws {
    let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
    guard fd >= 0 else { throw OutputError.cannotCreate(path: path, reason: lastError()) }
    defer { close(fd) }
    try body(ByteSink(fileDescriptor: fd))
  }

  /// Names a temporary file beside `target` and registers it for removal on
  /// a signal before it exists; with `creating`, creates it (`O_EXCL`) and
  /// passes its descriptor, else `body` creates it (the descriptor is -1).
  /// Removes the file if `body` throws.
  private static func withTemporaryFile(
    beside target: String, creating: Bool, for path: String, _ body: (String, Int32) throws -> Void
  ) throws {
    let temp = temporaryName(for: target)
    let slot = TemporaryFiles.register(temp)
    defer { TemporaryFiles.unregister(slot) }
    var fd: Int32 = -1
    if creating {
      fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      guard fd >= 0 else { throw OutputError.cannotCreate(path: path, reason: lastError()) }
    }
    defer { if fd >= 0 { close(fd) } }
    do {
      try body(temp, fd)
    } catch {
      unlink(temp)
      throw error
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
