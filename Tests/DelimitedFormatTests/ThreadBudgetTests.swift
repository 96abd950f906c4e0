import Testing

@testable import DelimitedFormat

/// The default thread count follows the threads runnable now, not the
/// lagging one-minute load average.
@Suite struct ThreadBudgetTests {
  @Test func theRunnableCountExcludesTheCaller() {
    #expect(ThreadBudget.runnableOthers(inLoadavg: ArraySlice("0.52 0.58 0.59 1/467 12345\n".utf8)) == 0)
    #expect(ThreadBudget.runnableOthers(inLoadavg: ArraySlice("3.10 2.00 1.00 4/467 12345\n".utf8)) == 3)
    #expect(ThreadBudget.runnableOthers(inLoadavg: ArraySlice("garbage".utf8)) == nil)
    #expect(ThreadBudget.runnableOthers(inLoadavg: ArraySlice("1 2 3 x/4 5".utf8)) == nil)
  }

  @Test func aThreadCountAskedForIsKeptWithinTheProcessors() {
    #expect(ThreadBudget.threads(requested: 1) == 1)
    #expect(ThreadBudget.threads(requested: 64) == min(ThreadBudget.processors, 16))
    #expect((1...ThreadBudget.processors).contains(ThreadBudget.threads(requested: nil)))
  }
}
