import Dispatch

/// Reusable byte buffers for reading batches of a file, one per thread at a
/// time: each buffer's pages are faulted in once, not once per batch.
final class ScratchPool: @unchecked Sendable {
  /// A buffer of `capacity` bytes.
  final class Buffer {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    init(capacity: Int) {
      self.capacity = max(capacity, 1)
      base = .allocate(capacity: self.capacity)
    }
    deinit { base.deallocate() }
  }

  private let lock = DispatchSemaphore(value: 0)
  private var free: [Buffer] = []

  init() { lock.signal() }

  /// A buffer of at least `count` bytes.
  func take(_ count: Int) -> Buffer {
    lock.wait()
    let index = free.firstIndex { $0.capacity >= count } ?? (free.isEmpty ? nil : free.count - 1)
    let reused = index.map { free.remove(at: $0) }
    lock.signal()
    if let reused, reused.capacity >= count { return reused }
    // Too small (dropped) or none: allocate with room to grow.
    return Buffer(capacity: max(count, (reused?.capacity ?? 0) * 2, 1 << 20))
  }

  /// Returns a buffer for reuse.
  func give(_ buffer: Buffer) {
    lock.wait()
    free.append(buffer)
    lock.signal()
  }
}
