import Diagnostics
import TrackerModel

extension BoardReportHTML {
  // MARK: priorities (stacked bars)

  func writePriorities(_ h: HTMLSink) {
    h.raw("<section id=\"priorities\" aria-labelledby=\"priorities-h\">\n<h2 id=\"priorities-h\">By priority</h2>\n<div class=\"bars\">\n")
    for (index, group) in report.groups.enumerated() {
      writeBars(h, group, id: "p\(index + 1)")
    }
    h.raw("</div>\n</section>\n")
  }

  /// A small stacked bar per period: one SVG, each bar a group with a `<title>`.
  private func writeBars(_ h: HTMLSink, _ group: PriorityGroup, id: String) {
    let barWidth = 240
    let labelWidth = 90
    let rowHeight = 20
    let periods = report.periods.indices.filter { !group.counts[$0].isEmpty }
    let height = max(rowHeight, periods.count * rowHeight)
    h.raw("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(id)-t\" ")
    h.raw("width=\"\(labelWidth + barWidth + 40)\" height=\"\(height)\" viewBox=\"0 0 \(labelWidth + barWidth + 40) \(height)\">\n")
    h.raw("<title id=\"\(id)-t\">")
    h.text(group.heading + ": statuses per review period")
    h.raw("</title>\n")
    for (row, period) in periods.enumerated() {
      let counts = group.counts[period]
      let total = counts.reduce(0, +)
      let y = row * rowHeight
      h.raw("<g><title>")
      h.text(report.periods[period].label + ": " + describe(counts))
      h.raw("</title><text x=\"0\" y=\"\(y + 14)\" font-size=\"12\" fill=\"#111\">")
      h.text(report.periods[period].label)
      h.raw("</text>")
      var x = 0
      var shown = 0
      for (offset, count) in counts.enumerated() where count > 0 {
        shown += count
        // Integer widths that always add up to the bar: the end of each segment is rounded, not its width.
        let end = total == 0 ? 0 : shown * barWidth / total
        let swatch = ReportPalette.swatch(BoardReport.ratingOrder[offset])
        h.raw("<rect x=\"\(labelWidth + x)\" y=\"\(y + 3)\" width=\"\(end - x)\" height=\"\(rowHeight - 6)\" fill=\"\(swatch.fill)\" stroke=\"#555\" stroke-width=\"0.5\"/>")
        x = end
      }
      h.raw("<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 14)\" font-size=\"12\" fill=\"#111\">\(total)</text></g>\n")
    }
    h.raw("</svg>\n<figcaption>")
    h.text(group.heading)
    if let overall = group.overallStatus {
      h.text(" — overall status " + (overall.raw.isEmpty ? palette.name(overall.effective) : overall.raw + ", " + palette.name(overall.effective)))
    }
    let latest = periods.last.map { report.periods[$0].label + ": " + describe(group.counts[$0]) } ?? "no review periods"
    h.raw("<br/>")
    h.text(latest)
    h.raw("</figcaption>\n</figure>\n")
  }

  /// `1 Red, 3 Amber (In progress), 5 Green (Completed)`.
  func describe(_ counts: [Int]) -> String {
    let parts = counts.enumerated().filter { $0.element > 0 }.map { "\($0.element) " + palette.name(BoardReport.ratingOrder[$0.offset]) }
    return parts.isEmpty ? "no actions" : parts.joined(separator: ", ")
  }

  // MARK: heatmap

  func writeHeatmap(_ h: HTMLSink) {
    h.raw("<section id=\"actions\" aria-labelledby=\"actions-h\">\n<h2 id=\"actions-h\">Actions by review period</h2>\n")
    h.raw("<p class=\"note\">Grouped by priority and focus area; each cell's tooltip gives that period's notes and the tracker cell. ")
    h.raw("Open or close a priority with its heading.</p>\n")
    let tables = report.groups.map { group in
      let tracker = report.trackers[group.tracker]
      return HeatmapTable(
        periods: report.periods.compactMap { period in tracker.periodIndex(period.id).map { (period, $0) } },
        rows: group.focusAreas.indices.flatMap { area in group.focusAreas[area].actions.map { (area, $0) } })
    }
    let pages = tables.indices.flatMap { table in
      let count = tables[table].rows.count
      return stride(from: 0, to: count, by: pageSize).enumerated().map { number, start in
        HeatmapPage(table: table, rows: start..<min(start + pageSize, count), number: number, of: (count + pageSize - 1) / pageSize)
      }
    }
    let open = report.headline.total <= openUpTo
    guard allowsThreads, pages.count > 1 else {
      for page in pages { writePage(h, page, tables[page.table], open: open) }
      h.raw("</section>\n")
      return
    }
    // Pages are written a window at a time on several threads, each into
    // memory, then in order to the output: the bytes are the same.
    let window = 16
    for start in stride(from: 0, to: pages.count, by: window) {
      let end = min(pages.count, start + window)
      let parts = OrderedParts.results(end - start, threads: true) { k in
        let page = pages[start + k]
        let part = HTMLSink()
        writePage(part, page, tables[page.table], open: open)
        part.flush()
        return part.bytes
      }
      for part in parts { h.raw(bytes: part) }
    }
    h.raw("</section>\n")
  }

