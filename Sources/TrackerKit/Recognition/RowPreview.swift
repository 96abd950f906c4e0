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

  /// The layout's columns a preview reads, looked up once per table.
  struct Columns: Sendable {
    var priority: Int?
    var focusArea: Int?
    /// Action, ref and notes columns (any text makes an action row, in the
    /// ref column a ref).
    var action: [Int]
    /// The ref column.
    var ref: Int?
    /// Period status columns (any status makes an action row).
    var periods: [Int]

    init(_ layout: TableLayout) {
      priority = layout.column(.priority)
      focusArea = layout.column(.focusArea)
      action = [HeaderField.action, .ref, .notes].compactMap { layout.column($0) }
      ref = layout.column(.ref)
      periods = layout.periods.map { $0.column ?? 0 }
    }
  }

  var isBlank = true
  var isHeaderLike = false
  /// Whether it carries an action (`TableReader.isActionRow`).
  var isActionRow = false
  var priority: PriorityCell?
  var focus: FocusCellText?

  /// Previews one row of a table.
  init(_ row: Row, _ columns: Columns) {
    isBlank = row.cells.allSatisfy { CellText.isBlank($0.value) }
    guard !isBlank else { return }
    isHeaderLike = TrailingBlocks.isHeaderLike(row)
    isActionRow = TableReader.isActionRow(row, columns)
    if let raw = Self.text(row, columns.priority) {
      let clean = MarkupText.cleanText(raw)
      priority = PriorityCell(clean: clean, label: RefParser.area(clean, requireKeyword: false))
    }
    if let raw = Self.text(row, columns.focusArea) {
      let clean = MarkupText.cleanText(raw)
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
  static func previews(_ rows: ArraySlice<Row>, _ columns: Columns, threads: Bool = true) -> RowPreviewQueue {
    let count = rows.count
    let slots = UnsafeMutableBufferPointer<RowPreview>.allocate(capacity: max(1, count))
    let first = rows.startIndex
    let processors = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    guard threads, count >= parallelThreshold, processors > 1 else {
      for i in 0..<count { (slots.baseAddress! + i).initialize(to: RowPreview(rows[first + i], columns)) }
      return RowPreviewQueue(slots, count: count)
    }
    let chunks = min(64, processors * 8, count / 1_000)
    let size = (count + chunks - 1) / chunks
    nonisolated(unsafe) let shared = slots
    DispatchQueue.concurrentPerform(iterations: chunks) { k in
      for i in (k * size)..<min(count, (k + 1) * size) {
        (shared.baseAddress! + i).initialize(to: RowPreview(rows[first + i], columns))
      }
    }
    return RowPreviewQueue(slots, count: count)
  }
}

/// Row previews handed out once each, in row order, by moving them out:
/// a preview holds the row's cleaned priority and focus texts, and the
/// table walk used to copy each one three times (a retain and a release
/// per string per copy, on the one thread that walks the rows).
struct RowPreviewQueue: ~Copyable {
  private let slots: UnsafeMutableBufferPointer<RowPreview>
  /// How many previews there are.
  let count: Int
  /// The first preview not yet taken or dropped.
  private var next = 0

  /// Takes ownership of `count` initialised previews in `slots`.
  init(_ slots: UnsafeMutableBufferPointer<RowPreview>, count: Int) {
    self.slots = slots
    self.count = count
  }

  /// The preview at `k` (`next` ≤ `k` < `count`); the ones skipped before
  /// it are dropped.
  mutating func take(_ k: Int) -> RowPreview {
    precondition(k >= next && k < count, "previews are taken once each, in order")
    (slots.baseAddress! + next).deinitialize(count: k - next)
    next = k + 1
    return (slots.baseAddress! + k).move()
  }

  deinit {
    (slots.baseAddress! + next).deinitialize(count: count - next)
    slots.deallocate()
  }
}
