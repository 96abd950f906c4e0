/// A deterministic master tracker and sub-group returns for the merge
/// benchmark, as grids of strings (written with `GenerateBench.writeCSVRow`).
///
/// The master has `actions` rows with unique keys (`1.1A` … `50.10T`, so
/// `1.1` and `1.10` both occur), ten sub-groups (`Group 01` … `Group 10`),
/// five review periods, 1–3 dated notes and 1–3 evidence items per row.
/// Return *k* is a full copy of the master with a sixth period (`Apr-22`):
/// for its own sub-group's rows it adds that period's status, a dated note
/// and an evidence item, rewrites one past status in fifty, and it sets the
/// new period on one row in a hundred of the next sub-group (out of remit,
/// usually in conflict with that group's own return).
struct SyntheticMergeTrackers {
  /// Rows in the master.
  let actions: Int
  /// Number of returns.
  let returns: Int

  static let periods = ["Jan-21", "Apr-21", "Jul-21", "Oct-21", "Jan-22"]
  static let newPeriod = "Apr-22"
  private static let leads = ["Tim Moss/ Lynn Tolley", "SCM SEND", "Head of SEND", "Karl Hobson", "Cathy Morris/Lynsey Bissell"]
  private static let codes = ["G", "A", "R", "G/A", "B", "A", "G"]
  private static let months = ["Feb", "Apr", "May", "Oct", "December", "Jan"]
  private static let words = """
    co-produce define accountability governance review membership partnership parents carers providers \
    health outcomes EHCP assessment planning transition quality framework inclusion SENCO district hub \
    graduated response strategy offer commissioning audit families engagement aspirations evidence impact
    """.split(separator: " ").map(String.init)

  /// The sub-group of return `k` (0-based).
  static func group(_ k: Int) -> String { "Group " + (k + 1 < 10 ? "0" : "") + String(k + 1) }

  /// The master's header row.
  var masterHeader: [String] {
    ["Focus Area", "Actions", "Lead", "Sub-group", "Evidence (Impact)"] + Self.periods + ["Progress update", "Evidence"]
  }

  /// A return's header row (one more period).
  var returnHeader: [String] {
    ["Focus Area", "Actions", "Lead", "Sub-group", "Evidence (Impact)"] + Self.periods + [Self.newPeriod, "Progress update", "Evidence"]
  }

  /// The master's row `index` (0-based).
  func masterRow(_ index: Int) -> [String] {
    let row = base(index)
    return row.head + row.statuses + [row.notes, row.evidence]
  }

  /// Return `k`'s row `index`.
  func returnRow(_ index: Int, of k: Int) -> [String] {
    var row = base(index)
    var next = ""
    let owner = index % returns
    if owner == k {
      var rng = SplitMix(seed: UInt64(index &* 7919 &+ k))
      next = Self.codes[Int(rng.next() % 7)]
      row.notes += "<p>Apr 2022: " + sentence(&rng, 8, 20) + "</p>"
      row.evidence += " <p>\(row.evidenceCount + 1). Return \(k + 1) evidence " + sentence(&rng, 2, 5) + "</p>"
      if index % 50 == 0 { row.statuses[4] = row.statuses[4] == "R" ? "A" : "R" }
    } else if owner == (k + 1) % returns, index % 100 == 0 {
      next = "R"
    }
    return row.head + row.statuses + [next, row.notes, row.evidence]
  }

  private struct Base {
    var head: [String]
    var statuses: [String]
    var notes: String
    var evidence: String
    var evidenceCount: Int
  }

  private func base(_ index: Int) -> Base {
    var rng = SplitMix(seed: UInt64(index) &* 0x9E37_79B9 &+ 101)
    let area = index / 20
    let focus = "Ref - \(area / 10 + 1).\(area % 10 + 1) " + sentence(&rng, 4, 10)
    let letter = String(UnicodeScalar(UInt8(65 + index % 20)))
    let head = [
      focus, "\(letter). " + sentence(&rng, 8, 24), Self.leads[Int(rng.next() % 5)], Self.group(index % returns),
      sentence(&rng, 6, 18),
    ]
    let statuses = Self.periods.map { _ in Self.codes[Int(rng.next() % 7)] }
    var notes = ""
    for n in 0..<Int(rng.next() % 3 + 1) {
      notes += "<p>\(Self.months[Int(rng.next() % 6)]) 202\(1 + n % 2): " + sentence(&rng, 10, 36) + "</p>"
    }
    let count = Int(rng.next() % 3 + 1)
    var evidence = ""
    for n in 1...count { evidence += (n > 1 ? " " : "") + "<p>\(n). " + sentence(&rng, 2, 6) + "</p>" }
    return Base(head: head, statuses: statuses, notes: notes, evidence: evidence, evidenceCount: count)
  }

  private func sentence(_ rng: inout SplitMix, _ minWords: Int, _ maxWords: Int) -> String {
    let count = minWords + Int(rng.next() % UInt64(maxWords - minWords + 1))
    var text = ""
    for i in 0..<count {
      if i > 0 { text += " " }
      text += Self.words[Int(rng.next() % UInt64(Self.words.count))]
    }
    return text + "."
  }
}
