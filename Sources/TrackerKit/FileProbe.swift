#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import ByteScan

/// Small file-system helpers on the C library, so the tool does not load
/// Foundation (and ICU) just to look at a path: start-up stays a few
/// milliseconds.
public enum FileProbe {
  /// What a path is.
  public enum Kind: Sendable, Equatable {
    /// Nothing there.
    case missing
    /// A regular file (or anything that is not a folder).
    case file
    /// A folder.
    case directory
  }

  /// What is at `path`.
  public static func kind(_ path: String) -> Kind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
  }

  /// Whether two paths name the same file: the same device and inode when
  /// both exist (so through symbolic and hard links), else the same name in
  /// the same real folder when neither does. Used to keep every output off
  /// every input.
  public static func sameFile(_ a: String, _ b: String) -> Bool {
    var x = stat()
    var y = stat()
    let aExists = stat(a, &x) == 0
    let bExists = stat(b, &y) == 0
    if aExists && bExists { return x.st_dev == y.st_dev && x.st_ino == y.st_ino }
    return !aExists && !bExists && resolvedName(a) == resolvedName(b)
  }

  /// `path` with its folder resolved (`realpath`), for paths that do not exist yet.
  private static func resolvedName(_ path: String) -> String {
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard let real = realpath(folder, nil) else { return path }
    defer { free(real) }
    return String(cString: real) + "/" + name
  }

  /// The names in a folder (not `.` or `..`), sorted; empty when unreadable.
  public static func list(_ directory: String) -> [String] {
    guard let dir = opendir(directory) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != ".", name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// The size in bytes of the file at `path`, or nil when it cannot be
  /// looked at.
  public static func size(_ path: String) -> Int? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int(info.st_size)
  }

  /// The bytes of a file, or `nil` when it cannot be read.

  public static func read(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    guard case .bytes(let bytes) = readAll(fd) else { return nil }
    return bytes
  }

  /// The SHA-256 of the bytes of the regular file at `path` (lowercase hex),
  /// read in pieces. `nil` when it cannot be read, when it is not a regular
  /// file (a FIFO or a device such as `/dev/zero` may never end), or when
  /// `proceed`, asked before each piece, says to stop.
  public static func sha256(_ path: String, while proceed: () -> Bool = { true }) -> String? {
    // Not blocking: opening a FIFO that has no writer would wait for one.
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    var hash = SHA256()
    var stopped = false
    let failed = readChunks(fd) { piece in
      guard proceed() else {
        stopped = true
        return false
      }
      hash.update(piece)
      return true
    }
    guard failed == nil, !stopped else { return nil }
    return hash.hexDigest()
  }

  /// What tells one version of a file from another without reading it:
  /// device, inode (a save that replaces the file), size, and the
  /// modification and status-change times to the nanosecond.
  public struct Version: Sendable, Equatable {
    let device, inode, size: UInt64
    let modifiedSeconds, modifiedNanoseconds, changedSeconds, changedNanoseconds: Int
  }

  /// The version of the file at `path` now; `nil` when there is none.
  public static func version(_ path: String) -> Version? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    #if canImport(Darwin)
      let (m, c) = (info.st_mtimespec, info.st_ctimespec)
    #else
      let (m, c) = (info.st_mtim, info.st_ctim)
    #endif
    return Version(
      device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino),
      size: UInt64(truncatingIfNeeded: info.st_size),
      modifiedSeconds: Int(m.tv_sec), modifiedNanoseconds: Int(m.tv_nsec),
      changedSeconds: Int(c.tv_sec), changedNanoseconds: Int(c.tv_nsec))
  }

  /// What reading a descriptor to its end gave.
  enum ReadAll {
    /// Every byte up to the end.
    case bytes([UInt8])
    /// A read failed with this `errno`.
    case failed(Int32)
    /// More than the limit arrived.
    case overLimit
  }

  /// Reads `fd` to its end (retrying on `EINTR`), up to `limit` bytes: the
  /// one read loop for files and standard input.
  static func readAll(_ fd: Int32, limit: Int = .max) -> ReadAll {
    var out: [UInt8] = []
    var over = false
    let failure = readChunks(fd) { chunk in
      guard out.count + chunk.count <= limit else {
        over = true
        return false
      }
      out.append(contentsOf: chunk)
      return true
    }
    if let failure { return .failed(failure) }
    return over ? .overLimit : .bytes(out)
  }

  /// Hands `fd`'s bytes to `body` in pieces until the end (retrying on
  /// `EINTR`) or until `body` returns false.
  ///
  /// - Returns: the `errno` of a failed read, or `nil`.
  static func readChunks(_ fd: Int32, _ body: (UnsafeRawBufferPointer) -> Bool) -> Int32? {
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return errno
      }
      if n == 0 { return nil }
      guard chunk.withUnsafeBytes({ body(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }) else { return nil }
    }
  }

  /// Creates a folder and its parents (existing ones are fine).
  public static func makeDirectories(_ path: String) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += part
      _ = mkdir(prefix, 0o777)
      prefix += "/"
    }
  }

  /// Whether a file descriptor is a terminal.
  public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

  /// Writes text to standard error, unbuffered.
  public static func writeStandardError(_ text: String) {
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = write(2, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if n <= 0 {
          if n < 0, errno == EINTR { continue }
          return
        }
        offset += n
      }
    }
  }
}

@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
  #elseif canImport(Musl)
    return Musl.read(fd, buffer, count)
  #else
    return Darwin.read(fd, buffer, count)
  #endif
}
