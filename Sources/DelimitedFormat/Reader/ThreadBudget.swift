#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How many threads a read may use: as asked, or else one per processor
/// that other programs leave idle. On a machine already busy, extra threads
/// only compete for the same cores, and measured slower than one thread.
///
/// "Idle" is read, on Linux, from the number of threads runnable right now
/// (`/proc/loadavg`, fourth field, less this one), which follows the machine
/// as it is at the start of the read; the one-minute load average, used
/// elsewhere, lags by a minute (a run just after another reads as busy).
enum ThreadBudget {
  /// Online processors.
  static let processors = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

  /// Threads to use (at least 1, at most 16).
  ///
  /// - Parameter requested: `DelimitedReadOptions.maxThreads`; when given it
  ///   is used as is (within the processor count), whatever the load.
  static func threads(requested: Int?) -> Int {
    if let requested { return max(1, min(requested, processors, 16)) }
    let busy = runnableOthers() ?? loadAverage()
    return max(1, min(processors - busy, processors, 16))
  }

  /// Threads of other programs runnable now, from `/proc/loadavg` ("0.52
  /// 0.58 0.59 2/467 12345": 2 runnable, this thread among them); nil
  /// where that file does not exist.
  static func runnableOthers() -> Int? {
    let fd = open("/proc/loadavg", O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: 128)
    let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard n > 0 else { return nil }
    return runnableOthers(inLoadavg: bytes[..<n])
  }

  /// The runnable count of a `/proc/loadavg` line, less the caller.
  static func runnableOthers(inLoadavg text: ArraySlice<UInt8>) -> Int? {
    let fields = text.split(separator: UInt8(ascii: " "))
    guard fields.count >= 4, let slash = fields[3].firstIndex(of: UInt8(ascii: "/")) else { return nil }
    var running = 0
    for byte in fields[3][..<slash] {
      guard (0x30...0x39).contains(byte) else { return nil }
      running = running * 10 + Int(byte - 0x30)
    }
    return max(0, running - 1)
  }

  /// The one-minute load average, rounded down (0 when unknown).
  private static func loadAverage() -> Int {
    var load = [0.0]
    return getloadavg(&load, 1) == 1 ? Int(load[0].rounded(.down)) : 0
  }
}