  /// One priority's heatmap: the periods its tracker has (with their index
  /// in its plan) and a row per action (its focus area, an index into the
  /// group's `focusAreas`, and its index in the plan).
  struct HeatmapTable: Sendable {
    var periods: [(Period, Int)]
    var rows: [(area: Int, action: Int)]
  }

  /// One collapsible page of a heatmap table.
  struct HeatmapPage: Sendable {
    var table: Int
    var rows: Range<Int>
    var number: Int
    var of: Int
  }

  /// One page: a `<details>` holding a table of its actions by focus area.
  private func writePage(_ h: HTMLSink, _ page: HeatmapPage, _ table: HeatmapTable, open: Bool) {
    let group = report.groups[page.table]
    let tracker = report.trackers[group.tracker]
    let periods = table.periods
    h.raw(open ? "<details open=\"open\">" : "<details>")
    h.raw("<summary>")
    var summary = group.heading
    if page.of > 1 {
      summary += " — actions \(page.rows.lowerBound + 1)–\(page.rows.upperBound) of \(table.rows.count) (page \(page.number + 1) of \(page.of))"
    } else {
      summary += " — \(table.rows.count) action\(table.rows.count == 1 ? "" : "s")"
    }
    h.text(summary)
    h.raw("</summary>\n<table class=\"heat\">\n<caption>")
    h.text("Statuses of " + summary)
    h.raw("</caption>\n<thead><tr><th scope=\"col\">Ref</th><th scope=\"col\">Action</th><th scope=\"col\">Lead</th>")
    for (period, _) in periods {
      h.raw("<th scope=\"col\" class=\"num\">")
      h.text(period.label)
      h.raw("</th>")
    }
    h.raw("</tr></thead>\n")
    var currentArea: Int?
    for (area, offset) in table.rows[page.rows] {
      if currentArea != area {
        if currentArea != nil { h.raw("</tbody>\n") }
        currentArea = area
        h.raw("<tbody><tr class=\"fa\"><th scope=\"rowgroup\" colspan=\"\(3 + periods.count)\">")
        h.text(group.focusAreas[area].heading, limit: 200)
        h.raw("</th></tr>\n")
      }
      writeRow(h, offset, tracker: tracker, periods: periods)
    }
    if currentArea != nil { h.raw("</tbody>\n") }
    h.raw("</table>\n</details>\n")
  }

  /// One action's row: the action at `index` in the tracker's plan, a cell
  /// per period (with its index in the plan's periods).
  private func writeRow(_ h: HTMLSink, _ index: Int, tracker: ReportTracker, periods: [(Period, Int)]) {
    // Fields read in place: a copy of the whole action would retain every one of them.
    let actions = tracker.plan.actions
    h.raw("<tr><th scope=\"row\">")
    h.text(actions[index].key)
    h.raw("</th><td class=\"t\">")
    h.text(actions[index].text, limit: 160)
    h.raw("</td><td>")
    h.text(actions[index].leads.map(\.name).joined(separator: ", "), limit: 80)
    h.raw("</td>")
    for (period, own) in periods {
      let entry = tracker.entry(index, period: own)
      let status = entry?.status ?? .empty
      let rating = tracker.rating(index, period: own)
      h.raw("<td class=\"s ")
      h.raw(ReportPalette.swatch(rating).cssClass)
      h.raw("\" title=\"")
      writeTooltip(h, actions, index, period: period, status: status, rating: rating, cell: entry?.source)
      h.raw("\">")
      h.text(ReportPalette.cellText(status, rating: rating))
      h.raw("</td>")
    }
    h.raw("</tr>\n")
  }

  /// `1.1A, Dec-21: G = Green (Completed), cell H7` and the period's notes
  /// (at most `tooltipLimit` bytes of them), written escaped piece by piece.
  private func writeTooltip(
    _ h: HTMLSink, _ actions: [Action], _ index: Int, period: Period, status: Status, rating: Rating, cell: SourceLocation?
  ) {
    h.text(actions[index].key)
    h.raw(", ")
    h.text(period.label)
    h.raw(": ")
    if !status.raw.isEmpty {
      h.text(status.raw)
      h.raw(" = ")
    }
    h.text(palette.name(rating))
    if let cell = cell?.sheetCell ?? cell.map({ $0.description }) {
      h.raw(", cell ")
      h.text(cell)
    }
    var budget = tooltipLimit
    let notes = actions[index].notes
    for note in notes.indices where budget > 0 && notes[note].periodId == period.id {
      h.raw("&#10;")
      // The note's line is its date prefix and text, clipped to what is left of the budget.
      if let prefix = notes[note].prefix {
        let line = prefix + ": "
        let cut = line.utf8.count > budget
        budget -= h.text(line, limit: budget)
        if cut { continue }
      }
      budget -= h.text(notes[note].text, limit: budget)
    }
  }

