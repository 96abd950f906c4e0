import Diagnostics
import XLSXFormat

/// Highlights the cleaned tracker's cells that have findings, as they are
/// written, and remembers where each landed (for the Findings sheet's links).
///
/// A highlighted cell keeps its own look and gains a thick border in its
/// worst finding's colour: dark red for an error, orange for a warning, blue
/// for info. Never a fill: reading the workbook back, an empty status cell
/// with a coloured fill would count as a status by its colour.
final class FindingHighlighter: TrackerCellObserver {
  /// The border colour of each severity.
  static func colour(_ severity: Severity) -> UInt32 {
    switch severity {
    case .error: 0xC00000
    case .warning: 0xED7D31
    case .info: 0x2E75B6
    }
  }

  private struct Place {
    var sheet: String
    var address: CellAddress
  }

  private struct FormatKey: Hashable {
    var base: FormatID
    var severity: Severity
  }

  /// The worst severity of the findings on each cell.
  private let wanted: [TrackerCell: Severity]
  /// Where each wanted cell was first written.
  private var places: [TrackerCell: Place] = [:]
  private var writer: XLSXWriter?
  private var definitions: [FormatID: CellFormat] = [:]
  private var highlights: [FormatKey: FormatID] = [:]

  /// Highlights these cells (each with the worst severity of its findings).
  init(_ wanted: [TrackerCell: Severity]) {
    self.wanted = wanted
  }

  func begin(_ writer: XLSXWriter, styles: TrackerXLSXStyles) {
    self.writer = writer
    definitions = styles.definitions
  }

  func place(_ cell: TrackerCell, sheet: String, at address: CellAddress, format: FormatID) -> FormatID {
    guard !wanted.isEmpty, let severity = wanted[cell], let writer else { return format }
    if places[cell] == nil { places[cell] = Place(sheet: sheet, address: address) }
    let key = FormatKey(base: format, severity: severity)
    if let known = highlights[key] { return known }
    var look = definitions[format] ?? CellFormat()
    look.border = .all(.thick, colorRGB: Self.colour(severity))
    let id = writer.addFormat(look)
    highlights[key] = id
    return id
  }

  /// Where a cell was written (its first place, for a cell on every sheet), if it was.
  func written(_ cell: TrackerCell) -> (sheet: String, address: CellAddress)? {
    places[cell].map { ($0.sheet, $0.address) }
  }
}
