#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open input file, read with `pread` by offset (by several threads at
/// once when decoding in parallel), refusing folders, devices and FIFOs
/// (which could block forever) and files over the size limit before reading
/// a byte. Closed when released.
///
/// The file is never memory-mapped: a file truncated by another program
/// while mapped would kill the process with SIGBUS. Instead the reader
/// checks, after its last read, that the file's size and modification time
/// did not change.
final class InputFile: @unchecked Sendable {
  private let fd: Int32
  /// The name used in errors.
  let displayName: String
  /// Size in bytes when opened.
  let size: Int
  private let modified: (Int, Int)

  /// Opens `path` for reading.
  ///
  /// - Throws: `DelimitedError` `.fileNotFound`, `.isDirectory`,
  ///   `.notRegularFile`, `.unreadable`, `.fileTooLarge`.
  init(path: String, displayName: String, maxBytes: Int) throws(DelimitedError) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else {
      let code = errno
      switch code {
      case ENOENT, ENOTDIR: throw .fileNotFound(path: displayName)
      default: throw .unreadable(path: displayName, reason: String(cString: strerror(code)))
      }
    }
    guard let info = InputFile.status(fd) else {
      let reason = String(cString: strerror(errno))
      close(fd)
      throw .unreadable(path: displayName, reason: reason)
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR:
      close(fd)
      throw .isDirectory(path: displayName)
    default:
      close(fd)
      throw .notRegularFile(path: displayName)
    }
    let size = Int(info.st_size)
    guard size <= maxBytes else {
      close(fd)
      throw .fileTooLarge(path: displayName, bytes: size, limit: maxBytes)
    }
    self.fd = fd
    self.displayName = displayName
    self.size = size
    self.modified = InputFile.modificationTime(info)
  }

  deinit { close(fd) }

  /// Reads up to `count` bytes at `offset` into `buffer`; fewer only at the end of the file.
  ///
  /// - Throws: `DelimitedError.unreadable`.
  func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int) throws(DelimitedError) -> Int {
    var done = 0
    while done < count {
      let n = pread(fd, buffer + done, count - done, off_t(offset + done))
      if n < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: displayName, reason: String(cString: strerror(errno)))
      }
      if n == 0 { break }
      done += n
    }
    return done
  }

  /// The whole file in one buffer.
  ///
  /// - Throws: `DelimitedError.unreadable`.
  func readAll() throws(DelimitedError) -> ByteBuffer {
    do {
      return try ByteBuffer(capacity: size) { pointer, capacity in try read(into: pointer, count: capacity, at: 0) }
    } catch let error as DelimitedError {
      throw error
    } catch {
      throw .unreadable(path: displayName, reason: "\(error)")
    }
  }

  /// Fails if the file's size or modification time changed since it was opened.
  ///
  /// - Throws: `DelimitedError.changedWhileReading`.
  func checkUnchanged() throws(DelimitedError) {
    guard let info = InputFile.status(fd), Int(info.st_size) == size, InputFile.modificationTime(info) == modified
    else { throw .changedWhileReading(path: displayName) }
  }

  private static func status(_ fd: Int32) -> stat? {
    var info = stat()
    return fstat(fd, &info) == 0 ? info : nil
  }

  private static func modificationTime(_ info: stat) -> (Int, Int) {
    #if canImport(Darwin)
      (Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec))
    #else
      (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
    #endif
  }
}
