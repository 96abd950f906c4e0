import Synchronization

/// Holds the last large value a command made (a plan, a report) until the
/// process exits: freeing a 100,000-action plan costs a fifth of a second
/// the process is about to get back for free at exit. Only the last value
/// is kept, so a batch does not hold every file it converted.
///
/// Commands run on several threads at once in one process (a library
/// client, the tests), so the value is swapped under a lock: two commands
/// finishing together must not both let the same earlier value go.
enum KeptUntilExit {
  /// The value, as the lock holds it (`Any` says nothing of threads; only
  /// the lock's holder touches it).
  private struct Slot: @unchecked Sendable { var value: Any? }
  private static let slot = Mutex(Slot())

  /// Keeps `value` (and lets the one kept before go, outside the lock).
  static func keep(_ value: Any) {
    let previous = slot.withLock { kept in
      let previous = kept
      kept = Slot(value: value)
      return previous
    }
    _ = previous
  }
}
