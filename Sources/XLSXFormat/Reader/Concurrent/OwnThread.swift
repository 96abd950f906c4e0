#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs one piece of work on a thread of its own, to be joined once.
///
/// Not a Dispatch worker: the work blocks on its own inflating thread, and
/// Dispatch sizes its pool to the processors, so on a two-core machine a
/// blocked worker can hold back the other reads' inflating threads.
final class OwnThread: @unchecked Sendable {
  #if canImport(Darwin)
    private var thread: pthread_t?
  #else
    private var thread = pthread_t()
  #endif
  private let work: () -> Void

  /// Starts `work` on a new thread.
  ///
  /// - Returns: nil when the system cannot start a thread (the caller then
  ///   does the work itself).
  static func start(_ work: @escaping () -> Void) -> OwnThread? {
    let box = OwnThread(work)
    let context = Unmanaged.passRetained(box).toOpaque()
    guard pthread_create(&box.thread, nil, { context in
      let box = Unmanaged<OwnThread>.fromOpaque(context!).takeRetainedValue()
      box.work()
      return nil
    }, context) == 0 else {
      Unmanaged<OwnThread>.fromOpaque(context).release()
      return nil
    }
    return box
  }

  private init(_ work: @escaping () -> Void) {
    self.work = work
  }

  /// Waits until the work has finished.
  func join() {
    #if canImport(Darwin)
      if let thread { pthread_join(thread, nil) }
    #else
      pthread_join(thread, nil)
    #endif
  }
}
