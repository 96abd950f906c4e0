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
    for window in view.noteWindows {
      let note = notes[window.note]
      let label = NoteDateRule.label(note)
      let cell = note.source ?? view.action.source
      if window.first > context.asOf {
        if context.isEnabled(Self.future) {
          findings.append(
            context.finding(Self.future, "note dated \"\(label)\" is after the as-of date \(context.asOf)", at: cell))
        }
      } else if let last = periods.last, window.first > last.end {
        if context.isEnabled(Self.after) {
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

/// Finds colour words used as ratings in free text, scanning bytes (no
/// per-word allocation: notes are the bulk of a tracker's text).
enum ColourPhrase {
  private static let colours: [([UInt8], Rating)] = [
    (Array("red".utf8), .red), (Array("amber".utf8), .amber), (Array("green".utf8), .green),
    (Array("blue".utf8), .blue), (Array("grey".utf8), .grey), (Array("gray".utf8), .grey),
  ]
  private static let before: [[UInt8]] = ["as", "at", "to", "rated", "is", "remains", "now", "rag"].map { Array($0.utf8) }
  private static let after: [[UInt8]] = ["rating", "status", "rag", "rated"].map { Array($0.utf8) }

  /// The first colour word in a rating phrase, as written, with its rating.
  static func first(in text: String) -> (String, Rating)? {
    var text = text
    return text.withUTF8 { scan($0) }
  }

  private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, Rating)? {
    var previous = 0..<0
    var current = 0..<0
    var index = 0
    let count = bytes.count
    while true {
      while index < count, !isLetter(bytes[index]) { index += 1 }
      let start = index
      while index < count, isLetter(bytes[index]) { index += 1 }
      let next = start..<index
      if let found = judge(bytes, previous, current, next) { return found }
      if next.isEmpty { return nil }
      previous = current
      current = next
    }
  }

  private static func judge(
    _ bytes: UnsafeBufferPointer<UInt8>, _ previous: Range<Int>, _ word: Range<Int>, _ next: Range<Int>
  ) -> (String, Rating)? {
    guard (3...5).contains(word.count),
      let rating = colours.first(where: { equals(bytes, word, $0.0) })?.1
    else { return nil }
    guard before.contains(where: { equals(bytes, previous, $0) }) || after.contains(where: { equals(bytes, next, $0) })
    else { return nil }
    return (String(decoding: UnsafeBufferPointer(rebasing: bytes[word]), as: UTF8.self), rating)
  }

  private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

  private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ lower: [UInt8]) -> Bool {
    guard range.count == lower.count else { return false }
    var offset = 0
    for index in range {
      if bytes[index] | 0x20 != lower[offset] { return false }
      offset += 1
    }
    return true
  }
}
