import Dispatch

/// Work split into parts that run on every processor, with the results kept
/// in part order: how `Validator`, `PlanMerger` and the board report use the
/// second core and still give the result one thread gives.
///
/// ```swift
/// let counts = OrderedParts.results(16, threads: true) { k in rows(k).count }
/// ```
package enum OrderedParts {
  /// `part(0)`, …, `part(count - 1)`, in that order. With `threads`, the
  /// parts run at once on several threads (`DispatchQueue.concurrentPerform`),
  /// so each must depend only on its index and on state no part changes.
  package static func results<T>(_ count: Int, threads: Bool, _ part: (Int) -> T) -> [T] {
    guard threads, count > 1 else { return (0..<count).map(part) }
    return withoutActuallyEscaping(part) { part in
      nonisolated(unsafe) let part = part
      return [T](unsafeUninitializedCapacity: count) { buffer, initialised in
        nonisolated(unsafe) let slots = buffer
        DispatchQueue.concurrentPerform(iterations: count) { k in (slots.baseAddress! + k).initialize(to: part(k)) }
        initialised = count
      }
    }
  }
}
