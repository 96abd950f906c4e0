import Dispatch
import Grid

/// Decodes numbered batches of rows on helper threads, ahead of a caller
/// that takes them strictly in order and decodes batches itself while it
/// waits, so a busy machine never makes the parallel read slower than a
/// sequential one.
///
/// At most `window` batches are decoded and not yet taken (memory stays
/// bounded); each batch is decoded exactly once, by whichever thread claims
/// it first. A helper's batch, once used, goes back to that helper to be
/// freed: malloc frees memory fastest on the thread that allocated it (a
/// cross-thread free contends for the allocating thread's arena lock, which
/// measured slower than not using threads at all). Call `finish()` exactly
/// once, also after an error.
final class BatchPipeline: @unchecked Sendable {
  private let batchCount: Int
  private let window: Int
  private let helpers: Int
  private let decode: @Sendable (Int) -> [Row]
  /// Guards `nextClaim`, `cancelled` and `graveyards`.
  private let lock = DispatchSemaphore(value: 1)
  private var nextClaim = 0
  private var cancelled = false
  /// Used batches waiting to be freed by the helper that decoded them (index `helper - 1`).
  private var graveyards: [[[Row]]]
  /// Which thread decoded the batch in each slot: 0 the caller, 1... a helper.
  private let decodedBy: UnsafeMutableBufferPointer<Int>
  /// Permits to claim a batch: `window` minus batches claimed and not yet taken.
  private let free: DispatchSemaphore
  /// Signalled once when the batch in slot `k % window` is stored.
  private let ready: [DispatchSemaphore]
  private let slots: UnsafeMutableBufferPointer<[Row]>
  private let group = DispatchGroup()

  /// Starts `helpers` threads decoding `batchCount` batches with `decode`.
  init(batchCount: Int, helpers: Int, window: Int, decode: @escaping @Sendable (Int) -> [Row]) {
    self.batchCount = batchCount
    self.window = window
    self.helpers = helpers
    self.decode = decode
    free = DispatchSemaphore(value: window)
    ready = (0..<window).map { _ in DispatchSemaphore(value: 0) }
    slots = .allocate(capacity: window)
    slots.initialize(repeating: [])
    decodedBy = .allocate(capacity: window)
    decodedBy.initialize(repeating: 0)
    graveyards = Array(repeating: [], count: helpers)
    for helper in 1...max(1, helpers) where helpers > 0 {
      group.enter()
      DispatchQueue.global().async {
        self.work(helper: helper)
        self.group.leave()
      }
    }
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
    decodedBy.deallocate()
  }

  /// Calls `body` with batch `k`; batches must be taken in order 0, 1, 2, …
  func take<E: Error>(_ k: Int, _ body: ([Row]) throws(E) -> Void) throws(E) {
    let slot = k % window
    while ready[slot].wait(timeout: .now()) == .timedOut {
      // Not ready: help by decoding the next unclaimed batch, else wait.
      if free.wait(timeout: .now()) == .success, claimAndDecode(by: 0) { continue }
      ready[slot].wait()
      break
    }
    let rows = slots[slot]
    let helper = decodedBy[slot]
    slots[slot] = []
    free.signal()
    defer {
      if helper > 0 {
        lock.wait()
        graveyards[helper - 1].append(rows)
        lock.signal()
      }
    }
    try body(rows)
  }

  /// Stops the helpers (after the last batch or an error) and waits for them.
  func finish() {
    lock.wait()
    cancelled = true
    lock.signal()
    for _ in 0..<helpers { free.signal() }
    group.wait()
  }

  private func work(helper: Int) {
    while true {
      free.wait()
      lock.wait()
      let used = graveyards[helper - 1]
      graveyards[helper - 1] = []
      lock.signal()
      _ = consume used  // freed here, on the thread that allocated it
      guard claimAndDecode(by: helper) else { return }
    }
  }

  /// Claims the next batch and decodes it into its slot. Returns false, and
  /// gives the permit back, when no batch is left or the pipeline is stopping.
  private func claimAndDecode(by thread: Int) -> Bool {
    lock.wait()
    let k = nextClaim
    let go = !cancelled && k < batchCount
    if go { nextClaim += 1 }
    lock.signal()
    guard go else {
      free.signal()
      return false
    }
    slots[k % window] = decode(k)
    decodedBy[k % window] = thread
    ready[k % window].signal()
    return true
  }
}
