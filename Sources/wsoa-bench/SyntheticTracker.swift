import Grid

/// A deterministic tracker-shaped grid for benchmarks: one header row, then
/// `actions` rows of 11 columns shaped like the seed tracker (focus area,
/// action, lead, impact, four period statuses, notes with `<p>` fragments and
/// line breaks, evidence list, a spare column). Cells run from about 50 to
/// 2,000 characters; the same `actions` always gives the same bytes.
struct SyntheticTracker {
  /// Number of action rows.
  let actions: Int

  /// The header row's values.
  static let header: [String] = [
    "Focus Area (Intent)", "Actions (Implementation)", "Lead", "Evidence (Impact)",
    "Dec-19", "Jan-20", "Apr-21", "Dec-21", "Sub Group Action to date (Implementation)",
    "EVIDENCE", "Comments",
  ]

  static let words: [String] = """
    co-produce clearly define accountability responsibility descriptors governance structure review \
    membership partnership parents carers education providers health social care outcomes EHCP \
    assessment planning transition quality assurance framework standards inclusion exclusion SENCO \
    network district hub graduated response strategy local offer commissioning audit young people \
    children families engagement aspirations expectations progress evidence impact delivery plan
    """.split(separator: " ").map(String.init)
  private static let leads = ["Tim Moss/ Lynn Tolley", "SCM SEND", "Head of SEND", "Karl Hobson", "Cathy Morris/Lynsey Bissell"]
  private static let statuses = ["G", "A", "R", "G/A", "B", "A", "G"]
  private static let months = ["Feb", "Apr", "May", "Oct", "December", "Jan"]

  /// The values of data row `index` (0-based).
  func row(_ index: Int) -> [String] {
    var rng = SplitMix(seed: UInt64(index) &* 0x9E37_79B9 &+ 17)
    let focus = index % 7 == 3 ? "" : "Ref - \(index / 40 + 1).\(index % 9 + 1) " + Self.sentence(&rng, 6, 14)
    let action = "\(Character(UnicodeScalar(UInt8(65 + index % 8)))). " + Self.sentence(&rng, 8, 30)
    let lead = SyntheticTracker.leads[Int(rng.next() % 5)]
    let impact = "<p>" + Self.sentence(&rng, 8, 24) + "</p> <p>" + Self.sentence(&rng, 4, 14) + "</p>"
    var statuses: [String] = []
    for _ in 0..<4 { statuses.append(SyntheticTracker.statuses[Int(rng.next() % 7)]) }
    var notes = ""
    let noteCount = Int(rng.next() % 3) + 1
    for n in 0..<noteCount {
      let month = SyntheticTracker.months[Int(rng.next() % 6)]
      notes += (n == 0 ? "<p>" : "</p>\n<p>") + "\(month) 202\(1 + n % 2): " + Self.sentence(&rng, 12, 45)
    }
    notes += "</p>"
    var evidence = ""
    for n in 1...Int(rng.next() % 4 + 1) {
      evidence += "<p>\(n). " + Self.sentence(&rng, 2, 6) + "</p> "
    }
    let comment = index % 5 == 0 ? "\"Quoted\", with a comma" : ""
    return [focus, action, lead, impact] + statuses + [notes, evidence, comment]
  }

  /// `minWords` to `maxWords` words of the tracker vocabulary and a full stop (also `ShapedTracker`'s).
  static func sentence(_ rng: inout SplitMix, _ minWords: Int, _ maxWords: Int) -> String {
    let count = minWords + Int(rng.next() % UInt64(maxWords - minWords + 1))
    var text = ""
    text.reserveCapacity(count * 9)
    for i in 0..<count {
      if i > 0 { text += " " }
      text += SyntheticTracker.words[Int(rng.next() % UInt64(SyntheticTracker.words.count))]
    }
    return text + "."
  }
}

/// A small, fast, deterministic random number generator (SplitMix64).
struct SplitMix: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A deterministic mostly-numeric grid: `rows` × 10, nine numbers and one
/// short text column, for reader/writer throughput on numbers.
struct SyntheticNumericGrid {
  let rows: Int

  func row(_ index: Int) -> [CellValue] {
    var rng = SplitMix(seed: UInt64(index) &+ 1)
    var values: [CellValue] = []
    values.reserveCapacity(10)
    for column in 0..<9 {
      let raw = rng.next()
      values.append(.number(column % 3 == 0 ? Double(raw % 100_000) : Double(raw % 10_000_000) / 1000))
    }
    values.append(.text("item \(index % 1000)"))
    return values
  }
}
