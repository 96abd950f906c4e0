public import AtomicOutput
import Diagnostics
public import TrackerModel

/// Writes a `BoardReport` as one self-contained HTML file: inline CSS and
/// SVG, no script, font, image or URL, so it opens from an email
/// attachment; XHTML-compatible markup; deterministic (the same report
/// gives the same bytes: nothing is read from the clock or the machine).
///
/// Long reports stay usable: each priority's heatmap is collapsible, in
/// pages of `pageSize` actions, and each list of attention items or changes
/// shows the entries the report keeps per kind (`BoardReport.listLimit`)
/// with the count of the rest.
public struct BoardReportHTML: Sendable {
  /// The report.
  public var report: BoardReport
  /// Actions per collapsible page of the heatmap.
  public var pageSize = 500
  /// Heatmap pages start open when the report has at most this many actions.
  public var openUpTo = 1000
  /// Characters of a note kept in a cell's tooltip.
  public var tooltipLimit = 400
  /// Whether the heatmap's pages may be written on several threads (the bytes are the same).
  public var allowsThreads = true

  let palette: ReportPalette

  /// Prepares a report for writing.
  public init(_ report: BoardReport) {
    self.report = report
    palette = ReportPalette(reading: report.trackers.first?.reading)
  }

  /// Writes the whole document.
  public func write(to sink: ByteSink) {
    let h = HTMLSink(sink: sink)
    h.raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n")
    // The browser itself refuses any request the page might make: nothing but the inline style loads.
    h.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n")
    h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
    h.text(title)
    h.raw("</title>\n<style>\n" + ReportStyle.css + "</style>\n</head>\n<body>\n")
    writeHeader(h)
    h.raw("<main id=\"main\">\n")
    writeSummary(h)
    writeAttention(h)
    writeChanges(h)
    writePriorities(h)
    writeHeatmap(h)
    writeFindings(h)
    writeSources(h)
    h.raw("</main>\n<footer>\n<p class=\"note\">Made by wsoa report from the files listed under Sources; ")
    h.raw("every colour is also given as a letter or word, and every cell names the tracker cell it came from.</p>\n")
    h.raw("</footer>\n</body>\n</html>\n")
    h.flush()
  }

  /// The document's title: the first tracker's title or local area.
  var title: String {
    let plan = report.trackers.first?.plan
    let name = plan?.title ?? plan?.localArea ?? plan?.id ?? "tracker"
    return "Progress report: " + name
  }

  // MARK: header

  private func writeHeader(_ h: HTMLSink) {
    h.raw("<header>\n<h1>")
    h.text(title)
    h.raw("</h1>\n<p>")
    var facts: [String] = []
    let asAt = BoardReport.unique(report.trackers.compactMap { $0.plan.asAt?.trackerText })
    if !asAt.isEmpty { facts.append("As at " + asAt.joined(separator: ", ")) }
    if !report.headline.latest.isEmpty { facts.append("latest review " + report.headline.latest.joined(separator: ", ")) }
    facts.append("\(report.headline.total) actions in \(report.groups.count) priorit\(report.groups.count == 1 ? "y" : "ies")")
    h.text(facts.joined(separator: "; ") + ".")
    h.raw("</p>\n<nav aria-label=\"Contents\"><ul>")
    for (id, name) in [
      ("summary", "Summary"), ("attention", "Needs attention"), ("changes", "What changed"),
      ("priorities", "By priority"), ("actions", "Actions by period"), ("findings", "Findings"), ("sources", "Sources"),
    ] {
      h.raw("<li><a href=\"#\(id)\">\(name)</a></li>")
    }
    h.raw("</ul></nav>\n</header>\n")
  }

  // MARK: summary

  private func writeSummary(_ h: HTMLSink) {
    let headline = report.headline
    h.raw("<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n")
    h.raw("<table class=\"headline\">\n<caption>")
    let latest = headline.latest.isEmpty ? "the latest review" : headline.latest.joined(separator: ", ")
    h.text(
      "Actions by status at \(latest)"
        + (headline.basis.isEmpty ? "" : ", compared with \(headline.basis)"))
    h.raw("</caption>\n<thead><tr><th scope=\"col\">Status</th><th scope=\"col\" class=\"num\">Now</th>")
    h.raw("<th scope=\"col\" class=\"num\">Before</th><th scope=\"col\" class=\"num\">Change</th></tr></thead>\n<tbody>\n")
    for row in headline.rows {
      h.raw("<tr><th scope=\"row\">")
      swatch(h, row.rating)
      h.text(palette.name(row.rating))
      h.raw("</th><td class=\"num\">\(row.now)</td><td class=\"num\">")
      h.raw(headline.basis.isEmpty ? "–" : "\(row.before)")
      h.raw("</td><td class=\"num\">")
      h.raw(headline.basis.isEmpty ? "–" : Self.signed(row.now - row.before))
      h.raw("</td></tr>\n")
    }
    h.raw("<tr><th scope=\"row\">All actions</th><td class=\"num\">\(headline.total)</td><td></td><td></td></tr>\n")
    h.raw("</tbody>\n</table>\n")
    writeKey(h)
    h.raw("</section>\n")
  }

  /// The colour key: every swatch with its letter, name and the council's word.
  private func writeKey(_ h: HTMLSink) {
    h.raw("<h3>Key</h3>\n<ul class=\"key\">")
    for rating in BoardReport.ratingOrder {
      h.raw("<li>")
      swatch(h, rating)
      h.text(palette.name(rating))
      h.raw("</li>")
    }
    h.raw("</ul>\n<p class=\"note\">A cell shows the status as written when it is short (such as G/A, coloured by what it counts as), ")
    h.raw("otherwise the letter of its colour. Hover over (or focus) a cell for that period's notes.</p>\n")
  }

