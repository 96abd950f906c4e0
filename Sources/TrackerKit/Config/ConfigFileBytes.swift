#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a (small) config file whole with the C library, so that loading a
/// config needs no Foundation error bridging; failures carry `strerror` text
/// ("No such file or directory").
enum ConfigFileBytes {
  /// Config files are a few lines; anything larger is refused.
  static let maxBytes = 1 << 20

  /// The bytes of the file at `path`.
  ///
  /// - Throws: `ConfigError.unreadable` with the system's reason.
  static func read(path: String) throws(ConfigError) -> [UInt8] {
    // The readers' one check: a FIFO named wsoa.toml must not block validate.
    do {
      try RegularFile.check(path)
    } catch {
      throw .unreadable(path: path, reason: error.reason)
    }
    guard let file = fopen(path, "rb") else {
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
      if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
      if n < chunk.count {
        if ferror(file) != 0 { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        break
      }
      if bytes.count > maxBytes { throw .unreadable(path: path, reason: "larger than \(maxBytes) bytes") }
    }
    return bytes
  }
}
