#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A buffered byte writer over a file descriptor.
///
/// Appends go to a 1 MiB contiguous buffer that is flushed with `write(2)`
/// when full; nothing is allocated per call. Errors are remembered and
/// reported by `flush()` so hot loops need no `try`.
public final class ByteSink {
  private let fd: Int32
  private var buffer: [UInt8]
  private var count = 0
  private let capacity: Int
  private var failure: String?
  /// Bytes handed to the sink so far.
  public private(set) var bytesWritten = 0

  /// Wraps an open file descriptor; the sink does not close it.
  public init(fileDescriptor: Int32, capacity: Int = 1 << 20) {
    self.fd = fileDescriptor
    self.capacity = capacity
    // Uninitialised, not zero-filled: malloc maps a buffer this large with
    // mmap, so only the pages a write reaches are ever touched. Zero-filling
    // cost 256 page faults and a 1 MiB memset per output (~0.4 ms, most of a
    // small conversion's writing). Bytes are only read up to `count`.
    self.buffer = [UInt8](unsafeUninitializedCapacity: capacity) { _, initialized in
      initialized = capacity
    }
  }

  /// Appends bytes.
  @inlinable
  public func write(_ bytes: some Sequence<UInt8>) {
    for byte in bytes { write(byte: byte) }
  }

  /// Appends one byte.
  public func write(byte: UInt8) {
    if count == capacity { drain() }
    buffer[count] = byte
    count += 1
    bytesWritten += 1
  }

  /// Appends the bytes of a contiguous buffer.
  public func write(_ bytes: UnsafeRawBufferPointer) {
    // A block at least as large as the buffer goes straight to the file
    // (after what is buffered), without being copied through the buffer.
    if bytes.count >= capacity, let base = bytes.baseAddress {
      drain()
      if failure == nil { writeAll(base, bytes.count) }
      bytesWritten += bytes.count
      return
    }
    var offset = 0
    while offset < bytes.count {
      if count == capacity { drain() }
      let n = min(capacity - count, bytes.count - offset)
      buffer.withUnsafeMutableBytes { dst in
        dst.baseAddress!.advanced(by: count).copyMemory(
          from: bytes.baseAddress!.advanced(by: offset), byteCount: n)
      }
      count += n
      offset += n
    }
    bytesWritten += bytes.count
  }

  /// Appends a string's UTF-8 bytes.
  public func write(_ string: String) {
    var s = string
    s.withUTF8 { write(UnsafeRawBufferPointer($0)) }
  }

  /// Writes out everything buffered.
  ///
  /// - Throws: `OutputError.writeFailed` if any write so far failed.
  public func flush(path: String) throws(OutputError) {
    drain()
    if let failure { throw .writeFailed(path: path, reason: failure) }
  }

  private func drain() {
    guard count > 0 else { return }
    if failure == nil {
      buffer.withUnsafeBytes { raw in writeAll(raw.baseAddress!, count) }
    }
    count = 0
  }

  /// Writes `length` bytes with `write(2)`, remembering the first error.
  private func writeAll(_ base: UnsafeRawPointer, _ length: Int) {
    var offset = 0
    while offset < length {
      let n = systemWrite(fd, base.advanced(by: offset), length - offset)
      if n < 0 {
        if errno == EINTR { continue }
        failure = String(cString: strerror(errno))
        return
      }
      offset += n
    }
  }
}

@inline(__always)
private func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc) || canImport(Musl)
    return Glibc.write(fd, pointer, count)
  #else
    return Darwin.write(fd, pointer, count)
  #endif
}