  private func swatch(_ h: HTMLSink, _ rating: Rating) {
    let swatch = ReportPalette.swatch(rating)
    h.raw("<span class=\"sw \(swatch.cssClass)\" aria-hidden=\"true\">")
    h.text(swatch.letter)
    h.raw("</span>")
  }

  static func signed(_ value: Int) -> String {
    value > 0 ? "+\(value)" : value < 0 ? "−\(-value)" : "0"
  }

  // MARK: attention

  private func writeAttention(_ h: HTMLSink) {
    h.raw("<section id=\"attention\" aria-labelledby=\"attention-h\">\n<h2 id=\"attention-h\">What needs attention</h2>\n")
    h.raw("<p class=\"note\">From the rules <code>wsoa validate</code> applies (")
    h.text(BoardReport.attentionCodes.joined(separator: ", "))
    h.raw("), each with the tracker cell.</p>\n")
    if report.attention.isEmpty {
      h.raw("<p>Nothing: no overdue, regressed, stalled or unexplained red actions.</p>\n</section>\n")
      return
    }
    for (slot, code) in BoardReport.attentionCodes.enumerated() {
      let count = report.attentionCounts[slot]
      guard count > 0 else { continue }
      let items = report.attention.filter { $0.code == code }
      let kind = AttentionItem.kind(code)
      h.raw("<table class=\"list\">\n<caption>")
      h.text("\(kind): \(count)")
      h.raw("</caption>\n<thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Cell</th><th scope=\"col\">What</th></tr></thead>\n<tbody>\n")
      for item in items {
        h.raw("<tr><th scope=\"row\">")
        h.text(item.actionKey ?? "–")
        h.raw("</th><td>")
        h.text(cellName(item.location, file: report.trackers[item.tracker].file))
        h.raw("</td><td>")
        h.text(item.message)
        h.raw("</td></tr>\n")
      }
      h.raw("</tbody>\n</table>\n")
      more(h, count - items.count, "(<code>wsoa validate</code> lists them all)")
    }
    h.raw("</section>\n")
  }

  /// `… and N more` under a list that shows only part of its entries.
  private func more(_ h: HTMLSink, _ count: Int, _ where: String = "") {
    guard count > 0 else { return }
    h.raw("<p class=\"note\">… and \(count) more\(`where`.isEmpty ? "" : " " + `where`).</p>\n")
  }

  /// `'Priority 2'!H9`, or `line 9 (H9)`; with the file when it is not
  /// `file` (a merged tracker's cells are in the master and the returns).
  func cellName(_ location: SourceLocation?, file: String?) -> String {
    guard let location else { return "–" }
    let cell = location.line.map { line in "line \(line)" + (location.cell.map { " (\($0.a1))" } ?? "") }
      ?? location.sheetCell ?? location.sheet ?? ""
    if location.file != file || cell.isEmpty { return location.file + (cell.isEmpty ? "" : " " + cell) }
    return cell
  }

  /// The one tracker's file, when the report has one.
  var singleFile: String? { report.trackers.count == 1 ? report.trackers[0].file : nil }

  // MARK: changes

  private func writeChanges(_ h: HTMLSink) {
    h.raw("<section id=\"changes\" aria-labelledby=\"changes-h\">\n<h2 id=\"changes-h\">What changed</h2>\n<p>")
    h.text(report.changeBasis.isEmpty ? "No earlier period or version to compare." : "Compared: " + report.changeBasis + ".")
    h.raw("</p>\n")
    let byKind = Dictionary(grouping: report.changes) { $0.kind }
    var counts: [String] = []
    for (kind, n) in zip(ChangeItem.Kind.allCases, report.changeCounts) where n > 0 {
      counts.append("\(kind.heading.lowercased()): \(n)")
    }
    if counts.isEmpty {
      h.raw("<p>No changes.</p>\n</section>\n")
      return
    }
    h.raw("<p>")
    h.text(counts.joined(separator: "; ").prefix(1).uppercased() + counts.joined(separator: "; ").dropFirst() + ".")
    h.raw("</p>\n")
    for (kind, count) in zip(ChangeItem.Kind.allCases, report.changeCounts) where count > 0 {
      let items = byKind[kind] ?? []
      h.raw("<table class=\"list\">\n<caption>")
      h.text("\(kind.heading): \(count)")
      h.raw("</caption>\n<thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Change</th><th scope=\"col\">Cell</th></tr></thead>\n<tbody>\n")
      for item in items {
        h.raw("<tr><th scope=\"row\">")
        h.text(item.actionKey ?? "–")
        h.raw(kind == .improved ? "</th><td class=\"up\">" : kind == .slipped ? "</th><td class=\"down\">" : "</th><td>")
        if kind == .improved { h.raw("<span class=\"sr\">improved: </span>▲ ") }
        if kind == .slipped { h.raw("<span class=\"sr\">slipped: </span>▼ ") }
        h.text(item.text, limit: tooltipLimit)
        h.raw("</td><td>")
        h.text(cellName(item.location, file: singleFile))
        h.raw("</td></tr>\n")
      }
      h.raw("</tbody>\n</table>\n")
      more(h, count - items.count)
    }
    h.raw("</section>\n")
  }
}
