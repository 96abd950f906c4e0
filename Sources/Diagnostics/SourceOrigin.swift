import Synchronization

/// The file, sheet and package part a location is in, interned: a four-byte
/// handle to one process-wide copy of the three names.
///
/// A tracker of 100,000 actions carries a few million locations (every
/// status, note, evidence item and lead remembers its cell), nearly all in
/// the same file and sheet. Holding the names by handle keeps
/// `SourceLocation` a plain value: copying one costs no reference counting,
/// and comparing two origins is one integer comparison. Equal names always
/// get the same handle, so handles compare exactly as the names do.
///
/// The names are kept for the life of the process (a handful per input
/// file), never freed.
public struct SourceOrigin: Hashable, Sendable {
  /// The handle into the process-wide table.
  let id: UInt32

  /// The origin with these names (interned on first use).
  public init(file: String, sheet: String? = nil, part: String? = nil) {
    id = SourceOriginTable.shared.intern(SourceOriginTable.Names(file: file, sheet: sheet, part: part))
  }

  /// The file as the user named it.
  public var file: String { SourceOriginTable.shared.names(id).file }
  /// The sheet name; `nil` for CSV/TSV and for whole-file problems.
  public var sheet: String? { SourceOriginTable.shared.names(id).sheet }
  /// An inner part of a package (`xl/worksheets/sheet1.xml`), for XLSX errors.
  public var part: String? { SourceOriginTable.shared.names(id).part }
}

/// The interned names behind `SourceOrigin` handles.
///
/// Adding takes a lock; reading does not. Entries live in segments that
/// never move (segment `k` holds `64 << k` entries), and an entry is
/// written before its handle is returned, so any thread that holds a handle
/// (it got it from the interning call or through whatever handed it the
/// location) reads a finished entry.
final class SourceOriginTable: @unchecked Sendable {
  struct Names: Hashable {
    let file: String
    let sheet: String?
    let part: String?
  }

  static let shared = SourceOriginTable()

  /// Segment pointers; segment `k` holds `64 << k` entries (2^38 in all).
  private static let segmentCount = 32
  private let segments: UnsafeMutablePointer<UnsafeMutablePointer<Names>?>
  private let state = Mutex(State())

  private struct State {
    var ids: [Names: UInt32] = [:]
    var count: UInt32 = 0
    /// The last names added or found, checked before hashing (locations come
    /// in long runs of one file and sheet).
    var last: (names: Names, id: UInt32)?
  }

  private init() {
    segments = .allocate(capacity: Self.segmentCount)
    segments.initialize(repeating: nil, count: Self.segmentCount)
  }

  /// The handle for these names, adding them if they are new.
  func intern(_ names: Names) -> UInt32 {
    state.withLock { state in
      if let last = state.last, last.names == names { return last.id }
      if let id = state.ids[names] {
        state.last = (names, id)
        return id
      }
      let id = state.count
      let (segment, offset) = Self.slot(id)
      if segments[segment] == nil {
        let storage = UnsafeMutablePointer<Names>.allocate(capacity: 64 << segment)
        segments[segment] = storage
      }
      (segments[segment]! + offset).initialize(to: names)
      state.count = id + 1
      state.ids[names] = id
      state.last = (names, id)
      return id
    }
  }

  /// The names behind a handle this table returned.
  func names(_ id: UInt32) -> Names {
    let (segment, offset) = Self.slot(id)
    return segments[segment]![offset]
  }

  /// Segment and offset of a handle: handles 0–63 are in segment 0,
  /// 64–191 in segment 1, and so on.
  private static func slot(_ id: UInt32) -> (Int, Int) {
    let shifted = UInt64(id) + 64
    let segment = (63 - shifted.leadingZeroBitCount) - 6
    return (segment, Int(shifted - (64 << UInt64(segment))))
  }
}
