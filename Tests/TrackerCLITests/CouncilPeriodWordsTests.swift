import Foundation
import TestSupport
import Testing
import TrackerKit

/// `[periods]` in `wsoa.toml`: a council's own month, term, quarter and
/// status words and whole review labels make its headings periods in
/// convert, validate and merge alike, on generated trackers that spell them
/// many ways; a bad entry is reported with its line and column.
@Suite("wsoa.toml [periods]: a council's own period words reach convert, validate and merge")
struct CouncilPeriodWordsTests {
  static let config = """
    # Welsh month and quarter words, Oxford term names, our own review labels
    [periods]
    status-words = ["Position", "Sefyllfa"]
    quarter-words = ["Chwarter"]

    [periods.months]
    Ionawr = 1
    Chwefror = "February"
    Mawrth = 3
    Medi = "Sept"
    Hydref = 10

    [periods.terms]
    Michaelmas = "autumn"
    Lent = "spring"
    Trinity = "summer"

    [periods.labels]
    Baseline = 2021-12-31
    "Review 1" = "Q1 2023/24"
    "Mid-year review" = "Sep-22"

    """

  /// A council heading and the built-in heading it must read as.
  static let pool: [(council: String, builtIn: String)] = [
    ("Ionawr 2024", "Jan-24"), ("Chwefror-24", "Feb-24"), ("Medi '23", "Sep-23"), ("Hydref 2022", "October 2022"),
    ("Ionawr - Mawrth 2024", "Jan-Mar 2024"), ("Michaelmas 2023", "Autumn 2023"), ("Lent term 2024", "Spring term 2024"),
    ("Trinity 2 2024", "Summer 2 2024"), ("Chwarter 2 2023/24", "Q2 2023/24"), ("2022/23 Chwarter 3", "Q3 2022/23"),
    ("Baseline", "2021-12-31"), ("Review 1", "Q1 2023/24"), ("Mid-year review", "Sep-22"),
  ]

  /// The status-column words a heading may carry around its period.
  static let decorations: [(String, String)] = [
    ("", ""), ("RAG ", ""), ("", " RAG"), ("Position ", ""), ("Sefyllfa: ", ""), ("Status (", ")"), ("", " Position"),
  ]

  /// The period id the built-in grammar gives a heading.
  static func id(_ heading: String) throws -> String {
    guard case .period(_, _, _, let id)? = PeriodLabel.parse(heading) else { throw Unreadable(heading: heading) }
    return id
  }

  struct Unreadable: Error { let heading: String }

  /// A generated tracker: three or four of the council's headings (distinct
  /// periods), each spelt with a random decoration and case, and the ids they
  /// must read as, in column order.
  static func tracker(seed: UInt64, separator: String) throws -> (text: String, headings: [String], ids: [String]) {
    var random = SeededRandom(seed: seed)
    var chosen: [(String, String)] = []
    var ids: [String] = []
    while chosen.count < 3 + random.below(2) {
      let entry = pool[random.below(pool.count)]
      let id = try id(entry.builtIn)
      guard !ids.contains(id) else { continue }
      ids.append(id)
      let (before, after) = decorations[random.below(decorations.count)]
      var heading = before + entry.council + after
      switch random.below(3) {
      case 0: heading = heading.uppercased()
      case 1: heading = heading.lowercased()
      default: break
      }
      chosen.append((heading, entry.builtIn))
    }
    let headings = chosen.map(\.0)
    var text = (["Ref", "Action", "Lead"] + headings).joined(separator: separator) + "\n"
    let codes = ["G", "A", "R"]
    for n in 1...3 {
      let statuses = headings.indices.map { _ in codes[random.below(codes.count)] }
      text += (["1.\(n)", "Action number \(n)", "Lead \(n)"] + statuses).joined(separator: separator) + "\n"
    }
    return (text, headings, ids)
  }

  /// A scratch folder holding `wsoa.toml` and `files`.
  static func folder(_ files: [String: String], config: String? = CouncilPeriodWordsTests.config) throws -> URL {
    let root = try Fixtures.scratchDirectory("council-periods")
    if let config { try Data(config.utf8).write(to: root.appendingPathComponent("wsoa.toml")) }
    for (name, text) in files { try Data(text.utf8).write(to: root.appendingPathComponent(name)) }
    return root
  }

  /// The period ids of a wsoa/1 JSON document (in date order), and each action's statuses by period id.
  static func periods(_ json: URL) throws -> (ids: [String], statuses: [String: [String: String]]) {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
    let plan = (object["plan"] as? [String: Any]) ?? object
    let periods = (plan["periods"] as? [[String: Any]]) ?? []
    var statuses: [String: [String: String]] = [:]
    for action in (plan["actions"] as? [[String: Any]]) ?? [] {
      let key = (action["key"] as? String) ?? "?"
      for status in (action["statuses"] as? [[String: Any]]) ?? [] {
        if let period = status["periodId"] as? String {
          statuses[key, default: [:]][period] = (status["status"] as? [String: Any])?["raw"] as? String
        }
      }
    }
    return (periods.compactMap { $0["id"] as? String }, statuses)
  }

