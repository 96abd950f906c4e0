import Diagnostics
import Foundation
import Grid
import TestSupport
import Testing
import TrackerKit
import TrackerModel

/// `wsoa validate --annotate`'s workbook: the cleaned tracker with the cells
/// that have findings outlined, and a Findings sheet whose links go to
/// where each input cell's value landed in the cleaned layout.
@Suite("validate --annotate: the annotated workbook")
struct AnnotatedWorkbookTests {
  static let asOf = CivilDate(year: 2022, month: 1, day: 31)

  struct Annotated {
    let verdict: FileValidation
    let path: String
    let probe: AnnotatedWorkbookProbe
  }

  static func validate(_ input: String) -> FileValidation {
    TrackerValidation.validate(
      file: input, settings: ValidationSettings(asOf: asOf, today: asOf, discoversConfig: false),
      loader: TrackerValidation.defaultLoader)
  }

  static func annotate(_ input: String, in dir: URL? = nil) throws -> Annotated {
    let verdict = validate(input)
    let plan = try #require(verdict.plan, "\(input) was not read: \(verdict.failure?.message ?? "")")
    let folder = try dir ?? Fixtures.scratchDirectory("wsoa-annotate")
    let base = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
    let path = folder.appendingPathComponent("\(base)-annotated.xlsx").path
    #expect(try AnnotatedWorkbookWriter.write(plan, findings: verdict.findings, to: path).isEmpty)
    return Annotated(verdict: verdict, path: path, probe: try AnnotatedWorkbookProbe(path: path))
  }

  static let seedTSV = Fixtures.sample("staffordshire-priority-2.tsv").path
  static let seedXLSX = Fixtures.sample("staffordshire-priority-2.xlsx").path

  /// Inputs of every shape: the seed as TSV, XLSX and wsoa/1 JSON (whose
  /// values carry the cells of the file it was made from), the tracker fixtures
  /// (one sheet per priority, kept sheets, extra columns, quarters, words),
  /// and rule fixtures whose findings sit on empty or optional cells.
  static let inputs: [String] = [
    seedTSV, seedXLSX, Fixtures.sample("staffordshire-priority-2.json").path,
    Fixtures.url("trackers/one-sheet-per-priority.xlsx").path,
    Fixtures.url("trackers/reordered-extra-columns.xlsx").path,
    Fixtures.url("trackers/brag-fy-quarters.xlsx").path,
    Fixtures.url("trackers/words-iso-dates.xlsx").path,
    Fixtures.url("validate/status.gap.fires.tsv").path,
    Fixtures.url("validate/status.missing_latest.fires.tsv").path,
    Fixtures.url("validate/lead.missing.fires.tsv").path,
    Fixtures.url("validate/action.overdue.fires.tsv").path,
  ]

  // MARK: The seed

