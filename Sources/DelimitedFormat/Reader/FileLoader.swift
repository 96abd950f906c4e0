#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole file into one contiguous buffer with `open`/`fstat`/`read`,
/// refusing folders, devices and FIFOs (which could block forever) and files
/// over the size limit before reading a byte.
enum FileLoader {
  /// Loads `path`.
  ///
  /// - Parameters:
  ///   - path: the file to read.
  ///   - displayName: the name used in errors.
  ///   - maxBytes: the largest size accepted.
  /// - Throws: `DelimitedError` `.fileNotFound`, `.isDirectory`,
  ///   `.notRegularFile`, `.unreadable`, `.fileTooLarge`.
  static func load(path: String, displayName: String, maxBytes: Int) throws(DelimitedError) -> ByteBuffer {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else {
      let code = errno
      switch code {
      case ENOENT, ENOTDIR: throw .fileNotFound(path: displayName)
      default: throw .unreadable(path: displayName, reason: String(cString: strerror(code)))
      }
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      throw .unreadable(path: displayName, reason: String(cString: strerror(errno)))
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw .isDirectory(path: displayName)
    default: throw .notRegularFile(path: displayName)
    }
    let size = Int(info.st_size)
    guard size <= maxBytes else { throw .fileTooLarge(path: displayName, bytes: size, limit: maxBytes) }
    return try readAll(fd: fd, size: size, displayName: displayName)
  }

  /// Reads standard input (or any descriptor) to its end, within `maxBytes`.
  static func load(fileDescriptor fd: Int32, displayName: String, maxBytes: Int) throws(DelimitedError) -> ByteBuffer {
    var chunks: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: displayName, reason: String(cString: strerror(errno)))
      }
      if n == 0 { break }
      chunks.append(contentsOf: chunk[0..<n])
      if chunks.count > maxBytes {
        throw .fileTooLarge(path: displayName, bytes: chunks.count, limit: maxBytes)
      }
    }
    return ByteBuffer(capacity: chunks.count) { pointer, capacity in
      chunks.withUnsafeBufferPointer { bytes in
        if let source = bytes.baseAddress, capacity > 0 { pointer.update(from: source, count: capacity) }
      }
      return capacity
    }
  }

  private static func readAll(fd: Int32, size: Int, displayName: String) throws(DelimitedError) -> ByteBuffer {
    do {
      return try ByteBuffer(capacity: size) { pointer, capacity in
        var offset = 0
        // A file that shrinks meanwhile ends early; one that grows is read to its stat size.
        while offset < capacity {
          let n = read(fd, pointer + offset, capacity - offset)
          if n < 0 {
            if errno == EINTR { continue }
            throw DelimitedError.unreadable(path: displayName, reason: String(cString: strerror(errno)))
          }
          if n == 0 { break }
          offset += n
        }
        return offset
      }
    } catch let error as DelimitedError {
      throw error
    } catch {
      throw .unreadable(path: displayName, reason: "\(error)")
    }
  }
}
