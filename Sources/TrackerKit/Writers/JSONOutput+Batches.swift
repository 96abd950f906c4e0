import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension JSONOutput {
  /// Writes elements `0..<count` of the open array, each through `element`
  /// (given its index, the writer and a scratch value of the writer's own).
  ///
  /// A long array is written in batches of `batch` elements on every
  /// processor, each batch into its own buffer from the same position in
  /// the document, and the buffers are joined in order, a window of batches
  /// at a time, so only a few MiB of text wait in memory: the bytes are
  /// exactly those of writing the elements one by one. Two sets of buffers
  /// take turns, so one window is handed to the file while the next is
  /// written (the kernel's copy of a document of hundreds of MB into the
  /// page cache otherwise waits for, and holds up, the writing).
  ///
  /// - Parameters:
  ///   - scratch: makes the scratch value each buffer's writing reuses
  ///     (one for a short array written here).
  ///   - element: writes element `i`; it runs on several threads at once,
  ///     so it may only read what it is not given.
  mutating func writeElements<Scratch>(
    count: Int, batch: Int, scratch: () -> Scratch, _ element: (Int, inout JSONOutput, inout Scratch) -> Void
  ) {
    let threads = Self.processors
    guard threads > 1, count >= 4 * batch else {
      var scratch = scratch()
      for i in 0..<count { element(i, &self, &scratch) }
      return
    }
    let slots = min(2 * threads, (count + batch - 1) / batch)
    let position = self.position
    nonisolated(unsafe) let parts = UnsafeMutablePointer<Batch<Scratch>>.allocate(capacity: 2 * slots)
    for k in 0..<2 * slots {
      (parts + k).initialize(
        to: Batch(
          out: JSONOutput(continuing: position, afterElement: true, capacity: batch * Self.bytesPerElementGuess),
          scratch: scratch()))
    }
    defer {
      parts.deinitialize(count: 2 * slots)
      parts.deallocate()
    }
    withUnsafeMutablePointer(to: &self) { out in
      Self.writeWindows(count: count, batch: batch, slots: slots, parts: parts, position: position, out, element)
    }
  }

  /// One batch's buffer and its scratch value.
  private struct Batch<Scratch>: ~Copyable {
    var out: JSONOutput
    var scratch: Scratch
  }

  /// Writes the elements a window of `slots` batches at a time, into the two
  /// sets of `slots` buffers at `parts` in turn; each window's buffers are
  /// joined to `out` while the window after it is written.
  private static func writeWindows<Scratch>(
    count total: Int, batch: Int, slots: Int, parts: UnsafeMutablePointer<Batch<Scratch>>, position: Position,
    _ out: UnsafeMutablePointer<JSONOutput>, _ element: (Int, inout JSONOutput, inout Scratch) -> Void
  ) {
    nonisolated(unsafe) let parts = parts
    nonisolated(unsafe) let out = out
    var start = 0
    var window = 0
    var pending: (first: Int, count: Int)? = nil  // the window written last turn, to join
    while start < total || pending != nil {
      let windowStart = start
      let end = min(total, start + slots * batch)
      let count = (end - start + batch - 1) / batch
      let first = (window % 2) * slots
      let joining = pending
      // Iteration 0 joins the last window (in order, on one thread); the others write this one.
      let offset = joining == nil ? 0 : 1
      withoutActuallyEscaping(element) { element in
        nonisolated(unsafe) let element = element
        DispatchQueue.concurrentPerform(iterations: count + offset) { k in
          if let joining, k == 0 {
            for j in 0..<joining.count { out.pointee.join(parts[joining.first + j].out) }
            return
          }
          let slot = first + k - offset
          let from = windowStart + (k - offset) * batch
          parts[slot].out.restart(at: position, afterElement: from > 0)
          for i in from..<min(end, from + batch) { element(i, &parts[slot].out, &parts[slot].scratch) }
        }
      }
      pending = count > 0 ? (first, count) : nil
      start = end
      window += 1
    }
  }

  /// What a buffer starts with room for, per element (it grows when needed).
  private static let bytesPerElementGuess = 4096

  /// Online processors.
  private static let processors = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
