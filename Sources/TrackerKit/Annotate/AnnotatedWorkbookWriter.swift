public import Diagnostics
import Grid
public import TrackerModel
import XLSXFormat

/// Writes the annotated workbook of `wsoa validate --annotate OUT.xlsx`: the
/// cleaned tracker exactly as `wsoa convert --to xlsx` lays it out, with each
/// cell that has a finding highlighted (a thick border in the colour of its
/// worst finding: dark red error, orange warning, blue info), then a
/// "Findings" sheet with one row per finding, in the order given.
///
/// Findings name cells of the input; each is traced to the cell of the
/// cleaned tracker that holds the same value (see `FindingTargets`), which
/// the `Go to` column links to, while the `Cell` column keeps the input's
/// cell. A finding with no such cell (a ragged input row, a footer) has a
/// row without a link and highlights nothing.
///
/// ```swift
/// try AnnotatedWorkbookWriter.write(verdict.plan!, findings: verdict.findings, to: "annotated.xlsx")
/// ```
public enum AnnotatedWorkbookWriter {
  /// Excel's limit on hyperlinks per worksheet: findings after it show
  /// their `Go to` cell as text without a link.
  static let maxLinks = 65_530

  /// Findings listed at most (Excel's 1,048,576 rows less the header and a
  /// closing line saying how many more there were).
  static let maxRows = 1_048_574

  /// Writes the workbook atomically.
  ///
  /// - Returns: what writing found: `xlsx.sheet_renamed` for a sheet kept
  ///   from the input that is written under another name (one Excel does
  ///   not allow, or one the cleaned tracker already writes), as `convert`
  ///   reports it.
  /// - Throws: `TrackerError.cellTooLong` for a tracker value over Excel's
  ///   32,767 characters (finding texts are clipped instead);
  ///   `TrackerError.cannotWrite` for other writer failures; `OutputError`
  ///   when the file cannot be written.
  /// - Parameters:
  ///   - palette: the status colours (`[colours]` in `wsoa.toml`).
  ///   - council: the council's status words (`[statuses]`), kept as written and coloured by meaning.
  public static func write(
    _ plan: Plan, findings: [Diagnostic], to path: String, palette: StatusPalette = .standard,
    council: CouncilVocabulary = CouncilVocabulary()
  ) throws -> [Diagnostic] {
    let targets = FindingTargets(plan: plan)
    let cells = findings.map(targets.target(of:))
    var wanted: [TrackerCell: Severity] = [:]
    for (finding, cell) in zip(findings, cells) {
      guard let cell else { continue }
      wanted[cell] = max(wanted[cell] ?? .info, finding.severity)
    }
    let highlighter = FindingHighlighter(wanted)
    let taken = Set(plan.unparsed.filter(PlanXLSXWriter.isOwnSheet).compactMap { $0.cells.first?.source?.sheet })
    let sheetName = FindingsSheet.name(avoiding: taken)
    return try PlanXLSXWriter.write(
      plan, findings: findings, to: path, observer: highlighter,
      extraSheets: { writer throws(XLSXWriteError) in
        let links = cells.map { $0.flatMap(highlighter.written) }
        try writeFindings(findings, links: links, named: sheetName, to: writer)
      }, palette: palette, council: council)
  }

  /// The Findings sheet: a bold header, the severity in its colour, the
  /// `Go to` cell as a link with a tooltip, wrapped message and fix, frozen
  /// header and a filter. Every value is a text cell, clipped to Excel's limit.
  private static func writeFindings(
    _ findings: [Diagnostic], links: [(sheet: String, address: CellAddress)?], named name: String, to writer: XLSXWriter
  ) throws(XLSXWriteError) {
    let border = BorderFormat.all(.thin, colorRGB: 0xBFBFBF)
    let top = AlignmentFormat(vertical: .top, wrapsText: true)
    let header = writer.addFormat(CellFormat(font: FontFormat(isBold: true), fillRGB: 0xD9E1F2, border: border, alignment: top))
    let text = writer.addFormat(CellFormat(border: border, alignment: top))
    let link = writer.addFormat(CellFormat(font: CellFormat.hyperlink.font, border: border, alignment: top))
    var severity: [Severity: FormatID] = [:]
    for level in Severity.allCases {
      severity[level] = writer.addFormat(CellFormat(
        font: FontFormat(isBold: true, colorRGB: FindingHighlighter.colour(level)), border: border, alignment: top))
    }
    let widths: [Double] = [10, 30, 16, 16, 80, 60]
    _ = try writer.beginSheet(
      name: name,
      layout: SheetLayout(
        columns: widths.enumerated().map { ColumnLayout(($0.offset + 1)...($0.offset + 1), width: $0.element) },
        frozenRows: 1, autoFilter: .header(row: 1)))
    try writer.writeRow(
      number: 1, cells: FindingsSheet.header.enumerated().map { FormattedCell(column: $0.offset + 1, value: .text($0.element), format: header) })
    var linked = 0
    for (n, finding) in findings.prefix(maxRows).enumerated() {
      let row = n + 2
      let target = n < links.count ? links[n] : nil
      let goTo = target.map { SourceLocation(file: "", sheet: $0.sheet, cell: $0.address).sheetCell ?? $0.address.a1 } ?? ""
      let values = [
        finding.severity.rawValue, finding.code, FindingsSheet.cellText(finding.location), goTo, finding.message,
        finding.fix ?? "",
      ]
      try writer.writeRow(
        number: row,
        cells: values.enumerated().map { column, value in
          let format = column == 0 ? severity[finding.severity] ?? text : column == 3 && target != nil && linked < maxLinks ? link : text
          return FormattedCell(column: column + 1, value: value.isEmpty ? .empty : .text(ExcelText.clipped(value)), format: format)
        })
      if let target, linked < maxLinks {
        linked += 1
        try writer.addHyperlink(Hyperlink(
          at: CellAddress(row: row, column: 4), to: .cell(sheet: target.sheet, target.address),
          tooltip: "Go to the cell in the cleaned tracker"))
      }
    }
    if findings.count > maxRows {
      let more = findings.count - maxRows
      try writer.writeRow(
        number: maxRows + 2,
        cells: [FormattedCell(column: 5, value: .text("\(more) more findings are not listed here (see the text or JSON report)"), format: text)])
    }
    try writer.endSheet()
  }
}
