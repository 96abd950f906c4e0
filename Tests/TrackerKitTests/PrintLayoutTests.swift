import Foundation
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// The cleaned XLSX prints: LibreOffice renders the cleaned sample (9
/// actions) to PDF, and poppler reads the PDF back. One render per run,
/// shared by the tests (LibreOffice is slow to start). Runs when
/// LibreOffice and poppler are installed (`apt-get install -y
/// libreoffice-calc-nogui poppler-utils`; `scripts/test.sh` installs them
/// under `CI=true`, where they are required).
@Suite(.enabled(if: PrintRender.isAvailable || SchemaCheck.isRequired, "LibreOffice or poppler is not installed"))
struct PrintLayoutTests {
  struct Rendered: Sendable {
    var plan: Plan
    var xlsx: URL
    var render: PrintRender
  }

  struct Failure: Error, Sendable, CustomStringConvertible {
    var description: String
  }

  static let rendered: Result<Rendered, Failure> = Result {
    let plan = try TrackerLoader.load(Fixtures.sample("staffordshire-priority-2.xlsx").path).value
    let dir = try Fixtures.scratchDirectory("wsoa-print")
    let xlsx = dir.appendingPathComponent("staffordshire-priority-2.xlsx")
    try TrackerWriter.write(plan, findings: [], to: xlsx.path, options: WriteOptions(format: .xlsx))
    return Rendered(plan: plan, xlsx: xlsx, render: try PrintRender.render(xlsx, in: dir))
  }.mapError { Failure(description: "\($0)") }

  /// Text with every run of whitespace as one space.
  static func collapsed(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{0C}" || $0 == "\t" }).joined(separator: " ")
  }

  @Test func fitsOnTwoLandscapePagesWithTheHeaderOnEach() throws {
    let rendered = try Self.rendered.get()
    let check = try SchemaCheck.run([rendered.xlsx.path])
    #expect(check.isAcceptable, "\(check.message)")
    let render = rendered.render
    #expect((1...2).contains(render.pages), "the 9-action sample prints on \(render.pages) pages")
    #expect(render.pageSizes.count == render.pages)
    for (n, size) in render.pageSizes.enumerated() {
      #expect(size.width > size.height, "page \(n + 1) is \(size.width) x \(size.height) pt, not landscape")
    }
    for (n, text) in render.pageTexts.enumerated() {
      // The header rows repeat: the first and last headings and the months.
      for heading in ["Focus Area", "Progress notes", "Evidence"] {
        #expect(text.contains(heading), "page \(n + 1) has no \"\(heading)\" heading")
      }
      #expect(text.contains { $0 == "\n" } && text.split(separator: "\n").contains { line in
        Self.collapsed(String(line)).contains("Dec-19 Jan-20 Apr-21 Dec-21")
      }, "page \(n + 1) has no intact line of month headings")
    }
  }

  @Test func everyActionPrintsWholeOnOnePage() throws {
    let rendered = try Self.rendered.get()
    let lines = rendered.render.pageTexts.map { $0.split(separator: "\n").map(String.init) }
    for action in rendered.plan.actions {
      let last = try #require(action.statuses.last?.status.raw)
      // The ref and the last period's status share the row's first line, on one page.
      let page = lines.firstIndex { page in
        page.contains { line in
          let words = line.split(separator: " ").map(String.init)
          guard let at = words.firstIndex(of: action.key) else { return false }
          return words[(at + 1)...].contains(last)
        }
      }
      #expect(page != nil, "\(action.key): its ref and its \(last) for the last period are not on one line of a page")
    }
  }

  @Test func headingTextIsNotOverlapped() throws {
    let rendered = try Self.rendered.get()
    let first = Self.collapsed(try #require(rendered.render.pageTexts.first))
    let priority = try #require(rendered.plan.priorities.first)
    let key = rendered.plan.statusScheme.filter { $0.scope == .periods }
    let overall = rendered.plan.statusScheme.filter { $0.scope == .overall }
    // Texts across the table: each reads whole, nothing drawn over it.
    var whole = [
      "Priority 2: " + priority.title, try #require(priority.description), "Vision: " + (try #require(priority.vision)),
      "Overall status: G/A",
    ]
    whole.append(Self.collapsed((["Overall status key"] + overall.map { "\($0.code) - \($0.meaning)" }).joined(separator: " ")))
    for text in whole {
      #expect(first.contains(Self.collapsed(text)), "\"\(text.prefix(60))…\" is not intact on page 1")
    }
    // The period key wraps over the period columns beside other headings:
    // its words come in order, none run into another.
    let words = first.split(separator: " ").map(String.init)
    var at = words.startIndex
    for word in (["Progress"] + key.flatMap { ["\($0.code)", "-"] + $0.meaning.split(separator: " ").map(String.init) }) {
      guard let found = words[at...].firstIndex(of: word) else {
        Issue.record("the period key's word \"\(word)\" is missing or run into other text on page 1")
        return
      }
      at = found + 1
    }
  }
}
