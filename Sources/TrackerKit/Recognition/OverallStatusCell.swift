import Diagnostics
import Grid
import TrackerModel

/// Which short status cell above the header, if any, is the priority's
/// overall status. A key laid out one cell per entry (`Red` | `Delayed`,
/// `Amber` | `In progress`, or a `Key` label beside them) is made of the
/// same short status words, and must never become an overall status:
///
/// - a cell labelled as one (the nearest filled cell to its left, or the
///   cell above it, says `Overall status`, `Overall RAG`, `RAG rating`,
///   `Status`…) is it, unless more status words follow it in its row
///   (`Status` | `Red` | `Amber` | `Green` is a key);
/// - otherwise the only status cell of the preamble is it, unless its row
///   names a key (`Key`, `Legend`, `RAG key`…) or the cell to its right
///   explains it (`Green` | `On track`: a key entry);
/// - several unlabelled status cells are a key: none is.
///
/// The cells not chosen are kept verbatim with the rest of the preamble.
enum OverallStatusCell {
  /// The index in `cells` of the overall status, or nil.
  static func choose(_ cells: [(text: String, at: SourceLocation)], in context: SheetContext) -> Int? {
    guard !cells.isEmpty else { return nil }
    let around = cells.map { neighbours(of: $0.at, in: context) }
    let labelled = around.firstIndex {
      (($0.left.map(isOverallLabel) ?? false) || ($0.above.map(isOverallLabel) ?? false)) && !$0.rowNamesKey
        && !($0.right.map(isStatus) ?? false)
    }
    if let labelled { return labelled }
    guard cells.count == 1, let only = around.first else { return nil }
    if only.rowNamesKey { return nil }
    if let right = only.right, !isStatus(right) { return nil }
    return 0
  }

  private struct Neighbours {
    var left: String?
    var right: String?
    var above: String?
    var rowNamesKey = false
  }

  private static func neighbours(of at: SourceLocation, in context: SheetContext) -> Neighbours {
    guard let address = at.cell, let row = context.sheet.row(address.row) else { return Neighbours() }
    var result = Neighbours()
    if address.row > 1, let up = context.sheet.row(address.row - 1)?.value(at: address.column), !CellText.isBlank(up) {
      result.above = CellText.of(up)
    }
    for cell in row.cells where !CellText.isBlank(cell.value) {
      let text = CellText.of(cell.value)
      if cell.column < address.column { result.left = text }
      if cell.column > address.column, result.right == nil { result.right = text }
      if cell.column != address.column, isKeyLabel(text) { result.rowNamesKey = true }
    }
    return result
  }

  /// `Overall status`, `Overall RAG`, `RAG rating`, `Current status:`, `Status`.
  private static func isOverallLabel(_ text: String) -> Bool {
    let key = StatusVocabulary.normalisedKey(text).filter { $0 != ":" }
    guard key.utf8.count <= 40 else { return false }
    return key.contains("overall") || key.hasSuffix("status") || key.hasSuffix("rating") || key == "rag"
  }

  /// `Key`, `Legend`, `RAG key`, `Status key:`, `Key to ratings`.
  private static func isKeyLabel(_ text: String) -> Bool {
    let key = StatusVocabulary.normalisedKey(text).filter { $0 != ":" }
    guard key.utf8.count <= 30 else { return false }
    let words = key.split(separator: " ")
    return words.contains("key") || words.contains("legend")
  }

  private static func isStatus(_ text: String) -> Bool {
    guard text.utf8.count <= 24 else { return false }
    let rating = StatusVocabulary.read(text).status.rating
    return rating != .unknown && rating != .none
  }
}
