import Foundation
import Grid
import Testing

@testable import DelimitedFormat

/// The parallel decoding pipeline hands out every batch once, in order,
/// even when helpers stall (the caller then takes their batch over).
@Suite struct BatchPipelineTests {
  /// Remembers which batches were decoded before, so the first decode of some
  /// batches can stall like a descheduled thread.
  final class Attempts: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: Set<Int> = []
    func first(_ k: Int) -> Bool { lock.withLock { seen.insert(k).inserted } }
  }

  static func rows(_ k: Int) -> [Row] {
    (0..<3).map { Row(number: k * 3 + $0 + 1, values: [.text("batch \(k)")]) }
  }

  @Test(arguments: [1, 2, 3])
  func everyBatchOnceInOrderDespiteStalls(helpers: Int) throws {
    let attempts = Attempts()
    let pipeline = BatchPipeline(batchCount: 60, helpers: helpers, window: 4) { k in
      if k % 5 == 2, attempts.first(k) { usleep(30_000) }  // far beyond the caller's patience
      return BatchPipelineTests.rows(k)
    }
    defer { pipeline.finish() }
    var numbers: [Int] = []
    for k in 0..<60 {
      pipeline.take(k) { batch in
        #expect(batch == BatchPipelineTests.rows(k), "batch \(k)")
        numbers += batch.map(\.number)
      }
    }
    #expect(numbers == Array(1...180))
  }

  @Test func stoppingEarlyReleasesTheHelpers() {
    struct Stop: Error {}
    let pipeline = BatchPipeline(batchCount: 1000, helpers: 2, window: 3) { k in BatchPipelineTests.rows(k) }
    defer { pipeline.finish() }  // must return: helpers blocked on a full window are woken
    #expect(throws: Stop.self) {
      for k in 0..<1000 {
        try pipeline.take(k) { _ throws(Stop) in if k == 10 { throw Stop() } }
      }
    }
  }
}
