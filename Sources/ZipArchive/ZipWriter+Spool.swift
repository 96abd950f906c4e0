#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch

/// A temporary file that exists only as an open descriptor: it is created
/// with `O_EXCL` and unlinked at once, so it vanishes when closed, even if
/// the process dies. Holds the compressed body of a streamed zip entry.
final class SpoolFile: @unchecked Sendable {
  // The descriptor is appended to by one spool's queue, then read with
  // `pread` by the zip writer only after the spool finished: a hand-over,
  // never concurrent use.
  let fd: Int32
  let directory: String

  /// Creates and unlinks a file in `directory`.
  init(directory: String) throws(ZipWriteError) {
    self.directory = directory
    var generator = SystemRandomNumberGenerator()
    var lastError = ""
    for _ in 0..<8 {
      let name = "\(directory)/.wsoa-spool.\(getpid()).\(String(generator.next() & 0xFFFF_FFFF, radix: 36)).tmp"
      let fd = open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      if fd >= 0 {
        unlink(name)
        self.fd = fd
        return
      }
      lastError = String(cString: strerror(errno))
      if errno != EEXIST { break }
    }
    throw .spoolFailed(directory: directory, reason: lastError)
  }

  deinit { close(fd) }

  /// Appends bytes at the end (`write`), retrying short writes.
  func append(_ bytes: UnsafeRawBufferPointer) throws(ZipWriteError) {
    guard var pointer = bytes.baseAddress else { return }
    var remaining = bytes.count
    while remaining > 0 {
      let n = write(fd, pointer, remaining)
      if n < 0 {
        if errno == EINTR { continue }
        throw .spoolFailed(directory: directory, reason: String(cString: strerror(errno)))
      }
      pointer += n
      remaining -= n
    }
  }

  /// Reads up to `count` bytes at `offset` (`pread`). Returns the number read, or -1.
  func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Int {
    while true {
      let n = pread(fd, buffer, count, off_t(offset))
      if n < 0 && errno == EINTR { continue }
      return n
    }
  }
}

/// Streams bytes into a compressed zip-entry segment kept in an unlinked
/// spool file, so a part of any size needs only a few megabytes of memory.
///
/// Bytes are gathered in 1 MiB chunks. With `compressesInBackground`, each
/// full chunk is deflated on a serial background queue while the caller goes
/// on producing the next (at most eight chunks wait, so a briefly descheduled
/// compressor rarely stalls the producer), so XML generation and
/// compression use two cores. The output does not depend on that choice.
///
/// ```swift
/// let spool = try DeflateSpool(directory: "/tmp", level: 1)
/// spool.write(bytes)
/// let segment = try spool.finish()      // hand to ZipWriter.addEntry
/// ```
public final class DeflateSpool: @unchecked Sendable {
  // Threading: the caller's thread owns `chunk`, `chunkCount` and
  // `bytesWritten`; the queue owns
  // `deflater`, `file`, `crc`, `size`, `compressedSize` and `failure`, which
  // the caller reads only after `queue.sync` in `finish()`.
  private static let chunkSize = 1 << 20
  private let deflater: Deflater
  private let file: SpoolFile
  private let queue: DispatchQueue?
  private let slots = DispatchSemaphore(value: 8)
  private var chunk: UnsafeMutableRawBufferPointer
  private var chunkCount = 0
  private var crc: UInt32 = 0
  private var size = 0
  private var compressedSize = 0
  private var failure: ZipWriteError?
  private var isFinished = false

  /// Creates a spool.
  ///
  /// - Parameters:
  ///   - directory: where the (immediately unlinked) spool file is created.
  ///   - level: zlib level 0 ... 9.
  ///   - compressesInBackground: deflate on a background queue.
  /// - Throws: `ZipWriteError.spoolFailed` or `.compressionFailed`.
  public init(directory: String, level: Int, compressesInBackground: Bool = true) throws(ZipWriteError) {
    deflater = try Deflater(level: level)
    file = try SpoolFile(directory: directory)
    queue = compressesInBackground ? DispatchQueue(label: "wsoa.deflate-spool") : nil
    chunk = .allocate(byteCount: DeflateSpool.chunkSize, alignment: 16)
  }

  deinit {
    // Let queued work finish before the memory it uses goes away.
    queue?.sync {}
    chunk.deallocate()
  }

  /// Number of uncompressed bytes written so far.
  public private(set) var bytesWritten = 0

  /// Appends bytes (copied; the caller may reuse its buffer at once).
  public func write(_ bytes: UnsafeRawBufferPointer) {
    guard var source = bytes.baseAddress else { return }
    var remaining = bytes.count
    bytesWritten += remaining
    while remaining > 0 {
      let n = min(remaining, chunk.count - chunkCount)
      (chunk.baseAddress! + chunkCount).copyMemory(from: source, byteCount: n)
      chunkCount += n
      source += n
      remaining -= n
      if chunkCount == chunk.count { submitChunk() }
    }
  }

  /// Ends the segment (sync flush) and returns it.
  ///
  /// - Throws: the first compression or spool-file error met while streaming.
  public func finish() throws(ZipWriteError) -> DeflateSegment {
    guard !isFinished else { throw .compressionFailed(reason: "spool finished twice") }
    isFinished = true
    if chunkCount > 0 { submitChunk() }
    let flushWork = { [self] in
      guard failure == nil else { return }
      do throws(ZipWriteError) {
        try deflater.compress(UnsafeRawBufferPointer(start: nil, count: 0), flush: .sync) {
          (piece) throws(ZipWriteError) in
          try file.append(piece)
          compressedSize += piece.count
        }
      } catch { failure = error }
    }
    if let queue { queue.sync(execute: flushWork) } else { flushWork() }
    if let failure { throw failure }
    return DeflateSegment(storage: .file(file, length: compressedSize), crc: crc, uncompressedSize: size)
  }

  private func submitChunk() {
    let full = UnsafeRawBufferPointer(rebasing: chunk[0..<chunkCount])
    guard let queue else {
      compressChunk(full)
      chunkCount = 0
      return
    }
    // Hand the full chunk to the queue and continue in a fresh one.
    let owned = OwnedChunk(memory: chunk, count: chunkCount)
    chunk = .allocate(byteCount: DeflateSpool.chunkSize, alignment: 16)
    chunkCount = 0
    slots.wait()
    queue.async { [self] in
      compressChunk(UnsafeRawBufferPointer(rebasing: owned.memory[0..<owned.count]))
      owned.memory.deallocate()
      slots.signal()
    }
  }

  private func compressChunk(_ bytes: UnsafeRawBufferPointer) {
    guard failure == nil else { return }
    crc = Deflater.crc(bytes, previous: crc)
    size += bytes.count
    do throws(ZipWriteError) {
      try deflater.compress(bytes, flush: .none) { (piece) throws(ZipWriteError) in
        try file.append(piece)
        compressedSize += piece.count
      }
    } catch { failure = error }
  }
}

/// A filled chunk handed from the producing thread to the compression queue,
/// which frees it; nobody else touches it after the hand-over.
private struct OwnedChunk: @unchecked Sendable {
  let memory: UnsafeMutableRawBufferPointer
  let count: Int
}