  @Test func theFindingsSheetListsExactlyTheSeedsFindings() throws {
    let annotated = try Self.annotate(Self.seedTSV)
    let rows = annotated.probe.findingRows
    #expect(annotated.probe.workbook.sheets.map(\.name) == ["Priority 2", "Findings"])
    #expect(rows.first == FindingsSheet.header)
    let findings = annotated.verdict.findings
    #expect(findings.count == 22)  // domain.md §7: 5 warnings, 17 info
    #expect(rows.dropFirst().map { [$0[0], $0[1], $0[2], $0[4], $0[5]] }
      == findings.map { [$0.severity.rawValue, $0.code, $0.location?.cell?.a1 ?? "", $0.message, $0.fix ?? ""] })
    #expect(rows.contains { $0[0] == "warning" && $0[1] == "status.regression_without_note" && $0[2] == "H9" })
  }

  @Test func theRegressionIsOutlinedWhere3_1FsDec21Lands() throws {
    let annotated = try Self.annotate(Self.seedTSV)
    let sheet = try #require(annotated.probe.sheet("Priority 2"))
    let layout = try #require(OutputLayout(sheet))
    let row = try #require(layout.rowOf(key: "3.1F"))
    let column = try #require(layout.periodColumn(year: 2021, month: 12))
    let target = "'Priority 2'!" + CellAddress(row: row, column: column).a1
    let regression = try #require(annotated.probe.findingRows.first { $0[1] == "status.regression_without_note" })
    #expect(regression[2] == "H9")  // the input's cell
    #expect(regression[3] == target)  // where it is now
    #expect(annotated.probe.value(at: target) == .text("G/A"))
    #expect(annotated.probe.outlines["Priority 2"]?[CellAddress(row: row, column: column).a1] == 0xED7D31)  // warning orange
  }

  /// Every seed finding's link checked against an oracle that knows the
  /// seed's layout (A ref, E–H periods, I notes, J evidence, I3 the overall
  /// key, I4 the overall status, row 6 the period headings) and reads where
  /// each landed from the written sheet itself.
  @Test func everySeedLinkGoesToTheCellHoldingTheSameValue() throws {
    let annotated = try Self.annotate(Self.seedTSV)
    let plan = try #require(annotated.verdict.plan)
    let sheet = try #require(annotated.probe.sheet("Priority 2"))
    let layout = try #require(OutputLayout(sheet))
    func expected(_ finding: Diagnostic) -> String? {
      guard finding.code != "layout.ragged_row", let cell = finding.location?.cell else { return nil }
      let period = plan.periods.first { $0.column == cell.column }
      if cell.row == 3 && cell.column == 9 { return layout.find { $0.hasPrefix("Overall status key") } }
      if cell.row == 4 && cell.column == 9 { return layout.find(above: layout.headerRow) { $0 == "G/A" } }
      if cell.row == 6, let period { return layout.periodHeading(year: period.start.year, month: period.start.month) }
      guard let key = plan.actions.first(where: { $0.source?.cell?.row == cell.row })?.key, let row = layout.rowOf(key: key)
      else { return nil }
      let column: Int?
      switch cell.column {
      case 1: column = layout.column(headed: "Ref")
      case 9: column = layout.column(headed: "Progress notes")
      case 10: column = layout.column(headed: "Evidence")
      default: column = period.flatMap { layout.periodColumn(year: $0.start.year, month: $0.start.month) }
      }
      return column.map { "'Priority 2'!" + CellAddress(row: row, column: $0).a1 }
    }
    let rows = annotated.probe.findingRows.dropFirst()
    for (finding, row) in zip(annotated.verdict.findings, rows) {
      #expect(row[3] == (expected(finding) ?? ""), "\(finding.code) at \(finding.location?.description ?? "-")")
    }
    // Status findings point at the same status code as the input cell.
    var statusFindings = 0
    for (finding, row) in zip(annotated.verdict.findings, rows) where (5...8).contains(finding.location?.cell?.column ?? 0) {
      guard let action = plan.actions.first(where: { $0.source?.cell?.row == finding.location?.cell?.row }) else { continue }
      statusFindings += 1
      let status = action.statuses.first { $0.source?.cell == finding.location?.cell }?.status.raw
      #expect(annotated.probe.value(at: row[3]) == status.map { .text($0) }, "\(finding.code) at \(row[2])")
    }
    #expect(statusFindings == 5)  // H9 twice, H14, H15, H16
  }

  @Test func theSeedXLSXGivesTheSameCellsWithItsSheetName() throws {
    let tsv = try Self.annotate(Self.seedTSV)
    let xlsx = try Self.annotate(Self.seedXLSX)
    let regression = try #require(xlsx.probe.findingRows.first { $0[1] == "status.regression_without_note" })
    #expect(regression[2] == "'Priority 2'!H9")
    // Same findings but the TSV-only ragged rows, each going to the same place
    // (messages differ only where they name cells, with or without the sheet).
    let fromTSV = tsv.probe.findingRows.dropFirst().filter { $0[1] != "layout.ragged_row" }.map { [$0[1], $0[3]] }
    #expect(xlsx.probe.findingRows.dropFirst().map { [$0[1], $0[3]] } == fromTSV)
    #expect(fromTSV.count == 21)
  }

  // MARK: Every input

  @Test(arguments: inputs)
  func linksResolveAndExactlyTheLinkedCellsAreOutlinedInTheWorstColour(_ input: String) throws {
    let annotated = try Self.annotate(input)
    let findings = annotated.verdict.findings
    let rows = Array(annotated.probe.findingRows.dropFirst())
    #expect(rows.count == findings.count)
    var worst: [String: Severity] = [:]
    for (n, (finding, row)) in zip(findings, rows).enumerated() {
      #expect(row[0] == finding.severity.rawValue && row[1] == finding.code)
      #expect(row[2] == FindingsSheet.cellText(finding.location))
      let linkCell = CellAddress(row: n + 2, column: 4).a1
      #expect(annotated.probe.links[linkCell] == (row[3].isEmpty ? nil : row[3]), "\(finding.code) \(row[2])")
      guard !row[3].isEmpty else { continue }
      let (sheet, _) = try #require(AnnotatedWorkbookProbe.split(row[3]))
      #expect(annotated.probe.sheet(sheet) != nil && sheet != FindingsSheet.name, "\(row[3])")
      worst[row[3]] = max(worst[row[3]] ?? .info, finding.severity)
    }
    // The first place of each target is outlined in its worst finding's colour.
    for (target, severity) in worst {
      let (sheet, address) = try #require(AnnotatedWorkbookProbe.split(target))
      let colour: UInt32 = severity == .error ? 0xC00000 : severity == .warning ? 0xED7D31 : 0x2E75B6
      #expect(annotated.probe.outlines[sheet]?[address.a1] == colour, "\(target)")
    }
    // Nothing else is outlined but the same heading or key on the other tracker sheets.
    let targets = Set(worst.keys)
    let headings = Set(targets.compactMap { annotated.probe.value(at: $0)?.displayText })
    for (sheet, cells) in annotated.probe.outlines {
      for a1 in cells.keys {
        let reference = SourceLocation(file: "", sheet: sheet, cell: CellAddress(a1: a1)).sheetCell ?? a1
        let repeated = annotated.probe.value(at: reference).map { headings.contains($0.displayText) } ?? false
        #expect(targets.contains(reference) || repeated, "\(reference) is outlined but no finding links to it")
      }
    }
  }

  @Test(.enabled(if: SchemaCheck.shouldRun, "needs ../shared/ooxml/check-xlsx"))
  func everyAnnotatedWorkbookPassesCheckXLSX() throws {
    let dir = try Fixtures.scratchDirectory("wsoa-annotate-check")
    let paths = try Self.inputs.enumerated().map { n, input in
      let sub = dir.appendingPathComponent("\(n)")
      try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
      return try Self.annotate(input, in: sub).path
    }
    let result = try SchemaCheck.run(paths)
    #expect(result.isAcceptable, "\(result.message)")
    #expect(result.message.contains("\(paths.count) passed, 0 failed"))
  }

  @Test(arguments: inputs)
  func readsBackAsTheSamePlanAsConvertAndValidatesTheSame(_ input: String) throws {
    let dir = try Fixtures.scratchDirectory("wsoa-annotate-back")
    let annotated = try Self.annotate(input, in: dir)
    let plan = try #require(annotated.verdict.plan)
    let converted = dir.appendingPathComponent("converted.xlsx").path
    try TrackerWriter.write(plan, findings: annotated.verdict.findings, to: converted, options: WriteOptions(format: .xlsx))
    let back = try TrackerLoader.load(annotated.path)
    let reference = try TrackerLoader.load(converted)
    #expect(PlanComparison.content(back.value, .xlsx) == PlanComparison.content(reference.value, .xlsx))
    #expect(!back.value.unparsed.contains { $0.cells.contains { $0.source?.sheet == FindingsSheet.name } })
    func summary(_ findings: [Diagnostic]) -> [String] { findings.map { "\($0.code) \($0.location?.sheetCell ?? "") \($0.message)" } }
    #expect(summary(back.diagnostics) == summary(reference.diagnostics))
    let again = Self.validate(annotated.path)
    #expect(summary(again.findings) == summary(Self.validate(converted).findings))
  }

  @Test func anEmptyStatusCellWithAFindingIsOutlinedAndStaysEmpty() throws {
    let annotated = try Self.annotate(Fixtures.url("validate/status.gap.fires.tsv").path)
    let gap = try #require(annotated.probe.findingRows.first { $0[1] == "status.gap" })
    #expect(!gap[3].isEmpty)
    #expect(annotated.probe.value(at: gap[3]) == nil || annotated.probe.value(at: gap[3]) == .empty)
    let (sheet, address) = try #require(AnnotatedWorkbookProbe.split(gap[3]))
    #expect(annotated.probe.outlines[sheet]?[address.a1] == 0xED7D31)
    let back = try TrackerLoader.load(annotated.path).value
    let original = try #require(annotated.verdict.plan)
    #expect(back.actions.map { $0.statuses.map(\.status.code) } == original.actions.map { $0.statuses.map(\.status.code) })
    #expect(!Self.validate(annotated.path).findings.contains { $0.code == "status.normalised" })  // no status from a colour
  }

  /// Excel allows 65,530 hyperlinks per sheet: later findings keep their
  /// `Go to` text without a link instead of failing the write.
  @Test func findingsPastExcelsLinkLimitKeepTheirGoToTextWithoutALink() throws {
    let verdict = Self.validate(Self.seedTSV)
    let plan = try #require(verdict.plan)
    let regression = try #require(verdict.findings.first { $0.code == "status.regression_without_note" })
    let findings = [Diagnostic](repeating: regression, count: 65_540)
    let path = try Fixtures.scratchDirectory("wsoa-annotate-many").appendingPathComponent("many.xlsx").path
    #expect(try AnnotatedWorkbookWriter.write(plan, findings: findings, to: path).isEmpty)
    let probe = try AnnotatedWorkbookProbe(path: path)
    let rows = probe.findingRows
    #expect(rows.count == 65_541)
    #expect(rows.dropFirst().allSatisfy { $0[3] == "'Priority 2'!I11" })
    #expect(probe.links.count == 65_530)
    #expect(probe.links["D65531"] == "'Priority 2'!I11" && probe.links["D65532"] == nil)
  }

  @Test func findingsOnASecondSheetLinkToThatSheet() throws {
    let annotated = try Self.annotate(Fixtures.url("trackers/one-sheet-per-priority.xlsx").path)
    // The Key sheet is read whole into the plan's key (written beside each
    // priority), so only the evidence log is kept as a sheet of its own.
    #expect(annotated.probe.workbook.sheets.map(\.name) == ["Priority 1", "Priority 2", "Evidence log", "Findings"])
    let red = try #require(annotated.probe.findingRows.first { $0[1] == "status.red_without_note" && $0[2] == "'Priority 2'!E5" })
    #expect(red[3].hasPrefix("'Priority 2'!"))
    #expect(annotated.probe.value(at: red[3]) == .text("R"))
    let kept = annotated.probe.findingRows.filter { $0[1] == "layout.trailing_block" }
    #expect(kept.count == 1 && kept.allSatisfy { $0[3].isEmpty })  // a kept sheet has no cell in the cleaned tracker
  }
}