  static let seeds: [UInt64] = [1, 2, 3, 4, 5, 6, 7, 8]

  @Test(arguments: seeds)
  func convertReadsTheCouncilsHeadingsAsPeriods(_ seed: UInt64) throws {
    let separator = seed % 2 == 0 ? "\t" : ","
    let name = seed % 2 == 0 ? "return.tsv" : "return.csv"
    let (text, headings, ids) = try Self.tracker(seed: seed, separator: separator)
    let root = try Self.folder([name: text])
    let input = root.appendingPathComponent(name).path
    let out = root.appendingPathComponent("out.json")
    let convert = try ProcessRunner.wsoa(["convert", input, "-o", out.path])
    #expect(convert.status == 0, "\(headings): \(convert.stderr)")
    #expect(!convert.stderr.contains("layout.period_unparsed"), "\(headings): \(convert.stderr)")
    let read = try Self.periods(out)
    #expect(read.ids.sorted() == ids.sorted(), "\(headings)")
    #expect(read.statuses["1.1"]?.count == ids.count, "\(headings): \(read.statuses)")
    // Without the council's words the same headings are not all periods.
    let plain = try ProcessRunner.wsoa(["convert", input, "-o", out.path, "--no-config"])
    #expect(try Self.periods(out).ids.sorted() != ids.sorted(), "\(headings) read as periods without [periods]: \(plain.stderr)")
  }

