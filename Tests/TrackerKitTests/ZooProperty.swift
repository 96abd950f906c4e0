import Diagnostics
import Foundation
import TestSupport
import TrackerKit
import TrackerModel

/// The zoo's property: every rendering of one content reads to the same plan
/// (`PlanComparison.Carrier.layout`) and the same multiset of finding codes
/// per action.
enum ZooProperty {
  /// Codes that describe the file rather than its content, so they may
  /// differ between renderings of one content: the CSV reader's encoding and
  /// quoting notes (`csv.*`), the XLSX reader's (`xlsx.*`), short records
  /// padded to the header's width (`layout.ragged_row`), how a status
  /// *spelling* was read (`status.normalised`: `green` read as Green is a
  /// note about the spelling the rendering chose), and that a table was
  /// read as a long export (`layout.long_table`: the shape the rendering
  /// chose, pivoted into the same plan). Every other code counts.
  static let renderingCodes: Set<String> = ["layout.ragged_row", "status.normalised", "layout.long_table"]
  static let renderingCodePrefixes = ["csv.", "xlsx."]

  /// The findings of a plan that are not at an action's row.
  static let planBucket = "(not at an action)"

  /// What one rendering reads to.
  struct Reading: Sendable {
    var plan: Plan?
    var failure: String?
    /// Action key (or `planBucket`) → sorted finding codes.
    var codes: [String: [String]] = [:]
  }

  /// Reads and validates one rendering as `wsoa validate` does (no config
  /// file, the content's as-of date, a fixed today).
  static func read(_ rendering: ZooManifest.Rendering, asOf: String) -> Reading {
    let path = Fixtures.url("zoo/" + rendering.file).path
    let settings = ValidationSettings(
      asOf: TrackerConfig.isoDate(asOf), today: CivilDate(year: 2026, month: 1, day: 1), discoversConfig: false)
    let verdict = TrackerValidation.validate(file: path, settings: settings, loader: TrackerValidation.defaultLoader)
    if let failure = verdict.failure { return Reading(failure: failure.message) }
    guard let plan = verdict.plan else { return Reading(failure: "no plan") }
    return Reading(plan: plan, codes: codesByAction(plan, verdict.findings))
  }

  static func isRenderingCode(_ code: String) -> Bool {
    renderingCodes.contains(code) || renderingCodePrefixes.contains { code.hasPrefix($0) }
  }

  /// Findings grouped by the action whose row holds their cell (a period's
  /// row holds none).
  static func codesByAction(_ plan: Plan, _ findings: [Diagnostic]) -> [String: [String]] {
    var rows: [String: String] = [:]
    func note(_ location: SourceLocation?, _ key: String) {
      guard let location, let row = location.cell?.row else { return }
      let k = "\(location.sheet ?? "")\u{1}\(row)"
      if rows[k] == nil { rows[k] = key }
    }
    for a in plan.actions {
      note(a.source, a.key)
      for s in a.statuses { note(s.source, a.key) }
      for n in a.notes { note(n.source, a.key) }
      for e in a.evidence { note(e.source, a.key) }
      for l in a.leads + a.accountable { note(l.source, a.key) }
      for x in a.extra { note(x.source, a.key) }
    }
    // A finding at a period's own cell is about the period, wherever the
    // rendering put it (a long export names each period on action rows).
    func cell(_ l: SourceLocation?) -> String? { l.flatMap { l in l.cell.map { "\(l.sheet ?? "")\u{1}\($0.row)\u{1}\($0.column)" } } }
    let periodCells = Set(plan.periods.compactMap { cell($0.source) })
    var codes: [String: [String]] = [:]
    for f in findings where !isRenderingCode(f.code) {
      let atPeriod = cell(f.location).map(periodCells.contains) ?? false
      let key = atPeriod ? planBucket : f.location.flatMap { l in l.cell.flatMap { rows["\(l.sheet ?? "")\u{1}\($0.row)"] } } ?? planBucket
      codes[key, default: []].append(f.code)
    }
    return codes.mapValues { $0.sorted() }
  }

