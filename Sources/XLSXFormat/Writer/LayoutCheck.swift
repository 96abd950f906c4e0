import Diagnostics

/// Refuses a `SheetLayout` Excel could not honour, before the sheet starts.
struct LayoutCheck {
  let file: String
  let sheet: String
  let styles: FormatRegistry

  func check(_ layout: SheetLayout) throws(XLSXWriteError) {
    guard (0..<ExcelLimits.maxRows).contains(layout.frozenRows) else {
      throw invalid("frozen rows \(layout.frozenRows) is outside 0...\(ExcelLimits.maxRows - 1)")
    }
    guard (0..<ExcelLimits.maxColumns).contains(layout.frozenColumns) else {
      throw invalid("frozen columns \(layout.frozenColumns) is outside 0...\(ExcelLimits.maxColumns - 1)")
    }
    var previous: ColumnLayout?
    for column in layout.columns.sorted(by: { $0.columns.lowerBound < $1.columns.lowerBound }) {
      let range = column.columns
      guard range.lowerBound >= 1, range.upperBound <= ExcelLimits.maxColumns else {
        throw invalid("column range \(range.lowerBound)...\(range.upperBound) is outside 1...\(ExcelLimits.maxColumns)")
      }
      if let previous, previous.columns.overlaps(range) {
        throw invalid(
          "column ranges \(previous.columns.lowerBound)...\(previous.columns.upperBound) and "
            + "\(range.lowerBound)...\(range.upperBound) overlap")
      }
      if let width = column.width, !(0...ExcelLimits.maxColumnWidth).contains(width) {
        throw invalid("column width \(width) is outside 0...\(Int(ExcelLimits.maxColumnWidth))")
      }
      if let format = column.format, !styles.contains(format) {
        throw .unknownFormat(file: file, sheet: sheet, format: format.index)
      }
      previous = column
    }
    if let fit = layout.autoFit {
      guard fit.minWidth >= 0, fit.minWidth <= fit.maxWidth, fit.maxWidth <= ExcelLimits.maxColumnWidth else {
        throw invalid("fitted widths \(fit.minWidth)...\(fit.maxWidth) are not within 0...255")
      }
    }
    switch layout.autoFilter {
    case .range(let range):
      try SheetFeatures(file: file, sheet: sheet).check(range, feature: "auto-filter")
    case .header(let row):
      guard (1...ExcelLimits.maxRows).contains(row) else { throw invalid("auto-filter header row \(row) is outside the sheet") }
    case .none:
      break
    }
    if let print = layout.printSetup { try check(print) }
  }

  private func check(_ print: PrintSetup) throws(XLSXWriteError) {
    if let wide = print.fitToPagesWide, !(1...32767).contains(wide) {
      throw invalid("fit to \(wide) pages wide is outside 1...32767")
    }
    guard (0...32767).contains(print.fitToPagesTall) else {
      throw invalid("fit to \(print.fitToPagesTall) pages tall is outside 0...32767")
    }
    if let rows = print.repeatedRows, rows.lowerBound < 1 || rows.upperBound > ExcelLimits.maxRows {
      throw invalid("repeated rows \(rows.lowerBound)...\(rows.upperBound) are outside the sheet")
    }
    if case .range(let range) = print.area {
      try SheetFeatures(file: file, sheet: sheet).check(range, feature: "print area")
    }
    for (text, name) in [(print.header, "header"), (print.footer, "footer")] {
      if let codes = text?.codes, codes.count > HeaderFooterText.maxLength {
        throw invalid("the page \(name) is \(codes.count) characters long; Excel allows \(HeaderFooterText.maxLength)")
      }
    }
  }

  private func invalid(_ reason: String) -> XLSXWriteError {
    .invalidLayout(file: file, sheet: sheet, reason: reason)
  }
}
