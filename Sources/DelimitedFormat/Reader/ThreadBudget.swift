#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How many threads a read may use: as asked, or else one per processor
/// that other programs leave idle (processors minus the one-minute load
/// average, as `make -l` reasons). On a machine already busy, extra threads
/// only compete for the same cores, and measured slower than one thread.
enum ThreadBudget {
  /// Online processors.
  static let processors = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

  /// Threads to use (at least 1, at most 16).
  ///
  /// - Parameter requested: `DelimitedReadOptions.maxThreads`; when given it
  ///   is used as is (within the processor count), whatever the load.
  static func threads(requested: Int?) -> Int {
    if let requested { return max(1, min(requested, processors, 16)) }
    var load = [0.0]
    let idle = getloadavg(&load, 1) == 1 ? processors - Int(load[0].rounded(.down)) : processors
    return max(1, min(idle, processors, 16))
  }
}
