#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch

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
  ///   - threads: how many threads may read (large files are read in parallel chunks).
  /// - Throws: `DelimitedError` `.fileNotFound`, `.isDirectory`,
  ///   `.notRegularFile`, `.unreadable`, `.fileTooLarge`.
  static func load(path: String, displayName: String, maxBytes: Int, threads: Int = 1) throws(DelimitedError)
    -> ByteBuffer
  {
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
    return try readAll(fd: fd, size: size, displayName: displayName, parallel: threads > 1)
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

  /// Files at least this large are read in parallel chunks.
  static let parallelThreshold = 16 << 20
  /// Bytes per parallel read.
  static let chunkBytes = 4 << 20

  private static func readAll(fd: Int32, size: Int, displayName: String, parallel: Bool) throws(DelimitedError)
    -> ByteBuffer
  {
    do {
      return try ByteBuffer(capacity: size) { pointer, capacity in
        if parallel, capacity >= parallelThreshold {
          return try readInChunks(fd: fd, into: pointer, count: capacity, displayName: displayName)
        }
        return try readRange(fd: fd, into: pointer, from: 0, count: capacity, displayName: displayName)
      }
    } catch let error as DelimitedError {
      throw error
    } catch {
      throw .unreadable(path: displayName, reason: "\(error)")
    }
  }

  /// Reads `count` bytes at `offset` with `pread`, stopping early at the end
  /// of a file that shrank meanwhile; returns the bytes read.
  private static func readRange(
    fd: Int32, into pointer: UnsafeMutablePointer<UInt8>, from offset: Int, count: Int, displayName: String
  ) throws(DelimitedError) -> Int {
    var done = 0
    while done < count {
      let n = pread(fd, pointer + offset + done, count - done, off_t(offset + done))
      if n < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: displayName, reason: String(cString: strerror(errno)))
      }
      if n == 0 { break }
      done += n
    }
    return done
  }

  /// Reads a large file in chunks on several threads: most of a read's time
  /// is the kernel faulting in and filling fresh pages, which runs in
  /// parallel. A file that shrank meanwhile ends at its first short chunk.
  private static func readInChunks(
    fd: Int32, into pointer: UnsafeMutablePointer<UInt8>, count: Int, displayName: String
  ) throws(DelimitedError) -> Int {
    let chunks = (count + chunkBytes - 1) / chunkBytes
    let results = ChunkResults(count: chunks)
    let target = UnsafeSendablePointer(pointer)
    DispatchQueue.concurrentPerform(iterations: chunks) { k in
      let offset = k * chunkBytes
      let length = min(chunkBytes, count - offset)
      do throws(DelimitedError) {
        results.set(k, .success(try readRange(fd: fd, into: target.pointer, from: offset, count: length, displayName: displayName)))
      } catch {
        results.set(k, .failure(error))
      }
    }
    var total = 0
    for k in 0..<chunks {
      switch results.get(k) {
      case .failure(let error): throw error
      case .success(let n):
        total += n
        if n < min(chunkBytes, count - k * chunkBytes) { return total }
      }
    }
    return total
  }

}

/// A buffer pointer handed to reading threads that each write a disjoint range.
private struct UnsafeSendablePointer: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<UInt8>
  init(_ pointer: UnsafeMutablePointer<UInt8>) { self.pointer = pointer }
}

/// Per-chunk outcomes of a parallel read, each written by one thread.
private final class ChunkResults: @unchecked Sendable {
  private let lock = SemaphoreLock()
  private var results: [Result<Int, DelimitedError>]
  init(count: Int) { results = Array(repeating: .success(0), count: count) }
  func set(_ k: Int, _ result: Result<Int, DelimitedError>) { lock.run { results[k] = result } }
  func get(_ k: Int) -> Result<Int, DelimitedError> { lock.run { results[k] } }
}

/// A tiny mutex from a dispatch semaphore (no Foundation in the format layer).
private struct SemaphoreLock: @unchecked Sendable {
  private let semaphore: DispatchSemaphore
  init() {
    semaphore = DispatchSemaphore(value: 0)
    semaphore.signal()
  }
  func run<T>(_ body: () -> T) -> T {
    semaphore.wait()
    defer { semaphore.signal() }
    return body()
  }
}
