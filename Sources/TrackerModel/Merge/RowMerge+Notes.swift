import Diagnostics

/// Notes are append-only (domain.md §8.2): a return's note whose (date,
/// normalised text) is already there is a duplicate; a new one is inserted in
/// date order with its provenance; one that shares its date with a master note
/// the return no longer carries is kept beside it and reported
/// (`merge.note_edited`).
extension RowMerge {
  /// Appends the returns' new notes.
  mutating func mergeNotes() {
    var notes = original.notes
    for index in notes.indices where notes[index].provenance == nil {
      notes[index].provenance = ctx.masterProvenance(notes[index].source, period: notes[index].periodId)
    }
    guard contributions.contains(where: { !ctx.returns[$0.ret].input.plan.actions[$0.action].notes.isEmpty }) else {
      action.notes = notes
      return
    }
    let masterNotes = original.notes
    var seenIndex: NoteIndex?
    var masterByDate: [String: [Int]]?
    // Notes this merge added, so a return repeating one of them still counts as changing the row.
    var addedKeys: Set<NoteKey> = []
    for contribution in contributions {
      let source = ret(contribution)
      let returnNotes = ctx.returns[contribution.ret].input.plan.actions[contribution.action].notes
      // The return's first notes written exactly as the master's first notes
      // are already in the row (and no note this merge added equals one of
      // them): only the notes after them can add anything. A return
      // repeating (a prefix of) the master's notes as they were adds nothing.
      let repeated = RowMerge.sharedPrefix(returnNotes, masterNotes)
      if repeated == returnNotes.count { continue }
      var seen = seenIndex ?? NoteIndex(notes)
      defer { seenIndex = seen }
      var returnKeys: Set<NoteKey>?
      for note in returnNotes[repeated...] {
        guard let key = seen.insertIfNew(note) else {
          // Another return brought this note first: this one changes the row all the same.
          if !addedKeys.isEmpty, addedKeys.contains(MergeKeys.note(note)) {
            changedBy.insert(contribution.ret)
            updatedBy.insert(contribution.ret)
          }
          continue
        }
        addedKeys.insert(key)
        var added = note
        added.periodId = note.periodId.flatMap { source.periodMap[$0] }
        added.provenance = source.provenance(note.source, period: added.periodId)
        notes.insert(added, at: RowMerge.insertionIndex(for: added, in: notes))
        changedBy.insert(contribution.ret)
        updatedBy.insert(contribution.ret)
        summary.notesAdded += 1
        let byDate = masterByDate ?? RowMerge.notesByDate(masterNotes)
        masterByDate = byDate
        var replaced: [Int] = []
        if let sameDate = byDate[key.date] {
          let keys = returnKeys ?? Set(returnNotes.map(MergeKeys.note))
          returnKeys = keys
          replaced = sameDate.filter { !keys.contains(MergeKeys.note(original.notes[$0])) }
        }
        let text = RowMerge.noteText(added)
        if replaced.isEmpty {
          record(
            MergeCode.noteAdded, field: .note, periodId: added.periodId, old: "", new: text,
            source: added.provenance, subGroup: source.input.subGroup, decision: .added)
        } else {
          summary.notesEdited += 1
          let old = replaced.map { RowMerge.noteText(original.notes[$0]) }.joined(separator: "\n")
          record(
            MergeCode.noteEdited, field: .note, periodId: added.periodId, old: old, new: text,
            source: added.provenance, subGroup: source.input.subGroup, decision: .keptBoth)
          diagnostics.append(
            Diagnostic(
              code: MergeCode.noteEdited, severity: .warning,
              message: "\(name): \(who(contribution)) has a note dated \(note.date.map(\.description) ?? note.prefix ?? "") "
                + "whose text differs from the master's; kept both",
              fix: "Notes are append-only: remove the outdated wording from the master if the edit is right.",
              location: location(note.source, in: contribution),
              related: replaced.compactMap { original.notes[$0].source }))
        }
      }
    }
    action.notes = notes
  }

  /// How many of `items`' first notes are written exactly as `base`'s first
  /// notes (equal `ExactNoteKey`s, in the same places). Fields are compared
  /// in place: passing whole notes around would copy every string in them.
  static func sharedPrefix(_ items: [ProgressNote], _ base: [ProgressNote]) -> Int {
    for i in 0..<min(items.count, base.count) {
      guard items[i].date == base[i].date, items[i].text == base[i].text else { return i }
      if items[i].date == nil, items[i].prefix != base[i].prefix { return i }
      if items[i].text.isEmpty, items[i].raw != base[i].raw { return i }
    }
    return min(items.count, base.count)
  }

  /// Indices of notes by their date key (dated or with a partial prefix).
  static func notesByDate(_ notes: [ProgressNote]) -> [String: [Int]] {
    var byDate: [String: [Int]] = [:]
    for (index, note) in notes.enumerated() {
      let date = MergeKeys.noteDate(note)
      if !date.isEmpty { byDate[date, default: []].append(index) }
    }
    return byDate
  }

  /// Before the first dated note with a strictly later date; at the end for
  /// an undated note or when no later note exists.
  static func insertionIndex(for note: ProgressNote, in notes: [ProgressNote]) -> Int {
    guard let date = note.date else { return notes.count }
    return notes.firstIndex { existing in existing.date.map { date < $0 } ?? false } ?? notes.count
  }

  /// A note as the log shows it: `2021-02: text`.
  static func noteText(_ note: ProgressNote) -> String {
    let text = note.text.isEmpty ? note.raw : note.text
    guard let date = note.date else { return text }
    return "\(date): \(text)"
  }
}

/// The notes of one merged row, for de-duplication on (date, normalised
/// text): a note is normalised and compared only with the notes of its own
/// date, whose normalised texts are worked out the first time that date is
/// asked about.
///
/// There is no exact-text level before it: notes a return repeats exactly
/// in the master's places never get here (`RowMerge.sharedPrefix`), and an
/// exact copy of a note already indexed has its normalised key, so it is
/// found all the same.
struct NoteIndex {
  private var textsByDate: [String: [String]] = [:]
  private var normalisedByDate: [String: Set<String>] = [:]

  /// Indexes a row's notes.
  init(_ notes: [ProgressNote]) {
    for note in notes { textsByDate[MergeKeys.noteDate(note), default: []].append(NoteIndex.text(note)) }
  }

  /// Records a note and returns its key when it is new; `nil` when the row
  /// already has it.
  mutating func insertIfNew(_ note: ProgressNote) -> NoteKey? {
    let date = MergeKeys.noteDate(note)
    let text = MergeKeys.normalised(NoteIndex.text(note))
    if normalisedByDate[date] == nil { normalisedByDate[date] = Set((textsByDate[date] ?? []).map(MergeKeys.normalised)) }
    // Inserted in place: a copy taken out and put back would copy the set on every insert.
    let isNew = normalisedByDate[date]!.insert(text).inserted
    return isNew ? NoteKey(date: date, text: text) : nil
  }

  private static func text(_ note: ProgressNote) -> String { note.text.isEmpty ? note.raw : note.text }
}
