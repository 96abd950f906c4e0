import Dispatch
import Synchronization
import Testing
@testable import TrackerCLI

/// Commands run on several threads in one process (the tests, a library
/// client) and each leaves its last value to `KeptUntilExit`; every value
/// must be let go exactly once, however the commands interleave.
@Suite struct KeptUntilExitTests {
  final class Counter: Sendable {
    let freed = Atomic<Int>(0)
  }

  final class Tracked: Sendable {
    let counter: Counter
    init(_ counter: Counter) { self.counter = counter }
    deinit { counter.freed.add(1, ordering: .relaxed) }
  }

  @Test func commandsFinishingTogetherLetEachValueGoOnce() {
    let counter = Counter()
    let count = 1_000_000
    DispatchQueue.concurrentPerform(iterations: count) { _ in KeptUntilExit.keep(Tracked(counter)) }
    // A value of another kind takes the last one's place.
    KeptUntilExit.keep(0)
    #expect(counter.freed.load(ordering: .relaxed) == count)
  }
}
