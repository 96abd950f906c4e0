import Dispatch
import Synchronization

/// The SHA-256 of a merge input's file, computed on another thread while the
/// input itself is read: hashing a large return costs a third as long as
/// reading it, and reading leaves part of the second core free.
///
/// ```swift
/// let hashing = InputHash(path)
/// guard let plan = try? load(path) else { hashing.cancel(); ... }
/// let digest = hashing.value()  // waits for the hash
/// ```
final class InputHash: Sendable {
  private let done = DispatchSemaphore(value: 0)
  private let cancelled = Atomic<Bool>(false)
  // Set on the hashing thread before `done` is signalled and read after
  // waiting on it: the semaphore orders the two.
  nonisolated(unsafe) private var digest: String?
  private let waited = Atomic<Bool>(false)

  /// Starts hashing the file at `path` (`FileProbe.sha256`: a regular file only).
  init(_ path: String) {
    DispatchQueue.global().async { [self] in
      digest = FileProbe.sha256(path) { !cancelled.load(ordering: .relaxed) }
      done.signal()
    }
  }

  /// The hex digest, once the hash is done (waiting for it); `nil` when the
  /// file could not be read or is not a regular file.
  func value() -> String? {
    finish()
    return digest
  }

  /// Stops the hash at its next piece and waits for it: the input was not
  /// read, so its hash is not needed, and a large file need not be read to
  /// its end for nothing.
  func cancel() {
    cancelled.store(true, ordering: .relaxed)
    finish()
  }

  private func finish() {
    if !waited.exchange(true, ordering: .acquiring) { done.wait() }
  }
}
