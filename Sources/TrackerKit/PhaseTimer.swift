#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Times the phases of a tracker command (read, recognise, rules, write)
/// when the environment variable `WSOA_TIMINGS` is set, printing one line
/// per phase on standard error:
///
///     wsoa timing: recognise  0.412 s wall  0.730 s cpu  peak 512 MiB
///
/// CPU is the whole process's (every thread) over the phase; peak is the
/// process's peak resident set so far. Without the variable a phase costs
/// one branch. For benchmarks (`scripts/bench/shapes.sh`), not for parsing:
/// the format may change.
public enum PhaseTimer {
  /// Whether `WSOA_TIMINGS` is set (read once).
  public static let isEnabled: Bool = getenv("WSOA_TIMINGS") != nil

  /// Runs `body`, timing it as `phase` when timings are on.
  public static func measure<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
    guard isEnabled else { return try body() }
    let wall = clock(CLOCK_MONOTONIC)
    let cpu = clock(CLOCK_PROCESS_CPUTIME_ID)
    defer { report(phase, wall: clock(CLOCK_MONOTONIC) - wall, cpu: clock(CLOCK_PROCESS_CPUTIME_ID) - cpu) }
    return try body()
  }

  private static func clock(_ id: clockid_t) -> Double {
    var ts = timespec()
    clock_gettime(id, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  private static func report(_ phase: String, wall: Double, cpu: Double) {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let padded = phase + String(repeating: " ", count: max(0, 10 - phase.count))
    FileProbe.writeStandardError(
      "wsoa timing: \(padded) \(seconds(wall)) s wall  \(seconds(cpu)) s cpu  peak \(usage.ru_maxrss / 1024) MiB\n")
  }

  /// Seconds with three decimals.
  private static func seconds(_ value: Double) -> String {
    let ms = Int((value * 1000).rounded())
    let fraction = String(ms % 1000)
    return "\(ms / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
  }
}
