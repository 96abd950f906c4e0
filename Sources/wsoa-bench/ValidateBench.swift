import AtomicOutput
import Diagnostics
import Foundation
import TrackerKit
import TrackerModel

/// Benchmarks for `wsoa validate`.
enum ValidateBench {
  /// `validate [ACTIONS|FILE.csv]`: the synthetic tracker (100,000 actions
  /// by default, written to a temporary CSV) converted (load + JSON out) and
  /// validated (load + rules); prints both and what validation adds, which
  /// should stay within a fifth of converting.
  static func pipeline(_ args: [String]) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wsoa-validate-bench-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var input = args.first ?? "100000"
    if let actions = Int(input) {
      input = dir.appendingPathComponent("tracker-\(actions).csv").path
      try GenerateBench.trackerCSV([input, String(actions)])
    }
    let output = dir.appendingPathComponent("out.json").path
    let options = ValidationOptions(today: CivilDate(year: 2022, month: 6, day: 1))
    var convert = Double.infinity
    var load = Double.infinity
    var rules = Double.infinity
    var actions = 0
    var findings = 0
    for _ in 0..<3 {
      var start = Date()
      let loaded = try TrackerLoader.load(input)
      load = min(load, Date().timeIntervalSince(start))
      try TrackerWriter.write(loaded.value, findings: loaded.diagnostics, to: output, options: WriteOptions(format: .json))
      convert = min(convert, Date().timeIntervalSince(start))
      start = Date()
      findings = Validator.validate(loaded.value, options: options).count + loaded.diagnostics.count
      rules = min(rules, Date().timeIntervalSince(start))
      actions = loaded.value.actions.count
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: input)[.size] as? Int) ?? 0
    print("validate: \(actions) actions (\(size / 1_000_000) MB CSV), \(findings) findings; best of 3")
    print(String(format: "  convert  (load + write JSON):  %.3f s", convert))
    print(String(format: "  validate (load + rules):       %.3f s", load + rules))
    print(String(format: "  rules alone:                   %.3f s = %.2f of convert (target <= 0.20)", rules, rules / convert))
  }

  /// `validate-rules [ACTIONS]`: builds the synthetic tracker's plan in code
  /// through the model's normalisers (notes, leads, evidence, statuses), then
  /// times the rules alone. Prints both and their ratio.
  static func rules(_ args: [String]) throws {
    let actions = args.first.flatMap { Int($0) } ?? 100_000
    let started = Date()
    let plan = syntheticPlan(actions: actions)
    let built = Date().timeIntervalSince(started)
    let options = ValidationOptions(today: CivilDate(year: 2022, month: 6, day: 1))
    var best = Double.infinity
    var count = 0
    let rounds = args.dropFirst().first == "loop" ? 15 : 3
    for _ in 0..<rounds {
      let start = Date()
      count = Validator.validate(plan, options: options).count
      best = min(best, Date().timeIntervalSince(start))
    }
    print("validate-rules: \(actions) actions, \(count) findings")
    print(String(format: "  normalise (build plan): %.3f s", built))
    print(String(format: "  rules (best of 3):      %.3f s  (%.2fx of normalising)", best, best / built))
    if args.dropFirst().first == "per-code" {
      let findings = Validator.validate(plan, options: options)
      let sortStart = Date()
      _ = FindingOrder.sorted(findings.reversed())
      print(String(format: "  sorting %d findings: %.3f s", findings.count, Date().timeIntervalSince(sortStart)))
      // What each code costs: the run with only that code on.
      for code in Validator.codes.sorted() {
        var only = options
        for other in Validator.codes where other != code { only.policy.disable(other) }
        let start = Date()
        let found = Validator.validate(plan, options: only).count
        print(String(format: "  %-34@ %.3f s  %7d findings", code as NSString, Date().timeIntervalSince(start), found))
      }
    }
  }

  /// The synthetic tracker's rows as a plan, normalised the way the recogniser does.
  static func syntheticPlan(actions: Int) -> Plan {
    let tracker = SyntheticTracker(actions: actions)
    var plan = Plan(id: "synthetic")
    let file = "synthetic.csv"
    for (offset, label) in SyntheticTracker.header[4..<8].enumerated() {
      guard case .period(let kind, let start, let end, let id)? = PeriodLabel.parse(label) else { continue }
      plan.periods.append(
        Period(id: id, label: label, kind: kind, start: start, end: end, column: 5 + offset,
               source: SourceLocation(file: file, cell: CellAddress(row: 1, column: 5 + offset), line: 1)))
    }
    plan.actions.reserveCapacity(actions)
    var focus = "1.1"
    for index in 0..<actions {
      let row = tracker.row(index)
      let sheetRow = index + 2
      func cell(_ column: Int) -> SourceLocation {
        SourceLocation(file: file, cell: CellAddress(row: sheetRow, column: column), line: sheetRow)
      }
      if !row[0].isEmpty { focus = String(row[0].dropFirst(6).prefix { $0 != " " }) }
      let letter = String(row[1].prefix(1))
      var action = Action(key: focus + letter, focusRef: focus, priorityId: "1", letter: letter, rawRef: letter + ".",
                          text: String(row[1].dropFirst(3)), source: cell(2))
      action.leads = LeadSplitter.split(row[2], source: cell(3))
      for (offset, period) in plan.periods.enumerated() {
        action.statuses.append(
          PeriodStatus(periodId: period.id, status: StatusVocabulary.read(row[4 + offset]).status, source: cell(5 + offset)))
      }
      action.notes = NoteSplitter.split(row[8], source: cell(9)).notes
      action.evidence = EvidenceSplitter.split(row[9], source: cell(10)).items
      plan.actions.append(action)
    }
    return plan
  }
}
