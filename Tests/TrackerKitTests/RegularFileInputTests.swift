import Foundation
import TestSupport
import Testing
import TrackerKit

/// Every reader (tracker loading for convert, validate and merge; grids for
/// dump) refuses what is not a regular file, whatever its name says, before
/// reading a byte: a FIFO would block, a link to /dev/zero never end.
@Suite struct RegularFileInputTests {
  enum Kind: String, CaseIterable { case fifo, linkToDevZero, folder }

  static let names = ["tracker.xlsx", "tracker.json", "tracker.csv", "tracker.tsv"]

  /// Makes `name` in a fresh folder as `kind`.
  func make(_ kind: Kind, _ name: String) throws -> (String, URL) {
    let dir = try Fixtures.scratchDirectory("regular-file")
    let path = dir.appendingPathComponent(name).path
    switch kind {
    case .fifo: #expect(mkfifo(path, 0o600) == 0)
    case .linkToDevZero: #expect(symlink("/dev/zero", path) == 0)
    case .folder: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }
    return (path, dir)
  }

  /// Runs `read` on its own thread; a read that blocks on the FIFO is
  /// released (by opening the FIFO for writing) and recorded, not waited on forever.
  func refused(_ path: String, _ read: @escaping @Sendable () throws -> Void) -> (any Error)? {
    nonisolated(unsafe) var failure: (any Error)?
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      do { try read() } catch { failure = error }
      done.signal()
    }
    if done.wait(timeout: .now() + 120) == .timedOut {
      Issue.record("reading \(path) did not return")
      let writer = open(path, O_WRONLY | O_NONBLOCK)
      if writer >= 0 { close(writer) }
      return nil
    }
    return failure
  }

  func expectNotARegularFile(_ error: (any Error)?, _ path: String) {
    guard case .unreadable(let location, let reason) = error as? InputError else {
      Issue.record("\(path): expected InputError.unreadable, got \(String(describing: error))")
      return
    }
    #expect(location.file == path)
    #expect(reason.contains("not a regular file") || reason.contains("directory"), "\(reason)")
  }

  @Test(arguments: Kind.allCases, names)
  func trackerLoadingRefuses(_ kind: Kind, _ name: String) throws {
    let (path, dir) = try make(kind, name)
    defer { try? FileManager.default.removeItem(at: dir) }
    expectNotARegularFile(refused(path) { _ = try TrackerLoader.load(path) }, path)
  }

  @Test(arguments: Kind.allCases, names)
  func gridReadingRefuses(_ kind: Kind, _ name: String) throws {
    let (path, dir) = try make(kind, name)
    defer { try? FileManager.default.removeItem(at: dir) }
    expectNotARegularFile(refused(path) { _ = try GridReader().readWorkbook(path: path) }, path)
  }

  @Test func aMissingFileIsMissing() throws {
    let dir = try Fixtures.scratchDirectory("regular-file")
    defer { try? FileManager.default.removeItem(at: dir) }
    for name in Self.names {
      let path = dir.appendingPathComponent(name).path
      #expect(throws: InputError.missing(location: .init(file: path), reason: "no such file")) { try TrackerLoader.load(path) }
      #expect(TrackerLoader.isMissingInput(InputError.missing(location: .init(file: path), reason: "no such file")))
    }
  }

  @Test func aLinkToARegularFileIsRead() throws {
    let dir = try Fixtures.scratchDirectory("regular-file")
    defer { try? FileManager.default.removeItem(at: dir) }
    let link = dir.appendingPathComponent("tracker.xlsx").path
    #expect(symlink(Fixtures.sample("staffordshire-priority-2.xlsx").path, link) == 0)
    #expect(try !TrackerLoader.load(link).value.actions.isEmpty)
  }
}

extension RegularFileInputTests {
  @Test(arguments: [Kind.fifo, .linkToDevZero, .folder])
  func aConfigThatIsNotARegularFileIsRefused(_ kind: Kind) throws {
    let (path, dir) = try make(kind, "wsoa.toml")
    defer { try? FileManager.default.removeItem(at: dir) }
    let error = refused(path) { _ = try TrackerConfig.load(path: path) }
    guard case .unreadable(let file, let reason) = error as? ConfigError else {
      Issue.record("expected ConfigError.unreadable, got \(String(describing: error))")
      return
    }
    #expect(file == path)
    #expect(reason.contains("not a regular file") || reason.contains("directory"), "\(reason)")
  }
}