  /// The first way a rendering differs from its reference, or `nil`.
  static func difference(_ reading: Reading, from reference: Reading) -> String? {
    if let failure = reading.failure { return "unreadable: \(failure)" }
    guard let plan = reading.plan, let base = reference.plan else { return "the reference is unreadable" }
    let a = PlanComparison.content(base, .layout)
    let b = PlanComparison.content(plan, .layout)
    if a != b { return "plan: " + firstDifference(a, b) }
    for key in Set(reading.codes.keys).union(reference.codes.keys).sorted() {
      let mine = reading.codes[key] ?? []
      let theirs = reference.codes[key] ?? []
      if mine != theirs {
        let missing = subtract(theirs, mine)
        let extra = subtract(mine, theirs)
        return "findings of \(key) differ: missing [\(missing.joined(separator: ", "))], extra [\(extra.joined(separator: ", "))]"
      }
    }
    return nil
  }

  /// The first differing line of the two plans' JSON, cut to the text
  /// around its first differing character, with the action or section it is in.
  static func firstDifference(_ reference: Plan, _ plan: Plan) -> String {
    let left = String(decoding: PlanJSONWriter.bytes(reference, findings: []), as: UTF8.self).split(separator: "\n").map(Array.init)
    let right = String(decoding: PlanJSONWriter.bytes(plan, findings: []), as: UTF8.self).split(separator: "\n").map(Array.init)
    for i in 0..<max(left.count, right.count) {
      let l = i < left.count ? left[i] : Array("<end>")
      let r = i < right.count ? right[i] : Array("<end>")
      guard l != r else { continue }
      let common = zip(l, r).prefix { $0 == $1 }.count
      let from = max(0, common - 60)
      func cut(_ s: [Character]) -> String {
        (from > 0 ? "…" : "") + String(s[min(from, s.count)..<min(s.count, common + 140)]) + (s.count > common + 140 ? "…" : "")
      }
      let section = left[..<min(i, left.count)].last { $0.starts(with: Array("    \"")) }.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
      let key = String(l).range(of: "\"key\":\"").map { r in String(String(l)[r.upperBound...].prefix { $0 != "\"" }) }
      return "JSON line \(i + 1)\(key.map { " (action \($0))" } ?? (section.isEmpty ? "" : " (in \(section))"))\n"
        + "  reference: \(cut(l))\n  rendering: \(cut(r))"
    }
    return "no difference in JSON"
  }

  private static func subtract(_ a: [String], _ b: [String]) -> [String] {
    var rest = b
    return a.filter { code in
      if let i = rest.firstIndex(of: code) { rest.remove(at: i); return false }
      return true
    }
  }
}

/// Every rendering read once (in parallel on first use), shared by the tests.
enum ZooReadings {
  /// Whether to read the whole zoo: `ZOO=all` (`scripts/test.sh` sets it
  /// under `CI=true`). Else the references, every single (one value
  /// changed) and one mixed rendering in `sampleStride`, the same ones
  /// every run.
  static let readsAll: Bool = ProcessInfo.processInfo.environment["ZOO"] == "all"
  static let sampleStride = 4

  /// The renderings this run checks.
  static let checked: [ZooManifest.Rendering] = ZooManifest.shared.renderings.enumerated()
    .filter { readsAll || $0.element.kind != "mixed" || $0.offset % sampleStride == 0 }.map(\.element)

  /// file → what it reads to.
  static let all: [String: ZooProperty.Reading] = {
    let list = checked
    let results = ResultBox(count: list.count)
    var asOf: [String: String] = [:]
    for c in ZooManifest.shared.contents { asOf[c] = ZooExpectation.load(c)?.validateAsOf ?? "2025-01-01" }
    let dates = asOf
    DispatchQueue.concurrentPerform(iterations: list.count) { i in
      results.set(i, ZooProperty.read(list[i], asOf: dates[list[i].content] ?? "2025-01-01"))
    }
    var map: [String: ZooProperty.Reading] = [:]
    for (i, r) in list.enumerated() { map[r.file] = results.get(i) }
    return map
  }()

  /// A rendering's difference from its reference (`nil` when the same).
  static func difference(_ rendering: ZooManifest.Rendering) -> String? {
    guard let reading = all[rendering.file] else { return nil }
    guard let ref = ZooManifest.shared.reference(of: rendering.content), let base = all[ref.file] else {
      return "no reference rendering for \(rendering.content)"
    }
    return ZooProperty.difference(reading, from: base)
  }

  private final class ResultBox: @unchecked Sendable {
    private var items: [ZooProperty.Reading?]
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: ZooProperty.Reading) { lock.lock(); items[i] = r; lock.unlock() }
    func get(_ i: Int) -> ZooProperty.Reading? { lock.lock(); defer { lock.unlock() }; return items[i] }
  }
}
