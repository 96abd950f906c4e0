import Diagnostics
import XMLStream
import ZipArchive

/// Everything of a sheet that is known once its rows are written.
struct FinishedSheet {
  let name: String
  let layout: SheetLayout
  let features: SheetFeatures
  /// The compressed `<row>`s.
  let body: DeflateSegment
  /// The cells' extent, or `nil` for an empty sheet.
  let extent: CellRange?
  /// Longest line per column, in characters (with `autoFit`).
  let fittedCharacters: [Int]

  /// The auto-filter range, resolving `.header(row:)` to the rows written.
  var autoFilterRange: CellRange? {
    switch layout.autoFilter {
    case .none: nil
    case .range(let range): range
    case .header(let row):
      CellRange(
        start: CellAddress(row: row, column: extent?.start.column ?? 1),
        end: CellAddress(row: max(row, extent?.end.row ?? row), column: extent?.end.column ?? 1))
    }
  }
}

extension FinishedSheet {
  /// The print area, resolving `.used` to the cells written.
  var printAreaRange: CellRange? {
    switch layout.printSetup?.area {
    case .none: nil
    case .range(let range): range
    case .used: extent.map { CellRange(start: CellAddress(row: 1, column: 1), end: $0.end) }
    }
  }
}

/// The start of a worksheet part, up to and including `<sheetData>`:
/// tab colour and fit-to-page, dimension, view with frozen panes, default row height and
/// column widths (fitted ones included).
struct WorksheetHeaderPart {
  let sheet: FinishedSheet
  let isSelected: Bool

  func render() -> [UInt8] {
    XMLWriter.document { x in
      x.declaration()
      x.startElement("worksheet")
      x.attribute("xmlns", constant: Namespace.spreadsheetML)
      x.attribute("xmlns:r", constant: Namespace.relationships)
      x.closeStartTag()
      let fits = sheet.layout.printSetup?.fitToPagesWide != nil
      if sheet.layout.tabColorRGB != nil || fits {
        x.raw("<sheetPr>")
        if let rgb = sheet.layout.tabColorRGB { StylesPart.writeColor(rgb, element: "tabColor", to: x) }
        if fits { x.raw("<pageSetUpPr fitToPage=\"1\"/>") }
        x.raw("</sheetPr>")
      }
      x.startElement("dimension")
      x.attribute("ref", sheet.extent?.a1 ?? "A1")
      x.closeEmptyElement()
      writeView(to: x)
      x.raw("<sheetFormatPr defaultRowHeight=\"15\"/>")
      writeColumns(to: x)
      x.raw("<sheetData>")
    }
  }

  private func writeView(to x: XMLWriter) {
    x.raw("<sheetViews><sheetView")
    if !sheet.layout.showsGridLines { x.attribute("showGridLines", constant: "0") }
    if isSelected { x.attribute("tabSelected", constant: "1") }
    x.attribute("workbookViewId", constant: "0")
    let rows = sheet.layout.frozenRows
    let columns = sheet.layout.frozenColumns
    guard rows > 0 || columns > 0 else {
      x.raw("/></sheetViews>")
      return
    }
    x.closeStartTag()
    let pane: StaticString = rows > 0 && columns > 0 ? "bottomRight" : (rows > 0 ? "bottomLeft" : "topRight")
    x.startElement("pane")
    if columns > 0 { x.attribute("xSplit", columns) }
    if rows > 0 { x.attribute("ySplit", rows) }
    x.attribute("topLeftCell", CellAddress(row: rows + 1, column: columns + 1).a1)
    x.attribute("activePane", constant: pane)
    x.attribute("state", constant: "frozen")
    x.closeEmptyElement()
    if rows > 0 && columns > 0 {
      // As Excel writes it: each side pane keeps its own active cell.
      let topRight = CellAddress(row: 1, column: columns + 1).a1
      let bottomLeft = CellAddress(row: rows + 1, column: 1).a1
      x.raw("<selection pane=\"topRight\" activeCell=\"\(topRight)\" sqref=\"\(topRight)\"/>")
      x.raw("<selection pane=\"bottomLeft\" activeCell=\"\(bottomLeft)\" sqref=\"\(bottomLeft)\"/>")
    }
    x.startElement("selection")
    x.attribute("pane", constant: pane)
    x.closeEmptyElement()
    x.raw("</sheetView></sheetViews>")
  }