  @Test(arguments: seeds)
  func validateJudgesTheCouncilsPeriods(_ seed: UInt64) throws {
    let (text, headings, ids) = try Self.tracker(seed: seed, separator: "\t")
    // Every action red throughout: status.stalled (2 periods) fires once an action only when they are periods.
    var lines = text.split(separator: "\n").map(String.init)
    for n in 1..<lines.count {
      let cells = lines[n].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      lines[n] = (cells[..<3] + cells[3...].map { _ in "R" }).joined(separator: "\t")
    }
    let root = try Self.folder(["return.tsv": lines.joined(separator: "\n") + "\n"], config: Self.config + "[validate]\nstalled-periods = 2\n")
    let input = root.appendingPathComponent("return.tsv").path
    let validate = try ProcessRunner.wsoa(["validate", input, "--as-of", "2024-12-31", "--format", "json"])
    let report = try #require(try JSONSerialization.jsonObject(with: validate.stdoutData) as? [String: Any], "\(validate.stderr)")
    let files = try #require(report["files"] as? [[String: Any]])
    let codes = files.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }.compactMap { $0["code"] as? String }
    #expect(!codes.contains("layout.period_unparsed"), "\(headings): \(codes)")
    #expect(codes.filter { $0 == "status.stalled" }.count == 3, "\(headings) (\(ids)): \(codes)")
    let plain = try ProcessRunner.wsoa(["validate", input, "--as-of", "2024-12-31", "--no-config", "--format", "json"])
    #expect(!plain.stdout.contains("status.stalled"), "\(headings) judged without [periods]")
  }

  @Test(arguments: seeds)
  func mergeMatchesTheCouncilsPeriodsToTheMasters(_ seed: UInt64) throws {
    let (returned, headings, ids) = try Self.tracker(seed: seed, separator: "\t")
    // The master spells the same periods the built-in way, with no statuses yet.
    let builtIn = headings.map { heading in
      Self.pool.first { heading.lowercased().contains($0.council.lowercased()) }!.builtIn
    }
    var master = (["Ref", "Action", "Lead"] + builtIn).joined(separator: "\t") + "\n"
    for n in 1...3 { master += (["1.\(n)", "Action number \(n)", "Lead \(n)"] + builtIn.map { _ in "" }).joined(separator: "\t") + "\n" }
    let root = try Self.folder(["master.tsv": master, "return.tsv": returned])
    let out = root.appendingPathComponent("merged.json")
    let args = ["merge", root.appendingPathComponent("master.tsv").path, root.appendingPathComponent("return.tsv").path, "-o", out.path]
    let merge = try ProcessRunner.wsoa(args + ["--sub-group", "EHCP"])
    #expect(merge.status == 0, "\(headings): \(merge.stderr)")
    let merged = try Self.periods(out)
    #expect(merged.ids.sorted() == ids.sorted(), "\(headings)")
    let row = returned.split(separator: "\n")[1].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    #expect(ids.indices.map { merged.statuses["1.1"]?[ids[$0]] } == Array(row[3...]), "\(headings): \(merged.statuses)")
    // Without [periods] the return's statuses have no period of the master's to go to.
    let plain = try ProcessRunner.wsoa(args + ["--sub-group", "EHCP", "--no-config"])
    let unmerged = try Self.periods(out).statuses["1.1"] ?? [:]
    #expect(ids.indices.map { unmerged[ids[$0]] } != Array(row[3...]), "\(headings) merged without [periods]: \(plain.stderr)")
  }

  /// wsoa's long CSV keeps each note as written; read back with the same
  /// config, a note that starts with a council period word is dated as it was.
  @Test func aLongCSVReadsBackItsNotesDatedWithTheCouncilsWords() throws {
    let tracker = "Ref\tAction\tLead\tMichaelmas 2022\tLent 2023\tProgress notes\n"
      + "1.1\tAction one\tLead 1\tA\tG\tMichaelmas 2022: started the work\n"
    let root = try Self.folder(["return.tsv": tracker])
    let first = root.appendingPathComponent("first.json")
    let long = root.appendingPathComponent("long.csv")
    let back = root.appendingPathComponent("back.json")
    #expect(try ProcessRunner.wsoa(["convert", root.appendingPathComponent("return.tsv").path, "-o", first.path]).status == 0)
    #expect(try ProcessRunner.wsoa(["convert", first.path, "--to", "csv", "--shape", "long", "-o", long.path]).status == 0)
    #expect(try ProcessRunner.wsoa(["convert", long.path, "-o", back.path]).status == 0)
    func notes(_ url: URL) throws -> [String] {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
      let plan = (object["plan"] as? [String: Any]) ?? object
      let actions = (plan["actions"] as? [[String: Any]]) ?? []
      return actions.flatMap { ($0["notes"] as? [[String: Any]]) ?? [] }.map { note in
        "\((note["date"] as? [String: Any])?["date"] as? String ?? "undated"): \(note["text"] as? String ?? "")"
      }
    }
    #expect(try notes(first) == ["2022-12-31: started the work"])
    #expect(try notes(back) == notes(first))
  }

  @Test(arguments: [
    ("[periods.months]\nIonawr = 13\n", "2:1: month word \"Ionawr\" must name a month"),
    ("[periods]\nmonths = { Ionawr = 1, \"Ion awr\" = 1 }\n", "2:24: month word \"Ion awr\" must be one word of the letters a-z"),
    ("\n[periods.months]\nMar = 5\n", "3:1: month word \"Mar\" is already a period word"),
    ("[periods.terms]\nLent = \"winter\"\n", "2:1: term word \"Lent\" must name a term"),
    ("[periods]\nstatus_words = [\"Position\"]\n", "2:1: unknown key \"status_words\" in [periods]; keys are spelt as on the command line: \"status-words\""),
    ("[periods]\nquarter-words = \"Chwarter\"\n", "2:1: quarter-words must be a list of words"),
    ("[periods.labels]\nBaseline = \"the start\"\n", "2:1: label \"Baseline\" must be a review date"),
    ("[periods.months]\nIonawr = 1\n[periods.terms]\nIonawr = \"spring\"\n", "4:1: term word \"Ionawr\" is defined twice in [periods]"),
  ])
  func aBadEntryIsReportedWithItsLineAndColumn(_ toml: String, _ expected: String) throws {
    let root = try Self.folder(["return.tsv": "Ref\tAction\tJan-24\n1.1\tAn action\tG\n"], config: toml)
    let input = root.appendingPathComponent("return.tsv").path
    let config = root.appendingPathComponent("wsoa.toml").path
    for args in [["convert", input, "-o", root.appendingPathComponent("o.json").path], ["validate", input], ["config", "--show", input]] {
      let run = try ProcessRunner.wsoa(args)
      #expect(run.status == 65, "\(args[0]): \(run.stderr)")
      #expect((run.stderr + run.stdout).contains(config + ":" + expected), "\(args[0]): \(run.stderr)\(run.stdout)")
    }
  }

  @Test func configShowPrintsThePeriodWordsWithTheirOrigin() throws {
    let root = try Self.folder(["return.tsv": "Ref\tAction\tJan-24\n1.1\tAn action\tG\n"])
    let show = try ProcessRunner.wsoa(["config", "--show", root.appendingPathComponent("return.tsv").path])
    #expect(show.status == 0, "\(show.stderr)")
    let config = root.appendingPathComponent("wsoa.toml").path
    let lines = show.stdout.split(separator: "\n").map(String.init)
    let table = try #require(lines.firstIndex(of: "[periods]"), "\(show.stdout)")
    #expect(lines[table + 1].hasPrefix("status-words = [\"Position\", \"Sefyllfa\"]") && lines[table + 1].hasSuffix("# \(config):3"))
    #expect(lines.contains { $0.hasPrefix("months = { ") && $0.contains("Ionawr = 1") && $0.hasSuffix("# \(config):6") }, "\(show.stdout)")
    #expect(lines.contains { $0.hasPrefix("labels = { ") && $0.contains("\"Review 1\" = \"Q1 2023/24\"") }, "\(show.stdout)")
  }
}
