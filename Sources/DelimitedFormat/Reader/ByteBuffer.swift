#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An immutable, contiguous block of bytes owned by the reader: the file as
/// read (one `read(2)` loop) or its UTF-8 transcoding.
///
/// Large buffers are anonymous memory maps so that the part already decoded
/// can be handed back to the system (`discard(before:)`) while the rest is
/// still being read: a streamed file then never holds much more than its
/// own size in memory. (The file itself is not mapped: a file truncated by
/// another program while mapped would kill the process with SIGBUS.)
///
/// Shared read-only between decoding threads, hence `@unchecked Sendable`:
/// nothing writes to the bytes after `init`, and only the owning thread
/// calls `discard(before:)`, for bytes no thread will read again.
final class ByteBuffer: @unchecked Sendable {
  /// The first byte (valid for `count` bytes; never dangling, even when empty).
  let base: UnsafeMutablePointer<UInt8>
  /// Number of bytes.
  let count: Int
  /// Length of the anonymous mapping, or 0 when the bytes are heap-allocated.
  private let mappedLength: Int
  /// Bytes at the start already given back to the system.
  private var discarded = 0

  /// Buffers at least this large are memory-mapped.
  static let mappingThreshold = 1 << 20

  /// Allocates `capacity` bytes and lets `fill` write them, returning how many it wrote.
  init(capacity: Int, fill: (UnsafeMutablePointer<UInt8>, Int) throws -> Int) rethrows {
    var length = 0
    var pointer: UnsafeMutablePointer<UInt8>?
    if capacity >= ByteBuffer.mappingThreshold {
      let region = mmap(nil, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
      if let region, region != MAP_FAILED {
        pointer = region.assumingMemoryBound(to: UInt8.self)
        length = capacity
      }
    }
    let base = pointer ?? UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity, 1))
    do {
      count = try fill(base, capacity)
    } catch {
      ByteBuffer.free(base, mappedLength: length)
      throw error
    }
    self.base = base
    self.mappedLength = length
  }

  deinit { ByteBuffer.free(base, mappedLength: mappedLength) }

  /// The byte at `index` (unchecked: the caller stays within `0..<count`).
  @inline(__always)
  subscript(index: Int) -> UInt8 { base[index] }

  /// Gives the whole pages before `offset` back to the system. Nothing may
  /// read those bytes afterwards (they would read as zero).
  func discard(before offset: Int) {
    guard mappedLength > 0 else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let end = min(offset, count) / page * page
    guard end > discarded else { return }
    _ = madvise(base + discarded, end - discarded, MADV_DONTNEED)
    discarded = end
  }

  private static func free(_ base: UnsafeMutablePointer<UInt8>, mappedLength: Int) {
    if mappedLength > 0 {
      munmap(base, mappedLength)
    } else {
      base.deallocate()
    }
  }
}