  /// One `<col>` span: columns with the same width, format and hiding.
  struct ColumnSpan: Equatable {
    var first: Int
    var last: Int
    var width: Double?
    var format: Int
    var isHidden: Bool
  }

  /// The `<col>` spans: explicit layouts, fitted widths for the used columns
  /// without one (with `autoFit`), ascending and merged when alike.
  func columnSpans() -> [ColumnSpan] {
    var spans: [ColumnSpan] = []
    let layout = sheet.layout
    let used = sheet.extent?.end.column ?? 0
    for column in layout.columns {
      let base = ColumnSpan(
        first: column.columns.lowerBound, last: column.columns.upperBound, width: column.width,
        format: column.format?.index ?? 0, isHidden: column.isHidden)
      guard column.width == nil, let fit = layout.autoFit, base.first <= used else {
        spans.append(base)
        continue
      }
      // No width given: fit each used column, keep the rest as given.
      for c in base.first...min(used, base.last) {
        spans.append(ColumnSpan(first: c, last: c, width: fittedWidth(c, fit), format: base.format, isHidden: base.isHidden))
      }
      if base.last > used {
        spans.append(ColumnSpan(first: used + 1, last: base.last, width: nil, format: base.format, isHidden: base.isHidden))
      }
    }
    if let fit = layout.autoFit, used > 0 {
      for c in 1...used where !layout.columns.contains(where: { $0.columns.contains(c) }) {
        spans.append(ColumnSpan(first: c, last: c, width: fittedWidth(c, fit), format: 0, isHidden: false))
      }
    }
    spans.sort { $0.first < $1.first }
    var merged: [ColumnSpan] = []
    for span in spans {
      if var last = merged.last, last.last + 1 == span.first, last.width == span.width, last.format == span.format,
        last.isHidden == span.isHidden
      {
        last.last = span.last
        merged[merged.count - 1] = last
      } else {
        merged.append(span)
      }
    }
    return merged
  }

  private func fittedWidth(_ column: Int, _ fit: AutoFit) -> Double {
    let characters = column < sheet.fittedCharacters.count ? sheet.fittedCharacters[column] : 0
    return min(max(Double(characters) + 2, fit.minWidth), fit.maxWidth)
  }

  private func writeColumns(to x: XMLWriter) {
    let spans = columnSpans()
    guard !spans.isEmpty else { return }
    x.raw("<cols>")
    for span in spans {
      x.startElement("col")
      x.attribute("min", span.first)
      x.attribute("max", span.last)
      x.attribute("width", WorksheetHeaderPart.storedWidth(span.width ?? 8.43))
      if span.format != 0 { x.attribute("style", span.format) }
      if span.isHidden { x.attribute("hidden", constant: "1") }
      if span.width != nil { x.attribute("customWidth", constant: "1") }
      x.closeEmptyElement()
    }
    x.raw("</cols>")
  }

  /// The `width` Excel stores for a width shown in its dialog, for Calibri
  /// 11 (7-pixel digits, 5 pixels of padding), in 1/256ths of a character:
  /// 8.43 → 9.140625.
  static func storedWidth(_ shown: Double) -> Double {
    guard shown > 0 else { return 0 }
    let pixels = shown < 1 ? (shown * 12 + 0.5).rounded(.down) : (shown * 7 + 0.5).rounded(.down) + 5
    return (pixels / 7 * 256).rounded(.down) / 256
  }

  /// The width shown in Excel's dialog for a stored `width` (the inverse of
  /// `storedWidth`, to the nearest 1/100): 9.140625 → 8.43.
  static func shownWidth(_ stored: Double) -> Double {
    guard stored > 0 else { return 0 }
    let pixels = (stored * 7).rounded()
    let shown = pixels >= 12 ? (pixels - 5) / 7 : pixels / 12
    return (shown * 100).rounded() / 100
  }
}
