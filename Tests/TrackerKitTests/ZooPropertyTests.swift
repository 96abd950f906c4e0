import Testing
import TrackerModel

/// The layout zoo (issue 12 item 9, `fixtures/zoo/`, `docs/zoo.md`):
/// every rendering of a content must read to the reference rendering's plan
/// and findings. Failures are grouped by dimension value: the test for
/// `delimiter=semicolon` checks the renderings that have that value and no
/// value listed in `ZooKnownIssues.values`, so one missing feature fails
/// its own values' tests and no others.
@Suite struct ZooPropertyTests {
  /// Each content's reference rendering reads to the plan its JSON describes.
  @Test(arguments: ZooManifest.shared.contents)
  func referenceReadsTheContent(_ content: String) throws {
    let expected = try #require(ZooExpectation.load(content), "fixtures/zoo/contents/\(content).json has no expect")
    let reference = try #require(ZooManifest.shared.reference(of: content))
    let reading = try #require(ZooReadings.all[reference.file])
    let plan = try #require(reading.plan, "\(reference.file): \(reading.failure ?? "")")
    #expect(plan.actions.map(\.key) == expected.keys, "\(reference.file)")
    #expect(plan.periods.count == expected.periods, "\(reference.file)")
    #expect(plan.priorities.map(\.id) == expected.priorities, "\(reference.file)")
    #expect(plan.actions.allSatisfy { $0.statuses.count == expected.periods }, "\(reference.file)")
  }

  /// The project's own writers render each content too: the reference's
  /// plan written as JSON, wide and long CSV and the cleaned XLSX reads back
  /// to the same plan, as far as each format carries it (`RoundTripTests`;
  /// the cleaned XLSX is a new layout, so raw texts and findings are not compared).
  @Test(arguments: ZooManifest.shared.contents)
  func projectWritersRenderTheContent(_ content: String) throws {
    let reference = try #require(ZooManifest.shared.reference(of: content))
    let plan = try #require(ZooReadings.all[reference.file]?.plan)
    try RoundTripTests.check(plan, source: "zoo content \(content)")
  }

  /// The manifest covers every content with at least 200 renderings.
  @Test func everyContentHasTwoHundredRenderings() {
    let manifest = ZooManifest.shared
    #expect(manifest.contents.count >= 4)
    for content in manifest.contents {
      #expect(manifest.renderings.filter { $0.content == content }.count >= 200, "\(content)")
    }
  }

  /// The property, for the renderings having one dimension value.
  @Test(arguments: ZooManifest.shared.values)
  func renderingsWithValueReadAlike(_ value: String) {
    let known = ZooKnownIssues.values
    let renderings = ZooReadings.checked.filter {
      !$0.reference && $0.values.contains(value) && !$0.values.contains { $0 != value && known[$0] != nil }
    }
    guard !renderings.isEmpty else { return }
    if let reason = known[value] {
      withKnownIssue("\(value): \(reason)") { check(value, renderings) }
    } else {
      check(value, renderings)
    }
  }

  private func check(_ value: String, _ renderings: [ZooManifest.Rendering]) {
    var failing = renderings.compactMap { r in ZooReadings.difference(r).map { (r, $0) } }
    for r in renderings where ZooKnownIssues.renderings[r.file] != nil {
      if let i = failing.firstIndex(where: { $0.0.file == r.file }) {
        withKnownIssue("\(r.file): \(ZooKnownIssues.renderings[r.file] ?? "")") { Issue.record(Comment(rawValue: failing[i].1)) }
        failing.remove(at: i)
      } else {
        Issue.record("\(r.file) is listed in ZooKnownIssues.renderings but now reads alike: delete it there")
      }
    }
    guard !failing.isEmpty else { return }
    let shown = failing.prefix(3).map {
      "\(ZooManifest.shared.describe($0.0))\n    \($0.1.replacingOccurrences(of: "\n", with: "\n    "))"
    }
    Issue.record(
      Comment(
        rawValue: "\(value): \(failing.count) of \(renderings.count) renderings read differently from their reference;"
          + " first:\n  " + shown.joined(separator: "\n  ")))
  }
}
