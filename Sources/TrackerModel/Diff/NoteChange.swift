/// A progress note added, edited or removed between two versions of an
/// action. Notes are the same when their date (at its precision) and
/// normalised text are (merge's identity, domain.md §8.2); an unmatched old
/// and new note with the same date are one note edited.
public struct NoteChange: Hashable, Sendable {
  /// What happened to the note.
  public var kind: Kind
  /// The note as it was (edited and removed notes).
  public var old: ProgressNote?
  /// The note as it is (added and edited notes).
  public var new: ProgressNote?

  /// What happened to a note.
  public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A note only the new tracker has.
    case added
    /// A note whose date both trackers have, with different text.
    case edited
    /// A note only the old tracker has (notes are meant to be append-only).
    case removed
  }

  /// The changes from one list of notes to another: added and edited in the
  /// new list's order, then removed in the old list's order.
  static func changes(old: [ProgressNote], new: [ProgressNote]) -> [NoteChange] {
    if old.map(ExactNoteKey.init) == new.map(ExactNoteKey.init) { return [] }
    let oldKeys = old.map(MergeKeys.note)
    var unmatched = Multiset(oldKeys)
    var fresh: [Int] = []
    for (index, note) in new.enumerated() where !unmatched.remove(MergeKeys.note(note)) { fresh.append(index) }
    // The old notes left, in order, each used once.
    var left = unmatched.leftIndices(oldKeys)
    var changes: [NoteChange] = []
    for index in fresh {
      let date = MergeKeys.noteDate(new[index])
      if let position = left.firstIndex(where: { oldKeys[$0].date == date }) {
        changes.append(NoteChange(kind: .edited, old: old[left.remove(at: position)], new: new[index]))
      } else {
        changes.append(NoteChange(kind: .added, old: nil, new: new[index]))
      }
    }
    changes += left.map { NoteChange(kind: .removed, old: old[$0], new: nil) }
    return changes
  }
}

/// An evidence item added or removed between two versions of an action;
/// items are the same when their E-code, else their normalised text, is.
public struct EvidenceChange: Hashable, Sendable {
  /// Whether the item was added or removed.
  public var kind: Kind
  /// The item (from the new tracker when added, the old when removed).
  public var item: EvidenceItem

  /// What happened to an evidence item.
  public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Only the new tracker lists it.
    case added
    /// Only the old tracker lists it.
    case removed
  }

  /// Items added (new list's order), then removed (old list's order).
  static func changes(old: [EvidenceItem], new: [EvidenceItem]) -> [EvidenceChange] {
    if old.map(\.raw) == new.map(\.raw), old.map(\.ref) == new.map(\.ref) { return [] }
    let oldKeys = old.map(MergeKeys.evidence)
    var unmatched = Multiset(oldKeys)
    var changes: [EvidenceChange] = []
    for item in new where !unmatched.remove(MergeKeys.evidence(item)) {
      changes.append(EvidenceChange(kind: .added, item: item))
    }
    changes += unmatched.leftIndices(oldKeys).map { EvidenceChange(kind: .removed, item: old[$0]) }
    return changes
  }
}

/// Counts of keys, for matching two lists item by item (a key listed twice
/// matches twice).
struct Multiset<Key: Hashable> {
  private var counts: [Key: Int] = [:]

  init(_ keys: [Key]) {
    for key in keys { counts[key, default: 0] += 1 }
  }

  /// Takes one of `key` away; `false` when none is left.
  mutating func remove(_ key: Key) -> Bool {
    guard let count = counts[key], count > 0 else { return false }
    counts[key] = count - 1
    return true
  }

  /// The indices of `keys` (the list the set was made from) still left, in
  /// order: of equal keys, the last ones are the ones left.
  func leftIndices(_ keys: [Key]) -> [Int] {
    var skip: [Key: Int] = [:]
    for key in keys { skip[key, default: 0] += 1 }
    for (key, count) in counts { skip[key, default: 0] -= count }
    var left: [Int] = []
    for (index, key) in keys.enumerated() {
      if let n = skip[key], n > 0 {
        skip[key] = n - 1
      } else {
        left.append(index)
      }
    }
    return left
  }
}
