import TestSupport
import Testing

@testable import TrackerModel

/// Merge skips the notes and evidence items a return repeats exactly in the
/// master's places (`RowMerge.sharedPrefix`), and finds a note the row
/// already has on its (date, normalised text) alone (`NoteIndex`). Both
/// checked against the plain way on generated lists that differ from each
/// other by a field at a time.
@Suite struct RepeatedItemsTests {
  static let seeds: [UInt64] = Array(1...200)

  static let texts = ["Met with parents.", "met  with Parents.", "", "E3 audit", "Audit done"]
  static let dates: [DateValue?] = [
    nil, DateValue(year: 2021, month: 2), DateValue(year: 2021, month: 2, day: 3), DateValue(year: 2022),
  ]

  static func note(_ rng: inout SeededRandom) -> ProgressNote {
    let date = dates[rng.below(dates.count)]
    return ProgressNote(
      date: date, text: texts[rng.below(texts.count)], raw: ["raw", "Raw", ""][rng.below(3)],
      prefix: date == nil && rng.below(2) == 0 ? ["Q2", "q2 "][rng.below(2)] : nil)
  }

  static func item(_ rng: inout SeededRandom) -> EvidenceItem {
    EvidenceItem(
      text: texts[rng.below(texts.count)], ref: [nil, "", "E3", "e3"][rng.below(4)], raw: ["raw", "Raw", ""][rng.below(3)])
  }

  /// `base` and a list that copies a random number of its first items, then
  /// changes one field of the next, then goes on at random.
  static func lists<T>(_ rng: inout SeededRandom, _ make: (inout SeededRandom) -> T, _ change: (inout T, inout SeededRandom) -> Void) -> ([T], [T]) {
    let base = (0..<rng.below(6)).map { _ in make(&rng) }
    var items = Array(base.prefix(rng.below(base.count + 1)))
    if rng.below(3) > 0, items.count < base.count {
      var changed = base[items.count]
      change(&changed, &rng)
      items.append(changed)
    }
    items += (0..<rng.below(3)).map { _ in make(&rng) }
    return (items, base)
  }

  /// The plain way: how many first items have equal exact keys.
  static func plainPrefix<K: Equatable>(_ items: [K], _ base: [K]) -> Int {
    zip(items, base).prefix { $0 == $1 }.count
  }

  @Test func notesRepeatedInPlaceAreTheirExactKeys() {
    var partial = 0
    for seed in Self.seeds {
      var rng = SeededRandom(seed: seed)
      let (items, base) = Self.lists(&rng, Self.note) { note, rng in
        switch rng.below(4) {
        case 0: note.text = Self.texts[rng.below(Self.texts.count)]
        case 1: note.raw = ["raw", "Raw", ""][rng.below(3)]
        case 2: note.prefix = [nil, "Q2", "q2 "][rng.below(3)]
        default: note.date = Self.dates[rng.below(Self.dates.count)]
        }
      }
      let expected = Self.plainPrefix(items.map(ExactNoteKey.init), base.map(ExactNoteKey.init))
      #expect(RowMerge.sharedPrefix(items, base) == expected, "seed \(seed)")
      if expected > 0, expected < items.count { partial += 1 }
    }
    #expect(partial > 20)
  }

  @Test func evidenceRepeatedInPlaceIsItsExactKeys() {
    var partial = 0
    for seed in Self.seeds {
      var rng = SeededRandom(seed: seed)
      let (items, base) = Self.lists(&rng, Self.item) { item, rng in
        switch rng.below(3) {
        case 0: item.text = Self.texts[rng.below(Self.texts.count)]
        case 1: item.raw = ["raw", "Raw", ""][rng.below(3)]
        default: item.ref = [nil, "", "E3", "e3"][rng.below(4)]
        }
      }
      let expected = Self.plainPrefix(items.map(RowMerge.exactEvidence), base.map(RowMerge.exactEvidence))
      #expect(RowMerge.sharedPrefix(items, base) == expected, "seed \(seed)")
      if expected > 0, expected < items.count { partial += 1 }
    }
    #expect(partial > 20)
  }

  /// `NoteIndex.insertIfNew` gives a note's key exactly when no note before
  /// it (the row's, or one inserted) has the same `MergeKeys.note`.
  @Test func noteIndexFindsNotesByTheirNormalisedKeys() {
    var found = 0
    var added = 0
    for seed in Self.seeds {
      var rng = SeededRandom(seed: seed)
      let row = (0..<rng.below(6)).map { _ in Self.note(&rng) }
      var index = NoteIndex(row)
      var plain = Set(row.map(MergeKeys.note))
      for _ in 0..<8 {
        let note = Self.note(&rng)
        let key = MergeKeys.note(note)
        let expected: NoteKey? = plain.insert(key).inserted ? key : nil
        #expect(index.insertIfNew(note) == expected, "seed \(seed)")
        if expected == nil { found += 1 } else { added += 1 }
      }
    }
    #expect(found > 100)
    #expect(added > 100)
  }
}
