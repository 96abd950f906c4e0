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
  static let actionBatch = 1_000

  /// Writes the elements of the `actions` array. A large plan's actions are
  /// written in batches on every processor (each batch into its own buffer,
  /// from the same position in the document) and the buffers joined in
  /// order, a window of batches at a time, so only a few MiB of text wait
  /// in memory and the same buffers serve every window: the bytes are
  /// exactly those of writing the actions one by one.
  static func writeActions(_ actions: [Action], _ o: inout JSONOutput) {
    let threads = processors
    guard threads > 1, actions.count >= 4 * actionBatch else {
      for i in actions.indices { write(actions[i], &o) }
      return
    }
    let batch = actionBatch
    let slots = min(2 * threads, (actions.count + batch - 1) / batch)
    let position = o.position
    nonisolated(unsafe) let parts = UnsafeMutablePointer<JSONOutput>.allocate(capacity: slots)
    for k in 0..<slots { (parts + k).initialize(to: JSONOutput(continuing: position, afterElement: true, capacity: batch * 4096)) }
    defer {
      parts.deinitialize(count: slots)
      parts.deallocate()
    }
    actions.withUnsafeBufferPointer { all in writeWindows(all, slots: slots, parts: parts, &o) }
  }

  /// Writes `actions` a window of `slots` batches at a time through `parts`.
  private static func writeWindows(
    _ actions: UnsafeBufferPointer<Action>, slots: Int, parts: UnsafeMutablePointer<JSONOutput>, _ o: inout JSONOutput
  ) {
    let batch = actionBatch
    nonisolated(unsafe) let actions = actions
    nonisolated(unsafe) let parts = parts
    var start = 0
    while start < actions.count {
      let windowStart = start
      let end = min(actions.count, start + slots * batch)
      let count = (end - start + batch - 1) / batch
      let position = o.position
      DispatchQueue.concurrentPerform(iterations: count) { k in
        let from = windowStart + k * batch
        parts[k].restart(at: position, afterElement: from > 0)
        for i in from..<min(end, from + batch) { write(actions[i], &parts[k]) }
      }
      for k in 0..<count { o.join(parts[k]) }
      start = end
    }
  }

  /// Online processors.
  private static let processors = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
