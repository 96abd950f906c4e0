import Dispatch
import Grid
import TrackerModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `TableReader` needs to know about a row before it fills down the
/// hierarchy: whether it is blank or starts another table, and its priority
/// and focus-area cells already cleaned and parsed. Each depends on the row
/// alone, so a large table's rows are previewed in chunks on several
/// threads, leaving only the fill-down (which depends on the rows above)
/// to the single pass in row order.
struct RowPreview: Sendable {
  /// A priority cell: its clean text and what `RefParser.area` read in it.
  struct PriorityCell: Sendable {
    var clean: String
    var label: RefParser.AreaLabel?
  }

  /// A focus-area cell: its clean text and what `RefParser.focus` read in it.
  struct FocusCellText: Sendable {
    var clean: String
    var cell: RefParser.FocusCell?
  }

  var isBlank = true
  var isHeaderLike = false
  var priority: PriorityCell?
  var focus: FocusCellText?

  /// Previews one row of a table with this layout.
  init(_ row: Row, layout: TableLayout) {
    isBlank = row.cells.allSatisfy { CellText.isBlank($0.value) }
    guard !isBlank else { return }
    isHeaderLike = TrailingBlocks.isHeaderLike(row)
    if let raw = Self.text(row, layout.column(.priority)) {
      let clean = MarkupText(raw).text
      priority = PriorityCell(clean: clean, label: RefParser.area(clean, requireKeyword: false))
    }
    if let raw = Self.text(row, layout.column(.focusArea)) {
      let clean = MarkupText(raw).text
      focus = FocusCellText(clean: clean, cell: RefParser.focus(clean))
    }
  }

  private static func text(_ row: Row, _ column: Int?) -> String? {
    guard let column else { return nil }
    let value = row.value(at: column)
    return CellText.isBlank(value) ? nil : CellText.of(value)
  }

  /// Rows below which previewing stays on one thread.
  static let parallelThreshold = 4_000

  /// Previews `rows`, on every processor when there are many.
  static func previews(_ rows: ArraySlice<Row>, layout: TableLayout) -> [RowPreview] {
    let count = rows.count
    let processors = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    guard count >= parallelThreshold, processors > 1 else { return rows.map { RowPreview($0, layout: layout) } }
    let chunks = min(64, processors * 8, count / 1_000)
    let size = (count + chunks - 1) / chunks
    let first = rows.startIndex
    return [RowPreview](unsafeUninitializedCapacity: count) { buffer, initialised in
      nonisolated(unsafe) let slots = buffer
      DispatchQueue.concurrentPerform(iterations: chunks) { k in
        for i in (k * size)..<min(count, (k + 1) * size) {
          (slots.baseAddress! + i).initialize(to: RowPreview(rows[first + i], layout: layout))
        }
      }
      initialised = count
    }
  }
}
