public import Foundation

/// Runs the OOXML package checker (`../shared/ooxml/check-xlsx`, beside the
/// checkout) on workbooks the tests wrote.
///
/// The checker is not part of the repository. Where it is missing, a clone on
/// its own still passes: the check is skipped and says so on standard error.
/// Under `CI=true` a missing checker is a failure, so CI never passes without
/// the schema check having run.
public enum SchemaCheck {
  /// What one run of the checker concluded.
  public enum Outcome: Sendable {
    /// Every file passed; the checker's output.
    case passed(String)
    /// Some file failed, or the checker is required and missing; why.
    case failed(String)
    /// The checker is missing outside CI; the check did not run.
    case skipped(String)

    /// False only when the check ran and failed (or was required and missing).
    public var isAcceptable: Bool {
      if case .failed = self { return false }
      return true
    }

    /// The checker's output, or why it did not run.
    public var message: String {
      switch self {
      case .passed(let text), .failed(let text), .skipped(let text): return text
      }
    }
  }

  /// The checker's path.
  public static let checker: URL = Fixtures.shared.appendingPathComponent("ooxml/check-xlsx")

  /// True when the checker is present.
  public static var isAvailable: Bool { FileManager.default.fileExists(atPath: checker.path) }

  /// True when the environment requires the check (`CI=true`).
  public static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  /// True when a test that only runs the checker should run: the checker is
  /// present, or CI requires it (and the test then fails for its absence).
  public static var shouldRun: Bool { isAvailable || isRequired }

  /// Checks the workbooks at `paths`.
  public static func run(_ paths: [String]) throws -> Outcome {
    guard isAvailable else {
      let why = "OOXML schema check skipped: \(checker.path) not found (it lives in ../shared beside the checkout)"
      if isRequired { return .failed("\(why); CI=true requires it") }
      reportSkip(why)
      return .skipped(why)
    }
    let result = try ProcessRunner.run(URL(fileURLWithPath: "/bin/bash"), [checker.path] + paths)
    let output = result.stdout + result.stderr
    return result.status == 0 ? .passed(output) : .failed("check-xlsx failed:\n\(output)")
  }

  /// Says once per test process that the check was skipped.
  private static func reportSkip(_ why: String) {
    skipNotice.withLock { said in
      guard !said else { return }
      said = true
      FileHandle.standardError.write(Data("note: \(why)\n".utf8))
    }
  }

  private static let skipNotice = Locked(false)
}

/// A value behind a lock, for the once-only notice.
private final class Locked<Value>: @unchecked Sendable {
  private var value: Value
  private let lock = NSLock()

  init(_ value: Value) { self.value = value }

  func withLock<R>(_ body: (inout Value) -> R) -> R {
    lock.lock()
    defer { lock.unlock() }
    return body(&value)
  }
}
