import Diagnostics

/// The merges, drop-down lists, conditional formats and links declared for
/// one sheet, each checked when it is added so a bad request is refused at
/// once with the range it concerns (and the writer stays usable).
struct SheetFeatures {
  let file: String
  let sheet: String
  private(set) var merges: [CellRange] = []
  private(set) var validations: [DataValidation] = []
  private(set) var conditionalFormats: [(format: ConditionalFormat, dxfIds: [Int])] = []
  private(set) var hyperlinks: [Hyperlink] = []

  /// Excel's limits on data-validation messages.
  static let maxTitleLength = 32
  static let maxMessageLength = 255
  /// Excel's limit on hyperlinks per worksheet.
  static let maxHyperlinks = 65_530

  init(file: String, sheet: String) {
    self.file = file
    self.sheet = sheet
  }

  mutating func addMerge(_ range: CellRange) throws(XLSXWriteError) {
    try check(range, feature: "merged")
    guard range.start != range.end else { throw .singleCellMerge(file: file, sheet: sheet, range: range) }
    if let existing = merges.first(where: { $0.overlaps(range) }) {
      throw .overlappingMerge(file: file, sheet: sheet, range: range, existing: existing)
    }
    merges.append(range)
  }

  mutating func addValidation(_ validation: DataValidation) throws(XLSXWriteError) {
    let name = "data validation on \(SheetFeatures.sqref(validation.ranges))"
    guard !validation.ranges.isEmpty else { throw invalid(name, "no cells given") }
    for range in validation.ranges { try check(range, feature: "data validation") }
    switch validation.source {
    case .list(let items):
      guard !items.isEmpty else { throw invalid(name, "the list is empty") }
      if let bad = items.first(where: { $0.contains(",") || $0.contains("\"") || $0.isEmpty }) {
        throw invalid(name, "list item \"\(bad)\" is empty or contains a comma or a double quote")
      }
      let length = items.joined(separator: ",").utf16.count
      guard length <= ExcelLimits.maxValidationListLength else {
        throw .validationListTooLong(
          file: file, sheet: sheet, ranges: SheetFeatures.sqref(validation.ranges), length: length)
      }
    case .range(_, let source):
      try check(source, feature: "data validation source")
    }
    for (text, limit, label) in [
      (validation.errorTitle, SheetFeatures.maxTitleLength, "error title"),
      (validation.errorMessage, SheetFeatures.maxMessageLength, "error message"),
      (validation.promptTitle, SheetFeatures.maxTitleLength, "prompt title"),
      (validation.prompt, SheetFeatures.maxMessageLength, "prompt"),
    ] {
      if let text, text.utf16.count > limit {
        throw invalid(name, "the \(label) is \(text.utf16.count) characters long; Excel allows \(limit)")
      }
    }
    validations.append(validation)
  }

  mutating func addConditionalFormat(_ format: ConditionalFormat, styles: inout FormatRegistry) throws(XLSXWriteError) {
    let name = "conditional format on \(SheetFeatures.sqref(format.ranges))"
    guard !format.ranges.isEmpty else { throw invalid(name, "no cells given") }
    guard !format.rules.isEmpty else { throw invalid(name, "no rules given") }
    for range in format.ranges { try check(range, feature: "conditional format") }
    for rule in format.rules {
      switch rule.condition {
      case .containsText(let text), .beginsWith(let text), .endsWith(let text):
        guard !text.isEmpty else { throw invalid(name, "the text to look for is empty") }
        guard text.utf16.count <= 255 else { throw invalid(name, "the text to look for is over 255 characters") }
      case .cellEquals(let operand), .cellIs(_, let operand):
        if case .number(let value) = operand, !value.isFinite {
          throw invalid(name, "\(value) is not a number Excel can compare with")
        }
        if case .text(let text) = operand, text.utf16.count > 255 {
          throw invalid(name, "the text to compare with is over 255 characters")
        }
      }
    }
    conditionalFormats.append((format, format.rules.map { styles.add($0.format) }))
  }

  mutating func addHyperlink(_ link: Hyperlink) throws(XLSXWriteError) {
    try check(CellRange(start: link.cell, end: link.cell), feature: "hyperlink")
    guard hyperlinks.count < SheetFeatures.maxHyperlinks else {
      throw invalid("hyperlink at \(link.cell.a1)", "Excel allows at most \(SheetFeatures.maxHyperlinks) per sheet")
    }
    switch link.target {
    case .url(let url):
      guard !url.isEmpty, url.utf16.count <= 2079 else {
        throw invalid("hyperlink at \(link.cell.a1)", "the address is empty or over Excel's 2,079 characters")
      }
    case .cell(let target, _):
      guard !target.isEmpty else { throw invalid("hyperlink at \(link.cell.a1)", "the target sheet name is empty") }
    }
    if let tooltip = link.tooltip, tooltip.utf16.count > 255 {
      throw invalid("hyperlink at \(link.cell.a1)", "the tooltip is over 255 characters")
    }
    hyperlinks.append(link)
  }

  /// Refuses a range whose corners lie outside A1:XFD1048576.
  func check(_ range: CellRange, feature: String) throws(XLSXWriteError) {
    for corner in [range.start, range.end] {
      guard (1...ExcelLimits.maxRows).contains(corner.row), (1...ExcelLimits.maxColumns).contains(corner.column)
      else {
        let text = "R\(range.start.row)C\(range.start.column):R\(range.end.row)C\(range.end.column)"
        throw .rangeOutsideSheet(file: file, sheet: sheet, feature: feature, range: text)
      }
    }
  }

  private func invalid(_ feature: String, _ reason: String) -> XLSXWriteError {
    .invalidFeature(file: file, sheet: sheet, feature: feature, reason: reason)
  }

  /// `A1:B2 D4`: ranges as Excel lists them in `sqref`.
  static func sqref(_ ranges: [CellRange]) -> String { ranges.map(\.a1).joined(separator: " ") }
}
