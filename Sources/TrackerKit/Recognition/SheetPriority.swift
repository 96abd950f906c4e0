import Diagnostics
import Grid
import TrackerModel

/// What a sheet's own preamble says about its priority, when a workbook has
/// one sheet per priority: each sheet keeps its own heading, description
/// and as-at date rather than the first sheet's.
enum SheetPriority {
  /// Gives a sheet's priority what its own preamble states around its
  /// heading. A priority known only from the sheet's name (or from a vision
  /// or overall status line) takes as its title the first text the preamble
  /// reader could not place (not a date, at least two words), and that
  /// cell's further paragraphs as its description. A priority without a
  /// description takes the unplaced text cells right below its heading, in
  /// the same column, as one. The cells taken leave `unparsed`.
  static func takeHeading(_ priority: inout Priority, from unparsed: inout [RawCell]) {
    var taken: [Int] = []
    var description: [String] = []
    if priority.title.isEmpty, let first = unparsed.firstIndex(where: isHeading) {
      let paragraphs = paragraphs(unparsed[first])
      priority.title = paragraphs[0]
      if priority.source == nil { priority.source = unparsed[first].source }
      description = Array(paragraphs.dropFirst())
      taken.append(first)
    }
    if priority.description == nil, var below = priority.source?.cell {
      while let k = unparsed.firstIndex(where: {
        $0.source?.cell?.row == below.row + 1 && $0.source?.cell?.column == below.column && isHeading($0)
      }) {
        description += paragraphs(unparsed[k])
        taken.append(k)
        below = unparsed[k].source?.cell ?? below
      }
      if !description.isEmpty { priority.description = description.joined(separator: "\n") }
    }
    for k in taken.sorted(by: >) { unparsed.remove(at: k) }
  }

  private static func paragraphs(_ cell: RawCell) -> [String] {
    MarkupText(cell.text).paragraphs.map(\.collapsedWhitespace).filter { !$0.isEmpty }
  }

  /// Prose: at least two words with letters, not a date, at most 1,000 characters.
  private static func isHeading(_ cell: RawCell) -> Bool {
    let text = MarkupText(cell.text).text.collapsedWhitespace
    guard text.utf8.count <= 1_000, DateText.parse(text) == nil else { return false }
    let words = text.split(separator: " ").filter { $0.contains(where: \.isLetter) }
    return words.count >= 2
  }

  /// The preamble cell holding a title the preamble reader placed (for a
  /// sheet whose title differs from the plan's, kept verbatim).
  static func titleCell(_ title: String, _ context: SheetContext, before headerRow: Int) -> RawCell? {
    for row in context.sheet.rows where row.number < headerRow {
      for cell in row.cells where !CellText.isBlank(cell.value) {
        let raw = CellText.of(cell.value)
        if MarkupText(raw).text.collapsedParagraphs == title {
          return RawCell(text: raw, source: context.location(row, column: cell.column))
        }
      }
    }
    return nil
  }
}
