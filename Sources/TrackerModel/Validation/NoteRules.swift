import Diagnostics

/// Checks note dates against the timeline and each other:
/// `note.before_first_review` (info), `note.after_last_review`,
/// `note.future` (a note after the as-of date is reported as future only)
/// and `note.out_of_order` (dated notes in one cell not chronological).
struct NoteDateRule: ActionRule {
  static let before = "note.before_first_review"
  static let after = "note.after_last_review"
  static let future = "note.future"
  static let outOfOrder = "note.out_of_order"
  var codes: [String] { [Self.before, Self.after, Self.future, Self.outOfOrder] }

  func check(_ view: ActionView, _ context: ValidationContext, into findings: inout [Diagnostic]) {
    guard !view.noteWindows.isEmpty else { return }
    let notes = view.action.notes
    let periods = context.timeline.periods
    var previous: (first: CivilDate, last: CivilDate, note: Int)? = nil
    let asOf = context.asOf(for: view.action)
    for window in view.noteWindows {
      let note = notes[window.note]
      var label: String { NoteDateRule.label(note) }
      var cell: SourceLocation? { note.source ?? view.action.source }
      if window.first > asOf {
        if context.isEnabled(Self.future) {
          findings.append(
            context.finding(Self.future, "note dated \"\(label)\" is after the as-of date \(asOf)", at: cell))
        }
      } else if let last = periods.last, window.first > last.end {
        // With a period heading unread, the note may be in that period.
        if context.isEnabled(Self.after), context.unreadPeriods.isEmpty {
          findings.append(
            context.finding(
              Self.after, "note dated \"\(label)\" is after the last review period \(last.label) (ends \(last.end))",
              at: cell, related: last.source.map { [$0] } ?? []))
        }
      } else if let first = periods.first, window.last < first.start, context.isEnabled(Self.before) {
        findings.append(
          context.finding(
            Self.before, "note dated \"\(label)\" is before the first review period \(first.label); attributed to \(first.label)",
            at: cell))
      }
      if let earlier = previous, notes[earlier.note].source == note.source, window.last < earlier.first,
        context.isEnabled(Self.outOfOrder)
      {
        findings.append(
          context.finding(
            Self.outOfOrder,
            "note dated \"\(label)\" comes after the note dated \"\(NoteDateRule.label(notes[earlier.note]))\" in this cell",
            at: cell))
      }
      previous = window
    }
  }

  /// The note's date as a council writes it (`Oct 2019`, `14 Feb 2021`, `Q3 2024/25`).
  static func label(_ note: ProgressNote) -> String {
    if let prefix = note.prefix?.trimmingSpaces, !prefix.isEmpty { return prefix }
    guard let date = note.date else { return "" }
    return DateLabel.uk(date)
  }
}

/// UK-style labels for dates at their precision.
enum DateLabel {
  static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// `2021`, `Feb 2021`, `14 Feb 2021`, `Q4 2020/21`.
  static func uk(_ date: DateValue) -> String {
    let monthName = date.month.flatMap { (1...12).contains($0) ? months[$0 - 1] : nil } ?? "?"
    switch date.precision {
    case .year: return String(date.year)
    case .month: return "\(monthName) \(date.year)"
    case .day: return "\(date.day ?? 1) \(monthName) \(date.year)"
    case .quarter:
      let month = date.month ?? 4
      let quarter = month >= 4 ? (month - 4) / 3 + 1 : 4
      let startYear = month >= 4 ? date.year : date.year - 1
      let next = (startYear + 1) % 100
      return "Q\(quarter) \(startYear)/\(next < 10 ? "0" : "")\(next)"
    }
  }
}

/// `status.note_disagrees` (info): a dated note reports a colour ("flagged
/// this as Amber") other than the status recorded for the note's period.
/// Only colour words in rating phrases count (`as amber`, `rated red`,
/// `green rating`), so "Green Paper" is not a rating.
struct NoteDisagreesRule: ActionRule {
  static let code = "status.note_disagrees"
  var codes: [String] { [Self.code] }

  func check(_ view: ActionView, _ context: ValidationContext, into findings: inout [Diagnostic]) {
    let timeline = context.timeline
    for window in view.noteWindows {
      guard let index = timeline.index(containing: window.first) else { continue }
      let status = view.status(index)
      guard status.rating.isColour else { continue }
      let note = view.action.notes[window.note]
      guard let (word, rating) = ColourPhrase.first(in: note.text) else { continue }
      if rating == status.rating || rating == status.towards || rating == context.legend.effectiveRating(status) {
        continue
      }
      findings.append(
        context.finding(
          Self.code,
          "the \(NoteDateRule.label(note)) note says \"\(word)\" but \(view.action.key) is \(view.raw(index)) in \(timeline.periods[index].label)",
          at: note.source ?? view.action.source, related: view.cell(index, timeline).map { [$0] } ?? []))
    }
  }
}

/// Finds colour words used as ratings in free text, scanning bytes: each
/// ASCII word of up to 8 letters is packed lower-cased into a `UInt64` and
/// compared with constants (notes are the bulk of a tracker's text).
enum ColourPhrase {
  private static func pack(_ word: String) -> UInt64 {
    word.utf8.reduce(0) { $0 << 8 | UInt64($1) }
  }
  private static let colours: [UInt64: Rating] = [
    pack("red"): .red, pack("amber"): .amber, pack("green"): .green, pack("blue"): .blue, pack("grey"): .grey,
    pack("gray"): .grey,
  ]
  private static let before: Set<UInt64> = Set(["as", "at", "to", "rated", "is", "remains", "now", "rag"].map(pack))
  private static let after: Set<UInt64> = Set(["rating", "status", "rag", "rated"].map(pack))

  /// The first colour word in a rating phrase, as written, with its rating.
  static func first(in text: String) -> (String, Rating)? {
    var text = text
    return text.withUTF8 { scan($0) }
  }

  private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, Rating)? {
    var previous: UInt64 = 0
    var current: UInt64 = 0
    var currentRange = 0..<0
    var index = 0
    let count = bytes.count
    while true {
      while index < count, !isLetter(bytes[index]) { index += 1 }
      let start = index
      var packed: UInt64 = 0
      while index < count, isLetter(bytes[index]) {
        packed = packed << 8 | UInt64(bytes[index] | 0x20)
        index += 1
      }
      if index - start > 8 { packed = 0 }
      if currentRange.count >= 3, currentRange.count <= 5, let rating = colours[current],
        before.contains(previous) || after.contains(packed)
      {
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[currentRange]), as: UTF8.self), rating)
      }
      if start == index { return nil }
      previous = current
      current = packed
      currentRange = start..<index
    }
  }

  private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}
