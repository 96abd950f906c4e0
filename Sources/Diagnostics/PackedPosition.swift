import Synchronization

/// A location's cell and line packed into 12 bytes (a `CellAddress?` and an
/// `Int?` take 25, 32 with padding), so a `SourceLocation` is 16 bytes: a
/// large plan carries one on every value (a 24-period tracker, 2.4 million
/// period statuses for 100,000 actions).
///
/// Every cell and line fits the packed form except negative numbers and
/// numbers past 2^32 - 2, which no reader makes; those few are kept whole
/// in `WidePositions` and the packed form holds their index, so the value
/// read back is always the one stored and equal positions compare equal.
struct PackedPosition: Hashable, Sendable {
  /// 0 when there is no cell; `UInt32.max` when the position is wide (`row`
  /// is then its index in `WidePositions`); else the column + 1.
  private var column: UInt32
  /// The cell's row (or a wide position's index).
  private var row: UInt32
  /// 0 when there is no line; else the line + 1.
  private var line1: UInt32

  init(cell: CellAddress?, line: Int?) {
    let cellFits = cell.map { (0...Int(UInt32.max - 2)).contains($0.column) && (0...Int(UInt32.max)).contains($0.row) } ?? true
    let lineFits = line.map { (0...Int(UInt32.max - 1)).contains($0) } ?? true
    guard cellFits, lineFits else {
      column = .max
      row = WidePositions.shared.intern(WidePositions.Position(cell: cell, line: line))
      line1 = 0
      return
    }
    column = cell.map { UInt32($0.column + 1) } ?? 0
    row = cell.map { UInt32($0.row) } ?? 0
    line1 = line.map { UInt32($0 + 1) } ?? 0
  }

  /// The cell.
  var cell: CellAddress? {
    switch column {
    case 0: nil
    case .max: WidePositions.shared.position(row).cell
    default: CellAddress(row: Int(row), column: Int(column) - 1)
    }
  }

  /// The line.
  var line: Int? {
    if column == .max { return WidePositions.shared.position(row).line }
    return line1 == 0 ? nil : Int(line1) - 1
  }
}

/// The positions too wide to pack, each kept once (none in practice).
final class WidePositions: Sendable {
  struct Position: Hashable {
    let cell: CellAddress?
    let line: Int?
  }

  static let shared = WidePositions()

  private struct State {
    var ids: [Position: UInt32] = [:]
    var all: [Position] = []
  }

  private let state = Mutex(State())

  /// The index of a position, adding it if it is new.
  func intern(_ position: Position) -> UInt32 {
    state.withLock { state in
      if let id = state.ids[position] { return id }
      let id = UInt32(state.all.count)
      state.all.append(position)
      state.ids[position] = id
      return id
    }
  }

  /// The position at an index `intern` returned.
  func position(_ id: UInt32) -> Position {
    state.withLock { $0.all[Int(id)] }
  }
}
