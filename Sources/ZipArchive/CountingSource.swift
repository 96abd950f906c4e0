import CLibZip

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The archive's bytes as libzip reads them (a `zip_source` callback over a
/// file descriptor or an in-memory copy), counting every byte libzip
/// consumes.
///
/// libzip does not say how many compressed bytes it has consumed while it
/// inflates an entry, but all of them come through here, so the difference
/// of `bytesRead` before and after gives it. That lets the ratio rule compare
/// the compressed bytes actually read with the bytes actually inflated
/// (Apache POI's rule), stopping a bomb within its first few megabytes instead of
/// after `compressedSize / minCompressionRatio` bytes.
///
/// Used from one thread at a time (the inflating thread hands back through
/// semaphores), so the counters need no atomics.
final class CountingSource: @unchecked Sendable {
  private enum Storage {
    case file(Int32)
    case memory(UnsafeMutableRawBufferPointer)
  }

  private let storage: Storage
  /// The archive's size in bytes.
  let size: Int
  private var offset = 0
  /// Every byte libzip has read so far.
  private(set) var bytesRead = 0
  private var error = zip_error_t()

  /// Opens a file for reading.
  init(path: String, archive: String) throws(ZipError) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw .cannotOpen(archive: archive, reason: String(cString: strerror(errno))) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      close(fd)
      throw .cannotOpen(archive: archive, reason: String(cString: strerror(errno)))
    }
    storage = .file(fd)
    size = Int(info.st_size)
    zip_error_init(&error)
  }

  /// A second source over the same open file (a duplicated descriptor, so
  /// the same file even if its path has since been replaced), for a second
  /// libzip handle on another thread; nil for bytes held in memory.
  func sibling(archive: String) throws(ZipError) -> CountingSource? {
    guard case .file(let fd) = storage else { return nil }
    let copy = dup(fd)
    guard copy >= 0 else { throw .cannotOpen(archive: archive, reason: String(cString: strerror(errno))) }
    return CountingSource(descriptor: copy, size: size)
  }

  private init(descriptor: Int32, size: Int) {
    storage = .file(descriptor)
    self.size = size
    zip_error_init(&error)
  }

  /// Copies bytes into memory that lives as long as the source.
  init(bytes: some Collection<UInt8>) {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
    _ = buffer.initializeMemory(as: UInt8.self, from: bytes)
    storage = .memory(buffer)
    size = bytes.count
    zip_error_init(&error)
  }

  deinit {
    switch storage {
    case .file(let fd): close(fd)
    case .memory(let buffer): buffer.deallocate()
    }
    zip_error_fini(&error)
  }

  /// A libzip source reading through this object (which must outlive it).
  func makeSource() -> OpaquePointer? {
    var failure = zip_error_t()
    zip_error_init(&failure)
    defer { zip_error_fini(&failure) }
    return zip_source_function_create(CountingSource.callback, Unmanaged.passUnretained(self).toOpaque(), &failure)
  }

  private static let callback: zip_source_callback = { userData, data, length, command in
    guard let userData else { return -1 }
    return Unmanaged<CountingSource>.fromOpaque(userData)._withUnsafeGuaranteedRef { source in
      source.handle(command, data, length)
    }
  }

  private func handle(_ command: zip_source_cmd_t, _ data: UnsafeMutableRawPointer?, _ length: UInt64) -> Int64 {
    switch command {
    case ZIP_SOURCE_OPEN:
      offset = 0
      return 0
    case ZIP_SOURCE_READ:
      guard let data else { return fail(ZIP_ER_INVAL) }
      return read(into: data, count: Int(min(length, UInt64(max(size - offset, 0)))))
    case ZIP_SOURCE_CLOSE, ZIP_SOURCE_FREE:
      return 0
    case ZIP_SOURCE_STAT:
      guard let data, length >= UInt64(MemoryLayout<zip_stat_t>.size) else { return fail(ZIP_ER_INVAL) }
      let stat = data.assumingMemoryBound(to: zip_stat_t.self)
      zip_stat_init(stat)
      stat.pointee.size = UInt64(size)
      stat.pointee.valid |= UInt64(ZIP_STAT_SIZE)
      return Int64(MemoryLayout<zip_stat_t>.size)
    case ZIP_SOURCE_ERROR:
      guard let data else { return -1 }
      return zip_error_to_data(&error, data, length)
    case ZIP_SOURCE_SEEK:
      guard let data else { return fail(ZIP_ER_INVAL) }
      let target = zip_source_seek_compute_offset(UInt64(offset), UInt64(size), data, length, &error)
      guard target >= 0 else { return -1 }
      offset = Int(target)
      return 0
    case ZIP_SOURCE_TELL:
      return Int64(offset)
    case ZIP_SOURCE_SUPPORTS:
      let commands = [
        ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
        ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS,
      ]
      return commands.reduce(Int64(0)) { $0 | Int64(1) << Int64($1.rawValue) }
    default:
      return fail(ZIP_ER_OPNOTSUPP)
    }
  }

  private func read(into data: UnsafeMutableRawPointer, count: Int) -> Int64 {
    guard count > 0 else { return 0 }
    var done = 0
    switch storage {
    case .memory(let buffer):
      guard let base = buffer.baseAddress else { return fail(ZIP_ER_READ) }
      data.copyMemory(from: base + offset, byteCount: count)
      done = count
    case .file(let fd):
      while done < count {
        let n = pread(fd, data + done, count - done, off_t(offset + done))
        if n < 0 {
          if errno == EINTR { continue }
          zip_error_set(&error, ZIP_ER_READ, errno)
          return -1
        }
        if n == 0 { break }
        done += n
      }
    }
    offset += done
    bytesRead += done
    return Int64(done)
  }

  private func fail(_ code: Int32) -> Int64 {
    zip_error_set(&error, code, 0)
    return -1
  }
}
