import Dispatch
import TrackerModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension PlanJSONWriter {
  /// Actions per batch a thread writes.
  static let actionBatch = 500

  /// Writes the elements of the `actions` array. A large plan's actions are
  /// written in batches on every processor (each batch into its own buffer,
  /// from the same position in the document) and the buffers joined in
  /// order, a window of batches at a time, so only a few MiB of text wait
  /// in memory: the bytes are exactly those of writing the actions one by
  /// one. Two sets of buffers take turns, so one window is handed to the
  /// file while the next is written (the kernel's copy of a 300 MB document
  /// into the page cache otherwise waits for, and holds up, the writing).
  static func writeActions(_ actions: [Action], _ o: inout JSONOutput) {
    let threads = processors
    guard threads > 1, actions.count >= 4 * actionBatch else {
      for i in actions.indices { write(actions[i], &o) }
      return
    }
    let batch = actionBatch
    let slots = min(2 * threads, (actions.count + batch - 1) / batch)
    let position = o.position
    nonisolated(unsafe) let parts = UnsafeMutablePointer<JSONOutput>.allocate(capacity: 2 * slots)
    for k in 0..<2 * slots {
      (parts + k).initialize(to: JSONOutput(continuing: position, afterElement: true, capacity: batch * 4096))
    }
    defer {
      parts.deinitialize(count: 2 * slots)
      parts.deallocate()
    }
    actions.withUnsafeBufferPointer { all in
      withUnsafeMutablePointer(to: &o) { out in writeWindows(all, slots: slots, parts: parts, position: position, out) }
    }
  }

  /// Writes `actions` a window of `slots` batches at a time, into the two
  /// sets of `slots` buffers at `parts` in turn; each window's buffers are
  /// joined to `out` while the window after it is written.
  private static func writeWindows(
    _ actions: UnsafeBufferPointer<Action>, slots: Int, parts: UnsafeMutablePointer<JSONOutput>,
    position: JSONOutput.Position, _ out: UnsafeMutablePointer<JSONOutput>
  ) {
    let batch = actionBatch
    nonisolated(unsafe) let actions = actions
    nonisolated(unsafe) let parts = parts
    nonisolated(unsafe) let out = out
    var start = 0
    var window = 0
    var pending: (first: Int, count: Int)? = nil  // the window written last turn, to join
    while start < actions.count || pending != nil {
      let windowStart = start
      let end = min(actions.count, start + slots * batch)
      let count = (end - start + batch - 1) / batch
      let first = (window % 2) * slots
      let joining = pending
      // Iteration 0 joins the last window (in order, on one thread); the others write this one.
      let offset = joining == nil ? 0 : 1
      DispatchQueue.concurrentPerform(iterations: count + offset) { k in
        if let joining, k == 0 {
          for j in 0..<joining.count { out.pointee.join(parts[joining.first + j]) }
          return
        }
        let slot = k - offset
        let from = windowStart + slot * batch
        parts[first + slot].restart(at: position, afterElement: from > 0)
        for i in from..<min(end, from + batch) { write(actions[i], &parts[first + slot]) }
      }
      pending = count > 0 ? (first, count) : nil
      start = end
      window += 1
    }
  }

  /// Online processors.
  private static let processors = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
