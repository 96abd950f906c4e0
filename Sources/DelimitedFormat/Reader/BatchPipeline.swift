import Dispatch

/// Decodes numbered batches (of rows) on helper threads, ahead of a caller
/// that takes them strictly in order and decodes batches itself whenever
/// that is quicker than waiting, so a busy machine never makes the parallel
/// read much slower than a sequential one:
///
/// - a batch nobody has claimed yet, the caller decodes itself;
/// - while a helper decodes the batch the caller needs, the caller decodes
///   a later one, or waits a little (`patience`, about two batch times);
/// - a helper that is still not done then (typically descheduled on a
///   machine shared with other work) loses the batch: the caller decodes it
///   and the helper's copy is thrown away when it arrives.
///
/// At most `window` batches are decoded and not yet taken (memory stays
/// bounded). A helper's batch, once used, goes back to that helper to be
/// freed: malloc frees fastest on the thread that allocated (a cross-thread
/// free contends for the allocating thread's arena lock, which measured
/// slower than not using threads at all). Call `finish()` once, also after
/// an error.
final class BatchPipeline<Batch>: @unchecked Sendable {
  private enum SlotState {
    case idle
    case decoding(batch: Int)
    case ready(batch: Int, by: Int)
  }

  private let batchCount: Int
  private let window: Int
  private let helpers: Int
  private let decode: @Sendable (Int) -> Batch
  /// Guards everything below it.
  ///
  /// Semaphores start at 0 and are signalled up to their initial value:
  /// libdispatch traps when a semaphore is freed holding less than the value
  /// it was created with.
  private let lock = DispatchSemaphore(value: 0)
  private var nextClaim = 0
  private var cancelled = false
  private var states: [SlotState]
  private var slots: [Batch?]
  /// Used batches waiting to be freed by the helper that decoded them (index `helper - 1`).
  private var graveyards: [[Batch]]
  /// Permits for helpers to claim a batch: `window` minus helper batches not yet taken.
  private let free = DispatchSemaphore(value: 0)
  /// Signalled when a batch is stored in the slot (a hint: state is checked under `lock`).
  private let wake: [DispatchSemaphore]
  private let group = DispatchGroup()
  /// How long the caller waits for a helper's batch before decoding it itself (caller only).
  private var patience: DispatchTimeInterval = .milliseconds(5)

  /// Starts `helpers` threads decoding `batchCount` batches with `decode`.
  init(batchCount: Int, helpers: Int, window: Int, decode: @escaping @Sendable (Int) -> Batch) {
    self.batchCount = batchCount
    self.window = window
    self.helpers = helpers
    self.decode = decode
    states = Array(repeating: .idle, count: window)
    slots = Array(repeating: nil, count: window)
    graveyards = Array(repeating: [], count: helpers)
    wake = (0..<window).map { _ in DispatchSemaphore(value: 0) }
    lock.signal()
    for _ in 0..<window { free.signal() }
    for helper in 1...max(1, helpers) where helpers > 0 {
      group.enter()
      DispatchQueue.global().async {
        repeat { self.free.wait() } while self.claimAndDecode(by: helper)
        self.group.leave()
      }
    }
  }

  /// Calls `body` with batch `k`; batches must be taken in order 0, 1, 2, …
  func take<E: Error>(_ k: Int, _ body: (Batch) throws(E) -> Void) throws(E) {
    let slot = k % window
    while true {
      lock.wait()
      if case .ready(let batch, let helper) = states[slot], batch == k, let rows = slots[slot] {
        slots[slot] = nil
        states[slot] = .idle
        lock.signal()
        free.signal()
        defer { bury(rows, decodedBy: helper) }
        try body(rows)
        return
      }
      if nextClaim == k {  // nobody has it yet
        nextClaim += 1
        lock.signal()
        try body(decodeHere(k))
        return
      }
      lock.signal()
      // A helper has batch k. Decode a later batch meanwhile, or wait a little.
      if free.wait(timeout: .now()) == .success, claimAndDecode(by: 0) { continue }
      if wake[slot].wait(timeout: .now() + patience) == .success { continue }
      lock.wait()
      if case .decoding(let batch) = states[slot], batch == k {
        states[slot] = .idle  // the helper's copy will be thrown away
        lock.signal()
        free.signal()
        try body(decodeHere(k))
        return
      }
      lock.signal()
    }
  }

  /// Stops the helpers (after the last batch or an error) and waits for them.
  func finish() {
    lock.wait()
    cancelled = true
    lock.signal()
    for _ in 0..<helpers { free.signal() }
    group.wait()
  }

  /// Decodes batch `k` on the caller's thread, learning how long a batch takes.
  private func decodeHere(_ k: Int) -> Batch {
    let start = DispatchTime.now().uptimeNanoseconds
    let rows = decode(k)
    let nanoseconds = Int(clamping: DispatchTime.now().uptimeNanoseconds - start)
    patience = .nanoseconds(max(1_000_000, 2 * nanoseconds))
    return rows
  }

  /// Claims the next batch and decodes it into its slot (`thread` 0 is the
  /// caller). Returns false, giving the permit back, when no batch is left or
  /// the pipeline is stopping.
  private func claimAndDecode(by thread: Int) -> Bool {
    lock.wait()
    guard !cancelled, nextClaim < batchCount else {
      lock.signal()
      free.signal()
      return false
    }
    let k = nextClaim
    nextClaim += 1
    let slot = k % window
    states[slot] = .decoding(batch: k)
    var used: [Batch] = []
    if thread > 0 { swap(&used, &graveyards[thread - 1]) }
    lock.signal()
    used.removeAll()  // freed here, on the thread that allocated them
    let rows = decode(k)
    lock.wait()
    if case .decoding(let batch) = states[slot], batch == k {
      slots[slot] = rows
      states[slot] = .ready(batch: k, by: thread)
      lock.signal()
      wake[slot].signal()
    } else {
      lock.signal()  // the caller took this batch over; `rows` is dropped here
    }
    return true
  }

  private func bury(_ rows: Batch, decodedBy helper: Int) {
    guard helper > 0 else { return }
    lock.wait()
    graveyards[helper - 1].append(rows)
    lock.signal()
  }
}
