import CLibZip

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The libzip calls ZipReader makes, with C error codes turned into
/// `ZipError` once, here.
enum LibZipCalls {
  /// The message for a libzip error code (wraps `zip_error_strerror`).
  static func message(code: Int32) -> String {
    var error = zip_error_t()
    zip_error_init_with_code(&error, code)
    defer { zip_error_fini(&error) }
    return String(cString: zip_error_strerror(&error))
  }

  /// Maps a libzip error from opening an archive to a `ZipError`.
  static func openError(code: Int32, archive: String) -> ZipError {
    let text = message(code: code)
    switch code {
    case ZIP_ER_NOZIP, ZIP_ER_EOF:
      return .notAZip(archive: archive, reason: "no zip central directory was found; the file may be truncated")
    case ZIP_ER_OPEN, ZIP_ER_NOENT, ZIP_ER_READ, ZIP_ER_SEEK, ZIP_ER_MEMORY:
      return .cannotOpen(archive: archive, reason: text)
    default:
      return .corrupt(archive: archive, reason: text)
    }
  }

  /// Maps a libzip error from opening or reading one entry to a `ZipError`.
  static func entryError(code: Int32, archive: String, entry: String) -> ZipError {
    let text = message(code: code)
    switch code {
    case ZIP_ER_CRC:
      return .corruptEntry(archive: archive, entry: entry, reason: "CRC mismatch (\(text))")
    case ZIP_ER_NOPASSWD, ZIP_ER_WRONGPASSWD, ZIP_ER_ENCRNOTSUPP:
      return .unsupportedEntry(archive: archive, entry: entry, reason: "the entry is encrypted (\(text))")
    case ZIP_ER_COMPNOTSUPP:
      return .unsupportedEntry(archive: archive, entry: entry, reason: text)
    default:
      return .corruptEntry(archive: archive, entry: entry, reason: text)
    }
  }

  /// Reads up to 8 bytes from the start of a file, for the signature check.
  static func filePrefix(path: String, archive: String) throws(ZipError) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw .cannotOpen(archive: archive, reason: String(cString: strerror(errno)))
    }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      throw .cannotOpen(archive: archive, reason: "it is a directory")
    }
    var buffer = [UInt8](repeating: 0, count: 8)
    let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 8) }
    guard count >= 0 else {
      throw .cannotOpen(archive: archive, reason: String(cString: strerror(errno)))
    }
    return Array(buffer.prefix(count))
  }
}