/// Where things are in a written tracker sheet, read from the sheet itself.
struct OutputLayout {
  let sheet: Sheet
  let headerRow: Int

  init?(_ sheet: Sheet) {
    guard let header = sheet.rows.first(where: { $0.cells.contains { $0.value == .text("Ref") } }) else { return nil }
    self.sheet = sheet
    headerRow = header.number
  }

  func column(headed text: String) -> Int? {
    sheet.rows.first { $0.number == headerRow }?.cells.first { $0.value == .text(text) }?.column
  }

  func rowOf(key: String) -> Int? {
    guard let ref = column(headed: "Ref") else { return nil }
    return sheet.rows.first { row in row.number > headerRow && row.cells.contains { $0.column == ref && $0.value == .text(key) } }?.number
  }

  func periodColumn(year: Int, month: Int) -> Int? {
    sheet.rows.first { $0.number == headerRow + 1 }?.cells.first {
      if case .date(let d) = $0.value { d.year == year && d.month == month } else { false }
    }?.column
  }

  func periodHeading(year: Int, month: Int) -> String? {
    periodColumn(year: year, month: month).map { "'\(sheet.name)'!" + CellAddress(row: headerRow + 1, column: $0).a1 }
  }

  /// The first cell (above `row`, if given) whose text matches.
  func find(above row: Int = .max, _ matches: (String) -> Bool) -> String? {
    for r in sheet.rows where r.number < row {
      for cell in r.cells {
        if case .text(let text) = cell.value, matches(text) {
          return "'\(sheet.name)'!" + CellAddress(row: r.number, column: cell.column).a1
        }
      }
    }
    return nil
  }
}
