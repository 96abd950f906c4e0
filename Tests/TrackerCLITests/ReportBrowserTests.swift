import Foundation
import TestSupport
import Testing
import TrackerKit

/// `wsoa report` in a real browser: headless Chromium renders the sample's
/// report to PNG and PDF, no request leaves the page, and the rendering
/// matches the reference screenshot in `fixtures/report/` by a generous
/// tolerance. Skipped (saying so) without Chromium; `CI=true` requires it
/// (`scripts/test.sh` installs it there).
@Suite("report: rendered in headless Chromium")
struct ReportBrowserTests {
  static let chromium: URL? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }
  static let required = ProcessInfo.processInfo.environment["CI"] == "true"
  static let reference = Fixtures.url("report/sample-report.png")

  /// Chromium, or nil after saying why the test does not run (an issue under `CI=true`).
  static func browser() -> URL? {
    if let chromium { return chromium }
    if required {
      Issue.record("chromium not found; CI=true requires it (apt-get install chromium)")
    } else {
      print("report browser tests skipped: chromium not found (apt-get install chromium; CI=true requires it)")
    }
    return nil
  }

  /// Runs headless Chromium on a file with `arguments`, logging the network to `netLog`.
  static func render(_ page: URL, _ arguments: [String], netLog: URL, in dir: URL) throws -> ProcessRunner.Result {
    let flags = [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
      // No name resolves, and the browser's own background traffic is switched off.
      "--host-resolver-rules=MAP * ~NOTFOUND", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-extensions",
      "--user-data-dir=" + dir.appendingPathComponent("profile").path, "--log-net-log=" + netLog.path,
    ]
    return try ProcessRunner.run(try #require(chromium), flags + arguments + [page.absoluteString], in: dir)
  }

  /// Requests the page itself made: a page opened from a file has network
  /// isolation key `file://` (Chromium's own traffic has others).
  static func pageRequests(_ netLog: URL) throws -> Int {
    try String(contentsOf: netLog, encoding: .utf8).components(separatedBy: "\"network_isolation_key\":\"file://").count - 1
  }

  /// The sample's report, written beside a scratch folder.
  static func sampleReport(_ dir: URL) throws -> URL {
    let out = dir.appendingPathComponent("report.html")
    let result = try ProcessRunner.wsoa(
      ["report", "samples/staffordshire-priority-2.xlsx", "-o", out.path], in: Fixtures.repositoryRoot)
    #expect(result.status == 0, "\(result.stderr)")
    return out
  }

  @Test func printsToLandscapeA4PDFWithNoRequest() throws {
    guard Self.browser() != nil else { return }
    let dir = try Fixtures.scratchDirectory("wsoa-report-pdf")
    let page = try Self.sampleReport(dir)
    let pdf = dir.appendingPathComponent("report.pdf")
    let log = dir.appendingPathComponent("net.json")
    _ = try Self.render(page, ["--print-to-pdf=" + pdf.path, "--no-pdf-header-footer"], netLog: log, in: dir)
    let bytes = try Data(contentsOf: pdf)
    #expect(bytes.starts(with: Array("%PDF".utf8)))
    let text = String(decoding: bytes, as: UTF8.self)
    let pages = text.components(separatedBy: "/Type /Page").count - 1 - (text.components(separatedBy: "/Type /Pages").count - 1)
    #expect(pages >= 1 && pages <= 12, "\(pages) pages")
    // Every page A4 landscape (842 x 595 points).
    let boxes = text.components(separatedBy: "/MediaBox [").dropFirst().map { $0.prefix { $0 != "]" } }
    #expect(boxes.count == pages)
    for box in boxes {
      let numbers = box.split(separator: " ").compactMap { Double($0) }
      #expect(numbers.count == 4 && abs(numbers[2] - 842) < 2 && abs(numbers[3] - 595) < 2, "\(box)")
    }
    #expect(try Self.pageRequests(log) == 0)
  }

  @Test func domIsTheReportAndNoRequestLeaves() throws {
    guard Self.browser() != nil else { return }
    let dir = try Fixtures.scratchDirectory("wsoa-report-dom")
    let page = try Self.sampleReport(dir)
    let log = dir.appendingPathComponent("net.json")
    let dom = try Self.render(page, ["--dump-dom"], netLog: log, in: dir).stdout
    // The browser built the document we wrote: same tables, heatmap cells and sections.
    let html = try String(contentsOf: page, encoding: .utf8)
    for marker in ["<table", "<td class=\"s ", "<section", "<svg", "<details"] {
      #expect(dom.components(separatedBy: marker).count == html.components(separatedBy: marker).count, "\(marker)")
    }
    #expect(try Self.pageRequests(log) == 0)
    // The detector itself sees a page that does make a request.
    let probe = dir.appendingPathComponent("probe.html")
    try "<!DOCTYPE html><html><body><img src=\"http://wsoa-probe.invalid/x.png\"/></body></html>".write(
      to: probe, atomically: true, encoding: .utf8)
    let probeLog = dir.appendingPathComponent("probe-net.json")
    _ = try Self.render(probe, ["--dump-dom"], netLog: probeLog, in: dir)
    #expect(try Self.pageRequests(probeLog) > 0)
  }

  /// The fixture master merged with its four returns by the binary, as a
  /// user would (exit 1: the merge leaves conflicts for the officer).
  static func mergedFixture(_ dir: URL, as format: String) throws -> URL {
    let merged = dir.appendingPathComponent("merged.\(format)")
    let returns = ["ehcp-return.tsv", "gr-return.csv", "joint-comm-q4.csv", "old-template-return.xlsx"].map { "returns/" + $0 }
    let result = try ProcessRunner.wsoa(
      ["merge", "master.tsv"] + returns + ["-o", merged.path, "--quiet"], in: Fixtures.url("merge"))
    #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
    return merged
  }

  /// The section ids, in document order (`<section id="...">`).
  static func sections(_ markup: String) -> [String] {
    markup.components(separatedBy: "<section id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
  }

  @Test(arguments: ["json", "xlsx"]) func mergedReturnsRenderWithTheirSourcesAndNoRequest(format: String) throws {
    guard Self.browser() != nil else { return }
    let dir = try Fixtures.scratchDirectory("wsoa-report-merged-\(format)")
    let merged = try Self.mergedFixture(dir, as: format)
    let page = dir.appendingPathComponent("report.html")
    let result = try ProcessRunner.wsoa(["report", merged.path, "-o", page.path])
    #expect(result.status == 0, "\(result.stderr)")
    let log = dir.appendingPathComponent("net.json")
    let dom = try Self.render(page, ["--dump-dom"], netLog: log, in: dir).stdout
    let html = try String(contentsOf: page, encoding: .utf8)
    // Every section, in order, in the document the browser built.
    #expect(Self.sections(dom) == ["summary", "attention", "changes", "priorities", "actions", "findings", "sources"])
    for marker in ["<table", "<td class=\"s ", "<th scope=\"row\">", "<svg", "<details", "<tr class=\"fa\">"] {
      #expect(dom.components(separatedBy: marker).count == html.components(separatedBy: marker).count, "\(marker)")
    }
    // The heatmap: one row per merged action (the EHCP return's new 4E among them), a cell per period,
    // and the periods the returns added (Mar-22, and the Joint Comm quarter as its own column).
    let plan = try TrackerLoader.load(merged.path).value
    #expect(plan.actions.contains { $0.key == "4E" })
    let heat = dom.components(separatedBy: "<table class=\"heat\">").dropFirst().map { $0.components(separatedBy: "</table>")[0] }
    let cells = heat.map { $0.components(separatedBy: "<td class=\"s ").count - 1 }.reduce(0, +)
    #expect(cells == plan.actions.count * plan.periods.count)
    for label in ["Mar-22", "Q4 2021/22"] { #expect(heat.allSatisfy { $0.contains(">\(label)</th>") }, "\(label)") }
    #expect(heat.joined().contains("<th scope=\"row\">4E</th>"))
    // Sources name the merged file; a wsoa/1 merge also keeps the master and each sub-group's return.
    let sources = try #require(dom.components(separatedBy: "<section id=\"sources\"").last)
    #expect(sources.contains(merged.path))
    if format == "json" {
      #expect(sources.contains("merged from 5 files"))
      for group in ["EHC Sub group", "GR sub group", "Joint Comm", "SIPG"] { #expect(sources.contains("return (\(group))"), "\(group)") }
    }
    #expect(try Self.pageRequests(log) == 0)
  }

  @Test func screenshotMatchesTheReference() throws {
    guard Self.browser() != nil else { return }
    let dir = try Fixtures.scratchDirectory("wsoa-report-png")
    let page = try Self.sampleReport(dir)
    let png = dir.appendingPathComponent("report.png")
    _ = try Self.render(
      page, ["--screenshot=" + png.path, "--window-size=1200,1600"], netLog: dir.appendingPathComponent("net.json"), in: dir)
    let shot = try PNGImage([UInt8](try Data(contentsOf: png)))
    #expect(shot.width == 1200 && shot.height == 1600)
    if ProcessInfo.processInfo.environment["WSOA_RECORD_SCREENSHOT"] == "1" {
      try? FileManager.default.removeItem(at: Self.reference)
      try FileManager.default.copyItem(at: png, to: Self.reference)
    }
    let reference = try PNGImage([UInt8](try Data(contentsOf: Self.reference)))
    // 24 x 32 blocks of 50 x 50 pixels: layout, colour blocks and text density, not glyphs.
    let a = shot.blocks(columns: 24, rows: 32)
    let b = reference.blocks(columns: 24, rows: 32)
    let mean = zip(a, b).map { abs($0 - $1) }.reduce(0, +) / Double(a.count)
    let worst = zip(a, b).map { abs($0 - $1) }.max() ?? 0
    #expect(mean < 8, "mean block difference \(mean)")
    #expect(worst < 90, "largest block difference \(worst)")
    // Not blank: the heatmap's colours and the text make the page far from uniform.
    #expect((a.max() ?? 0) - (a.min() ?? 0) > 60)
  }
}
