import Foundation
import TestSupport
import Testing
import TrackerKit

/// The version is written once (`WSOAVersion.current`); the changelog's
/// newest entry names it, so a release tag, `--version` and the docs agree.
@Suite struct VersionTests {
  @Test func theChangelogNamesTheCurrentVersion() throws {
    let text = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
    let newest = try #require(text.split(separator: "\n").first { $0.hasPrefix("## ") })
    #expect(newest.hasPrefix("## \(WSOAVersion.current) "), "\(newest)")
    let parts = WSOAVersion.current.split(separator: ".")
    #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil })
  }
}
