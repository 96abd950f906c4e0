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
  /// order, a window of batches at a time so only a few MiB of text wait
  /// in memory: the bytes are exactly those of writing them one by one.
  static func writeActions(_ actions: [Action], _ o: inout JSONOutput) {
    let threads = processors
    guard threads > 1, actions.count >= 4 * actionBatch else {
      for a in actions { write(a, &o) }
      return
    }
    let batch = actionBatch
    var start = 0
    while start < actions.count {
      let windowStart = start
      let end = min(actions.count, start + 2 * threads * batch)
      let parts = (end - start + batch - 1) / batch
      let position = o.position
      nonisolated(unsafe) let out = UnsafeMutablePointer<JSONOutput>.allocate(capacity: parts)
      DispatchQueue.concurrentPerform(iterations: parts) { k in
        let from = windowStart + k * batch
        var part = JSONOutput(continuing: position, afterElement: from > 0, capacity: batch * 4096)
        for i in from..<min(end, from + batch) { write(actions[i], &part) }
        (out + k).initialize(to: part)
      }
      for k in 0..<parts { o.join(out[k]) }
      out.deinitialize(count: parts)
      out.deallocate()
      start = end
    }
  }

  /// Online processors.
  private static let processors = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
