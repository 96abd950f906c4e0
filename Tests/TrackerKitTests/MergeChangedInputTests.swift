import Foundation
import TestSupport
import Testing
import TrackerKit

/// A merge reports each input's SHA-256 and tells a return given twice by
/// it, so the hash must be of the bytes merged: an input saved again while
/// the merge reads it is refused, not merged under another version's hash.
@Suite("Merge: an input that changes while it is read")
struct MergeChangedInputTests {
  /// The fixture master and two of its returns (CSV and XLSX), copied into
  /// a scratch folder that the test may change.
  static func inputs() throws -> (master: String, returns: [String]) {
    let folder = try Fixtures.scratchDirectory("wsoa-merge-changed")
    var copies: [String] = []
    for name in ["master.tsv", "returns/gr-return.csv", "returns/old-template-return.xlsx"] {
      let target = folder.appendingPathComponent(URL(fileURLWithPath: name).lastPathComponent)
      try? FileManager.default.removeItem(at: target)
      try FileManager.default.copyItem(at: Fixtures.url("merge/" + name), to: target)
      copies.append(target.path)
    }
    return (copies[0], Array(copies.dropFirst()))
  }

  /// How a file is saved again: rewritten in place with more bytes, or
  /// replaced by a new file renamed over it (as Excel and LibreOffice save).
  enum Save: CaseIterable {
    case appended, replaced

    func apply(to path: String) throws {
      let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      switch self {
      case .appended:
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n".utf8))
        try handle.close()
      case .replaced:
        let temporary = path + ".saving"
        try bytes.write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
      }
    }
  }

  @Test(arguments: Save.allCases, [0, 1])
  func aReturnSavedDuringTheMergeIsRefusedAndTheOthersMerge(save: Save, changed: Int) throws {
    let (master, returns) = try Self.inputs()
    let run = try MergeRunner.merge(MergeJob(master: master, returns: returns)) { name in
      if name == returns[changed] { try? save.apply(to: name) }
    }
    #expect(run.unreadReturns.count == 1)
    #expect(run.unreadReturns.first?.description.contains("changed while it was being read") == true)
    #expect(run.unreadReturns.first?.description.hasPrefix(returns[changed]) == true)
    // The other return is merged, with the hash of the file as it is.
    let other = returns[1 - changed]
    #expect(run.returns.map(\.file) == [other])
    #expect(run.returns.first?.sha256 == FileProbe.sha256(other))
  }

  @Test(arguments: Save.allCases)
  func aMasterSavedDuringTheMergeStopsIt(save: Save) throws {
    let (master, returns) = try Self.inputs()
    #expect(throws: MergeRunError.self) {
      _ = try MergeRunner.merge(MergeJob(master: master, returns: returns)) { name in
        if name == master { try? save.apply(to: name) }
      }
    }
  }

  @Test func unchangedInputsMergeWithTheHashesOfTheirBytes() throws {
    let (master, returns) = try Self.inputs()
    let run = try MergeRunner.merge(MergeJob(master: master, returns: returns))
    #expect(run.unreadReturns.isEmpty)
    #expect(run.master.sha256 == FileProbe.sha256(master))
    #expect(run.returns.map(\.sha256) == returns.map { FileProbe.sha256($0) })
  }
}
