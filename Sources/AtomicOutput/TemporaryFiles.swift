#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The temporary files the atomic writer has open, so that SIGINT, SIGTERM
/// and SIGHUP remove them as an error does.
///
/// The executable calls `installSignalHandlers()` once at start. A handler
/// may only call async-signal-safe functions, so the registry is a fixed
/// table of path buffers allocated once: registering copies the path in
/// (under a lock, before the file is created), and the handler walks the
/// table with `unlink`, then restores the default action and raises the
/// signal again, so the process still ends "killed by SIGTERM".
///
/// A library that creates files under names of its own (libzip writes its
/// own temporary file beside the one it was given) runs inside
/// `holdingSignals`: a signal that arrives then is remembered and acted on
/// when the library returns, after the files it made have their final name.
public enum TemporaryFiles {
  /// Paths held at once; a writer that finds the table full still works,
  /// its file just is not removed on a signal.
  static let capacity = 32
  /// Longest path kept (`PATH_MAX`), with its NUL.
  static let pathBytes = 4096

  /// The table, allocated once and never freed (the handler reads it at any time).
  private final class Table: @unchecked Sendable {
    let paths = UnsafeMutablePointer<CChar>.allocate(capacity: TemporaryFiles.capacity * TemporaryFiles.pathBytes)
    let used = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: TemporaryFiles.capacity)
    /// `holdingSignals` depth, and the signal that arrived meanwhile (0: none).
    let held = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 2)
    let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init() {
      used.initialize(repeating: 0, count: TemporaryFiles.capacity)
      held.initialize(repeating: 0, count: 2)
      pthread_mutex_init(lock, nil)
    }
  }

  private static let table = Table()

  /// Makes SIGINT, SIGTERM and SIGHUP remove the registered temporary files
  /// before the process ends by that signal. A signal the process was
  /// started with ignored (`nohup`) stays ignored; one it inherited blocked
  /// (a parent that spawned it from a thread that blocks signals, as
  /// Foundation's `Process` does from a Dispatch thread) is unblocked, or a
  /// kill would wait for the end of the run. Call once, from the
  /// executable's entry point, before any thread starts.
  public static func installSignalHandlers() {
    _ = (table, capacity, pathBytes)  // initialised here, never inside the handler
    var handled = sigset_t()
    sigemptyset(&handled)
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      let previous = signal(signalNumber, onSignal)
      if let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
        _ = signal(signalNumber, SIG_IGN)
      } else {
        sigaddset(&handled, signalNumber)
      }
    }
    pthread_sigmask(SIG_UNBLOCK, &handled, nil)
  }

  /// Adds a path the handler must remove; returns its slot (nil when the table is full or the path too long).
  static func register(_ path: String) -> Int? {
    let bytes = Array(path.utf8)
    guard bytes.count < pathBytes else { return nil }
    pthread_mutex_lock(table.lock)
    defer { pthread_mutex_unlock(table.lock) }
    guard let slot = (0..<capacity).first(where: { table.used[$0] == 0 }) else { return nil }
    let start = table.paths + slot * pathBytes
    bytes.withUnsafeBufferPointer { source in
      for (i, byte) in source.enumerated() { start[i] = CChar(bitPattern: byte) }
    }
    start[bytes.count] = 0
    table.used[slot] = 1
    return slot
  }

  /// Forgets a slot (the file was renamed into place or removed).
  static func unregister(_ slot: Int?) {
    guard let slot else { return }
    pthread_mutex_lock(table.lock)
    table.used[slot] = 0
    pthread_mutex_unlock(table.lock)
  }

  /// Runs `body` with SIGINT, SIGTERM and SIGHUP held: one that arrives
  /// meanwhile takes effect (registered files removed, process ended) when
  /// `body` returns. A second one does not wait.
  static func holdingSignals<T>(_ body: () throws -> T) rethrows -> T {
    pthread_mutex_lock(table.lock)
    table.held[0] += 1
    pthread_mutex_unlock(table.lock)
    defer {
      pthread_mutex_lock(table.lock)
      table.held[0] -= 1
      let pending = table.held[0] == 0 ? table.held[1] : 0
      pthread_mutex_unlock(table.lock)
      if pending != 0 { removeAllAndRaise(pending) }
    }
    return try body()
  }

  /// The handler: only async-signal-safe calls (`unlink`, `signal`, `raise`).
  private static let onSignal: @convention(c) (Int32) -> Void = { signalNumber in
    let table = TemporaryFiles.table
    if table.held[0] > 0, table.held[1] == 0 {
      table.held[1] = signalNumber
      return
    }
    TemporaryFiles.removeAllAndRaise(signalNumber)
  }

  private static func removeAllAndRaise(_ signalNumber: Int32) {
    for slot in 0..<capacity where table.used[slot] != 0 {
      unlink(table.paths + slot * pathBytes)
    }
    _ = signal(signalNumber, SIG_DFL)
    _ = raise(signalNumber)
  }
}
