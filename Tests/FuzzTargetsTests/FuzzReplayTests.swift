import Foundation
import FuzzTargets
import TestSupport
import Testing

/// Replays every committed fuzz input (`fixtures/fuzz/TARGET/`) through the
/// target that found it, and the seed corpus `scripts/fuzz.sh` starts from:
/// each input is read (or merged) or fails with the target's documented error
/// type; none traps.
@Suite struct FuzzReplayTests {
  /// (target, file) for every committed input.
  static let inputs: [String] = FuzzTarget.allCases.flatMap { target -> [String] in
    let folder = Fixtures.url("fuzz/\(target.rawValue)")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0 != "README.md" && !$0.hasPrefix(".") }.sorted().map { "\(target.rawValue)/\($0)" }
  }

  @Test func theXLSXTargetHasItsHandWrittenEdges() {
    #expect(Self.inputs.filter { $0.hasPrefix("xlsx/") }.count >= 10)
  }

  @Test(arguments: inputs) func replaysWithoutATrap(_ input: String) throws {
    let target = try #require(FuzzTarget(rawValue: String(input.prefix { $0 != "/" })))
    let bytes = try [UInt8](Data(contentsOf: Fixtures.url("fuzz/\(input)")))
    if let error = target.run(bytes) {
      #expect(target.isExpected(error), "\(input): unexpected error type \(type(of: error)): \(error)")
    }
  }

  /// The trackers the fuzzers start from go through every target cleanly:
  /// the targets themselves do not reject good input.
  @Test(arguments: ["staffordshire-priority-2.tsv"])
  func aGoodTrackerPassesEveryTextTarget(_ name: String) throws {
    let bytes = try [UInt8](Data(contentsOf: Fixtures.sample(name)))
    for target in [FuzzTarget.csv, .recognise, .merge] {
      #expect(target.run(bytes) == nil, "\(target) on \(name)")
    }
    let master = try [UInt8](Data(contentsOf: Fixtures.url("merge/master.tsv")))
    let ret = try [UInt8](Data(contentsOf: Fixtures.url("merge/returns/ehcp-return.tsv")))
    #expect(FuzzTarget.merge.run(master + FuzzTarget.returnMarker + ret) == nil)
    let xlsx = try [UInt8](Data(contentsOf: Fixtures.sample("staffordshire-priority-2.xlsx")))
    #expect(FuzzTarget.xlsx.run(xlsx) == nil)
  }
}
