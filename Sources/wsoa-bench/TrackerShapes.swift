/// Tracker shapes that differ the way councils' trackers do, for the shape
/// benchmark (`scripts/bench/shapes.sh`). `standard` is `SyntheticTracker`
/// unchanged; the others vary one family of traits each:
///
/// | shape | focus areas | notes per cell | periods | evidence, cross-references |
/// |---|---|---|---|---|
/// | `small-areas` | ~22,000 of 2-7 actions | 3-9 dated paragraphs | 4 | dense (3-9 items, `see 1.2B` in notes and evidence) |
/// | `large-areas` | 8 of 12,500 actions | 1-2 short paragraphs | 4 | sparse (most cells empty) |
/// | `monthly` | ~4,300 of 20-26 actions | 1-3 paragraphs | 24 monthly columns | sparse |
/// | `dense` | ~11,000 of 9 actions | 5-12 dated paragraphs | 24 monthly columns | dense |
///
/// The same shape and action count always give the same bytes.
struct ShapedTracker {
  /// The traits a shape varies.
  struct Shape {
    /// Actions per focus area: a range the generator draws from.
    var areaSize: ClosedRange<Int>
    /// Dated paragraphs per notes cell.
    var notes: ClosedRange<Int>
    /// Words per note paragraph.
    var noteWords: ClosedRange<Int>
    /// Number of monthly period columns (4 keeps the seed's four review columns).
    var periods: Int
    /// Evidence items per cell; 0 in the lower bound leaves cells empty.
    var evidence: ClosedRange<Int>
    /// One note paragraph or evidence item in `crossReferenceEvery` carries a `see 1.2B`.
    var crossReferenceEvery: Int
  }

  /// The shapes by name.
  static let shapes: [String: Shape] = [
    "small-areas": Shape(areaSize: 2...7, notes: 3...9, noteWords: 8...24, periods: 4, evidence: 3...9, crossReferenceEvery: 3),
    "large-areas": Shape(areaSize: 12_500...12_500, notes: 1...2, noteWords: 6...20, periods: 4, evidence: 0...1, crossReferenceEvery: 50),
    "monthly": Shape(areaSize: 20...26, notes: 1...3, noteWords: 12...45, periods: 24, evidence: 0...2, crossReferenceEvery: 40),
    "dense": Shape(areaSize: 5...13, notes: 5...12, noteWords: 6...20, periods: 24, evidence: 3...9, crossReferenceEvery: 3),
  ]

  let shape: Shape
  let actions: Int

  private static let leads = ["Tim Moss/ Lynn Tolley", "SCM SEND", "Head of SEND", "Karl Hobson", "Cathy Morris/Lynsey Bissell"]
  /// Statuses from worst to best, and the same in words (as some cells spell them).
  private static let ladder = ["R", "A", "G", "B"]
  private static let statusWords = ["Red", "amber", "Green", "Complete"]
  private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// The header row's values.
  var header: [String] {
    var periods: [String] = []
    if shape.periods == 4 {
      periods = ["Dec-19", "Jan-20", "Apr-21", "Dec-21"]
    } else {
      for m in 0..<shape.periods { periods.append("\(Self.monthNames[m % 12])-\(21 + m / 12)") }
    }
    return ["Focus Area (Intent)", "Actions (Implementation)", "Lead", "Evidence (Impact)"] + periods
      + ["Sub Group Action to date (Implementation)", "EVIDENCE", "Comments"]
  }

  /// Every data row in order, handed to `body` one at a time.
  func forEachRow(_ body: ([String]) -> Void) {
    var rng = SplitMix(seed: 0x5EED &+ UInt64(actions))
    var area = 0
    var index = 0
    while index < actions {
      let size = draw(&rng, shape.areaSize)
      let ref = "\(area / 9 + 1).\(area % 9 + 1)"
      let title = "Ref - \(ref) " + SyntheticTracker.sentence(&rng, 6, 14)
      for position in 0..<min(size, actions - index) {
        // Filled down as merged cells are: only an area's first row names it.
        let focus = position == 0 ? title : ""
        body(row(&rng, focus: focus, position: position, areas: area + 1))
        index += 1
      }
      area += 1
    }
  }

