import Dispatch

/// The SHA-256 of a merge input's file, computed on another thread while the
/// input itself is read: hashing a large return costs a third as long as
/// reading it, and reading leaves part of the second core free.
///
/// ```swift
/// let hashing = InputHash(path)
/// let plan = try load(path)
/// let digest = hashing.value()  // waits for the hash
/// ```
final class InputHash: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  // Written once on the hashing thread before `done` is signalled, read
  // after waiting on it: the semaphore orders the two.
  private var digest: String?
  private var waited = false

  /// Starts hashing the file at `path` (`FileProbe.sha256`).
  init(_ path: String) {
    DispatchQueue.global().async { [self] in
      digest = FileProbe.sha256(path)
      done.signal()
    }
  }

  /// The hex digest, once the hash is done (waiting for it); `nil` when the
  /// file could not be read. Call it once, whatever happened to the read
  /// beside it, so no hashing outlives the input's turn.
  func value() -> String? {
    if !waited {
      done.wait()
      waited = true
    }
    return digest
  }
}