  // MARK: findings

  func writeFindings(_ h: HTMLSink) {
    h.raw("<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Findings</h2>\n")
    if report.rulesLeftOut.isEmpty {
      h.raw("<p class=\"note\">What <code>wsoa validate</code> reports on each tracker, by code; it lists each finding with its cell and fix.</p>\n")
    } else {
      h.raw("<p class=\"note\">What reading each tracker found and what the rules of <a href=\"#attention\">What needs attention</a> found, by code. ")
      h.raw("To stay quick on large trackers this report does not run <code>wsoa validate</code>’s other rules, so it does not count their codes (")
      h.text(report.rulesLeftOut.joined(separator: ", "))
      h.raw("); <code>wsoa validate</code> gives every finding with its cell and fix.</p>\n")
    }
    for tracker in report.trackers {
      // One pass, reading only each finding's code and severity (a large tracker has 170,000).
      var counts: [String: Int] = [:]
      var severity: [String: Severity] = [:]
      var totals: [Severity: Int] = [:]
      let findings = tracker.findings
      for index in findings.indices {
        let code = findings[index].code
        counts[code, default: 0] += 1
        severity[code] = findings[index].severity
        totals[findings[index].severity, default: 0] += 1
      }
      let total = { (s: Severity) in totals[s] ?? 0 }
      let rank = { (s: Severity?) in s == .error ? 0 : s == .warning ? 1 : 2 }
      let codes = counts.keys.sorted { (rank(severity[$0]), -counts[$0]!, $0) < (rank(severity[$1]), -counts[$1]!, $1) }
      h.raw("<table class=\"list\">\n<caption>")
      h.text("\(tracker.file): \(total(.error)) errors, \(total(.warning)) warnings, \(total(.info)) info")
      h.raw("</caption>\n<thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Severity</th><th scope=\"col\" class=\"num\">Count</th><th scope=\"col\">Meaning</th></tr></thead>\n<tbody>\n")
      for code in codes {
        h.raw("<tr><th scope=\"row\"><code>")
        h.text(code)
        h.raw("</code></th><td>")
        h.text(severity[code].map { "\($0)" } ?? "")
        h.raw("</td><td class=\"num\">\(counts[code]!)</td><td>")
        h.text(RuleCatalogue.info(code)?.summary ?? "")
        h.raw("</td></tr>\n")
      }
      if codes.isEmpty { h.raw("<tr><td colspan=\"4\">No findings.</td></tr>\n") }
      h.raw("</tbody>\n</table>\n")
    }
    h.raw("</section>\n")
  }

  // MARK: sources

  func writeSources(_ h: HTMLSink) {
    h.raw("<section id=\"sources\" aria-labelledby=\"sources-h\">\n<h2 id=\"sources-h\">Sources</h2>\n")
    h.raw("<table class=\"list\">\n<caption>The files this report was made from</caption>\n<thead><tr>")
    for name in ["File", "Role", "Sheets", "As at", "Review periods", "Actions", "Statuses read with"] {
      h.raw("<th scope=\"col\">\(name)</th>")
    }
    h.raw("</tr></thead>\n<tbody>\n")
    for (role, trackers) in [("Current", report.trackers), ("Compared with (--since)", report.baseline)] {
      for tracker in trackers {
        let plan = tracker.plan
        h.raw("<tr><th scope=\"row\">")
        h.text(tracker.file)
        h.raw("</th><td>")
        let roles = BoardReport.unique(plan.sources.map { $0.role == .return ? "return" + ($0.subGroup.map { " (\($0))" } ?? "") : "master" })
        h.text(role + (plan.sources.count > 1 ? "; merged from \(plan.sources.count) files (" + roles.joined(separator: ", ") + ")" : ""))
        h.raw("</td><td>")
        h.text(BoardReport.unique(plan.sources.compactMap(\.sheet)).joined(separator: ", "))
        h.raw("</td><td>")
        h.text(plan.asAt?.trackerText ?? "not stated")
        h.raw("</td><td>")
        h.text(plan.periods.map(\.label).joined(separator: ", "))
        h.raw("</td><td class=\"num\">\(plan.actions.count)</td><td>")
        h.text(tracker.reading.description)
        h.raw("</td></tr>\n")
      }
    }
    h.raw("</tbody>\n</table>\n</section>\n")
  }
}
