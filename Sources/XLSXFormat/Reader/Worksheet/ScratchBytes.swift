import XMLStream

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The growable byte buffer a worksheet handler reuses for every cell's
/// value text: plain memory, so filling and reading it costs no reference
/// counting or uniqueness checks (it is touched several times per cell).
/// The owner calls `free()` once, in its `deinit`.
struct ScratchBytes {
  private(set) var base: UnsafeMutablePointer<UInt8>
  /// Bytes held.
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
  }

  /// Releases the memory; the buffer must not be used afterwards.
  func free() { base.deallocate() }

  /// Empties the buffer, keeping its memory.
  @inline(__always) mutating func removeAll() { count = 0 }

  /// Appends the bytes of a parser view.
  @inline(__always) mutating func append(_ bytes: XMLBytes) {
    let needed = count + bytes.count
    if needed > capacity { grow(to: needed) }
    bytes.withSpan { span in
      span.withUnsafeBufferPointer { source in
        if let from = source.baseAddress { (base + count).update(from: from, count: source.count) }
      }
    }
    count = needed
  }

  /// The bytes held.
  @inline(__always) var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  /// Whether the bytes equal an ASCII literal.
  func equals(_ literal: StaticString) -> Bool {
    literal.utf8CodeUnitCount == count && memcmp(base, literal.utf8Start, count) == 0
  }

  private mutating func grow(to needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    bigger.update(from: base, count: count)
    base.deallocate()
    base = bigger
    capacity = newCapacity
  }
}
