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
  private let done = DispatchGroup()
  private let cancelled = Atomic<Bool>(false)
  // Set on the hashing thread before it leaves `done`, and read only after
  // waiting on `done`: the group orders the two.
  nonisolated(unsafe) private var digest: String?

  /// Starts hashing the file at `path` (`FileProbe.sha256`: a regular file only).
  init(_ path: String) {
    done.enter()
    DispatchQueue.global().async { [self] in
      digest = FileProbe.sha256(path) { !cancelled.load(ordering: .relaxed) }
      done.leave()
    }
  }

  /// The hex digest, once the hash is done (waiting for it); `nil` when the
  /// file could not be read or is not a regular file.
  func value() -> String? {
    done.wait()
    return digest
  }

  /// Stops the hash at its next piece and waits for it: the input was not
  /// read, so its hash is not needed, and a large file need not be read to
  /// its end for nothing.
  func cancel() {
    cancelled.store(true, ordering: .relaxed)
    done.wait()
  }
}
