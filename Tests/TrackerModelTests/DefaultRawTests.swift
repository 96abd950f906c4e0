import Foundation
import Testing
@testable import TrackerModel

/// Notes and evidence items keep their raw text only when it is not the
/// one their other fields give; `raw` must read the same either way.
@Suite struct DefaultRawTests {
  /// Raw texts that are, and are not, a note's default, with the prefix and text.
  static let notes: [(raw: String, prefix: String?, text: String, isDefault: Bool)] = [
    ("Feb 2021: Panel met", "Feb 2021", "Panel met", true),
    ("Feb 2021 - Panel met", "Feb 2021", "Panel met", false),
    ("Feb 2021:  Panel met", "Feb 2021", "Panel met", false),
    ("<p>Feb 2021: Panel met</p>", "Feb 2021", "Panel met", false),
    ("Q2", "Q2", "", true),
    ("Panel met", nil, "Panel met", true),
    ("Panel met ", nil, "Panel met", false),
    // The same characters in other bytes (a decomposed é) are kept exactly.
    ("Mar 2022: Cafe\u{301} opened", "Mar 2022", "Caf\u{E9} opened", false),
    ("Mar 2022: Caf\u{E9} opened", "Mar 2022", "Caf\u{E9} opened", true),
    ("", nil, "", true),
  ]

  /// Raw texts that are, and are not, an evidence item's default, with the number and text.
  static let items: [(raw: String, number: Int?, text: String, isDefault: Bool)] = [
    ("2. Minutes of the panel", 2, "Minutes of the panel", true),
    ("2) Minutes of the panel", 2, "Minutes of the panel", false),
    ("12. Audit", 12, "Audit", true),
    ("Audit report", nil, "Audit report", true),
    ("- Audit report", nil, "Audit report", false),
    ("1. ", 1, "", true),
    ("-3. Audit", -3, "Audit", false),
  ]

  @Test func aNoteReadsTheRawItWasGiven() {
    for c in Self.notes {
      let note = ProgressNote(date: nil, text: c.text, raw: c.raw, prefix: c.prefix)
      #expect(Array(note.raw.utf8) == Array(c.raw.utf8), "\(c.raw)")
      #expect(note.hasDefaultRaw == c.isDefault, "\(c.raw)")
      #expect(note.rawUTF8Count == c.raw.utf8.count, "\(c.raw)")
    }
  }

  @Test func anItemReadsTheRawItWasGiven() {
    for c in Self.items {
      let item = EvidenceItem(number: c.number, text: c.text, raw: c.raw)
      #expect(Array(item.raw.utf8) == Array(c.raw.utf8), "\(c.raw)")
      #expect(item.hasDefaultRaw == c.isDefault, "\(c.raw)")
      #expect(item.rawUTF8Count == c.raw.utf8.count, "\(c.raw)")
    }
  }

  @Test func changingTheTextKeepsTheRawAsWritten() {
    var note = ProgressNote(date: nil, text: "Panel met", raw: "Feb 2021: Panel met", prefix: "Feb 2021")
    note.text = "Panel met twice"
    #expect(note.raw == "Feb 2021: Panel met")
    note.prefix = "Mar 2021"
    #expect(note.raw == "Feb 2021: Panel met")
    // Back to the fields the raw was written from: nothing of its own kept.
    note.text = "Panel met"
    note.prefix = "Feb 2021"
    #expect(note.hasDefaultRaw)
    #expect(note == ProgressNote(date: nil, text: "Panel met", raw: "Feb 2021: Panel met", prefix: "Feb 2021"))

    var item = EvidenceItem(number: 2, text: "Minutes", raw: "2. Minutes")
    item.number = 3
    #expect(item.raw == "2. Minutes")
    item.text = "Agenda"
    #expect(item.raw == "2. Minutes")
    item.raw = "3. Agenda"
    #expect(item.hasDefaultRaw)
    #expect(item == EvidenceItem(number: 3, text: "Agenda", raw: "3. Agenda"))
  }

  @Test func settingTheRawKeepsItUnlessItIsTheDefault() {
    var note = ProgressNote(date: nil, text: "Panel met", raw: "Feb 2021: Panel met", prefix: "Feb 2021")
    note.raw = "Feb 2021 — Panel met"
    #expect(note.raw == "Feb 2021 — Panel met")
    #expect(!note.hasDefaultRaw)
    note.raw = "Feb 2021: Panel met"
    #expect(note.hasDefaultRaw)
  }

  @Test func codableWritesTheRawAndReadsItBack() throws {
    let notes = Self.notes.map { ProgressNote(date: nil, text: $0.text, raw: $0.raw, prefix: $0.prefix) }
    let items = Self.items.map { EvidenceItem(number: $0.number, text: $0.text, raw: $0.raw) }
    let noteData = try JSONEncoder().encode(notes)
    let itemData = try JSONEncoder().encode(items)
    let decodedNotes = try JSONDecoder().decode([ProgressNote].self, from: noteData)
    let decodedItems = try JSONDecoder().decode([EvidenceItem].self, from: itemData)
    #expect(decodedNotes == notes)
    #expect(decodedItems == items)
    #expect(decodedNotes.map { Array($0.raw.utf8) } == Self.notes.map { Array($0.raw.utf8) })
    // Every value's raw is written, the default ones too.
    let written = try #require(JSONSerialization.jsonObject(with: itemData) as? [[String: Any]])
    #expect(written.map { $0["raw"] as? String } == Self.items.map(\.raw))
    // A document without raw reads the default.
    let bare = try JSONDecoder().decode(EvidenceItem.self, from: Data(#"{"number":4,"text":"Log"}"#.utf8))
    #expect(bare.raw == "4. Log")
    #expect(bare.hasDefaultRaw)
  }
}
