import CLibZip
import Dispatch
import Synchronization

/// Inflates one zip entry on a second thread into a bounded ring of chunks
/// while the calling thread consumes the previous ones, so inflating and
/// parsing overlap on two cores.
///
/// The producer owns the libzip file handle while `run` is active; the
/// consumer never touches libzip. Two semaphores hand slots back and forth
/// (the classic bounded buffer); a slot with a negative count ends the
/// stream, with `failure` set when it ended on an error. If the consumer's
/// body throws, it raises `cancelled` and drains the ring until the producer
/// has stopped, so the handle is never used after `run` returns.
final class InflatePipeline: @unchecked Sendable {
  private static let slotCount = 4
  private let file: OpaquePointer
  private let chunkSize: Int
  private let storage: UnsafeMutableRawBufferPointer
  private let counts: UnsafeMutablePointer<Int>
  // Semaphores start at 0 and are signalled up: libdispatch traps when one
  // is released holding less than its initial value.
  private let free = DispatchSemaphore(value: 0)
  private let ready = DispatchSemaphore(value: 0)
  private let finished = DispatchSemaphore(value: 0)
  private let cancelled = Atomic<Bool>(false)
  /// The meter, owned by the producer until `finished` is signalled.
  private(set) var meter: InflateMeter
  private var failure: ZipError?

  init(file: OpaquePointer, chunkSize: Int, meter: InflateMeter) {
    self.file = file
    self.chunkSize = chunkSize
    self.meter = meter
    storage = UnsafeMutableRawBufferPointer.allocate(
      byteCount: chunkSize * InflatePipeline.slotCount, alignment: 64)
    counts = UnsafeMutablePointer<Int>.allocate(capacity: InflatePipeline.slotCount)
    counts.initialize(repeating: 0, count: InflatePipeline.slotCount)
    for _ in 0..<InflatePipeline.slotCount { free.signal() }
  }

  deinit {
    storage.deallocate()
    counts.deallocate()
  }

  /// Runs the producer and hands every chunk to `body` on this thread.
  func run(_ body: (Span<UInt8>) throws -> Void) throws {
    DispatchQueue.global(qos: .userInitiated).async { self.produce() }
    var slot = 0
    while true {
      ready.wait()
      let count = counts[slot]
      if count < 0 { break }
      let start = storage.baseAddress.map { $0 + slot * chunkSize }
      let bytes = UnsafeBufferPointer(start: start?.assumingMemoryBound(to: UInt8.self), count: count)
      do {
        try body(unsafe Span(_unsafeElements: bytes))
      } catch {
        cancel(after: slot)
        throw error
      }
      free.signal()
      slot = (slot + 1) % InflatePipeline.slotCount
    }
    finished.wait()
    if let failure { throw failure }
  }

  private func cancel(after slot: Int) {
    cancelled.store(true, ordering: .releasing)
    free.signal()
    var next = slot
    while true {
      next = (next + 1) % InflatePipeline.slotCount
      ready.wait()
      if counts[next] < 0 { break }
      free.signal()
    }
    finished.wait()
  }

  private func produce() {
    var slot = 0
    defer { finished.signal() }
    while true {
      free.wait()
      if cancelled.load(ordering: .acquiring) {
        end(slot)
        return
      }
      let start = storage.baseAddress.map { $0 + slot * chunkSize }
      let count = start.map { zip_fread(file, $0, UInt64(chunkSize)) } ?? -1
      if count < 0 {
        failure = LibZipCalls.entryError(
          code: zip_error_code_zip(zip_file_get_error(file)), archive: meter.archive, entry: meter.entry)
        end(slot)
        return
      }
      if count == 0 {
        end(slot)
        return
      }
      do {
        try meter.add(Int(count))
      } catch {
        failure = error
        end(slot)
        return
      }
      counts[slot] = Int(count)
      ready.signal()
      slot = (slot + 1) % InflatePipeline.slotCount
    }
  }

  private func end(_ slot: Int) {
    counts[slot] = -1
    ready.signal()
  }
}