  private func row(_ rng: inout SplitMix, focus: String, position: Int, areas: Int) -> [String] {
    let letter = Character(UnicodeScalar(UInt8(65 + position % 26)))
    let action = "\(letter). " + SyntheticTracker.sentence(&rng, 8, 30)
    let lead = Self.leads[Int(rng.next() % 5)]
    let impact = "<p>" + SyntheticTracker.sentence(&rng, 8, 24) + "</p> <p>" + SyntheticTracker.sentence(&rng, 4, 14) + "</p>"
    var statuses: [String] = []
    // Later review columns are often still blank; a status mostly stays or
    // improves from one review to the next, now and then slipping back.
    let filled = shape.periods - Int(rng.next() % UInt64(shape.periods / 2 + 1))
    var level = 1 + Int(rng.next() % 2)
    for p in 0..<shape.periods {
      guard p < filled else {
        statuses.append("")
        continue
      }
      switch rng.next() % 20 {
      case 0..<3: level = min(Self.ladder.count - 1, level + 1)
      case 19: level = max(0, level - 1)
      default: break
      }
      switch rng.next() % 25 {
      case 0, 1: statuses.append(Self.statusWords[level])
      case 2: statuses.append(level < 3 ? Self.ladder[level] + "/" + Self.ladder[level + 1] : Self.ladder[level])
      default: statuses.append(Self.ladder[level])
      }
    }
    var notes = ""
    let noteCount = draw(&rng, shape.notes)
    for n in 0..<noteCount {
      let month = Self.monthNames[Int(rng.next() % 12)]
      let year = 2021 + n * 2 / max(1, noteCount)
      let date =
        switch rng.next() % 4 {
        case 0: "\(month) \(year): "
        case 1: "\(rng.next() % 28 + 1)/\(rng.next() % 12 + 1)/\(year) - "
        case 2: "\(rng.next() % 28 + 1).\(rng.next() % 12 + 1).\(year % 100) "
        default: "Update \(month) \(year) - "
        }
      notes += (n == 0 ? "<p>" : "</p>\n<p>") + date + SyntheticTracker.sentence(&rng, shape.noteWords.lowerBound, shape.noteWords.upperBound)
      if rng.next() % UInt64(shape.crossReferenceEvery) == 0 { notes += " " + crossReference(&rng, areas: areas) }
    }
    notes += "</p>"
    var evidence = ""
    let items = draw(&rng, shape.evidence)
    if items > 0 {
      for n in 1...items {
        let reference = rng.next() % UInt64(shape.crossReferenceEvery) == 0 ? " " + crossReference(&rng, areas: areas) : ""
        evidence += "<p>\(n). " + SyntheticTracker.sentence(&rng, 2, 6) + reference + "</p> "
      }
    }
    let comment = rng.next() % 5 == 0 ? "\"Quoted\", with a comma" : ""
    return [focus, action, lead, impact] + statuses + [notes, evidence, comment]
  }

  /// `see 3.4C` (an earlier or later area), sometimes in the seed's other spellings.
  private func crossReference(_ rng: inout SplitMix, areas: Int) -> String {
    let target = Int(rng.next() % UInt64(areas + 3))
    let key = "\(target / 9 + 1).\(target % 9 + 1)\(Character(UnicodeScalar(UInt8(65 + rng.next() % 4))))"
    switch rng.next() % 3 {
    case 0: return "SEE \(key)"
    case 1: return "(see [\(key.lowercased()) above])"
    default: return "see \(key)"
    }
  }

  private func draw(_ rng: inout SplitMix, _ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(rng.next() % UInt64(range.count))
  }
}
